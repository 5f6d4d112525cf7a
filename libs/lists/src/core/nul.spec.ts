import type { LostStolenDocument, WatchlistEntry } from '@paxscreen/contracts';

import { readListSync } from '../read-list';

const read = (name: string, text: string) => readListSync({ name, bytes: Buffer.from(text, 'utf8') });

describe('list data holding a NUL: the entry kept, the NUL filed as U+FFFD, a warning naming where', () => {
  it.each([
    [
      'escaped in a JSON list',
      'national.json',
      '{"entries":[{"id":"1","name":"JOHN\\u0000 EXAMPLE"},{"id":"2","name":"JANE EXAMPLE"}]}',
    ],
    ['as a raw byte in a CSV list', 'national.csv', 'id,name\n1,JOHN\u0000 EXAMPLE\n2,JANE EXAMPLE\n'],
  ])('%s', (_, name, text) => {
    const result = read(name, text);
    const entries = result.entries as WatchlistEntry[];
    expect(entries.map((e) => e.names[0].full)).toEqual(['JOHN\ufffd EXAMPLE', 'JANE EXAMPLE']);
    expect(result.stats.entries).toBe(2);
    expect(result.findings).toEqual([
      {
        code: 'NUL_REPLACED',
        severity: 'warning',
        message: 'entry 1: a NUL character was filed as U+FFFD',
        field: 'names.0.full',
      },
    ]);
    expect(JSON.stringify(result.findings)).not.toContain('JOHN');
  });

  it('in an entry id of a lost and stolen documents list (a document number keeps only letters and digits)', () => {
    const result = read(
      'lost.csv',
      'id,document_number,issuer,document_type,status,reported_on\nL\u00001,XS00\u0000999,FRA,P,STOLEN,2024-01-15\n',
    );
    expect(result.entries as LostStolenDocument[]).toEqual([
      expect.objectContaining({ entryId: 'L\ufffd1', number: 'XS00999' }),
    ]);
    expect(result.findings.map((f) => [f.code, f.field, f.message])).toEqual([
      ['NUL_REPLACED', 'entryId', 'entry L\ufffd1: a NUL character was filed as U+FFFD'],
    ]);
  });

  it('leaves a list without NUL as it was read', () => {
    const result = read('national.csv', 'id,name\n1,JOHN EXAMPLE\n');
    expect(result.findings).toEqual([]);
    expect((result.entries as WatchlistEntry[])[0].names[0].full).toBe('JOHN EXAMPLE');
  });
});
