/**
 * A log-bucket histogram of latencies in milliseconds: bounded memory whatever the rate, mergeable
 * across seconds, and every percentile within RELATIVE_PRECISION of the true value (it reports a
 * bucket's upper bound, so it never under-states a latency).
 */
export const RELATIVE_PRECISION = 0.01;
const LOG_BASE = Math.log1p(RELATIVE_PRECISION);
/** Everything at or below 1 ms shares bucket 0. */
const FLOOR_MS = 1;

export type Percentiles = { p50: number; p90: number; p99: number; max: number; count: number };

export class LatencyHistogram {
  private readonly buckets = new Map<number, number>();
  private total = 0;

  get count(): number {
    return this.total;
  }

  /** Records one latency; negative values (clock skew between hosts) count as 0. */
  add(ms: number): void {
    if (!Number.isFinite(ms)) return;
    const index = ms <= FLOOR_MS ? 0 : Math.ceil(Math.log(ms) / LOG_BASE);
    this.buckets.set(index, (this.buckets.get(index) ?? 0) + 1);
    this.total++;
  }

  merge(other: LatencyHistogram): this {
    for (const [index, n] of other.buckets) this.buckets.set(index, (this.buckets.get(index) ?? 0) + n);
    this.total += other.total;
    return this;
  }

  /** Nearest-rank percentile (0 < p ≤ 100), or undefined when empty. */
  percentile(p: number): number | undefined {
    return this.percentiles([p])[0];
  }

  percentiles(ps: number[]): (number | undefined)[] {
    if (this.total === 0) return ps.map(() => undefined);
    const indices = [...this.buckets.keys()].sort((a, b) => a - b);
    return ps.map((p) => {
      const rank = Math.max(1, Math.ceil((p / 100) * this.total));
      let seen = 0;
      for (const index of indices) {
        seen += this.buckets.get(index)!;
        if (seen >= rank) return upperBound(index);
      }
      return upperBound(indices[indices.length - 1]);
    });
  }

  summary(): Percentiles | undefined {
    if (this.total === 0) return undefined;
    const [p50, p90, p99, max] = this.percentiles([50, 90, 99, 100]) as number[];
    return { p50, p90, p99, max, count: this.total };
  }
}

function upperBound(index: number): number {
  return index === 0 ? FLOOR_MS : Math.exp(index * LOG_BASE);
}
