import { OUTCOMES, Outcome } from '@paxscreen/contracts';

import { LatencyHistogram, Percentiles } from './latency-histogram';

/** Seconds averaged for the throughput figure: long enough to smooth batching, short enough to react. */
export const THROUGHPUT_SECONDS = 10;
/** Seconds of decisions behind the latency percentiles. */
export const LATENCY_SECONDS = 60;

export type OutcomeCounts = Record<Outcome, number>;

/** One second of the window, as charted. Latencies in milliseconds. */
export interface SeriesPoint {
  /** Epoch seconds. */
  t: number;
  decisions: number;
  outcomes: OutcomeCounts;
  deadLetters: number;
  p50?: number;
  p99?: number;
}

export interface WindowFigures {
  /** Decisions per second over the last THROUGHPUT_SECONDS complete seconds. */
  throughput: number;
  /** Ingest-to-decision latency over the last LATENCY_SECONDS. */
  latency?: Percentiles;
  /** Over the whole window. */
  outcomes: OutcomeCounts;
  deadLetters: number;
  windowSeconds: number;
}

interface Bucket {
  decisions: number;
  outcomes: OutcomeCounts;
  deadLetters: number;
  latency: LatencyHistogram;
}

export const noOutcomes = (): OutcomeCounts =>
  Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as OutcomeCounts;

/**
 * Per-second buckets over the last `windowSeconds`. Events are placed by their own time (a
 * decision's `decidedAt`), so figures describe when things happened, not when the dashboard read
 * them; events older than the window are dropped and events "from the future" (another host's
 * clock) count in the current second. Memory: one small bucket per second of the window.
 */
export class LiveWindow {
  private readonly buckets = new Map<number, Bucket>();

  constructor(readonly windowSeconds: number) {
    if (!Number.isInteger(windowSeconds) || windowSeconds < LATENCY_SECONDS)
      throw new Error(`the window must be a whole number of seconds ≥ ${LATENCY_SECONDS}`);
  }

  addDecision(atMs: number, outcome: Outcome, latencyMs: number | undefined, nowMs: number): void {
    const bucket = this.bucketAt(atMs, nowMs);
    if (!bucket) return;
    bucket.decisions++;
    bucket.outcomes[outcome]++;
    if (latencyMs !== undefined) bucket.latency.add(latencyMs);
  }

  addDeadLetter(atMs: number, nowMs: number): void {
    const bucket = this.bucketAt(atMs, nowMs);
    if (bucket) bucket.deadLetters++;
  }

  /** Every second from `fromSecond` (default: the window's start) to now, zero-filled. */
  series(nowMs: number, fromSecond?: number): SeriesPoint[] {
    const now = secondOf(nowMs);
    this.prune(now);
    const start = Math.max(now - this.windowSeconds + 1, fromSecond ?? -Infinity);
    const points: SeriesPoint[] = [];
    for (let t = start; t <= now; t++) {
      const b = this.buckets.get(t);
      const latency = b?.latency.percentiles([50, 99]) ?? [];
      points.push({
        t,
        decisions: b?.decisions ?? 0,
        outcomes: b ? { ...b.outcomes } : noOutcomes(),
        deadLetters: b?.deadLetters ?? 0,
        ...(latency[0] !== undefined ? { p50: round(latency[0]), p99: round(latency[1]!) } : {}),
      });
    }
    return points;
  }

  figures(nowMs: number): WindowFigures {
    const now = secondOf(nowMs);
    this.prune(now);
    let recent = 0;
    let deadLetters = 0;
    const outcomes = noOutcomes();
    const latency = new LatencyHistogram();
    for (const [t, b] of this.buckets) {
      // The current second is still filling: throughput counts complete seconds only.
      if (t < now && t >= now - THROUGHPUT_SECONDS) recent += b.decisions;
      if (t > now - LATENCY_SECONDS) latency.merge(b.latency);
      for (const o of OUTCOMES) outcomes[o] += b.outcomes[o];
      deadLetters += b.deadLetters;
    }
    const summary = latency.summary();
    return {
      throughput: round(recent / THROUGHPUT_SECONDS),
      ...(summary
        ? {
            latency: {
              p50: round(summary.p50),
              p90: round(summary.p90),
              p99: round(summary.p99),
              max: round(summary.max),
              count: summary.count,
            },
          }
        : {}),
      outcomes,
      deadLetters,
      windowSeconds: this.windowSeconds,
    };
  }

  private bucketAt(atMs: number, nowMs: number): Bucket | undefined {
    const now = secondOf(nowMs);
    const t = Math.min(secondOf(atMs), now);
    if (!Number.isFinite(t) || t <= now - this.windowSeconds) return undefined;
    let bucket = this.buckets.get(t);
    if (!bucket) {
      bucket = { decisions: 0, outcomes: noOutcomes(), deadLetters: 0, latency: new LatencyHistogram() };
      this.buckets.set(t, bucket);
      this.prune(now);
    }
    return bucket;
  }

  private prune(now: number): void {
    for (const t of this.buckets.keys()) if (t <= now - this.windowSeconds) this.buckets.delete(t);
  }
}

const secondOf = (ms: number) => Math.floor(ms / 1000);
/** Figures are shown with one decimal: more would be noise. */
const round = (v: number) => Math.round(v * 10) / 10;
