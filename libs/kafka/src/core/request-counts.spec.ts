import { EventEmitter } from 'node:events';

import type { Producer } from 'kafkajs';

import { countRequests, kafkaRequestCounts, requestClientName } from './request-counts';

/** A stand-in for a kafkajs client: `on(events.REQUEST, …)` and a way to fire it. */
function fakeClient(): { client: Producer; answer: (apiName: string) => void } {
  const emitter = new EventEmitter();
  const client = {
    events: { REQUEST: 'producer.network.request' },
    on: (event: string, listener: (e: unknown) => void) => emitter.on(event, listener),
  } as unknown as Producer;
  return { client, answer: (apiName) => emitter.emit('producer.network.request', { payload: { apiName } }) };
}

describe('Kafka request counts', () => {
  it('names clients by kind and group, without the random suffix of private groups', () => {
    expect(requestClientName('producer')).toBe('producer');
    expect(requestClientName('consumer', 'paxscreen-screening-iapi')).toBe(
      'consumer:paxscreen-screening-iapi',
    );
    expect(
      requestClientName('consumer', 'paxscreen-gateway-replies-0b7e4a52-2f1c-4c3e-9d7a-6a1d2b3c4d5e'),
    ).toBe('consumer:paxscreen-gateway-replies');
  });

  it('counts each answered request under its client and API', () => {
    const a = fakeClient();
    const b = fakeClient();
    countRequests(a.client, 'consumer:spec-a');
    countRequests(b.client, 'consumer:spec-a');
    a.answer('Fetch');
    a.answer('Fetch');
    b.answer('Fetch');
    b.answer('OffsetCommit');
    const mine = kafkaRequestCounts().filter((c) => c.client === 'consumer:spec-a');
    expect(mine).toEqual(
      expect.arrayContaining([
        { client: 'consumer:spec-a', api: 'Fetch', count: 3 },
        { client: 'consumer:spec-a', api: 'OffsetCommit', count: 1 },
      ]),
    );
    expect(mine).toHaveLength(2);
  });
});
