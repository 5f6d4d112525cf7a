/** Typed arrays that grow by doubling (the index's per-name columns). */
export function growInt32(a: Int32Array<ArrayBuffer>, min: number, fill = 0): Int32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const next = new Int32Array(Math.max(min, a.length * 2, 16));
  next.set(a);
  if (fill !== 0) next.fill(fill, a.length);
  return next;
}

export function growUint8(a: Uint8Array<ArrayBuffer>, min: number): Uint8Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const next = new Uint8Array(Math.max(min, a.length * 2, 16));
  next.set(a);
  return next;
}

export function growFloat32(a: Float32Array<ArrayBuffer>, min: number): Float32Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const next = new Float32Array(Math.max(min, a.length * 2, 16));
  next.set(a);
  return next;
}

export function growFloat64(a: Float64Array<ArrayBuffer>, min: number): Float64Array<ArrayBuffer> {
  if (a.length >= min) return a;
  const next = new Float64Array(Math.max(min, a.length * 2, 16));
  next.set(a);
  return next;
}

/**
 * Per-query scratch over ids below a bound (vocabulary tokens): a map to ints emptied in O(1) by bumping a
 * generation stamp; an id's value is valid only while its stamp is the current one (nothing is ever cleared).
 */
export class StampedInts {
  private stamps = new Int32Array(0);
  private values = new Int32Array(0);
  private current = 0;

  /** Empties the map and makes room for ids below `size`. */
  reset(size: number): void {
    if (this.stamps.length < size) {
      this.stamps = growInt32(this.stamps, size);
      this.values = growInt32(this.values, size);
    }
    if (++this.current >= 2 ** 30) {
      this.stamps.fill(0);
      this.current = 1;
    }
  }

  has(id: number): boolean {
    return this.stamps[id] === this.current;
  }

  /** The id's value, or `missing` when it has none since the last `reset`. */
  get(id: number, missing: number): number {
    return this.stamps[id] === this.current ? this.values[id] : missing;
  }

  set(id: number, value: number): void {
    this.stamps[id] = this.current;
    this.values[id] = value;
  }
}
