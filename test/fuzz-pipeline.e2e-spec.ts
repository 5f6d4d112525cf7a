import { join } from 'node:path';

import { DeadLetter, Topic } from '@paxscreen/contracts';
import { EdifactError, readMessage, sniffMessage, writePaxlst } from '@paxscreen/edifact';
import { ReceiptStore } from '@paxscreen/records';
import { waitFor } from '@paxscreen/testing';

import { loadCorpus } from '../fuzz/lib/corpus';
import { FuzzCase, generateCase } from '../fuzz/lib/strategies';
import { TestStack } from './support/stack';
import { TopicReader } from './support/topic-reader';

/**
 * A few thousand fuzz inputs (`fuzz/`, fixed seed) through the real gateway and parser on Kafka
 * and Redis: every message the parser cannot read ends REJECTED with a dead letter holding exactly
 * the bytes sent, nothing is left RECEIVED, nothing answers 5xx, and the parser keeps working.
 */
const SEED = Number(process.env.FUZZ_PIPELINE_SEED ?? 20_251_125);
const CASES = Number(process.env.FUZZ_PIPELINE_CASES ?? 2000);
/** Keeps the run under ~30 s: the rare multi-megabyte inputs are covered by `npm run fuzz`. */
const MAX_BYTES = 128 * 1024;
const CONCURRENCY = 16;
/**
 * The parser is given as long as it makes progress: a receipt left RECEIVED after this long
 * without any other receipt settling is stuck (slow shared machines only make the wait longer).
 */
const STALL_MS = 15_000;
const POLL_MS = 1000;
/** Generous: the stall rule above is what fails a stuck parser; this only bounds a very slow machine. */
const SETTLE_TEST_TIMEOUT_MS = 600_000;
const FALLBACK_CARRIER = 'ZZ';
const CARRIER = /^[A-Z0-9]{2,3}$/;

interface Sent {
  input: FuzzCase;
  carrier: string;
  receiptId: string;
}

/** What the parser must conclude, computed with the same library in this process. */
function expectedRejection(bytes: Buffer, carrier: string): string | undefined {
  try {
    const read = readMessage(bytes);
    return read.messages.some((m) => m.manifest.carrier !== carrier) ? 'CARRIER_MISMATCH' : undefined;
  } catch (err) {
    if (err instanceof EdifactError) return err.code;
    throw err;
  }
}

async function inPool<T, R>(items: T[], run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await run(items[i]);
      }
    }),
  );
  return out;
}

describe('fuzz inputs through gateway → Kafka → parser', () => {
  const corpus = loadCorpus(join(__dirname, '..'));
  const inputs = Array.from({ length: CASES }, (_, i) => generateCase(SEED, i, corpus)).filter(
    (c) => c.bytes.length <= MAX_BYTES,
  );
  // The key of the carrier the gateway will see in the bytes, so that most inputs reach the parser.
  const carrierOf = (bytes: Buffer) => {
    const sniffed = sniffMessage(bytes).carrier;
    return sniffed && CARRIER.test(sniffed) ? sniffed : FALLBACK_CARRIER;
  };
  const carriers = [...new Set([FALLBACK_CARRIER, ...inputs.map((c) => carrierOf(c.bytes))])];
  const stack = TestStack.create('fuzz-pipeline', carriers, { GATEWAY_RATE_LIMIT: '1000000' });
  let dlq: TopicReader;
  const sent: Sent[] = [];
  const serverErrors: string[] = [];

  beforeAll(async () => {
    await stack.start('parser');
    await stack.start('gateway');
    dlq = await new TopicReader(stack.prefix, Topic.DeadLetter).start();
    const base = await stack.url('gateway');
    await inPool(inputs, async (input) => {
      const carrier = carrierOf(input.bytes);
      const res = await fetch(`${base}/v1/messages`, {
        method: 'POST',
        body: input.bytes,
        headers: { 'content-type': 'application/octet-stream', 'x-api-key': stack.keys.get(carrier)! },
      });
      const body = (await res.json()) as { receiptId?: string; code?: string };
      if (res.status >= 500) serverErrors.push(`${res.status} ${body.code ?? '(no code)'}`);
      if (res.status === 202) sent.push({ input, carrier, receiptId: body.receiptId! });
      else expect(typeof body.code).toBe('string');
    });
  });

  afterAll(async () => {
    await dlq?.stop();
    await stack.close();
  });

  it('answers every input with 202 or a typed 4xx, never 5xx', () => {
    expect(serverErrors).toEqual([]);
    expect(sent.length).toBeGreaterThan(inputs.length / 2);
  });

  it(
    'ends every accepted message PARSED, AWAITING_PARTS or REJECTED, with a dead letter of the exact bytes for each rejection',
    async () => {
      const receipts = new Map<string, Record<string, unknown>>();
      const unique = [...new Map(sent.map((s) => [s.receiptId, s])).values()];
      const stuck = () =>
        unique.filter((s) => [undefined, 'RECEIVED'].includes(receipts.get(s.receiptId)?.status as string));
      // Read from PostgreSQL in-process: polling thousands of receipts over HTTP would starve the apps
      // that share this process.
      const store = stack.apps.get('gateway')!.get(ReceiptStore);
      let progressAt = Date.now();
      for (let before = Infinity; ;) {
        const pending = stuck();
        const read = await Promise.all(pending.map((s) => store.get(s.receiptId)));
        pending.forEach((s, i) => receipts.set(s.receiptId, { ...read[i] }));
        const left = stuck().length;
        if (left < before) progressAt = Date.now();
        before = left;
        if (left === 0 || Date.now() - progressAt > STALL_MS) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
      }
      const rejected = sent.filter((s) => receipts.get(s.receiptId)?.status === 'REJECTED');
      // A receipt says REJECTED as soon as the parser has decided; its dead letter becomes visible
      // when the parser's batch transaction commits. Same rule: wait while letters keep coming.
      const lettersNow = () => new Map(dlq.json<DeadLetter.Value>().map((d) => [d.correlationId, d]));
      let letters = lettersNow();
      for (let seen = letters.size, lastNew = Date.now(); ;) {
        if (rejected.every((s) => letters.has(s.receiptId)) || Date.now() - lastNew > STALL_MS) break;
        await new Promise((r) => setTimeout(r, POLL_MS));
        letters = lettersNow();
        if (letters.size > seen) [seen, lastNew] = [letters.size, Date.now()];
      }

      const problems: string[] = [];
      for (const s of sent) {
        const receipt = receipts.get(s.receiptId)!;
        const expected = expectedRejection(s.input.bytes, s.carrier);
        const where = `case ${s.input.index} (${s.input.strategy.name})`;
        if (expected) {
          const rejection = receipt.rejection as { code?: string } | undefined;
          if (receipt.status !== 'REJECTED' || rejection?.code !== expected)
            problems.push(
              `${where}: expected REJECTED ${expected}, got ${String(receipt.status)} ${rejection?.code ?? ''}`,
            );
        } else if (!['PARSED', 'AWAITING_PARTS'].includes(String(receipt.status))) {
          const letter = letters.get(s.receiptId);
          problems.push(
            `${where}: expected PARSED or AWAITING_PARTS, got ${String(receipt.status)}` +
              (letter ? ` (dead letter ${letter.code}: ${letter.message})` : ''),
          );
        }
        if (receipt.status === 'REJECTED') {
          const letter = letters.get(s.receiptId);
          if (!letter) problems.push(`${where}: REJECTED without a dead letter`);
          else if (letter.payloadBase64 !== s.input.bytes.toString('base64'))
            problems.push(
              `${where}: the dead letter holds ${Buffer.from(letter.payloadBase64, 'base64').length} bytes, not the ${s.input.bytes.length} sent`,
            );
          if (letter && letter.stage !== 'parser')
            problems.push(`${where}: dead letter from stage ${letter.stage}`);
        }
      }
      expect(problems).toEqual([]);
      expect(rejected.length).toBeGreaterThan(0);
    },
    SETTLE_TEST_TIMEOUT_MS,
  );

  it('keeps the parser running: it still reads a valid manifest afterwards', async () => {
    const parser = await stack.url('parser');
    expect((await fetch(`${parser}/health`)).status).toBe(200);
    const valid = writePaxlst({
      sender: 'ZZAIR',
      recipient: 'BORDER',
      controlRef: 'AFTER',
      messageRef: 'M1',
      kind: 'PASSENGERS',
      flight: { carrier: 'ZZ', number: '0777', departure: { port: 'LHR' }, arrival: { port: 'JFK' } },
      travellers: [
        { role: 'PASSENGER', surname: 'AFTERFUZZ', givenNames: 'ONE', gender: 'F', documents: [] },
      ],
    });
    const { status, body } = await stack.submit(FALLBACK_CARRIER, valid);
    expect(status).toBe(202);
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt(FALLBACK_CARRIER, String(body.receiptId));
        return r.status !== 'RECEIVED' ? r : undefined;
      },
      { what: 'the manifest sent after the fuzz inputs' },
    );
    expect(receipt).toMatchObject({ status: 'PARSED', counts: { travellers: 1 } });
  });
});
