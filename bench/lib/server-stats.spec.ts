import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { loopMonitor, readMetrics, serverP99Ms } from './server-stats';

const ROUTE = '/v1/poe/documents/:issuer/:number';

/** An app's registry as paxscreen builds one: default metrics and the HTTP histogram. */
function appRegistry() {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'gateway' });
  collectDefaultMetrics({ register: registry });
  const http = new Histogram({
    name: 'paxscreen_http_request_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05],
    registers: [registry],
  });
  new Counter({ name: 'other_total', help: 'noise', registers: [registry] }).inc();
  return { registry, http };
}

describe('server-stats', () => {
  it('reads the loop delay, GC time and one route’s buckets from an app’s /metrics text', async () => {
    const { registry, http } = appRegistry();
    http.observe({ method: 'GET', route: ROUTE, status: '200' }, 0.0007);
    http.observe({ method: 'GET', route: ROUTE, status: '404' }, 0.003);
    http.observe({ method: 'GET', route: '/metrics', status: '200' }, 0.04);
    const sample = readMetrics(await registry.metrics(), ROUTE);
    expect(sample.loopMaxMs).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(sample.loopP99Ms)).toBe(true);
    expect(sample.gcMs).toBeGreaterThanOrEqual(sample.majorGcMs);
    expect(sample.majorGcMs).toBeGreaterThanOrEqual(0);
    // Both statuses of the route added up; /metrics left out.
    expect(sample.buckets.get(0.0005)).toBe(0);
    expect(sample.buckets.get(0.001)).toBe(1);
    expect(sample.buckets.get(0.005)).toBe(2);
    expect(sample.buckets.get(Infinity)).toBe(2);
  });

  it('gives the bucket bound 99 % of the answers between samples stayed within, over every slice', async () => {
    const { registry, http } = appRegistry();
    const scrape = async () => readMetrics(await registry.metrics(), ROUTE);
    // Before the first slice: answers that must not count.
    for (let i = 0; i < 50; i++) http.observe({ method: 'GET', route: ROUTE, status: '200' }, 0.04);
    const a0 = await scrape();
    for (let i = 0; i < 99; i++) http.observe({ method: 'GET', route: ROUTE, status: '200' }, 0.0004);
    const a1 = await scrape();
    // Between slices (another load's turn): not counted either.
    for (let i = 0; i < 50; i++) http.observe({ method: 'GET', route: ROUTE, status: '200' }, 0.04);
    const b0 = await scrape();
    http.observe({ method: 'GET', route: ROUTE, status: '200' }, 0.02);
    const b1 = await scrape();
    // 99 of 100 within 0.5 ms.
    expect(
      serverP99Ms([
        [a0, a1],
        [b0, b1],
      ]),
    ).toBe(0.5);
    // The second slice alone: its one answer took up to 25 ms.
    expect(serverP99Ms([[b0, b1]])).toBe(25);
    expect(serverP99Ms([[a1, a1]])).toBeNaN();
  });

  it('measures this process’s own event-loop stall', async () => {
    const monitor = loopMonitor();
    await new Promise((r) => setTimeout(r, 30));
    const until = performance.now() + 60;
    while (performance.now() < until);
    await new Promise((r) => setTimeout(r, 30));
    const { loopMaxMs } = monitor.stop();
    expect(loopMaxMs).toBeGreaterThanOrEqual(45);
  });
});
