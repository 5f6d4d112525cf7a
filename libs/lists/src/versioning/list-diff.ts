import { createHash } from 'node:crypto';

/** Anything a list holds: every entry has the publisher's stable id. */
export interface Identified {
  entryId: string;
}

/** Content digest of one entry: equal digests mean nothing in the entry changed. */
export function entryDigest(entry: object): string {
  return createHash('sha256').update(stableJson(entry)).digest('hex').slice(0, 32);
}

/** JSON with object keys sorted, so that the digest does not depend on property order. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const keys = Object.keys(value as Record<string, unknown>)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
}

export interface ListDiff<T extends Identified> {
  added: T[];
  changed: T[];
  /** Entry ids present in the previous version and absent now: published as tombstones. */
  removed: string[];
  unchanged: number;
  /** Entry ids that appear more than once in the new version (the last one wins). */
  duplicates: string[];
}

/**
 * Compares a new version of a list with the digests of the current one (entryId → digest) and
 * returns only what must be published: additions, changes and removals.
 */
export function diffList<T extends Identified>(
  previous: ReadonlyMap<string, string>,
  next: readonly T[],
): ListDiff<T> {
  const latest = new Map<string, T>();
  const duplicates: string[] = [];
  for (const entry of next) {
    if (latest.has(entry.entryId)) duplicates.push(entry.entryId);
    latest.set(entry.entryId, entry);
  }
  const diff: ListDiff<T> = { added: [], changed: [], removed: [], unchanged: 0, duplicates };
  for (const [id, entry] of latest) {
    const before = previous.get(id);
    if (before === undefined) diff.added.push(entry);
    else if (before !== entryDigest(entry)) diff.changed.push(entry);
    else diff.unchanged++;
  }
  for (const id of previous.keys()) if (!latest.has(id)) diff.removed.push(id);
  return diff;
}
