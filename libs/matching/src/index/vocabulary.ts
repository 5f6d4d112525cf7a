import {
  ComparableToken,
  comparable,
  tokenSimilarity,
  TokenSimilarityConfig,
} from '../features/token-similarity';
import { NameToken } from '../normalize/token';
import { growInt32 } from './grow';

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
  /** Live names holding each token (for rarity weights). */
  df: number[] = [];
  private readonly ids = new Map<string, number>();
  private readonly byText = new Map<string, number[]>();
  private readonly byKey = new Map<string, number[]>();
  /** Trigram code → vocabulary ids (a dense table: 37³ slots). */
  private readonly byGram: (number[] | undefined)[] = new Array(SYMBOLS ** GRAM);
  private readonly gramCount: number[] = [];
  private counter = new Int32Array(0);

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
    this.df.push(0);
    push(this.byText, token.text, id);
    if (token.key.length > 0) push(this.byKey, token.key, id);
    const g = c.form.length >= 2 ? grams(c.form) : [];
    for (const gram of g) (this.byGram[gram] ??= []).push(id);
    this.gramCount.push(g.length);
    return id;
  }

  /** Vocabulary tokens similar to `q`: same spelling, same skeleton, or enough shared trigrams. */
  similar(q: ComparableToken, cfg: TokenSimilarityConfig, limits: LookupLimits): Expansion[] {
    const found = new Map<number, number>();
    const consider = (id: number): void => {
      if (found.has(id) || this.df[id] === 0) return;
      const s = tokenSimilarity(q, this.tokens[id], cfg);
      if (s > 0) found.set(id, s);
    };
    for (const id of this.byText.get(q.token.text) ?? []) if (this.df[id] > 0) found.set(id, 1);
    const bucket = this.byKey.get(q.token.key);
    if (bucket && bucket.length <= limits.maxBucket) for (const id of bucket) consider(id);
    if (q.form.length >= 2) this.byGrams(q, limits, found, consider);
    return [...found]
      .map(([id, similarity]) => ({ id, similarity }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, limits.maxExpansions);
  }

  private byGrams(
    q: ComparableToken,
    limits: LookupLimits,
    found: Map<number, number>,
    consider: (id: number) => void,
  ): void {
    if (this.counter.length < this.tokens.length) this.counter = growInt32(this.counter, this.tokens.length);
    const counter = this.counter;
    const touched: number[] = [];
    const g = grams(q.form);
    for (const gram of g) {
      const list = this.byGram[gram];
      if (!list || list.length > limits.maxBucket) continue;
      for (const id of list) {
        if (counter[id] === 0) touched.push(id);
        counter[id]++;
      }
    }
    const minShared = Math.max(1, Math.ceil(g.length * limits.minGramShare));
    for (const id of touched) {
      const shared = counter[id];
      counter[id] = 0;
      if (shared >= minShared) consider(id);
      // Every inner trigram of a vocabulary token inside the query: a name typed without spaces.
      const v = this.tokens[id];
      if (
        shared >= this.gramCount[id] - 2 &&
        v.form.length >= limits.minContainedLength &&
        v.form.length < q.form.length &&
        !found.has(id) &&
        this.df[id] > 0 &&
        q.form.includes(v.form)
      ) {
        found.set(id, limits.containedSimilarity);
      }
    }
  }
}

function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (list) list.push(id);
  else map.set(key, [id]);
}
