import { readList, readListFile } from '../read-list';
import { GTAS_WATCHLIST } from '../testing/fixtures';

describe('GTAS watchlist CSV reader', () => {
  it('reads wl-NS.csv: one person per row, citizenship, documents, ambiguous dates kept as years', async () => {
    const read = await readListFile(GTAS_WATCHLIST);
    expect(read.format).toBe('GTAS_WATCHLIST_CSV');
    expect(read.listId).toBe('WL-NS');
    expect(read.stats).toMatchObject({ rows: 7, entries: 7, persons: 7, skipped: 0 });
    expect(read.entries[0]).toMatchObject({
      kind: 'PERSON',
      names: [
        { full: 'ROBERT ANTONIO PICHA', type: 'primary', surname: 'PICHA', givenNames: 'ROBERT ANTONIO' },
      ],
      datesOfBirth: [],
      nationalities: ['GBR'],
      documents: [{ type: 'P', number: 'P123456', issuer: 'USA' }],
    });
    expect(read.entries[1]).toMatchObject({
      datesOfBirth: [{ date: '1975' }],
      documents: [{ type: 'OTHER', number: '883456', issuer: 'USA', note: 'type V' }],
    });
    const codes = read.findings.map((f) => [f.code, f.segment, f.field]);
    expect(codes).toContainEqual(['DATE_AMBIGUOUS', 3, 'wl-NS.csv:dob']);
    // "CHI" is neither Chile (CHL) nor China (CHN): reported, not guessed.
    expect(codes).toContainEqual(['UNKNOWN_COUNTRY', 8, 'wl-NS.csv:coc']);
    expect(read.entries[6]).toMatchObject({ nationalities: [] });
  });

  it('reads day/month order when told, and gives stable content ids', async () => {
    const bytes = Buffer.from(
      'firstname,lastname,middlename,dob,documentcountry,documentnumber,documenttype,coc,phone,email\n' +
        'ann,lee,,2-12-1965,USA,P1,P,USA,,\n',
    );
    const mdy = await readList({ name: 'wl.csv', bytes }, { dateOrder: 'MDY' });
    const dmy = await readList({ name: 'wl.csv', bytes }, { dateOrder: 'DMY' });
    expect(mdy.entries[0]).toMatchObject({ datesOfBirth: [{ date: '1965-02-12' }] });
    expect(dmy.entries[0]).toMatchObject({ datesOfBirth: [{ date: '1965-12-02' }] });
    expect(mdy.entries[0].entryId).toBe(dmy.entries[0].entryId);
    expect(mdy.entries[0].entryId).toMatch(/^GTAS-[0-9a-f]{16}$/);
  });
});
