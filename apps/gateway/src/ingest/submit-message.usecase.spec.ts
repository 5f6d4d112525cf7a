import { createHash } from 'node:crypto';

import { Header, Receipt } from '@paxscreen/contracts';
import { writePaxlst } from '@paxscreen/edifact';
import { ApiError, TakeTurns } from '@paxscreen/http';
import type { KafkaProducer, OutgoingRecord } from '@paxscreen/kafka';
import { type Logger, Metrics } from '@paxscreen/observability';
import type { ReceiptStore } from '@paxscreen/records';
import { RedisKeys } from '@paxscreen/redis';

import { SubmitMessageUseCase } from './submit-message.usecase';

/** The receipt store's contract over plain maps (claims are SET NX, as in Redis). */
class MemoryReceipts {
  readonly claims = new Map<string, string>();
  readonly receipts = new Map<string, Receipt>();
  readonly stored = new Set<string>();
  down = false;

  private check(): void {
    if (this.down) throw new Error('Connection is closed.');
  }
  async get(id: string) {
    this.check();
    return this.receipts.get(id);
  }
  async put(r: Receipt) {
    this.check();
    this.receipts.set(r.receiptId, r);
  }
  async claim(key: string, id: string) {
    this.check();
    const holder = this.claims.get(key);
    if (holder === undefined) this.claims.set(key, id);
    return holder;
  }
  async release(key: string, id: string) {
    if (this.claims.get(key) === id) this.claims.delete(key);
  }
  async markStored(id: string) {
    this.check();
    this.stored.add(id);
  }
  async isStored(id: string) {
    this.check();
    return this.stored.has(id);
  }
}

const BYTES = Buffer.from(
  writePaxlst({
    sender: 'ZZAIR',
    recipient: 'USCBP',
    controlRef: '000001',
    messageRef: 'M1',
    kind: 'PASSENGERS',
    flight: {
      carrier: 'ZZ',
      number: '0100',
      departure: { port: 'LHR', at: '2030-01-01T22:00' },
      arrival: { port: 'JFK', at: '2030-01-02T01:00' },
    },
    travellers: [
      {
        role: 'PASSENGER',
        surname: 'JONES',
        givenNames: 'PETER',
        dateOfBirth: '1975-05-05',
        gender: 'M',
        nationality: 'GBR',
        documents: [{ type: 'P', number: 'XB0000401', issuer: 'GBR' }],
      },
    ],
  }),
);

function setup() {
  const receipts = new MemoryReceipts();
  const sent: string[] = [];
  let failSends = 0;
  const producer = {
    send: async (_topic: unknown, records: OutgoingRecord[]) => {
      sent.push(...records.map((r) => String(r.headers?.[Header.ReceiptId])));
      // A send that fails after the broker wrote it: the gateway cannot tell the difference.
      if (failSends > 0 && failSends--)
        throw Object.assign(new Error('KafkaJSProtocolError: Request timed out (broker 1, 10.0.0.7:9092)'), {
          name: 'KafkaJSProtocolError',
        });
    },
  } as unknown as KafkaProducer;
  const useCase = new SubmitMessageUseCase(
    producer,
    receipts as unknown as ReceiptStore,
    new RedisKeys(''),
    new Metrics('gateway', false),
    { info: () => undefined, warn: () => undefined } as unknown as Logger,
    new TakeTurns(),
  );
  const submit = () =>
    useCase.execute({
      carrier: 'ZZ',
      bytes: BYTES,
      idempotencyKey: 'carrier-retry-1',
      requestId: 'r',
      traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    });
  return { receipts, sent, submit, failNextSend: () => (failSends = 1) };
}

describe('SubmitMessageUseCase: a carrier retry after a failure mid-way never loses the message', () => {
  it('answers a repeat of a stored message with its receipt and sends nothing', async () => {
    const { sent, submit } = setup();
    const first = await submit();
    const again = await submit();
    expect(again).toMatchObject({ receipt: { receiptId: first.receipt.receiptId }, repeated: true });
    expect(sent).toEqual([first.receipt.receiptId]);
  });

  it('sends again under the same receipt id when Kafka never acknowledged the first attempt', async () => {
    const { sent, submit, failNextSend } = setup();
    failNextSend();
    const failure = (await submit().catch((e: unknown) => e)) as ApiError;
    expect(failure).toMatchObject({ code: 'UNAVAILABLE', details: undefined });
    // Kafka's own error text (and the broker's address) stays in the log, out of the answer.
    expect(JSON.stringify(failure.getResponse())).not.toMatch(/Kafka|broker|9092|timed out/);
    const retry = await submit();
    expect(sent).toHaveLength(2);
    expect(new Set(sent)).toEqual(new Set([retry.receipt.receiptId]));
    expect(retry.receipt.status).toBe('RECEIVED');
  });

  it('finishes an attempt that stopped between the claim and the receipt (a gateway crash)', async () => {
    const { receipts, sent, submit } = setup();
    // The bytes' claim is taken first: a crash right after it leaves only that claim behind.
    const digest = createHash('sha256').update(BYTES).digest('hex');
    receipts.claims.set(new RedisKeys('').receiptByDigest('ZZ', digest), 'crashed-attempt');
    const retry = await submit();
    expect(retry).toMatchObject({
      receipt: { receiptId: 'crashed-attempt', status: 'RECEIVED' },
      repeated: true,
    });
    expect(sent).toEqual(['crashed-attempt']);
    expect(receipts.stored.has('crashed-attempt')).toBe(true);
  });

  it('answers 503 UNAVAILABLE, not 500, while Redis is down', async () => {
    const { receipts, sent, submit } = setup();
    receipts.down = true;
    const failure = await submit().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).getStatus()).toBe(503);
    expect(sent).toEqual([]);
  });
});
