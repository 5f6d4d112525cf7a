import { readList, readListFile } from '../read-list';
import { samplePath } from '../testing/fixtures';

const HEADER = 'document_number,issuer,document_type,status,reported_on';
const csv = (...rows: string[]) => ({ name: 'sltd.csv', bytes: Buffer.from([HEADER, ...rows].join('\n')) });

describe('lost / stolen documents CSV reader', () => {
  it('reads the sample: issuers as codes or names, numbers in compared form', async () => {
    const read = await readListFile(samplePath('lost-stolen-documents.csv'));
    expect(read.kind).toBe('documents');
    expect(read.format).toBe('LOST_STOLEN_CSV');
    expect(read.findings).toEqual([]);
    expect(read.stats).toMatchObject({ rows: 8, entries: 8, skipped: 0 });
    expect(read.entries[2]).toEqual({
      listId: 'LOST-STOLEN-DOCUMENTS',
      entryId: 'LSD-0003',
      number: 'XC0000103',
      issuer: 'CAN',
      documentType: 'P',
      status: 'LOST',
      reportedOn: '2024-02-20',
    });
    expect(read.entries.map((e) => ('issuer' in e ? e.issuer : ''))).toContain('DEU');
    expect(read.entries.map((e) => ('issuer' in e ? e.issuer : ''))).toContain('JPN');
  });

  it('without an id column the entry id is issuer and number', async () => {
    const read = await readList(csv('ab-12 34,GBR,P,stolen,'));
    expect(read.entries).toEqual([
      {
        listId: 'SLTD',
        entryId: 'GBR-AB1234',
        number: 'AB1234',
        issuer: 'GBR',
        documentType: 'P',
        status: 'STOLEN',
      },
    ]);
  });

  it.each([
    ['no number', ',GBR,P,LOST,', 'MISSING_DOCUMENT_NUMBER', 'error'],
    ['an unknown issuer', 'X1,Atlantis,P,LOST,', 'MISSING_ISSUER', 'error'],
    ['no status', 'X1,GBR,P,,', 'MISSING_STATUS', 'error'],
  ])('a row with %s is skipped', async (_label, row, code, severity) => {
    const read = await readList(csv('OK1,FRA,P,LOST,2024-01-01', row));
    expect(read.entries).toHaveLength(1);
    expect(read.findings).toContainEqual(expect.objectContaining({ code, severity, segment: 3 }));
    expect(read.stats.skipped).toBe(1);
  });

  it.each([
    ['an unknown status', 'X1,GBR,P,MISPLACED,', 'UNKNOWN_STATUS'],
    ['a bad report date', 'X1,GBR,P,LOST,2024-13-01', 'DATE_INVALID'],
  ])('a row with %s is kept with a warning', async (_label, row, code) => {
    const read = await readList(csv(row));
    expect(read.entries).toHaveLength(1);
    expect(read.findings).toEqual([expect.objectContaining({ code, severity: 'warning', segment: 2 })]);
  });
});
