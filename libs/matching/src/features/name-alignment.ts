import { NormalizedName, TokenRole } from '../normalize/token';
import { withinOneEdit } from './edit-distance';
import {
  ComparableToken,
  comparable,
  JoinedTokens,
  joinedSimilarity,
  tokenSimilarity,
  TokenSimilarityConfig,
} from './token-similarity';

export interface NameAlignmentConfig extends TokenSimilarityConfig {
  /** Weight of a token by role: particles, titles and legal forms say little about identity. */
  roleWeights: Readonly<Record<TokenRole, number>>;
  /** Pairs below this similarity are not aligned. */
  minPairSimilarity: number;
  /** Joined tokens (Vladimir Putin ~ VladimirPutin) align only when at least this similar. */
  minMergeSimilarity: number;
  /** Longest run of tokens joined to meet one token on the other side. */
  maxMergeSpan: number;
  /** Penalty per weight of a name part on each side that meets nothing (a different given name). */
  substitutionPenalty: number;
  /** Penalty per weight of an extra query part the listed name lacks. */
  extraQueryPenalty: number;
  /** Penalty per weight of an extra listed part the query lacks (lists hold full names, travellers short ones). */
  extraCandidatePenalty: number;
  /** An initial that meets no name on the other side contradicts as much as a name part of this weight. */
  initialConflictWeight: number;
  /**
   * Factor on the score when both names say whose son or daughter (bin, ibn, bint) and the fathers differ:
   * Salman bin Muhammad is not Muhammad bin Salman.
   */
  patronymConflictFactor: number;
}

export interface AlignedPair {
  query: string;
  candidate: string;
  similarity: number;
}

export interface NameComparison {
  score: number;
  pairs: AlignedPair[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/**
 * Alignment options (a token or run of tokens on each side and their similarity) live in reused typed
 * columns: the index aligns dozens of candidates per query and must not allocate per option.
 */
class Options {
  qStart = new Int32Array(64);
  qEnd = new Int32Array(64);
  cStart = new Int32Array(64);
  cEnd = new Int32Array(64);
  similarity = new Float64Array(64);
  /** Tie-breaker: pairs in the same relative position first. */
  drift = new Float64Array(64);
  order = new Int32Array(64);
  count = 0;

  add(qStart: number, qEnd: number, cStart: number, cEnd: number, similarity: number, drift: number): void {
    if (this.count === this.qStart.length) this.grow();
    const k = this.count++;
    this.qStart[k] = qStart;
    this.qEnd[k] = qEnd;
    this.cStart[k] = cStart;
    this.cEnd[k] = cEnd;
    this.similarity[k] = similarity;
    this.drift[k] = drift;
  }

  /** Most similar first, then least drift, then as added (a stable sort by insertion over a few options). */
  sort(): void {
    const { order, similarity, drift } = this;
    for (let k = 0; k < this.count; k++) {
      let at = k;
      while (at > 0) {
        const prev = order[at - 1];
        if (
          similarity[prev] > similarity[k] ||
          (similarity[prev] === similarity[k] && drift[prev] <= drift[k])
        )
          break;
        order[at] = prev;
        at--;
      }
      order[at] = k;
    }
  }

  private grow(): void {
    const n = this.qStart.length * 2;
    const int = (a: Int32Array<ArrayBuffer>) => {
      const next = new Int32Array(n);
      next.set(a);
      return next;
    };
    const float = (a: Float64Array<ArrayBuffer>) => {
      const next = new Float64Array(n);
      next.set(a);
      return next;
    };
    this.qStart = int(this.qStart);
    this.qEnd = int(this.qEnd);
    this.cStart = int(this.cStart);
    this.cEnd = int(this.cEnd);
    this.similarity = float(this.similarity);
    this.drift = float(this.drift);
    this.order = new Int32Array(n);
  }
}

// Per-call scratch (alignments never nest).
const OPTIONS = new Options();
let qSettled = new Uint8Array(16);
let cSettled = new Uint8Array(16);
let qUsed = new Uint8Array(16);
let cUsed = new Uint8Array(16);
let qTo = new Int32Array(16);

function joined(tokens: readonly ComparableToken[], start: number, end: number): JoinedTokens {
  let form = '';
  let text = '';
  let vowelPoor = false;
  let native = false;
  for (let k = start; k < end; k++) {
    form += tokens[k].form;
    text += tokens[k].token.text;
    vowelPoor ||= tokens[k].token.vowelPoor;
    native ||= tokens[k].token.native !== undefined;
  }
  return { form, text, vowelPoor, native };
}

/**
 * A token that already has a near-exact partner of its own is never part of a merge (saves most of the work).
 * A partner two tokens share (AL-IRAQI, ABY AL-HADI: two query ALs, one listed) settles neither: one of
 * them is left over, and may belong to a merge (ABY AL ~ abdal).
 */
const SETTLED = 0.95;

/** Marks the tokens with a near-exact partner that is near-exact to no other token of their side. */
function settle(found: Options, nq: number, nc: number): void {
  // The used columns count near-exact partners here (they are reset before the alignment uses them).
  qUsed.fill(0, 0, nq);
  cUsed.fill(0, 0, nc);
  qSettled.fill(0, 0, nq);
  cSettled.fill(0, 0, nc);
  for (let k = 0; k < found.count; k++) {
    if (found.similarity[k] < SETTLED) continue;
    if (qUsed[found.qStart[k]] < 255) qUsed[found.qStart[k]]++;
    if (cUsed[found.cStart[k]] < 255) cUsed[found.cStart[k]]++;
  }
  for (let k = 0; k < found.count; k++) {
    if (found.similarity[k] < SETTLED) continue;
    if (cUsed[found.cStart[k]] === 1) qSettled[found.qStart[k]] = 1;
    if (qUsed[found.qStart[k]] === 1) cSettled[found.cStart[k]] = 1;
  }
}

/**
 * Whether two tokens joined (`first` then `second`) are one plain edit from `single` as written: one typo
 * is never a different name (see `formSimilarity`), so such a merge is kept below `minMergeSimilarity`
 * (MBD AL ~ abdal, the typo broke the compound `abd al`; RS ~ URS, the typo made the part two initials).
 * Never a Han / Hangul / Kana syllable: a different character is a different name (하은 is not HAN).
 */
function oneTypoMerge(first: ComparableToken, second: ComparableToken, single: ComparableToken): boolean {
  if (
    first.token.native !== undefined ||
    second.token.native !== undefined ||
    single.token.native !== undefined
  )
    return false;
  const a = first.token.text;
  const b = second.token.text;
  const s = single.token.text;
  if (Math.abs(a.length + b.length - s.length) > 1) return false;
  return withinOneEdit(a + b, s);
}

/** Similarity of the run `q[start..start+span)` (joined, or reversed when `reversed`) with `c[j]`. */
export type MergeSimilarity = (start: number, span: number, reversed: boolean, j: number) => number;

/** One side of an alignment: its tokens, and which of them already have a near-exact partner. */
interface Side {
  tokens: readonly ComparableToken[];
  settled: Uint8Array;
}

// The two sides of the alignment in progress (reused: no allocation per alignment).
const QUERY: Side = { tokens: [], settled: qSettled };
const CANDIDATE: Side = { tokens: [], settled: cSettled };

/**
 * Adds to OPTIONS every run of `runs` tokens that, joined, meets one name token of `singles`
 * (Vladimir Putin ~ VladimirPutin). Either side's tokens may be the ones joined; options are
 * always recorded query side first. `mergeSimilarity` memoises query runs only.
 */
function spanOptions(
  runs: Side,
  singles: Side,
  cfg: NameAlignmentConfig,
  mergeSimilarity?: MergeSimilarity,
): void {
  const q = runs.tokens;
  const c = singles.tokens;
  const qSettled = runs.settled;
  const cSettled = singles.settled;
  const swapped = runs === CANDIDATE;
  const out = OPTIONS;
  for (let i = 0; i < q.length; i++) {
    let spanLength = q[i].form.length;
    for (let span = 2; span <= cfg.maxMergeSpan && i + span <= q.length; span++) {
      spanLength += q[i + span - 1].form.length;
      if (qSettled[i] || qSettled[i + span - 1]) break;
      // Two parts may be joined in either order ("PUTIN, Vladimir" ~ VladimirPutin).
      for (let order = 0; order < (span === 2 ? 2 : 1); order++) {
        const reversed = order === 1;
        let merged: JoinedTokens | undefined;
        for (let j = 0; j < c.length; j++) {
          const ct = c[j].token;
          if (ct.role !== 'name' || cSettled[j]) continue;
          // The joined spelling must be about as long as the token it meets.
          const slack = Math.max(cfg.minEditsAllowed, spanLength * cfg.maxEditsPerChar);
          if (Math.abs(spanLength - c[j].form.length) > slack) continue;
          let similarity: number;
          if (mergeSimilarity) similarity = mergeSimilarity(i, span, reversed, j);
          else {
            merged ??= reversed ? joined([q[i + 1], q[i]], 0, 2) : joined(q, i, i + span);
            similarity = joinedSimilarity(merged, c[j], cfg);
          }
          if (
            similarity < cfg.minMergeSimilarity &&
            !(
              similarity > 0 &&
              span === 2 &&
              (reversed ? oneTypoMerge(q[i + 1], q[i], c[j]) : oneTypoMerge(q[i], q[i + 1], c[j]))
            )
          )
            continue;
          const drift = Math.abs(i / q.length - j / c.length);
          if (swapped) out.add(j, j + 1, i, i + span, similarity, drift);
          else out.add(i, i + span, j, j + 1, similarity, drift);
        }
      }
    }
  }
}

/** The similarity `spanOptions` gives a run of query tokens against one candidate token. */
export function mergedSimilarity(
  q: readonly ComparableToken[],
  start: number,
  span: number,
  reversed: boolean,
  c: ComparableToken,
  cfg: NameAlignmentConfig,
): number {
  const merged = reversed ? joined([q[start + 1], q[start]], 0, 2) : joined(q, start, start + span);
  return joinedSimilarity(merged, c, cfg);
}

/**
 * Aligns the tokens of two names, order-independently: each token meets at most one token (or a run of
 * joined tokens) on the other side, best pairs first. The score is the weighted similarity of aligned
 * parts over the weight of everything, unaligned parts counted with their penalties:
 * score = Σ sim·w / (Σ w + substitution·min(Uq, Uc) + extraQuery·(Uq − min) + extraCandidate·(Uc − min)).
 */
export function alignNames(
  query: NormalizedName,
  candidate: NormalizedName,
  cfg: NameAlignmentConfig,
): NameComparison {
  return alignTokens(query.tokens.map(comparable), candidate.tokens.map(comparable), cfg);
}

/** Highest name score when no whole name part is aligned (below every alert threshold in use). */
export const INITIALS_ONLY_CAP = 0.5;

const NO_PAIRS: AlignedPair[] = [];
const NO_TEXTS: string[] = [];

/** How `alignTokens` may reuse work across the candidates of one query, and what it reports. */
export interface AlignmentOptions {
  /** Memoised `tokenSimilarity(q[i], c[j])` (the index reuses pairs across candidates of one query). */
  pairSimilarity?: (i: number, j: number) => number;
  /** Memoised `mergedSimilarity` of query runs (the index reuses them across candidates of one query). */
  mergeSimilarity?: MergeSimilarity;
  /** Spell out the aligned and unaligned parts (for explanations; default); ranking needs only the score. */
  detail?: boolean;
}

const DEFAULT_ALIGNMENT: AlignmentOptions = {};

/**
 * `alignNames` on tokens already made comparable (the index keeps them that way). The index passes
 * the same `options` object for every candidate of a query (made once per query, not per call).
 */
export function alignTokens(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  cfg: NameAlignmentConfig,
  options: AlignmentOptions = DEFAULT_ALIGNMENT,
): NameComparison {
  const { pairSimilarity, mergeSimilarity } = options;
  const detail = options.detail ?? true;
  const nq = q.length;
  const nc = c.length;
  if (qUsed.length < nq) {
    QUERY.settled = qSettled = new Uint8Array(nq * 2);
    qUsed = new Uint8Array(nq * 2);
    qTo = new Int32Array(nq * 2);
  }
  if (cUsed.length < nc) {
    CANDIDATE.settled = cSettled = new Uint8Array(nc * 2);
    cUsed = new Uint8Array(nc * 2);
  }
  QUERY.tokens = q;
  CANDIDATE.tokens = c;
  const found = OPTIONS;
  found.count = 0;
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) {
      const similarity = pairSimilarity ? pairSimilarity(i, j) : tokenSimilarity(q[i], c[j], cfg);
      if (similarity >= cfg.minPairSimilarity)
        found.add(i, i + 1, j, j + 1, similarity, Math.abs(i / nq - j / nc));
    }
  }
  if (cfg.maxMergeSpan > 1 && nq + nc > 2) {
    settle(found, nq, nc);
    spanOptions(QUERY, CANDIDATE, cfg, mergeSimilarity);
    spanOptions(CANDIDATE, QUERY, cfg);
  }
  found.sort();

  qUsed.fill(0, 0, nq);
  cUsed.fill(0, 0, nc);
  // Where each query token went (index of the first candidate token of its pair), for the patronym check.
  qTo.fill(-1, 0, nq);
  const roleWeights = cfg.roleWeights;
  const pairs: AlignedPair[] = detail ? [] : NO_PAIRS;
  let matched = 0;
  let base = 0;
  // Whether some aligned pair has a whole name part on both sides (not only initials, particles…).
  let named = false;
  for (let n = 0; n < found.count; n++) {
    const o = found.order[n];
    const qs = found.qStart[o];
    const qe = found.qEnd[o];
    const cs = found.cStart[o];
    const ce = found.cEnd[o];
    let free = true;
    for (let k = qs; k < qe && free; k++) free = qUsed[k] === 0;
    for (let k = cs; k < ce && free; k++) free = cUsed[k] === 0;
    if (!free) continue;
    let wq = 0;
    let wc = 0;
    let qNamed = false;
    let cNamed = false;
    for (let k = qs; k < qe; k++) {
      qUsed[k] = 1;
      qTo[k] = cs;
      wq += roleWeights[q[k].token.role];
      qNamed ||= q[k].token.role === 'name';
    }
    for (let k = cs; k < ce; k++) {
      cUsed[k] = 1;
      wc += roleWeights[c[k].token.role];
      cNamed ||= c[k].token.role === 'name';
    }
    named ||= qNamed && cNamed;
    const w = (wq + wc) / 2;
    const similarity = found.similarity[o];
    matched += similarity * w;
    base += w;
    if (detail) {
      pairs.push({
        query: q
          .slice(qs, qe)
          .map((t) => t.token.text)
          .join(' '),
        candidate: c
          .slice(cs, ce)
          .map((t) => t.token.text)
          .join(' '),
        similarity,
      });
    }
  }

  // A repeated token (Sergey Sergey Shoigu) whose twin was aligned adds nothing and costs nothing.
  const uq = unmatched(q, qUsed, cfg);
  const wUq = uq.weight;
  const cq = uq.conflict;
  const uc = unmatched(c, cUsed, cfg);
  const wUc = uc.weight;
  // Substitution weighs initials as contradicting name parts (Hans O. Friedrich is not Hans Joachim).
  const substituted = Math.min(cq, uc.conflict);
  const denominator =
    base +
    cfg.substitutionPenalty * substituted +
    cfg.extraQueryPenalty * Math.max(0, wUq - substituted) +
    cfg.extraCandidatePenalty * Math.max(0, wUc - substituted);
  const patronymFactor = fathersDiffer(q, c, qTo) ? cfg.patronymConflictFactor : 1;
  const ratio = denominator > 0 ? (matched / denominator) * patronymFactor : 0;
  // Initials alone (H. T. ~ Helmer 'H7') never make a name match, however well they agree.
  const score = named ? ratio : Math.min(ratio, INITIALS_ONLY_CAP);
  return {
    score,
    pairs,
    unmatchedQuery: detail ? unmatchedTexts(q, qUsed) : NO_TEXTS,
    unmatchedCandidate: detail ? unmatchedTexts(c, cUsed) : NO_TEXTS,
  };
}

/** An unaligned token counts unless a token of the same spelling on its side was aligned. */
function counts(tokens: readonly ComparableToken[], used: Uint8Array, k: number): boolean {
  if (used[k]) return false;
  const text = tokens[k].token.text;
  for (let o = 0; o < tokens.length; o++) if (used[o] && tokens[o].token.text === text) return false;
  return true;
}

// Sums of the unaligned tokens, returned through one reused object (no allocation per alignment).
const UNMATCHED = { weight: 0, conflict: 0 };

/** Weight and conflict weight of the unaligned tokens that count, summed in token order. */
function unmatched(
  tokens: readonly ComparableToken[],
  used: Uint8Array,
  cfg: NameAlignmentConfig,
): { weight: number; conflict: number } {
  let weight = 0;
  let conflict = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (!counts(tokens, used, k)) continue;
    const role = tokens[k].token.role;
    const w = cfg.roleWeights[role];
    weight += w;
    conflict += role === 'initial' ? cfg.initialConflictWeight : w;
  }
  UNMATCHED.weight = weight;
  UNMATCHED.conflict = conflict;
  return UNMATCHED;
}

function unmatchedTexts(tokens: readonly ComparableToken[], used: Uint8Array): string[] {
  const out: string[] = [];
  for (let k = 0; k < tokens.length; k++) if (counts(tokens, used, k)) out.push(tokens[k].token.text);
  return out;
}

const PATRONYM_GROUPS = new Set(['sym:bin', 'sym:bint']);

/** Whether `tokens[k]` names a father: a name right after a "son/daughter of" particle. */
function isFather(tokens: readonly ComparableToken[], k: number): boolean {
  if (k < 1 || k >= tokens.length || tokens[k].token.role !== 'name') return false;
  const groups = tokens[k - 1].token.groups;
  if (!groups) return false;
  for (const g of groups) if (PATRONYM_GROUPS.has(g)) return true;
  return false;
}

function hasFather(tokens: readonly ComparableToken[]): boolean {
  for (let k = 1; k < tokens.length; k++) if (isFather(tokens, k)) return true;
  return false;
}

/** Both names name a father, and a query father aligned with a listed name that is not a father there. */
function fathersDiffer(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  qTo: Int32Array,
): boolean {
  if (!hasFather(q) || !hasFather(c)) return false;
  for (let k = 1; k < q.length; k++) if (isFather(q, k) && qTo[k] >= 0 && !isFather(c, qTo[k])) return true;
  return false;
}
