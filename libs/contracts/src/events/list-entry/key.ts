/**
 * Compacted list topics are keyed `listId:entryId`. A tombstone (null value) under a key removes
 * the entry. WARNING: changing this format orphans every entry already compacted under the old key.
 */
export function listEntryKey(listId: string, entryId: string): string {
  return `${listId}:${entryId}`;
}

export function parseListEntryKey(key: string): { listId: string; entryId: string } {
  const at = key.indexOf(':');
  return at < 0 ? { listId: key, entryId: '' } : { listId: key.slice(0, at), entryId: key.slice(at + 1) };
}
