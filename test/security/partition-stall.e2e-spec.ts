import { DeadLetter, DecisionMade, Topic } from '@paxscreen/contracts';
import { poisonMessage, testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from '../support/stack';
import { TopicReader } from '../support/topic-reader';

/**
 * Issue 20 item 1: one carrier's poison message must not stop screening for the others. The poison
 * (an UNA header and a million release characters) is accepted, the parser rejects it, and its dead
 * letter (~1.3 MB of base64) is larger than the dead-letter topic takes: written as parts, it no
 * longer holds up the partition. One partition, so that every message shares it.
 */
const POISON = poisonMessage();
const TRAVELLERS = 3;

describe('security: a poison message does not stall its partition', () => {
  const stack = TestStack.create('partition-stall', ['PX', 'QA'], { KAFKA_PARTITIONS: '1' });
  let dlq: TopicReader;
  let decisions: TopicReader;

  beforeAll(async () => {
    await stack.start('screening');
    await stack.start('parser');
    await stack.start('gateway');
    dlq = await new TopicReader(stack.prefix, Topic.DeadLetter).start();
    decisions = await new TopicReader(stack.prefix, Topic.Decisions).start();
  });

  afterAll(async () => {
    await dlq?.stop();
    await decisions?.stop();
    await stack.close();
  });

  it('screens another carrier sent after the poison, rejects the poison, and keeps its exact bytes', async () => {
    const poison = await stack.submit('PX', POISON);
    expect(poison.status).toBe(202);
    const manifest = testPaxlst(
      'QA',
      'AFTERPOISON',
      Array.from({ length: TRAVELLERS }, (_, i) => ({
        role: 'PASSENGER' as const,
        surname: `STALL${String.fromCharCode(65 + i)}`,
        givenNames: 'ONE',
        gender: 'F' as const,
        documents: [],
      })),
    );
    const other = await stack.submit('QA', manifest);
    expect(other.status).toBe(202);

    const decided = await waitFor(
      () => {
        const mine = decisions
          .json<DecisionMade.Value>()
          .filter((d) => d.correlationId === other.body.receiptId);
        return mine.length >= TRAVELLERS ? mine : undefined;
      },
      { what: "the other carrier's decisions", timeoutMs: 60_000 },
    );
    expect(new Set(decided.map((d) => d.decision.travellerId)).size).toBe(TRAVELLERS);

    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('PX', String(poison.body.receiptId));
        return r.status === 'REJECTED' ? r : undefined;
      },
      { what: 'the poison rejected' },
    );
    expect((receipt.rejection as { code: string }).code).toMatch(/^[A-Z_]+$/);

    const letters = await waitFor(
      () => {
        const mine = dlq.json<DeadLetter.Value>().filter((d) => d.correlationId === poison.body.receiptId);
        const parts = mine[0]?.payload?.parts ?? Infinity;
        return mine.length >= parts ? mine : undefined;
      },
      { what: 'every part of the dead letter' },
    );
    expect(letters[0].payload!.parts).toBeGreaterThan(1);
    expect(letters.every((l) => l.stage === 'parser' && l.code === letters[0].code)).toBe(true);
    const bytes = DeadLetter.deadLetterBytes(letters, letters[0].payload!.deadLetterId);
    expect(bytes.equals(POISON)).toBe(true);
  });
});
