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

/** A list id: what the watchlist service and the CLI accept (and the first part of an entry key). */
export const LIST_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** The list-id rule in words, for error messages. */
export const LIST_ID_RULE = 'list ids are 1-64 characters of [A-Za-z0-9._-]';
