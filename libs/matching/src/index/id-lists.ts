import { growInt32 } from './grow';

const EMPTY = -1;
const MIN_SLOTS = 1024;

/**
 * Lists of ids under 32-bit keys, in typed arrays (the vocabulary's deletion indexes hold millions of
 * keys: a `Map` spends an object or a heap number on most of them, and its look-ups allocate). Open
 * addressing over slots; each slot holds one key, a caller's tag, and a chain of ids in the order added
 * (an id equal to the chain's last is not added again). Several slots may hold the same key: a caller
 * keying by a hash of a string tells them apart by their tags (`slotOf`, `nextSlot`). A slot's key and
 * first node sit side by side, so a probe (most look-ups find nothing) reads one cache line. A slot number is
 * valid until the next `create` or `add` (the table may grow); chain nodes stay valid.
 */
export class IdLists {
  private mask = MIN_SLOTS - 1;
  /** Per slot: key, first node (−1: the slot is free). */
  private table = new Int32Array(2 * MIN_SLOTS).fill(EMPTY);
  private tags = new Int32Array(MIN_SLOTS);
  private tails = new Int32Array(MIN_SLOTS);
  private counts = new Int32Array(MIN_SLOTS);
  private used = 0;
  private nodeIds = new Int32Array(MIN_SLOTS);
  private nodeNext = new Int32Array(MIN_SLOTS);
  private nodes = 0;

  /** Keys held (slots in use). */
  get size(): number {
    return this.used;
  }

  /** The first slot holding `key`, or −1. */
  slotOf(key: number): number {
    return this.probe(key | 0, (key | 0) & this.mask);
  }

  /** The next slot after `slot` holding the same key, or −1. */
  nextSlot(slot: number): number {
    return this.probe(this.table[2 * slot], (slot + 1) & this.mask);
  }

  private probe(key: number, from: number): number {
    const table = this.table;
    const mask = this.mask;
    for (let s = from; table[2 * s + 1] !== EMPTY; s = (s + 1) & mask) if (table[2 * s] === key) return s;
    return EMPTY;
  }

  tag(slot: number): number {
    return this.tags[slot];
  }

  /** Ids in the slot's chain. */
  count(slot: number): number {
    return this.counts[slot];
  }

  /** The slot's first chain node (walk with `next`, read with `id`). */
  first(slot: number): number {
    return this.table[2 * slot + 1];
  }

  next(node: number): number {
    return this.nodeNext[node];
  }

  id(node: number): number {
    return this.nodeIds[node];
  }

  /** A new slot for `key` holding `id` alone. */
  create(key: number, tag: number, id: number): number {
    if ((this.used + 1) * 2 > this.tags.length) this.rehash(this.tags.length * 2);
    const s = this.free((key | 0) & this.mask);
    this.table[2 * s] = key | 0;
    this.tags[s] = tag;
    const node = this.node(id);
    this.table[2 * s + 1] = node;
    this.tails[s] = node;
    this.counts[s] = 1;
    this.used++;
    return s;
  }

  /** Adds `id` at the end of the slot's chain unless it is already the last. */
  append(slot: number, id: number): void {
    const tail = this.tails[slot];
    if (this.nodeIds[tail] === id) return;
    const node = this.node(id);
    this.nodeNext[tail] = node;
    this.tails[slot] = node;
    this.counts[slot]++;
  }

  /** Adds `id` under `key` (one slot per key: for keys that are the whole identity). */
  add(key: number, id: number): void {
    const slot = this.slotOf(key);
    if (slot === EMPTY) this.create(key, 0, id);
    else this.append(slot, id);
  }

  private node(id: number): number {
    const n = this.nodes++;
    if (n === this.nodeIds.length) {
      this.nodeIds = growInt32(this.nodeIds, n + 1);
      this.nodeNext = growInt32(this.nodeNext, n + 1);
    }
    this.nodeIds[n] = id;
    this.nodeNext[n] = EMPTY;
    return n;
  }

  private free(from: number): number {
    let s = from;
    while (this.table[2 * s + 1] !== EMPTY) s = (s + 1) & this.mask;
    return s;
  }

  /** Moves every slot into a table of `size` slots (chains stay where they are). */
  private rehash(size: number): void {
    const { table, tags, tails, counts } = this;
    this.mask = size - 1;
    this.table = new Int32Array(2 * size).fill(EMPTY);
    this.tags = new Int32Array(size);
    this.tails = new Int32Array(size);
    this.counts = new Int32Array(size);
    for (let old = 0; old < tags.length; old++) {
      if (table[2 * old + 1] === EMPTY) continue;
      const s = this.free(table[2 * old] & this.mask);
      this.table[2 * s] = table[2 * old];
      this.table[2 * s + 1] = table[2 * old + 1];
      this.tags[s] = tags[old];
      this.tails[s] = tails[old];
      this.counts[s] = counts[old];
    }
  }
}
