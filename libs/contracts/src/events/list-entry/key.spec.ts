import { LIST_ID_PATTERN, listEntryKey, parseListEntryKey } from './key';

describe('list entry keys', () => {
  it.each([
    ['UN', true],
    ['ofac-sdn', true],
    ['national.v2', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
    ['-leading-dash', false],
    ['has space', false],
    ['has:colon', false],
    ['', false],
  ])('%p is a list id: %p', (id, ok) => expect(LIST_ID_PATTERN.test(id)).toBe(ok));

  it('round-trips list id and entry id (entry ids may hold colons)', () => {
    expect(parseListEntryKey(listEntryKey('UN', 'QDi.1:2'))).toEqual({ listId: 'UN', entryId: 'QDi.1:2' });
  });
});
