import type { WatchlistEntry } from '@paxscreen/contracts';

import { readListFile } from '../read-list';
import { listPath } from '../testing/fixtures';

async function entries(file: string): Promise<WatchlistEntry[]> {
  const read = await readListFile(listPath(file));
  expect(read.format).toBe('CSL_CSV');
  expect(read.findings).toEqual([]);
  return read.entries as WatchlistEntry[];
}

describe('US Consolidated Screening List CSV reader', () => {
  it('reads the older layout: source code in programs, ids as "country, number, type"', async () => {
    const list = await entries('csl.csv');
    expect(list).toHaveLength(115);
    const sdn = list.find((e) => e.entryId === 'SDN-20264')!;
    expect(sdn).toMatchObject({
      kind: 'ENTITY',
      names: [{ full: '200G PSA HOLDINGS LLC', type: 'primary' }],
    });
    expect(sdn.programs).toEqual(['SDN', 'SDNTK']);
    // Rows without entity_number get a content id under their source code.
    expect(list[0].entryId).toMatch(/^DPL-[0-9a-f]{16}$/);
  });

  it('reads the current layout: _id, alt names, DOB, places, passports as "type, number, country"', async () => {
    const list = await entries('csl_us_consolidated_sample.csv');
    expect(list).toHaveLength(13);
    const plc = list.find((e) => e.entryId === '9673')!;
    expect(plc).toMatchObject({
      kind: 'PERSON',
      names: [
        { full: 'Mohammed ABU JHEISHEH', type: 'primary' },
        { full: 'Mohammad Mutlaq ABU JHESHEH', type: 'alias' },
        { full: 'Mohammed ABU JEHEISHA', type: 'alias' },
      ],
      datesOfBirth: [{ date: '1955' }],
      placesOfBirth: ['Izna, Hebron'],
      programs: ['PLC', 'NS-PLC'],
    });
    const withPassport = list.filter((e) => e.documents.some((d) => d.type === 'P'));
    expect(withPassport.map((e) => e.documents)).toContainEqual([
      { type: 'P', number: '836238033', issuer: 'PRK' },
    ]);
    expect(withPassport.find((e) => e.documents[0]?.issuer === 'TUR')).toMatchObject({ gender: 'M' });
  });
});
