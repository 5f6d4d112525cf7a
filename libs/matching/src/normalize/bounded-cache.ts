/**
 * A map that remembers at most `capacity` recent answers: names repeat (Mohammed, Maria, Wang), so the pure
 * per-word steps of normalisation remember recent answers. Values must be treated as immutable.
 *
 * Two generations instead of evicting one oldest entry per insert: a full `Map` evicting through
 * `keys().next()` rescans the holes its deletions left at the front of its table on every insert (tens of
 * microseconds per insert at 50,000 entries). Here the older half is dropped whole once the recent half is
 * full; a hit in the older half moves the entry to the recent one, so names in steady use stay.
 */
export class BoundedCache<V> {
  private recent = new Map<string, V>();
  private older = new Map<string, V>();
  private readonly half: number;

  constructor(capacity: number) {
    this.half = Math.max(1, Math.floor(capacity / 2));
  }

  get(key: string): V | undefined {
    const value = this.recent.get(key);
    if (value !== undefined) return value;
    const old = this.older.get(key);
    if (old === undefined) return undefined;
    this.older.delete(key);
    return this.set(key, old);
  }

  set(key: string, value: V): V {
    if (this.recent.size >= this.half) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(key, value);
    return value;
  }

  /** Forgets everything. */
  clear(): void {
    this.recent.clear();
    this.older.clear();
  }

  /** Entries remembered (at most the capacity). */
  get size(): number {
    return this.recent.size + this.older.size;
  }
}
