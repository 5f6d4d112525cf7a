import type { Enrolment } from '@paxscreen/contracts';

import { readList, readListFile } from '../read-list';
import { samplePath } from '../testing/fixtures';

const HEADER =
  'programme,card_number,surname,given_names,date_of_birth,nationality,document_number,document_issuer,valid_from,valid_to,pre_cleared_economies';
const csv = (...rows: string[]) => ({ name: 'abtc.csv', bytes: Buffer.from([HEADER, ...rows].join('\n')) });
const GOOD = 'ABTC,C1,LEE,Ann,1980-01-01,SGP,X1,SGP,2024-01-01,2028-12-31,AUS NZL;JP';

describe('enrolment (TTP / ABTC) CSV reader', () => {
  it('reads the sample with ABTC economies and TTP programmes', async () => {
    const read = await readListFile(samplePath('enrolments.csv'));
    expect(read.kind).toBe('enrolments');
    expect(read.findings).toEqual([]);
    expect(read.stats).toMatchObject({ rows: 6, entries: 6, persons: 6 });
    const [abtc, , , globalEntry] = read.entries as Enrolment[];
    expect(abtc).toMatchObject({ kind: 'ABTC', programme: 'ABTC', validTo: '2027-12-31' });
    expect(abtc.preClearedEconomies).toContain('HKG');
    expect(abtc.preClearedEconomies).toContain('TWN');
    expect(globalEntry).toMatchObject({
      kind: 'TTP',
      programme: 'GLOBAL_ENTRY',
      preClearedEconomies: ['USA'],
    });
  });

  it('derives kind from the programme and accepts economies separated by spaces, semicolons, pipes', async () => {
    const read = await readList(csv(GOOD));
    expect(read.entries).toEqual([
      expect.objectContaining({
        entryId: 'ABTC:C1',
        kind: 'ABTC',
        preClearedEconomies: ['AUS', 'NZL', 'JPN'],
      }),
    ]);
  });

  it.each([
    [
      'a validity ending before it starts',
      'ABTC,C2,LEE,Ann,1980-01-01,SGP,X1,SGP,2028-01-01,2024-12-31,AUS',
      'INVALID_VALIDITY',
    ],
    ['no card number', 'ABTC,,LEE,Ann,1980-01-01,SGP,X1,SGP,2024-01-01,2028-12-31,AUS', 'MISSING_FIELD'],
    [
      'an unreadable birth date',
      'ABTC,C2,LEE,Ann,1980-02-30,SGP,X1,SGP,2024-01-01,2028-12-31,AUS',
      'MISSING_FIELD',
    ],
  ])('a row with %s is skipped with an error on its line', async (_label, row, code) => {
    const read = await readList(csv(GOOD, row));
    expect(read.entries).toHaveLength(1);
    expect(read.findings).toContainEqual(expect.objectContaining({ code, severity: 'error', segment: 3 }));
  });

  it('an ABTC without economies is kept with a warning', async () => {
    const read = await readList(csv('ABTC,C3,LEE,Ann,1980-01-01,SGP,X1,SGP,2024-01-01,2028-12-31,'));
    expect(read.entries).toHaveLength(1);
    expect(read.findings.map((f) => f.code)).toEqual(['NO_ECONOMIES']);
  });
});
