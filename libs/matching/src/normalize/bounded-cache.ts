/**
 * A map that forgets its oldest entry once full: names repeat (Mohammed, Maria, Wang), so the pure
 * per-word steps of normalisation remember recent answers. Values must be treated as immutable.
 */
export class BoundedCache<V> {
  private readonly map = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    return this.map.get(key);
  }

  set(key: string, value: V): V {
    if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value as string);
    this.map.set(key, value);
    return value;
  }
}
