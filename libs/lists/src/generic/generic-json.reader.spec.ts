import { readList, readListFile } from '../read-list';
import { asWatchlist, samplePath } from '../testing/fixtures';

const json = (value: unknown) => ({ name: 'list.json', bytes: Buffer.from(JSON.stringify(value)) });

describe('generic national-list JSON reader', () => {
  it('reads the documented sample, with its own listId', async () => {
    const read = asWatchlist(await readListFile(samplePath('national-watchlist.json')));
    expect(read.format).toBe('GENERIC_JSON');
    expect(read.listId).toBe('NATIONAL-WL');
    expect(read.findings).toEqual([]);
    expect(read.entries.map((e) => [e.listId, e.entryId, e.kind])).toEqual([
      ['NATIONAL-WL', 'NWL-1001', 'PERSON'],
      ['NATIONAL-WL', 'NWL-1002', 'PERSON'],
      ['NATIONAL-WL', 'NWL-1003', 'ENTITY'],
    ]);
    expect(read.entries[0]).toMatchObject({
      datesOfBirth: [{ date: '1975-08-09' }, { from: '1974', to: '1976', qualifier: 'circa' }],
      nationalities: ['FRA', 'BEL'],
      documents: [
        { type: 'P', number: 'XP0001001', issuer: 'FRA' },
        { type: 'I', number: 'XB0001002', issuer: 'BEL' },
      ],
    });
    expect(read.entries[1].names.map((n) => n.type)).toEqual(['primary', 'original', 'alias']);
    expect(read.entries[1].documents).toEqual([{ type: 'P', number: 'XR 0001003', issuer: 'RUS' }]);
  });

  it('reads back its own output (WatchlistEntry shape)', async () => {
    const first = await readListFile(samplePath('national-watchlist.json'));
    const again = await readList(json(first.entries), { listId: 'NATIONAL-WL' });
    expect(again.entries).toEqual(first.entries);
  });

  it('bad entries give findings by index; the others are read', async () => {
    const read = await readList(
      json([{ id: 'A', name: 'GOOD ONE' }, 'nope', { name: 'NO ID' }, { id: 'B' }]),
    );
    expect(read.entries.map((e) => e.entryId)).toEqual(['A']);
    expect(read.findings.map((f) => [f.code, f.segment])).toEqual([
      ['NOT_AN_OBJECT', 1],
      ['MISSING_ID', 2],
      ['MISSING_NAME', 3],
    ]);
  });

  it.each([
    ['not JSON', '{"entries": [', 'JSON_SYNTAX'],
    ['no entries', '{"items": []}', 'JSON_STRUCTURE'],
  ])('%s is a typed error', async (_label, text, code) => {
    await expect(readList({ name: 'x.json', bytes: Buffer.from(text) })).rejects.toMatchObject({ code });
  });
});
