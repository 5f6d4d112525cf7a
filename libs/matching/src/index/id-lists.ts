import { growInt32 } from './grow';

const EMPTY = -1;
const MIN_SLOTS = 1024;

/**
 * Lists of ids under 32-bit keys, in typed arrays (the vocabulary's deletion indexes hold millions of
 * keys: a `Map` spends an object or a heap number on most of them, and its look-ups allocate). Open
 * addressing over slots; each slot holds one key, a caller's tag, and a chain of ids in the order added
 * (an id equal to the chain's last is not added again). Several slots may hold the same key: a caller
 * keying by a hash of a string tells them apart by their tags (`slotOf`, `nextSlot`). A slot number is
 * valid until the next `create` or `add` (the table may grow); chain nodes stay valid.
 */
export class IdLists {
  private mask = MIN_SLOTS - 1;
  private keys = new Int32Array(MIN_SLOTS);
  private tags = new Int32Array(MIN_SLOTS);
  private heads = new Int32Array(MIN_SLOTS).fill(EMPTY);
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
    return this.probe(this.keys[slot], (slot + 1) & this.mask);
  }

  private probe(key: number, from: number): number {
    const keys = this.keys;
    const heads = this.heads;
    for (let s = from; heads[s] !== EMPTY; s = (s + 1) & this.mask) if (keys[s] === key) return s;
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
    return this.heads[slot];
  }

  next(node: number): number {
    return this.nodeNext[node];
  }

  id(node: number): number {
    return this.nodeIds[node];
  }

  /** A new slot for `key` holding `id` alone. */
  create(key: number, tag: number, id: number): number {
    if ((this.used + 1) * 2 > this.keys.length) this.rehash(this.keys.length * 2);
    let s = (key | 0) & this.mask;
    while (this.heads[s] !== EMPTY) s = (s + 1) & this.mask;
    this.keys[s] = key | 0;
    this.tags[s] = tag;
    const node = this.node(id);
    this.heads[s] = node;
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

  /** Moves every slot into a table of `size` slots (chains stay where they are). */
  private rehash(size: number): void {
    const { keys, tags, heads, tails, counts } = this;
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.tags = new Int32Array(size);
    this.heads = new Int32Array(size).fill(EMPTY);
    this.tails = new Int32Array(size);
    this.counts = new Int32Array(size);
    for (let old = 0; old < keys.length; old++) {
      if (heads[old] === EMPTY) continue;
      let s = keys[old] & this.mask;
      while (this.heads[s] !== EMPTY) s = (s + 1) & this.mask;
      this.keys[s] = keys[old];
      this.tags[s] = tags[old];
      this.heads[s] = heads[old];
      this.tails[s] = tails[old];
      this.counts[s] = counts[old];
    }
  }
}
