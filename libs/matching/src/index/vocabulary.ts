import {
  ComparableToken,
  comparable,
  tokenSimilarity,
  TokenSimilarityConfig,
} from '../features/token-similarity';
import { NameToken } from '../normalize/token';
import { growFloat64, growInt32 } from './grow';

/** A vocabulary token similar to a query token, with the similarity the scorer would give the pair. */
export interface Expansion {
  id: number;
  similarity: number;
}

export interface LookupLimits {
  /** Similar tokens kept per query token, best first. */
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
}

const GRAM = 3;
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
  /** Name ids per token; may hold removed names until the index compacts. */
  postings: number[][] = [];
  /** Live names holding each token (for rarity weights); only the first `size` are valid. */
  df = new Int32Array(0);
  private readonly ids = new Map<string, number>();
  private readonly byText = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  /** Trigram code → vocabulary ids in ascending order (a dense table of 37³ growable lists). */
  private readonly byGram: (Int32Array<ArrayBuffer> | undefined)[] = new Array(SYMBOLS ** GRAM);
  private readonly byGramLength = new Int32Array(SYMBOLS ** GRAM);
  // Per-token columns read by the trigram walk (typed: the walk touches hundreds of tokens per look-up).
  private gramCount = new Int32Array(0);
  private formLength = new Int32Array(0);
  // Look-up scratch: shared-trigram counters, the tokens they touched, and stamps marking tokens found.
  private counter = new Uint16Array(0);
  private touched = new Int32Array(0);
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
    push(this.byText, token.text, id);
    if (token.key.length > 0) push(this.byKey, token.key, id);
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
    this.foundIds.length = 0;
    const df = this.df;
    for (const id of this.byText.get(q.token.text) ?? []) if (df[id] > 0) this.found(id, 1);
    const bucket = this.byKey.get(q.token.key);
    if (bucket && bucket.length <= limits.maxBucket) for (const id of bucket) this.consider(q, id, cfg);
    if (q.form.length >= 2) this.byGrams(q, cfg, limits);
    const out: Expansion[] = this.foundIds.map((id) => ({ id, similarity: this.foundSimilarity[id] }));
    return out.sort((a, b) => b.similarity - a.similarity).slice(0, limits.maxExpansions);
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

  private byGrams(q: ComparableToken, cfg: TokenSimilarityConfig, limits: LookupLimits): void {
    if (this.counter.length < this.tokens.length) {
      const next = new Uint16Array(Math.max(this.tokens.length, this.counter.length * 2));
      next.set(this.counter);
      this.counter = next;
    }
    const counter = this.counter;
    let touched = this.touched;
    let count = 0;
    const g = grams(q.form);
    const byGramLength = this.byGramLength;
    for (const gram of g) {
      const list = this.byGram[gram];
      const listLength = byGramLength[gram];
      if (!list || listLength > limits.maxBucket) continue;
      for (let k = 0; k < listLength; k++) {
        const id = list[k];
        if (counter[id] === 0) {
          if (count === touched.length) touched = this.touched = growInt32(touched, count + 1);
          touched[count++] = id;
        }
        counter[id]++;
      }
    }
    const minShared = Math.max(1, Math.ceil(g.length * limits.minGramShare));
    const gramCount = this.gramCount;
    const formLength = this.formLength;
    const qLength = q.form.length;
    for (let k = 0; k < count; k++) {
      const id = touched[k];
      const shared = counter[id];
      counter[id] = 0;
      if (shared >= minShared) this.consider(q, id, cfg);
      // Every inner trigram of a vocabulary token inside the query: a name typed without spaces.
      const length = formLength[id];
      if (
        shared >= gramCount[id] - 2 &&
        length >= limits.minContainedLength &&
        length < qLength &&
        this.foundStamp[id] !== this.stamp &&
        this.df[id] > 0 &&
        q.form.includes(this.tokens[id].form)
      ) {
        this.found(id, limits.containedSimilarity);
      }
    }
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
