import { decodeCursor, encodeCursor, InvalidCursorError, pageOf } from './cursor';

describe('cursors', () => {
  it('round-trips', () => {
    expect(decodeCursor(encodeCursor(['2026-12-06T10:00:00.000Z', 'D1']), 2)).toEqual([
      '2026-12-06T10:00:00.000Z',
      'D1',
    ]);
    expect(decodeCursor(undefined, 2)).toBeUndefined();
  });

  it.each(['bogus', encodeCursor(['one']), Buffer.from('{"a":1}').toString('base64url')])(
    'refuses %p',
    (c) => {
      expect(() => decodeCursor(c, 2)).toThrow(InvalidCursorError);
    },
  );

  it('pages with limit + 1 rows', () => {
    const page = pageOf(
      [1, 2, 3],
      2,
      (n) => n * 10,
      (n) => [String(n)],
    );
    expect(page.items).toEqual([10, 20]);
    expect(decodeCursor(page.nextCursor, 1)).toEqual(['2']);
    expect(
      pageOf(
        [1],
        2,
        (n) => n,
        (n) => [String(n)],
      ).nextCursor,
    ).toBeUndefined();
  });
});
