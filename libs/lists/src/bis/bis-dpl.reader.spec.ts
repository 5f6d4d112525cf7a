import { readList, readListFile } from '../read-list';
import { listPath } from '../testing/fixtures';

describe('BIS Denied Persons List reader', () => {
  it('reads dpl.txt; exact repeated rows are reported once each and skipped', async () => {
    const read = await readListFile(listPath('dpl.txt'));
    expect(read.format).toBe('BIS_DPL_TXT');
    expect(read.listId).toBe('BIS-DPL');
    expect(read.stats).toMatchObject({ rows: 546, entries: 543, skipped: 3 });
    expect(read.findings.map((f) => f.code)).toEqual([
      'DUPLICATE_ENTRY',
      'DUPLICATE_ENTRY',
      'DUPLICATE_ENTRY',
    ]);
    expect(read.entries[0]).toMatchObject({
      kind: 'UNKNOWN',
      names: [{ full: 'ADRIAN MANUEL HERNANDEZ', type: 'primary' }],
      programs: ['DPL'],
      listedOn: '2017-10-16',
    });
  });

  it('a row without a name is skipped with its line', async () => {
    const text = '"Name"\t"Street_Address"\t"Effective_Date"\t"FR_Citation"\n""\t"x"\t"01/02/2003"\t"c"\n';
    const read = await readList({ name: 'dpl.txt', bytes: Buffer.from(text) });
    expect(read.findings).toEqual([expect.objectContaining({ code: 'MISSING_NAME', segment: 2 })]);
  });
});
