import { LatencyHistogram, RELATIVE_PRECISION } from './latency-histogram';

const histogramOf = (values: number[]) => {
  const h = new LatencyHistogram();
  for (const v of values) h.add(v);
  return h;
};
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('LatencyHistogram', () => {
  it.each([
    [range(1, 1000), 50, 500],
    [range(1, 1000), 90, 900],
    [range(1, 1000), 99, 990],
    [range(1, 1000), 100, 1000],
    [[5, 5, 5, 5, 5000], 50, 5],
    [[5, 5, 5, 5, 5000], 99, 5000],
    [[12.5], 50, 12.5],
    [[30_000, 20, 250], 50, 250],
  ])('percentile within the relative precision (%#: p%s ≈ %s)', (values, p, exact) => {
    const got = histogramOf(values).percentile(p)!;
    expect(got).toBeGreaterThanOrEqual(exact * (1 - 1e-9));
    expect(got).toBeLessThanOrEqual(exact * (1 + RELATIVE_PRECISION) + 1e-9);
  });

  it.each([
    [[0.2, 0.9, 1], 1],
    [[-40], 1],
  ])('puts sub-millisecond and negative (skewed clock) latencies at 1 ms (%#)', (values, expected) => {
    expect(histogramOf(values).percentile(99)).toBe(expected);
  });

  it('ignores non-finite values and answers undefined when empty', () => {
    const h = histogramOf([NaN, Infinity]);
    expect(h.count).toBe(0);
    expect(h.percentile(50)).toBeUndefined();
    expect(h.summary()).toBeUndefined();
  });

  it('merges like one histogram of all values', () => {
    const merged = histogramOf(range(1, 500)).merge(histogramOf(range(501, 1000)));
    expect(merged.count).toBe(1000);
    expect(merged.summary()).toEqual(histogramOf(range(1, 1000)).summary());
  });

  it('keeps memory bounded by the spread of values, not their number', () => {
    const h = new LatencyHistogram();
    for (let i = 0; i < 100_000; i++) h.add(10 + (i % 100));
    // 10..109 ms span log(109/10)/log(1.01) ≈ 240 buckets at most.
    expect((h as unknown as { buckets: Map<number, number> }).buckets.size).toBeLessThan(250);
  });
});
