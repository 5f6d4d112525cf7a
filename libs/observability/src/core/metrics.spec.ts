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
