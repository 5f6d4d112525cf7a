/**
 * The dispositions topic is compacted under `<identityKey>:<listId>:<entryId>`: the latest verdict
 * on one list entry for one identity. A tombstone (null value) withdraws it. WARNING: changing this
 * format (or identityKey's recipe) forgets every remembered disposition.
 */
export function dispositionKey(identityKey: string, listId: string, entryId: string): string {
  return `${identityKey}:${listId}:${entryId}`;
}

export function parseDispositionKey(key: string): { identityKey: string; listId: string; entryId: string } {
  const first = key.indexOf(':');
  const second = first < 0 ? -1 : key.indexOf(':', first + 1);
  if (second < 0) return { identityKey: key, listId: '', entryId: '' };
  return {
    identityKey: key.slice(0, first),
    listId: key.slice(first + 1, second),
    entryId: key.slice(second + 1),
  };
}
