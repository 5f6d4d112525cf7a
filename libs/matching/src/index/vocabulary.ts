import { withinOneEdit, withinTwoEdits } from '../features/edit-distance';
import {
  ComparableToken,
  comparable,
  tokenSimilarity,
  TokenSimilarityConfig,
} from '../features/token-similarity';
import { NameToken } from '../normalize/token';
import { growFloat64, growInt32 } from './grow';
import { IdLists } from './id-lists';

/** A vocabulary token similar to a query token, with the similarity the scorer would give the pair. */
export interface Expansion {
  id: number;
  similarity: number;
}

export interface LookupLimits {
  /**
   * Similar tokens kept per query token, best first; beyond them, every token one plain edit from a spelling
   * whose edits are looked up (`maxExactHoldersForEdits`).
   */
  maxExpansions: number;
  /** Skeleton buckets and n-gram lists longer than this are too common to be worth walking. */
  maxBucket: number;
  /** Share of a query token's trigrams a vocabulary token must hold to be compared at all. */
  minGramShare: number;
  /** A long vocabulary token found inside a query token (names typed without spaces) counts this much. */
  containedSimilarity: number;
  /** Shortest vocabulary token looked for inside a query token. */
  minContainedLength: number;
  /** Expansions below this similarity only add weight to names other expansions found. */
  minCreatingSimilarity: number;
  /**
   * A spelling held by at most this many live names still gets its one- and two-edit neighbours (a typo
   * can spell another, rarer listed name); more common spellings do not.
   */
  maxExactHoldersForEdits: number;
  /**
   * Credit a name starts with per token it holds (≤ 0): among names the query's tokens credit alike (every
   * MUHAMMAD ALI on the list) the shorter ones, which the query covers best, become candidates first
   * (issue 18: `'ALI, Muhammad` lost its place to 30 longer names holding both tokens).
   */
  lengthCredit: number;
  /**
   * The one-edit guarantee (issue 18): `MatchIndex.search` also scores every name one typo from the query
   * (its parts part for part but one, within one plain edit, two for a part of MIN_TWO_EDIT_LENGTH+
   * letters) and returns it at or above `minScore` whatever its rank. Off only to measure what it changes.
   */
  typoGuarantee: boolean;
  /**
   * Look-ups run rarest first, and those left stop finding names once no name they could find can reach the
   * candidates (`candidatesPerQuery`): they credit the names found. Off only to check it changes no answer.
   */
  closeUnreachable: boolean;
}

const GRAM = 3;
/**
 * Tokens of this length or more are reachable from every spelling one edit away (the one-edit
 * guarantee, issue 18); shorter ones (`al`, `bin`'s deletions) would make every look-up a scan.
 */
export const MIN_EDIT_LENGTH = 3;
/** Longer tokens are run-together names: their trigrams find them. */
const MAX_EDIT_LENGTH = 24;
/**
 * Tokens of this length or more are also reachable from every spelling two edits away. At 8 letters the
 * scorer's allowance (0.3 edits per letter) first admits two plain edits (2.4), so a two-edit typo there
 * is still the same name and must be found; below it two edits are another name (MARIA / MARTHA).
 */
export const MIN_TWO_EDIT_LENGTH = 8;
/** The packed tally holds trigram counts and indices below 256 and 2^15 − 1 walks between clearings. */
const MAX_PACKED = 255;
const MAX_WALK = 2 ** 15 - 1;
/** Vocabulary ids stay below this (sort keys pack the first shared trigram above the id). */
const ID_RANGE = 2 ** 26;
const EMPTY_LIST = new Int32Array(0);
/** Trigram alphabet: boundary, a–z, 0–9 (tokens are ASCII letters and digits by now). */
const SYMBOLS = 37;
const BOUNDARY = 0;

function symbol(code: number): number {
  if (code >= 97 && code <= 122) return code - 96;
  if (code >= 48 && code <= 57) return code - 48 + 27;
  return BOUNDARY;
}

/** The distinct trigrams of `^form$`, each as one integer (no strings allocated on the query path). */
function grams(form: string): number[] {
  const padded = [BOUNDARY];
  for (let i = 0; i < form.length; i++) padded.push(symbol(form.charCodeAt(i)));
  padded.push(BOUNDARY);
  const out: number[] = [];
  for (let i = 0; i + GRAM <= padded.length; i++) {
    const g = (padded[i] * SYMBOLS + padded[i + 1]) * SYMBOLS + padded[i + 2];
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

/**
 * Distinct name tokens of the index (one per spelling and role), each with the names holding it and
 * three lookup paths to it: exact spelling, consonant skeleton, character trigrams (typos).
 */
export class Vocabulary {
  readonly tokens: ComparableToken[] = [];
  /** Postings per token (name ids with their number of parts, see `posting`); may hold removed names until the index compacts. */
  postings: number[][] = [];
  /** Live names holding each token (for rarity weights); only the first `size` are valid. */
  df = new Int32Array(0);
  private readonly ids = new Map<string, number>();
  /** Spelling → the tokens spelt so (keyed by the spelling's hash, told apart by `slotOfSpelling`). */
  private readonly byText = new IdLists();
  private readonly byKey = new Map<string, number[]>();
  /** Symmetric-deletion index: each spelling with one letter deleted → the tokens it came from (as `byText`). */
  private readonly byDeletion = new IdLists();
  /**
   * Two-edit index for tokens of MIN_TWO_EDIT_LENGTH+ letters: a hash of the spelling and of each of its
   * one- and two-letter deletions → the tokens (a hash, not the string: a 10-letter token has 45 two-letter
   * deletions; collisions are weeded out by the distance check).
   */
  private readonly byDeletion2 = new IdLists();
  /** Hashes of the word being indexed or looked up and of its deletions (`deletionHashes`). */
  private hashes = new Int32Array(64);
  /** Trigram code → vocabulary ids in ascending order (a dense table of 37³ growable lists). */
  private readonly byGram: (Int32Array<ArrayBuffer> | undefined)[] = new Array(SYMBOLS ** GRAM);
  private readonly byGramLength = new Int32Array(SYMBOLS ** GRAM);
  // Per-token columns read by the trigram walk (typed: the walk touches hundreds of tokens per look-up).
  private gramCount = new Int32Array(0);
  private formLength = new Int32Array(0);
  // Look-up scratch: shared-trigram counters, the tokens they touched, and stamps marking tokens found.
  /**
   * Per-token trigram tally of the current look-up, packed: walk stamp << 16 | first shared trigram << 8 |
   * shared trigrams. A stale stamp reads as nothing shared, so nothing is ever cleared.
   */
  private tally = new Int32Array(0);
  private walk = 0;
  /** Tokens the current tally met, each once. */
  private met = new Int32Array(0);
  private qualifying = new Float64Array(64);
  private foundStamp = new Int32Array(0);
  private foundSimilarity = new Float64Array(0);
  private foundIds: number[] = [];
  private stamp = 0;

  get size(): number {
    return this.tokens.length;
  }

  idOf(token: NameToken): number {
    const k = `${token.role}\u0001${token.vowelPoor ? 1 : 0}\u0001${token.text}\u0001${token.native ?? ''}`;
    const known = this.ids.get(k);
    if (known !== undefined) return known;
    const id = this.tokens.length;
    const c = comparable(token);
    this.ids.set(k, id);
    this.tokens.push(c);
    this.postings.push([]);
    const spelling = token.text;
    this.addSpelling(this.byText, spelling, -1, id);
    if (token.key.length > 0) push(this.byKey, token.key, id);
    if (spelling.length >= MIN_EDIT_LENGTH && spelling.length <= MAX_EDIT_LENGTH)
      for (let i = 0; i < spelling.length; i++)
        if (!repeatsPrevious(spelling, i)) this.addSpelling(this.byDeletion, spelling, i, id);
    if (spelling.length >= MIN_TWO_EDIT_LENGTH && spelling.length <= MAX_EDIT_LENGTH) {
      const count = this.deletionHashes(spelling);
      for (let k = 0; k < count; k++) this.byDeletion2.add(this.hashes[k], id);
    }
    const g = c.form.length >= 2 ? grams(c.form) : [];
    for (const gram of g) {
      const length = this.byGramLength[gram]++;
      const list = (this.byGram[gram] = growInt32(this.byGram[gram] ?? EMPTY_LIST, length + 1));
      list[length] = id;
    }
    const n = id + 1;
    if (this.df.length < n) {
      this.df = growInt32(this.df, n);
      this.gramCount = growInt32(this.gramCount, n);
      this.formLength = growInt32(this.formLength, n);
    }
    this.gramCount[id] = g.length;
    this.formLength[id] = c.form.length;
    return id;
  }

  /**
   * Vocabulary tokens similar to `q`: same spelling, same skeleton, or enough shared trigrams; best first
   * (ties in the order found: spelling, skeleton, trigrams).
   */
  similar(q: ComparableToken, cfg: TokenSimilarityConfig, limits: LookupLimits): Expansion[] {
    this.nextStamp();
    this.foundIds.length = 0;
    const df = this.df;
    // Names holding the spelling exactly: a rare one may be a typo of a common name (MIAN for IMAN, WLI for ALI).
    let exactHolders = 0;
    for (const id of this.spelt(q.token.text)) {
      if (df[id] > 0) {
        this.found(id, 1);
        exactHolders += df[id];
      }
    }
    const bucket = this.byKey.get(q.token.key);
    if (bucket && bucket.length <= limits.maxBucket) for (const id of bucket) this.consider(q, id, cfg);
    if (q.form.length >= 2) this.byGrams(q, cfg, limits);
    // A spelling the list holds often creates candidates enough; walking its neighbours' postings too would
    // cost every common name (MARIA's MARIO, MARIE, MARTA) for little. A spelling only a few names hold
    // may be a typo of another listed name (issue 18): its neighbours are looked up too.
    const edits = exactHolders <= limits.maxExactHoldersForEdits;
    if (edits) this.byEdits(q, cfg, limits);
    const out: Expansion[] = this.foundIds.map((id) => ({ id, similarity: this.foundSimilarity[id] }));
    out.sort((a, b) => b.similarity - a.similarity);
    if (out.length <= limits.maxExpansions) return out;
    // The cut bounds near-misses, never the one-edit guarantee (issue 18): a spelling one plain edit from a
    // typo is what its typist may have meant, however many closer-scoring spellings there are (ALF: HALF,
    // ALFA, AUF and 13 more come before ALI; DONY: DONA, TONY, DANY and 13 more before KONY).
    // Not for a romanised Han or Hangul syllable: a different character is a different name, never a typo.
    // Their names are walked like a bucket, up to `maxBucket` of them in all (the common first names of a
    // million-name list would otherwise cost a rare typo milliseconds).
    const kept = out.slice(0, limits.maxExpansions);
    if (!edits || q.token.native !== undefined) return kept;
    let walked = 0;
    for (let k = limits.maxExpansions; k < out.length; k++) {
      const { id } = out[k];
      if (!withinOneEdit(text(this.tokens[id]), q.token.text) || walked + df[id] > limits.maxBucket) continue;
      walked += df[id];
      kept.push(out[k]);
    }
    return kept;
  }

  /** A new look-up: no token counts as found (`foundStamp`). */
  private nextStamp(): void {
    const n = this.tokens.length;
    if (this.foundStamp.length < n) {
      this.foundStamp = growInt32(this.foundStamp, n);
      this.foundSimilarity = growFloat64(this.foundSimilarity, n);
    }
    if (this.stamp >= 2 ** 30) {
      this.foundStamp.fill(0);
      this.stamp = 0;
    }
    this.stamp++;
  }

  private found(id: number, similarity: number): void {
    this.foundStamp[id] = this.stamp;
    this.foundSimilarity[id] = similarity;
    this.foundIds.push(id);
  }

  private consider(q: ComparableToken, id: number, cfg: TokenSimilarityConfig): void {
    if (this.foundStamp[id] === this.stamp || this.df[id] === 0) return;
    const s = tokenSimilarity(q, this.tokens[id], cfg);
    if (s > 0) this.found(id, s);
  }

  /**
   * Tokens sharing enough trigrams with `q`, and tokens found inside it. Their order is the order in which
   * a full tally would first meet them (by the query's first trigram they share, then by id), which decides
   * ties between equally similar expansions.
   */
  private byGrams(q: ComparableToken, cfg: TokenSimilarityConfig, limits: LookupLimits): void {
    const g = grams(q.form);
    const n = this.tokens.length;
    if (this.tally.length < n) {
      this.tally = growInt32(this.tally, n);
      this.met = growInt32(this.met, n);
    }
    if (g.length > MAX_PACKED || ++this.walk >= MAX_WALK) {
      this.tally.fill(0);
      this.walk = 1;
    }
    if (g.length > MAX_PACKED) return this.byGramsUnpacked(q, g, cfg, limits);
    const walk = this.walk;
    const tally = this.tally;
    const met = this.met;
    const minShared = Math.max(1, Math.ceil(g.length * limits.minGramShare));
    let metCount = 0;
    for (let k = 0; k < g.length; k++) {
      const list = this.byGram[g[k]];
      const listLength = this.byGramLength[g[k]];
      if (!list || listLength > limits.maxBucket) continue;
      const fresh = (walk << 16) | (k << 8);
      for (let p = 0; p < listLength; p++) {
        const id = list[p];
        let v = tally[id];
        if (v >>> 16 !== walk) {
          v = fresh;
          met[metCount++] = id;
        }
        tally[id] = v + 1;
      }
    }
    // Worth a visit: tokens sharing enough trigrams, and tokens found inside the query (a name typed without
    // spaces: all its inner trigrams are the query's, see `visit`). Any other token met would do nothing there.
    const form = q.form;
    let count = 0;
    for (let m = 0; m < metCount; m++) {
      const id = met[m];
      const shared = tally[id] & 255;
      const length = this.formLength[id];
      if (
        shared >= minShared ||
        (length >= limits.minContainedLength &&
          length < form.length &&
          shared >= this.gramCount[id] - 2 &&
          form.includes(this.tokens[id].form))
      ) {
        if (count === this.qualifying.length) this.qualifying = growFloat64(this.qualifying, count + 1);
        this.qualifying[count++] = ((tally[id] >> 8) & 255) * ID_RANGE + id;
      }
    }
    const order = this.qualifying.subarray(0, count).sort();
    for (let k = 0; k < count; k++) {
      const id = order[k] % ID_RANGE;
      const shared = tally[id] & 255;
      this.visit(q, id, shared, minShared, cfg, limits);
    }
  }

  /** One token met by the tally: compared when it shares enough trigrams, else perhaps found inside the query. */
  private visit(
    q: ComparableToken,
    id: number,
    shared: number,
    minShared: number,
    cfg: TokenSimilarityConfig,
    limits: LookupLimits,
  ): void {
    if (shared >= minShared) this.consider(q, id, cfg);
    // Every inner trigram of a vocabulary token inside the query: a name typed without spaces.
    const length = this.formLength[id];
    if (
      shared >= this.gramCount[id] - 2 &&
      length >= limits.minContainedLength &&
      length < q.form.length &&
      this.foundStamp[id] !== this.stamp &&
      this.df[id] > 0 &&
      q.form.includes(this.tokens[id].form)
    ) {
      this.found(id, limits.containedSimilarity);
    }
  }

  /** Tokens spelt `text` (of any role), live or not. */
  spelt(text: string): number[] {
    const out: number[] = [];
    const slot = this.slotOfSpelling(this.byText, text, -1, hashWithout(text, -1, -1));
    for (let node = slot < 0 ? -1 : this.byText.first(slot); node >= 0; node = this.byText.next(node))
      out.push(this.byText.id(node));
    return out;
  }

  /**
   * Live tokens one plain edit from `text`, or two when the token has MIN_TWO_EDIT_LENGTH+ letters (what the
   * deletion indexes reach: tokens of MIN_EDIT_LENGTH+ letters), each once; `text` itself left out.
   */
  typoNeighbours(text: string, limits: LookupLimits): number[] {
    this.nextStamp();
    const out: number[] = [];
    const keep = (within: (a: string, b: string) => boolean) => (id: number) => {
      if (this.df[id] === 0 || this.foundStamp[id] === this.stamp) return;
      const spelling = this.tokens[id].token.text;
      if (spelling === text || !within(spelling, text)) return;
      this.foundStamp[id] = this.stamp;
      out.push(id);
    };
    this.walkEdits(text, limits, keep(withinOneEdit), keep(withinTwoEdits));
    return out;
  }

  /**
   * Every vocabulary token one edit (delete, insert, substitute, swap neighbours) from the query token's
   * spelling, through the deletion index: the query itself among deletions (one letter inserted), the
   * query's deletions among spellings (one letter deleted) or among deletions (substituted, swapped;
   * checked, as two different deletions may meet). Each creates candidates whatever its similarity.
   * Only for spellings the list does not hold (a typo of a listed name is what made no candidate).
   */
  private byEdits(q: ComparableToken, cfg: TokenSimilarityConfig, limits: LookupLimits): void {
    this.walkEdits(
      q.token.text,
      limits,
      (id) => this.editNeighbour(q, id, withinOneEdit, cfg, limits),
      (id) => this.editNeighbour(q, id, withinTwoEdits, cfg, limits),
    );
  }

  /**
   * Calls `one` with every token the deletion index meets from `text` (perhaps one plain edit away: two
   * different deletions may meet, so the caller checks), and `two` with every token of MIN_TWO_EDIT_LENGTH+
   * letters the two-edit index meets (perhaps two edits away). A token may come more than once.
   */
  private walkEdits(
    text: string,
    limits: LookupLimits,
    one: (id: number) => void,
    two: (id: number) => void,
  ): void {
    if (text.length < MIN_EDIT_LENGTH - 1 || text.length > MAX_EDIT_LENGTH + 1) return;
    const { byText, byDeletion } = this;
    const walk = (lists: IdLists, slot: number) => {
      if (slot < 0 || lists.count(slot) > limits.maxBucket) return;
      for (let node = lists.first(slot); node >= 0; node = lists.next(node)) one(lists.id(node));
    };
    const whole = hashWithout(text, -1, -1);
    walk(byDeletion, this.slotOfSpelling(byDeletion, text, -1, whole));
    for (let i = 0; i < text.length; i++) {
      if (repeatsPrevious(text, i)) continue;
      const h = hashWithout(text, i, -1);
      walk(byText, this.slotOfSpelling(byText, text, i, h));
      walk(byDeletion, this.slotOfSpelling(byDeletion, text, i, h));
    }
    // Two edits from a long token: the query and a long token meet within two deletions of each.
    if (text.length >= MIN_TWO_EDIT_LENGTH - 2 && text.length <= MAX_EDIT_LENGTH + 2) {
      const lists = this.byDeletion2;
      const count = this.deletionHashes(text);
      for (let k = 0; k < count; k++) {
        const slot = lists.slotOf(this.hashes[k]);
        if (slot < 0) continue;
        const held = lists.count(slot);
        if (held > 1 && held > limits.maxBucket) continue;
        for (let node = lists.first(slot); node >= 0; node = lists.next(node)) two(lists.id(node));
      }
    }
  }

  /** A token the edit walk met: found (creating candidates) if within the edits `within` allows. */
  private editNeighbour(
    q: ComparableToken,
    id: number,
    within: (a: string, b: string) => boolean,
    cfg: TokenSimilarityConfig,
    limits: LookupLimits,
  ): void {
    if (this.df[id] === 0) return;
    const seen = this.foundStamp[id] === this.stamp;
    if (seen && this.foundSimilarity[id] >= limits.minCreatingSimilarity) return;
    if (!within(text(this.tokens[id]), q.token.text)) return;
    if (seen) this.foundSimilarity[id] = limits.minCreatingSimilarity;
    else this.found(id, Math.max(tokenSimilarity(q, this.tokens[id], cfg), limits.minCreatingSimilarity));
  }

  /**
   * The slot of `lists` keyed by `word` without its letter at `skip` (−1: none), whose hash is `hash`, or −1.
   * A slot's tag names the token and the letter its key was made from.
   */
  private slotOfSpelling(lists: IdLists, word: string, skip: number, hash: number): number {
    for (let slot = lists.slotOf(hash); slot >= 0; slot = lists.nextSlot(slot)) {
      const tag = lists.tag(slot);
      if (sameWithout(word, skip, text(this.tokens[tag >> TAG_BITS]), (tag & TAG_MASK) - 1)) return slot;
    }
    return -1;
  }

  /** Adds `id` under `word` without its letter at `skip` (−1: none). */
  private addSpelling(lists: IdLists, word: string, skip: number, id: number): void {
    const hash = hashWithout(word, skip, -1);
    const slot = this.slotOfSpelling(lists, word, skip, hash);
    if (slot < 0) lists.create(hash, (id << TAG_BITS) | (skip + 1), id);
    else lists.append(slot, id);
  }

  /**
   * Fills `hashes` with the hash of `word` and of each of its one- and two-letter deletions (as
   * `hashWithout` gives them, in its order; repeats are harmless: a look-up finds the same tokens, an add
   * skips an id already last in its list) and returns how many. Each deletion's hash continues from the
   * hash of the letters before it, so no letter is hashed twice before the second deletion.
   */
  private deletionHashes(word: string): number {
    const n = word.length;
    const most = 1 + n + (n * (n - 1)) / 2;
    if (this.hashes.length < most) this.hashes = growInt32(this.hashes, most);
    const out = this.hashes;
    let count = 0;
    out[count++] = hashWithout(word, -1, -1);
    let before = FNV_OFFSET | 0; // hash of the letters before i
    for (let i = 0; i < n; i++) {
      if (!repeatsPrevious(word, i)) {
        out[count++] = hashFrom(before, word, i + 1);
        let between = before; // hash of the letters before j, without i
        for (let j = i + 1; j < n; j++) {
          if (j === i + 1 || !repeatsPrevious(word, j)) out[count++] = hashFrom(between, word, j + 1);
          between = Math.imul(between ^ word.charCodeAt(j), FNV_PRIME);
        }
      }
      before = Math.imul(before ^ word.charCodeAt(i), FNV_PRIME);
    }
    return count;
  }

  /** The plain tally, for query tokens with more trigrams than the packed tally counts (hundreds of letters). */
  private byGramsUnpacked(
    q: ComparableToken,
    g: number[],
    cfg: TokenSimilarityConfig,
    limits: LookupLimits,
  ): void {
    const counter = new Map<number, number>();
    for (const gram of g) {
      const list = this.byGram[gram];
      const listLength = this.byGramLength[gram];
      if (!list || listLength > limits.maxBucket) continue;
      for (let p = 0; p < listLength; p++) counter.set(list[p], (counter.get(list[p]) ?? 0) + 1);
    }
    const minShared = Math.max(1, Math.ceil(g.length * limits.minGramShare));
    for (const [id, shared] of counter) this.visit(q, id, shared, minShared, cfg, limits);
  }
}

function text(t: ComparableToken): string {
  return t.token.text;
}

/** Deleting letter `i` of `word` spells what deleting `i − 1` does (a doubled letter). */
function repeatsPrevious(word: string, i: number): boolean {
  return i > 0 && word.charCodeAt(i) === word.charCodeAt(i - 1);
}

/** `a` without its letter at `skipA` equals `b` without its letter at `skipB` (−1: none). */
function sameWithout(a: string, skipA: number, b: string, skipB: number): boolean {
  const length = a.length - (skipA >= 0 ? 1 : 0);
  if (length !== b.length - (skipB >= 0 ? 1 : 0)) return false;
  for (let k = 0, i = 0, j = 0; k < length; k++, i++, j++) {
    if (i === skipA) i++;
    if (j === skipB) j++;
    if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  }
  return true;
}

/** A tag packs a token id above the position of its deleted letter + 1 (positions stay below 31). */
const TAG_BITS = 5;
const TAG_MASK = (1 << TAG_BITS) - 1;
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a of `word` without the letters at `skipA` and `skipB` (−1: none), as a signed 32-bit number. */
function hashWithout(word: string, skipA: number, skipB: number): number {
  let h = FNV_OFFSET | 0;
  for (let i = 0; i < word.length; i++) {
    if (i === skipA || i === skipB) continue;
    h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  }
  return h;
}

/** FNV-1a continued from the hash `h` over `word` from letter `from`. */
function hashFrom(h: number, word: string, from: number): number {
  for (let i = from; i < word.length; i++) h = Math.imul(h ^ word.charCodeAt(i), FNV_PRIME);
  return h;
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
