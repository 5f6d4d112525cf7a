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
