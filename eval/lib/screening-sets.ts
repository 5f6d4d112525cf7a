import type { WatchlistEntry } from '@paxscreen/contracts';

import {
  classify,
  compareNames,
  DEFAULT_THRESHOLDS,
  MatchIndex,
  type MatchOutcome,
  type MatchQuery,
  policyFor,
} from '@paxscreen/matching';
import { reorder, seededRandom, typo } from './perturb';

/** Query names are linked to listed entries by exact name (case and spacing aside), never by the matcher. */
export function nameKey(name: string): string {
  return name.normalize('NFKC').toUpperCase().replace(/\s+/g, ' ').trim();
}

/** Listed name → entry ids holding it, for linking labelled positives to their true entries. */
export function linkByName(entries: readonly WatchlistEntry[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const e of entries) {
    for (const n of e.names) {
      const k = nameKey(n.full);
      const ids = out.get(k) ?? [];
      if (!ids.includes(e.entryId)) ids.push(e.entryId);
      out.set(k, ids);
    }
  }
  return out;
}

export interface RecallReport {
  variant: string;
  /** Positives whose true entry could be linked (others were delisted since the set was made). */
  linked: number;
  unlinked: number;
  recallAt1: number;
  recallAt5: number;
  /** True entry in the top 5 and scoring at least the alert threshold of its list. */
  recallAlerting: number;
  misses: { query: string; expected: string[]; got: string[] }[];
}

export type Variant = 'untreated' | 'typo' | 'reordered';

/** The perturbed name for a variant; each variant has its own seed so the sets are reproducible. */
export function variantName(name: string, variant: Variant, random: () => number): string {
  if (variant === 'typo') return typo(name, random);
  if (variant === 'reordered') return reorder(name, random);
  return name;
}

export const VARIANT_SEEDS: Readonly<Record<Variant, number>> = {
  untreated: 0,
  typo: 20260227,
  reordered: 9303,
};

/** recall@1 and recall@5 of listed persons searched by (possibly perturbed) name and their other details. */
export function positivesRecall(
  index: MatchIndex,
  queries: readonly MatchQuery[],
  truth: ReadonlyMap<string, string[]>,
  variant: Variant,
): RecallReport {
  const random = seededRandom(VARIANT_SEEDS[variant]);
  let linked = 0;
  let at1 = 0;
  let at5 = 0;
  let alerting = 0;
  const misses: RecallReport['misses'] = [];
  for (const q of queries) {
    const expected = truth.get(nameKey(q.fullName ?? '')) ?? [];
    if (expected.length === 0) continue;
    linked++;
    const name = variantName(q.fullName ?? '', variant, random);
    const found = index.search({ ...q, fullName: name }, { limit: 5, minScore: 0 });
    const rank = found.findIndex((c) => expected.includes(c.entryId));
    if (rank === 0) at1++;
    if (rank >= 0) {
      at5++;
      if (classify(found[rank], policyFor(found[rank].listId)) !== 'NONE') alerting++;
    } else
      misses.push({
        query: name,
        expected,
        got: found.map((c) => `${c.entryId} ${c.name} ${c.score.toFixed(2)}`),
      });
  }
  return {
    variant,
    linked,
    unlinked: queries.length - linked,
    recallAt1: at1 / Math.max(1, linked),
    recallAt5: at5 / Math.max(1, linked),
    recallAlerting: alerting / Math.max(1, linked),
    misses,
  };
}

export interface AlertRateReport {
  queries: number;
  byOutcome: Record<MatchOutcome, number>;
  /** Share of queries whose best candidate reaches at least ALERT on its list's policy. */
  alertRate: number;
  /** Per-query search time, milliseconds. */
  p50Ms: number;
  p99Ms: number;
  worst: { query: string; candidate: string; listId: string; score: number; explanation: string }[];
}

/** Alert rate of non-listed travellers: how often an innocent passenger would be flagged. */
export function negativesAlertRate(
  index: MatchIndex,
  queries: readonly MatchQuery[],
  keepWorst = 25,
): AlertRateReport {
  const byOutcome: Record<MatchOutcome, number> = { NONE: 0, ALERT: 0, REFER: 0, NO_BOARD: 0 };
  const times: number[] = [];
  const alerts: AlertRateReport['worst'] = [];
  for (const q of queries) {
    const t = process.hrtime.bigint();
    const [top] = index.search(q, { limit: 1 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
    const outcome = top ? classify(top, policyFor(top.listId)) : 'NONE';
    byOutcome[outcome]++;
    if (top && outcome !== 'NONE') {
      alerts.push({
        query: q.fullName ?? '',
        candidate: top.name,
        listId: top.listId,
        score: top.score,
        explanation: top.explanation,
      });
    }
  }
  times.sort((a, b) => a - b);
  const pct = (p: number) =>
    times[Math.min(times.length - 1, Math.max(0, Math.ceil((p / 100) * times.length) - 1))] ?? 0;
  const flagged = byOutcome.ALERT + byOutcome.REFER + byOutcome.NO_BOARD;
  return {
    queries: queries.length,
    byOutcome,
    alertRate: flagged / Math.max(1, queries.length),
    p50Ms: pct(50),
    p99Ms: pct(99),
    worst: alerts.sort((a, b) => b.score - a.score).slice(0, keepWorst),
  };
}

export interface TokenPairReport {
  script: string;
  pairs: number;
  /** Share of pairs whose name score reaches the default alert threshold. */
  shareMatched: number;
  meanScore: number;
  /** Weighted by how often the pair occurs in Wikidata (the `count` column). */
  shareMatchedWeighted: number;
  examplesMissed: string[];
}

/** Merhav–Ash transliteration pairs (`english<TAB>n a t i v e<TAB>count`): does the native spelling match? */
export function tokenPairs(script: string, tsv: string, limit = Infinity): TokenPairReport {
  let pairs = 0;
  let matched = 0;
  let weight = 0;
  let weightMatched = 0;
  let sum = 0;
  const missed: string[] = [];
  for (const line of tsv.split('\n')) {
    if (pairs >= limit) break;
    const [latin, native, count] = line.split('\t');
    if (!latin || !native) continue;
    const nativeName = native.replace(/ /g, '');
    const score = compareNames(latin, nativeName).score;
    const w = Number(count) || 1;
    pairs++;
    weight += w;
    sum += score;
    if (score >= DEFAULT_THRESHOLDS.alert) {
      matched++;
      weightMatched += w;
    } else if (missed.length < 15) missed.push(`${latin} / ${nativeName} ${score.toFixed(2)}`);
  }
  return {
    script,
    pairs,
    shareMatched: matched / Math.max(1, pairs),
    meanScore: sum / Math.max(1, pairs),
    shareMatchedWeighted: weightMatched / Math.max(1, weight),
    examplesMissed: missed,
  };
}
