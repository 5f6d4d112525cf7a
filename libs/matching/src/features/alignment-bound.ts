import { NameAlignmentConfig } from './name-alignment';
import { ComparableToken } from './token-similarity';

// Per-call scratch (names have a handful of tokens; grown on demand, never shrunk).
let qPossible = new Uint8Array(16);
let cPossible = new Uint8Array(16);

/**
 * An upper bound of `alignTokens(q, c).score`, an order of magnitude cheaper: it needs only the token
 * pair similarities (memoised by the index) and token lengths, never the alignment itself. The index
 * skips the full alignment of a candidate whose bound cannot reach the search's floor.
 *
 * Why it holds: every aligned pair has similarity ≤ 1, so score ≤ B / (B + P), where B is the weight
 * of the aligned tokens and P the penalty of the unaligned ones; that ratio grows with B and falls with P.
 * A token can only be aligned when it has a similar token on the other side or could take part in a merge
 * (a run of tokens whose joined length is within the merge slack of one token): B is at most the weight of
 * those "possible" tokens. The others are certainly unaligned (unless a same-spelled twin is aligned, which
 * makes them free): P is at least their penalty, as P grows with every unaligned weight as long as
 * substitution costs at least an extra part on each side (checked below; otherwise no bound is claimed).
 */
export function alignmentBound(
  q: readonly ComparableToken[],
  c: readonly ComparableToken[],
  cfg: NameAlignmentConfig,
  pairSimilarity: (i: number, j: number) => number,
): number {
  if (cfg.substitutionPenalty < cfg.extraQueryPenalty + cfg.extraCandidatePenalty) return 1;
  const nq = q.length;
  const nc = c.length;
  if (qPossible.length < nq) qPossible = new Uint8Array(nq * 2);
  if (cPossible.length < nc) cPossible = new Uint8Array(nc * 2);
  qPossible.fill(0, 0, nq);
  cPossible.fill(0, 0, nc);
  for (let i = 0; i < nq; i++) {
    for (let j = 0; j < nc; j++) {
      if (pairSimilarity(i, j) >= cfg.minPairSimilarity) {
        qPossible[i] = 1;
        cPossible[j] = 1;
      }
    }
  }
  if (cfg.maxMergeSpan > 1 && nq + nc > 2) {
    mergeable(q, c, cfg, qPossible, cPossible);
    mergeable(c, q, cfg, cPossible, qPossible);
  }
  const roleWeights = cfg.roleWeights;
  let possibleWeight = 0;
  for (let i = 0; i < nq; i++) if (qPossible[i]) possibleWeight += roleWeights[q[i].token.role];
  for (let j = 0; j < nc; j++) if (cPossible[j]) possibleWeight += roleWeights[c[j].token.role];
  const base = possibleWeight / 2;
  if (base <= 0) return 0;
  const uq = unaligned(q, qPossible, cfg);
  const uc = unaligned(c, cPossible, cfg);
  const substituted = Math.min(uq.conflict, uc.conflict);
  const penalty =
    cfg.substitutionPenalty * substituted +
    cfg.extraQueryPenalty * Math.max(0, uq.weight - substituted) +
    cfg.extraCandidatePenalty * Math.max(0, uc.weight - substituted);
  return base / (base + penalty);
}

/** Marks the tokens of `a` in a run whose joined length is close enough to a `b` name token to merge with it. */
function mergeable(
  a: readonly ComparableToken[],
  b: readonly ComparableToken[],
  cfg: NameAlignmentConfig,
  aPossible: Uint8Array,
  bPossible: Uint8Array,
): void {
  for (let i = 0; i < a.length; i++) {
    let spanLength = a[i].form.length;
    for (let span = 2; span <= cfg.maxMergeSpan && i + span <= a.length; span++) {
      spanLength += a[i + span - 1].form.length;
      const slack = Math.max(cfg.minEditsAllowed, spanLength * cfg.maxEditsPerChar);
      for (let j = 0; j < b.length; j++) {
        if (b[j].token.role !== 'name' || Math.abs(spanLength - b[j].form.length) > slack) continue;
        bPossible[j] = 1;
        for (let k = i; k < i + span; k++) aPossible[k] = 1;
      }
    }
  }
}

/** Weight (and conflict weight) of the tokens certainly left unaligned and not excused by an aligned twin. */
function unaligned(
  tokens: readonly ComparableToken[],
  possible: Uint8Array,
  cfg: NameAlignmentConfig,
): { weight: number; conflict: number } {
  let weight = 0;
  let conflict = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (possible[k]) continue;
    const text = tokens[k].token.text;
    let twin = false;
    for (let o = 0; o < tokens.length && !twin; o++)
      twin = possible[o] === 1 && tokens[o].token.text === text;
    if (twin) continue;
    const role = tokens[k].token.role;
    const w = cfg.roleWeights[role];
    weight += w;
    conflict += role === 'initial' ? cfg.initialConflictWeight : w;
  }
  return { weight, conflict };
}
