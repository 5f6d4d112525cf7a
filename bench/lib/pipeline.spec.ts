import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

import { batchWaitsIn, eventLoopDelaysIn, kafkaRequestsIn, meanBatchWaits } from './pipeline';

describe('pipeline: figures read from the apps’ /metrics scrape', () => {
  it('counts Kafka requests by app, client and API, and reads each app’s event-loop delay', async () => {
    const registry = new Registry();
    collectDefaultMetrics({ register: registry });
    const requests = new Counter({
      name: 'paxscreen_kafka_requests_total',
      help: 'Kafka requests sent',
      labelNames: ['client', 'api'] as const,
      registers: [registry],
    });
    requests.inc({ client: 'producer', api: 'Produce' }, 3);
    requests.inc({ client: 'consumer:paxscreen-screening', api: 'Fetch' }, 7);
    const scrape = new Map([
      ['screening', await registry.metrics()],
      ['bare', 'other_total 1\n'],
    ]);

    expect(kafkaRequestsIn(scrape)).toEqual(
      new Map([
        ['screening producer Produce', 3],
        ['screening consumer:paxscreen-screening Fetch', 7],
      ]),
    );
    const delays = eventLoopDelaysIn(scrape);
    // An app without the loop metrics is left out.
    expect([...delays.keys()]).toEqual(['screening']);
    expect(delays.get('screening')!.max).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(delays.get('screening')!.p99)).toBe(true);
  });

  it("gives a phase's mean batch waits for one app and consumer group", async () => {
    const registry = new Registry();
    const waits = new Histogram({
      name: 'paxscreen_batch_wait_seconds',
      help: 'batch waits',
      labelNames: ['group', 'wait'] as const,
      registers: [registry],
    });
    const observe = (group: string, ms: Record<string, number>) => {
      for (const [wait, v] of Object.entries(ms)) waits.observe({ group, wait }, v / 1000);
    };
    observe('paxscreen-screening', { fetched: 30, queued: 0, handled: 100, committed: 20 });
    const before = batchWaitsIn(
      new Map([['screening', await registry.metrics()]]),
      'screening',
      'paxscreen-screening',
    );
    observe('paxscreen-screening', { fetched: 20, queued: 2, handled: 120, committed: 24 });
    observe('paxscreen-screening', { fetched: 10, queued: 4, handled: 140, committed: 16 });
    observe('paxscreen-screening-iapi', { fetched: 999, queued: 999, handled: 999, committed: 999 });
    const after = batchWaitsIn(
      new Map([['screening', await registry.metrics()]]),
      'screening',
      'paxscreen-screening',
    );

    const phase = meanBatchWaits(before, after);
    expect(phase.batches).toBe(2);
    expect(phase.meanMs.fetched).toBeCloseTo(15);
    expect(phase.meanMs.queued).toBeCloseTo(3);
    expect(phase.meanMs.handled).toBeCloseTo(130);
    expect(phase.meanMs.committed).toBeCloseTo(20);
    // No batch in the phase: no mean.
    expect(meanBatchWaits(after, after).meanMs.handled).toBeNaN();
    expect(batchWaitsIn(new Map(), 'screening', 'paxscreen-screening').handled).toEqual({
      ms: 0,
      batches: 0,
    });
  });
});
