import { Topic } from '@paxscreen/contracts';
import type { KafkaProducer, KafkaReaders, OutgoingRecord } from '@paxscreen/kafka';
import type { HealthRegistry, Logger } from '@paxscreen/observability';

import { TakeTurns } from '@paxscreen/http';

import type { GatewayEnv } from '../gateway.env';
import { IapiClient } from './iapi.client';
import { IapiUseCase } from './iapi.usecase';
import type { TravellerChangeUseCase } from './traveller-change.usecase';

function client() {
  const sent: { topic: Topic; records: OutgoingRecord[] }[] = [];
  let ack!: () => void;
  const producer = {
    send: (topic: Topic, records: OutgoingRecord[]) => {
      sent.push({ topic, records });
      return new Promise<void>((resolve) => (ack = resolve));
    },
  } as unknown as KafkaProducer;
  const readers = {
    replyListener: () => ({
      ready: Promise.resolve(),
      start: async () => undefined,
      stop: async () => undefined,
    }),
  } as unknown as KafkaReaders;
  const logger = { error: () => undefined } as unknown as Logger;
  const health = { register: () => undefined } as unknown as HealthRegistry;
  return { iapi: new IapiClient(readers, producer, logger, health), sent, ack: () => ack() };
}

const travellers = (n: number) => Array.from({ length: n }, () => ({}) as never);

describe('IapiClient', () => {
  it('says when the request is on the topic, and counts its travellers until it is answered', async () => {
    const { iapi, sent, ack } = client();
    let told = false;
    const screening = iapi.screen({
      carrier: 'ZZ',
      manifestId: 'm',
      travellers: travellers(3),
      timeoutMs: 50,
      sent: () => (told = true),
    });
    await new Promise((r) => setImmediate(r));
    expect([sent.length, told, iapi.pendingTravellers]).toEqual([1, false, 3]);
    ack();
    await new Promise((r) => setImmediate(r));
    // Sent, not answered yet: only the reply is awaited now.
    expect([told, iapi.pendingTravellers]).toEqual([true, 3]);
    expect((await screening).decisions).toBeUndefined();
    expect(iapi.pendingTravellers).toBe(0);
  });
});

describe('IapiUseCase', () => {
  it('refuses a request with 503 CARRIER_BUSY, unread, while the travellers waiting for screening are at the limit', async () => {
    const waiting = { pendingTravellers: 2000, screen: jest.fn() } as unknown as IapiClient;
    const env = { IAPI_MAX_PENDING_TRAVELLERS: 2000, IAPI_MAX_TRAVELLERS: 500 } as GatewayEnv;
    const turns = new TakeTurns();
    const read = jest.spyOn(turns, 'run');
    const useCase = new IapiUseCase(waiting, env, turns, {} as TravellerChangeUseCase);
    const refused = useCase.execute({
      carrier: 'ZZ',
      bytes: Buffer.from('{}'),
      cusres: false,
      traceparent: '',
    });
    await expect(refused).rejects.toMatchObject({ code: 'CARRIER_BUSY' });
    await expect(refused).rejects.toMatchObject({ status: 503 });
    expect(read).not.toHaveBeenCalled();
    expect(waiting.screen).not.toHaveBeenCalled();
  });
});
