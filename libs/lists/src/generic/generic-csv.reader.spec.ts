import { readList, readListFile } from '../read-list';
import { samplePath } from '../testing/fixtures';

const HEADER = 'id,kind,surname,given_names,name,aliases,dates_of_birth,nationalities,gender,documents';
const csv = (...rows: string[]) => ({
  name: 'national.csv',
  bytes: Buffer.from([HEADER, ...rows].join('\n')),
});

describe('generic national-list CSV reader', () => {
  it('reads the documented sample', async () => {
    const read = await readListFile(samplePath('national-watchlist.csv'));
    expect(read.format).toBe('GENERIC_CSV');
    expect(read.listId).toBe('NATIONAL-WATCHLIST');
    expect(read.findings).toEqual([]);
    expect(read.stats).toMatchObject({ rows: 6, entries: 6, persons: 4, entities: 2 });
    expect(read.entries[2]).toMatchObject({
      entryId: 'NWL-0003',
      names: [
        { full: "Yusuf Hamid AL-SAMARRA'I", type: 'primary' },
        { full: 'Youssef Hamed AL SAMARAI', type: 'alias' },
        { full: 'Abu Hamid', type: 'alias' },
        { full: 'يوسف حامد السامرائي', type: 'original' },
      ],
      datesOfBirth: [{ date: '1969', qualifier: 'circa' }],
      documents: [{ type: 'I', number: 'XI0000004', issuer: 'IRQ' }],
    });
    expect(read.entries[3]).toMatchObject({ nationalities: ['VNM'], datesOfBirth: [{ date: '1992-11' }] });
  });

  it.each([
    ['no id', ',PERSON,DOE,John,,,,,,', 'MISSING_ID', 'national.csv:id'],
    ['no name', 'X1,PERSON,,,,,,,,', 'MISSING_NAME', 'national.csv:name'],
  ])('a row with %s is skipped with a finding on its line', async (_label, row, code, field) => {
    const read = await readList(csv('G1,PERSON,GOOD,Row,,,1970,GBR,M,P:X1:GBR', row));
    expect(read.entries.map((e) => e.entryId)).toEqual(['G1']);
    expect(read.findings).toEqual([expect.objectContaining({ code, segment: 3, field, severity: 'error' })]);
    expect(read.stats.skipped).toBe(1);
  });

  it.each([
    ['an unknown country', 'G2,PERSON,DOE,Jane,,,1970,Atlantis,F,', 'UNKNOWN_COUNTRY', 'nationalities', []],
    ['an unreadable date', 'G2,PERSON,DOE,Jane,,,31 Feb 1970,GBR,F,', 'DATE_INVALID', 'datesOfBirth', []],
    ['an unknown kind', 'G2,SHIP,DOE,Jane,,,1970,GBR,F,', 'UNKNOWN_KIND', 'kind', 'UNKNOWN'],
    ['an unknown gender', 'G2,PERSON,DOE,Jane,,,1970,GBR,Q,', 'UNKNOWN_GENDER', 'gender', undefined],
  ] as const)('%s gives a warning and keeps the entry', async (_label, row, code, key, value) => {
    const read = await readList(csv(row));
    expect(read.entries).toHaveLength(1);
    expect((read.entries[0] as unknown as Record<string, unknown>)[key]).toEqual(value);
    expect(read.findings).toEqual([expect.objectContaining({ code, segment: 2, severity: 'warning' })]);
    expect(JSON.stringify(read.findings)).not.toMatch(/DOE|Jane|1970|Atlantis/);
  });

  it('a repeated id keeps the first row', async () => {
    const read = await readList(csv('G1,PERSON,A,B,,,,,,', 'G1,PERSON,C,D,,,,,,'));
    expect(read.entries).toHaveLength(1);
    expect(read.findings.map((f) => [f.code, f.segment])).toEqual([['DUPLICATE_ENTRY', 3]]);
  });

  it('a file without a name column is unreadable as a whole', async () => {
    await expect(readList({ name: 'n.csv', bytes: Buffer.from('id,remarks\n1,x\n') })).rejects.toMatchObject({
      code: 'MISSING_COLUMNS',
    });
  });
});
