/**
 * A map that holds at most `capacity` entries, first in first out: adding a key to a full map first
 * forgets the key that was added earliest. Reading does not refresh an entry, and setting a key it
 * already holds replaces the value in place (nothing is forgotten). For remembered answers whose keys
 * come from outside (tokens, credentials, flights, UNA delimiter sets): a stream of distinct keys
 * cannot grow memory without limit, and keys in steady use are simply added again once forgotten.
 *
 * Eviction reads the oldest key through `keys().next()`, which walks past the holes earlier deletions
 * left at the front of the table: cheap for the few thousand entries here; matching's `BoundedCache`
 * (two generations) is the one for hot caches of tens of thousands of entries.
 */
export class BoundedMap<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1)
      throw new RangeError(`a bounded map holds at least one entry (capacity ${capacity})`);
  }

  get(key: K): V | undefined {
    return this.entries.get(key);
  }

  has(key: K): boolean {
    return this.entries.has(key);
  }

  /** Remembers `value` under `key`, forgetting the oldest key first when full and `key` is new. */
  set(key: K, value: V): this {
    if (this.entries.size >= this.capacity && !this.entries.has(key))
      this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
    return this;
  }

  delete(key: K): boolean {
    return this.entries.delete(key);
  }

  /** Entries held (at most the capacity). */
  get size(): number {
    return this.entries.size;
  }
}
