import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

import { eventLoopDelaysIn, kafkaRequestsIn } from './pipeline';

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
});
