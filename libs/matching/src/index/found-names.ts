import { growFloat32, growInt32, StampedInts } from './grow';

/** A posting's low bits hold its name's number of parts, up to MANY_PARTS (which stands for as many or more). */
const PART_BITS = 3;
export const MANY_PARTS = (1 << PART_BITS) - 1;

/**
 * A posting: a name id and the name's number of parts in one small integer, so a walk over postings learns a
 * name's length without reading it from a column of a million (a cache miss per name).
 */
export function posting(nameId: number, parts: number): number {
  return nameId * (1 << PART_BITS) + Math.min(parts, MANY_PARTS);
}

export function nameOf(posting: number): number {
  return posting >>> PART_BITS;
}

/** The name's number of parts, or MANY_PARTS for that many or more (then read the name's own). */
export function partsOf(posting: number): number {
  return posting & MANY_PARTS;
}

/**
 * Per-query scratch of `MatchIndex.candidates`: the names a query's look-ups found, each with its credit, the
 * last look-up crediting it and the query tokens it covers (bits). A bit per name (`bits`, 128 KB for a million
 * names) answers "is it found" from the core's cache; a small hash table (`keys`, `values`) then gives its
 * position among the names found, where the dense columns hold the rest: both stay in the core's cache, where a
 * position column over every name (4 MB at a million) missed it for every name found. The walks over postings
 * are small methods so their arrays stay in registers. `end` empties the bits and the table of the names found.
 */
export class FoundNames {
  private bits = new Int32Array(0);
  /** Name id + 1 → its position among the names found (open addressing, at most half full; 0 is empty). */
  private keys = new Int32Array(4096);
  private values = new Int32Array(4096);
  /** Where each name found sits in `keys` (to empty them at the end). */
  private home = new Int32Array(1024);
  /** The names found, in the order first found (only the first `count` are valid). */
  names = new Int32Array(1024);
  credit = new Float32Array(1024);
  private lookup = new Int32Array(1024);
  private covered = new Int32Array(1024);
  count = 0;
  /** Credit for each query token a name's look-ups cover, once per token. */
  private coveredCredit = 0;
  /** A name's credit when first found, by its number of parts. */
  private start: Float64Array = new Float64Array(256);

  /** Starts a query over names below `nameBound`. */
  begin(nameBound: number, coveredCredit: number, start: Float64Array): void {
    if (this.bits.length * 32 < nameBound) this.bits = new Int32Array(Math.ceil((nameBound * 2) / 32));
    this.coveredCredit = coveredCredit;
    this.start = start;
    this.count = 0;
  }

  /** Forgets the names found (their bits and table places; the columns are overwritten by the next query). */
  end(): void {
    const bits = this.bits;
    const names = this.names;
    const keys = this.keys;
    const home = this.home;
    for (let at = 0; at < this.count; at++) {
      bits[names[at] >>> 5] = 0;
      keys[home[at]] = 0;
    }
    this.count = 0;
  }

  /**
   * Credits `gain` and the query tokens `covers` to each name in `postings` (see `posting`) this look-up has not
   * credited yet (expansions come best first, and a look-up credits a name once); names not found yet are
   * found when `creates`, else passed over.
   */
  walk(
    postings: readonly number[],
    lookup: number,
    gain: number,
    covers: number,
    creates: boolean,
    nameLength: Uint8Array,
  ): void {
    const bits = this.bits;
    let lookups = this.lookup;
    let keys = this.keys;
    let values = this.values;
    let mask = keys.length - 1;
    for (let k = 0; k < postings.length; k++) {
      const nameId = nameOf(postings[k]);
      let at: number;
      if ((bits[nameId >>> 5] & (1 << (nameId & 31))) !== 0) {
        at = values[placeOf(keys, mask, nameId)];
        if (lookups[at] === lookup) continue;
      } else {
        if (!creates) continue;
        bits[nameId >>> 5] |= 1 << (nameId & 31);
        at = this.count++;
        if (at === this.names.length) {
          this.grow(at + 1);
          lookups = this.lookup;
        }
        if (at * 2 >= keys.length) {
          this.rehash(keys.length * 2);
          keys = this.keys;
          values = this.values;
          mask = keys.length - 1;
        }
        const h = freePlace(keys, mask, nameId);
        keys[h] = nameId + 1;
        values[h] = at;
        this.home[at] = h;
        this.names[at] = nameId;
        const parts = partsOf(postings[k]);
        this.credit[at] = this.start[parts < MANY_PARTS ? parts : nameLength[nameId]];
        this.covered[at] = 0;
      }
      this.creditAt(at, lookup, gain, covers);
    }
  }

  /** Credits `gain` and `covers` to each name in `postings` found already and not yet credited by this look-up. */
  creditFound(postings: readonly number[], lookup: number, gain: number, covers: number): void {
    const bits = this.bits;
    const keys = this.keys;
    const values = this.values;
    const mask = keys.length - 1;
    const lookups = this.lookup;
    for (let k = 0; k < postings.length; k++) {
      const nameId = nameOf(postings[k]);
      if ((bits[nameId >>> 5] & (1 << (nameId & 31))) === 0) continue;
      const at = values[placeOf(keys, mask, nameId)];
      if (lookups[at] !== lookup) this.creditAt(at, lookup, gain, covers);
    }
  }

  /**
   * For expansions that find no name (`held`: vocabulary token → its place in `gains` / `covers`), credits
   * each name found and not yet credited by this look-up with the best of them it holds, read from its tokens
   * (`tokenPool` from `nameStart`, `nameLength` long).
   */
  creditByTokens(
    lookup: number,
    held: StampedInts,
    gains: readonly number[],
    covers: readonly number[],
    tokenPool: Int32Array,
    nameStart: Int32Array,
    nameLength: Uint8Array,
  ): void {
    const names = this.names;
    const lookups = this.lookup;
    const none = gains.length;
    for (let at = 0; at < this.count; at++) {
      if (lookups[at] === lookup) continue;
      const nameId = names[at];
      let best = none;
      for (let k = nameStart[nameId], end = k + nameLength[nameId]; k < end; k++)
        best = Math.min(best, held.get(tokenPool[k], best));
      if (best < none) this.creditAt(at, lookup, gains[best], covers[best]);
    }
  }

  private creditAt(at: number, lookup: number, gain: number, covers: number): void {
    this.lookup[at] = lookup;
    this.credit[at] += gain + this.coveredCredit * bitCount(covers & ~this.covered[at]);
    this.covered[at] |= covers;
  }

  /** Moves the names found to a table of `size` places (a power of two). */
  private rehash(size: number): void {
    const keys = new Int32Array(size);
    const values = new Int32Array(size);
    const mask = size - 1;
    for (let at = 0; at < this.count - 1; at++) {
      const nameId = this.names[at];
      const h = freePlace(keys, mask, nameId);
      keys[h] = nameId + 1;
      values[h] = at;
      this.home[at] = h;
    }
    this.keys = keys;
    this.values = values;
  }

  private grow(min: number): void {
    this.home = growInt32(this.home, min);
    this.names = growInt32(this.names, min);
    this.credit = growFloat32(this.credit, min);
    this.lookup = growInt32(this.lookup, min);
    this.covered = growInt32(this.covered, min);
  }
}

/** Fibonacci hashing of name ids (consecutive ids land far apart). */
const HASH = 0x9e3779b1 | 0;

/** Where a name found sits in the table (`keys` holds name id + 1; linear probing). */
function placeOf(keys: Int32Array, mask: number, nameId: number): number {
  let h = Math.imul(nameId, HASH) & mask;
  while (keys[h] !== nameId + 1) h = (h + 1) & mask;
  return h;
}

/** The empty place a name not in the table takes. */
function freePlace(keys: Int32Array, mask: number, nameId: number): number {
  let h = Math.imul(nameId, HASH) & mask;
  while (keys[h] !== 0) h = (h + 1) & mask;
  return h;
}

export function bitCount(bits: number): number {
  let v = bits - ((bits >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
