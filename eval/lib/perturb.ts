/** Deterministic pseudo-random numbers (mulberry32): the same seed gives the same perturbed sets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/**
 * One typing error in one name part of four letters or more: a deletion, an insertion, a substitution or
 * a swap of neighbours (the four Damerau operations), at a random position.
 */
export function typo(name: string, random: () => number): string {
  const parts = name.split(' ');
  const eligible = parts.map((p, i) => (p.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (eligible.length === 0) return name;
  const k = eligible[Math.floor(random() * eligible.length)];
  const w = parts[k];
  const pos = 1 + Math.floor(random() * (w.length - 2));
  const upper = w === w.toUpperCase();
  let letter = LETTERS[Math.floor(random() * LETTERS.length)];
  if (upper) letter = letter.toUpperCase();
  const op = Math.floor(random() * 4);
  if (op === 0) parts[k] = w.slice(0, pos) + w.slice(pos + 1);
  else if (op === 1) parts[k] = w.slice(0, pos) + letter + w.slice(pos);
  else if (op === 2) parts[k] = w.slice(0, pos) + letter + w.slice(pos + 1);
  else parts[k] = w.slice(0, pos) + w[pos + 1] + w[pos] + w.slice(pos + 2);
  return parts.join(' ');
}

/** Name parts in another order: the last part moved to the front ("SURNAME Given"), or a rotation. */
export function reorder(name: string, random: () => number): string {
  const parts = name.split(' ').filter((p) => p.length > 0);
  if (parts.length < 2) return name;
  const shift = 1 + Math.floor(random() * (parts.length - 1));
  return [...parts.slice(parts.length - shift), ...parts.slice(0, parts.length - shift)].join(' ');
}
