import { NormalizedName, TokenRole } from '../normalize/token';
import {
  ComparableToken,
  comparable,
  formSimilarity,
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

interface Option {
  qStart: number;
  qEnd: number;
  cStart: number;
  cEnd: number;
  similarity: number;
  /** Tie-breaker: pairs in the same relative position first. */
  drift: number;
}

function joined(
  tokens: readonly ComparableToken[],
  start: number,
  end: number,
): { form: string; vowelPoor: boolean } {
  let form = '';
  let vowelPoor = false;
  for (let k = start; k < end; k++) {
    form += tokens[k].form;
    vowelPoor ||= tokens[k].token.vowelPoor;
  }
  return { form, vowelPoor };
}

/** A token that already has a near-exact partner is never part of a merge (saves most of the work). */
const SETTLED = 0.95;

function spanOptions(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  cfg: NameAlignmentConfig,
  swapped: boolean,
  qSettled: readonly boolean[],
  cSettled: readonly boolean[],
  out: Option[],
): void {
  for (let i = 0; i < q.length; i++) {
    let spanLength = q[i].form.length;
    for (let span = 2; span <= cfg.maxMergeSpan && i + span <= q.length; span++) {
      spanLength += q[i + span - 1].form.length;
      if (qSettled[i] || qSettled[i + span - 1]) break;
      // Two parts may be joined in either order ("PUTIN, Vladimir" ~ VladimirPutin).
      const orders = span === 2 ? [false, true] : [false];
      for (const reversed of orders) {
        let merged: { form: string; vowelPoor: boolean } | undefined;
        for (let j = 0; j < c.length; j++) {
          const ct = c[j].token;
          if (ct.role !== 'name' || cSettled[j]) continue;
          // The joined spelling must be about as long as the token it meets.
          const slack = Math.max(cfg.minEditsAllowed, spanLength * cfg.maxEditsPerChar);
          if (Math.abs(spanLength - c[j].form.length) > slack) continue;
          merged ??= reversed ? joined([q[i + 1], q[i]], 0, 2) : joined(q, i, i + span);
          const similarity = formSimilarity(merged.form, merged.vowelPoor, c[j].form, ct.vowelPoor, cfg);
          if (similarity < cfg.minMergeSimilarity) continue;
          const drift = Math.abs(i / q.length - j / c.length);
          out.push(
            swapped
              ? { qStart: j, qEnd: j + 1, cStart: i, cEnd: i + span, similarity, drift }
              : { qStart: i, qEnd: i + span, cStart: j, cEnd: j + 1, similarity, drift },
          );
        }
      }
    }
  }
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

/** `alignNames` on tokens already made comparable (the index keeps them that way). */
export function alignTokens(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  cfg: NameAlignmentConfig,
  /** Memoised `tokenSimilarity(q[i], c[j])` (the index reuses pairs across candidates of one query). */
  pairSimilarity?: (i: number, j: number) => number,
  /** Spell out the aligned and unaligned parts (for explanations); ranking needs only the score. */
  detail = true,
): NameComparison {
  const options: Option[] = [];
  for (let i = 0; i < q.length; i++) {
    for (let j = 0; j < c.length; j++) {
      const similarity = pairSimilarity ? pairSimilarity(i, j) : tokenSimilarity(q[i], c[j], cfg);
      if (similarity >= cfg.minPairSimilarity) {
        options.push({
          qStart: i,
          qEnd: i + 1,
          cStart: j,
          cEnd: j + 1,
          similarity,
          drift: Math.abs(i / q.length - j / c.length),
        });
      }
    }
  }
  if (cfg.maxMergeSpan > 1 && q.length + c.length > 2) {
    const qSettled = new Array<boolean>(q.length).fill(false);
    const cSettled = new Array<boolean>(c.length).fill(false);
    for (const o of options) {
      if (o.similarity >= SETTLED) {
        qSettled[o.qStart] = true;
        cSettled[o.cStart] = true;
      }
    }
    spanOptions(q, c, cfg, false, qSettled, cSettled, options);
    spanOptions(c, q, cfg, true, cSettled, qSettled, options);
  }
  options.sort((a, b) => b.similarity - a.similarity || a.drift - b.drift);

  const qUsed = new Array<boolean>(q.length).fill(false);
  const cUsed = new Array<boolean>(c.length).fill(false);
  // Where each query token went (index of the first candidate token of its pair), for the patronym check.
  const qTo = new Array<number>(q.length).fill(-1);
  const weight = (t: ComparableToken): number => cfg.roleWeights[t.token.role];
  const pairs: AlignedPair[] = [];
  let matched = 0;
  let base = 0;
  for (const o of options) {
    let free = true;
    for (let k = o.qStart; k < o.qEnd && free; k++) free = !qUsed[k];
    for (let k = o.cStart; k < o.cEnd && free; k++) free = !cUsed[k];
    if (!free) continue;
    let wq = 0;
    let wc = 0;
    for (let k = o.qStart; k < o.qEnd; k++) {
      qUsed[k] = true;
      qTo[k] = o.cStart;
      wq += weight(q[k]);
    }
    for (let k = o.cStart; k < o.cEnd; k++) {
      cUsed[k] = true;
      wc += weight(c[k]);
    }
    const w = (wq + wc) / 2;
    matched += o.similarity * w;
    base += w;
    if (detail) {
      pairs.push({
        query: q
          .slice(o.qStart, o.qEnd)
          .map((t) => t.token.text)
          .join(' '),
        candidate: c
          .slice(o.cStart, o.cEnd)
          .map((t) => t.token.text)
          .join(' '),
        similarity: o.similarity,
      });
    }
  }

  // A repeated token (Sergey Sergey Shoigu) whose twin was aligned adds nothing and costs nothing.
  const unmatched = (tokens: readonly ComparableToken[], used: boolean[]): ComparableToken[] => {
    const alignedTexts = new Set(tokens.filter((_, k) => used[k]).map((t) => t.token.text));
    return tokens.filter((t, k) => !used[k] && !alignedTexts.has(t.token.text));
  };
  const uq = unmatched(q, qUsed);
  const uc = unmatched(c, cUsed);
  const wUq = uq.reduce((s, t) => s + weight(t), 0);
  const wUc = uc.reduce((s, t) => s + weight(t), 0);
  // Substitution weighs initials as contradicting name parts (Hans O. Friedrich is not Hans Joachim).
  const conflict = (ts: ComparableToken[]): number =>
    ts.reduce((s, t) => s + (t.token.role === 'initial' ? cfg.initialConflictWeight : weight(t)), 0);
  const substituted = Math.min(conflict(uq), conflict(uc));
  const denominator =
    base +
    cfg.substitutionPenalty * substituted +
    cfg.extraQueryPenalty * Math.max(0, wUq - substituted) +
    cfg.extraCandidatePenalty * Math.max(0, wUc - substituted);
  const patronymFactor = fathersDiffer(q, c, qTo) ? cfg.patronymConflictFactor : 1;
  const score = denominator > 0 ? (matched / denominator) * patronymFactor : 0;
  return {
    score,
    pairs,
    unmatchedQuery: detail ? uq.map((t) => t.token.text) : [],
    unmatchedCandidate: detail ? uc.map((t) => t.token.text) : [],
  };
}

const PATRONYM_GROUPS = new Set(['sym:bin', 'sym:bint']);

/** Index of the name after each "son/daughter of" particle: the father's name. */
function fathers(tokens: readonly ComparableToken[]): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < tokens.length; k++) {
    if (tokens[k].token.groups?.some((g) => PATRONYM_GROUPS.has(g)) && tokens[k + 1].token.role === 'name')
      out.push(k + 1);
  }
  return out;
}

/** Both names name a father, and a query father aligned with a listed name that is not a father there. */
function fathersDiffer(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  qTo: readonly number[],
): boolean {
  const qf = fathers(q);
  const cf = fathers(c);
  if (qf.length === 0 || cf.length === 0) return false;
  return qf.some((k) => qTo[k] >= 0 && !cf.includes(qTo[k]));
}
