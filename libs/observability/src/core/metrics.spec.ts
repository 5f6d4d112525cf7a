import { Metrics } from './metrics';

describe('Metrics: match cache (issue 19)', () => {
  it('reports hits, misses, hit ratio and entries from the cache on every scrape', async () => {
    const metrics = new Metrics('screening', false);
    const stats = { hits: 0, misses: 0, entries: 0 };
    metrics.observeMatchCache(() => stats);
    Object.assign(stats, { hits: 6, misses: 2, entries: 2 });
    let text = await metrics.registry.metrics();
    expect(text).toContain('paxscreen_match_cache_lookups_total{result="hit",service="screening"} 6');
    expect(text).toContain('paxscreen_match_cache_lookups_total{result="miss",service="screening"} 2');
    expect(text).toContain('paxscreen_match_cache_hit_ratio{service="screening"} 0.75');
    expect(text).toContain('paxscreen_match_cache_entries{service="screening"} 2');
    Object.assign(stats, { hits: 7 });
    text = await metrics.registry.metrics();
    expect(text).toContain('paxscreen_match_cache_lookups_total{result="hit",service="screening"} 7');
  });

  it('says nothing of a cache in apps that have none', async () => {
    const text = await new Metrics('gateway', false).registry.metrics();
    expect(text).not.toMatch(/paxscreen_match_cache_lookups_total\{/);
  });
});

describe('Metrics: batch waits (issue 19)', () => {
  it("sums each batch's four waits per consumer group, in seconds, a negative wait as none", async () => {
    const metrics = new Metrics('screening', false);
    metrics.observeBatchWaits('paxscreen-screening', { fetched: 21, queued: 0, handled: 126, committed: 21 });
    metrics.observeBatchWaits('paxscreen-screening', { fetched: -3, queued: 2, handled: 74, committed: 19 });
    const { values } = await metrics.batchWait.get();
    const of = (wait: string, name: string, le?: number) =>
      values.find(
        (v) =>
          v.metricName === name &&
          v.labels.group === 'paxscreen-screening' &&
          v.labels.wait === wait &&
          (le === undefined || (v.labels as Record<string, unknown>).le === le),
      )?.value;
    const sum = 'paxscreen_batch_wait_seconds_sum';
    expect(of('fetched', sum)).toBeCloseTo(0.021);
    expect(of('queued', sum)).toBeCloseTo(0.002);
    expect(of('handled', sum)).toBeCloseTo(0.2);
    expect(of('committed', sum)).toBeCloseTo(0.04);
    expect(of('handled', 'paxscreen_batch_wait_seconds_count')).toBe(2);
    expect(of('handled', 'paxscreen_batch_wait_seconds_bucket', 0.1)).toBe(1);
    expect(of('handled', 'paxscreen_batch_wait_seconds_bucket', 0.25)).toBe(2);
    expect(await metrics.registry.metrics()).toContain('# TYPE paxscreen_batch_wait_seconds histogram');
  });
});
