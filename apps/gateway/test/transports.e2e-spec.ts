import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type Channel, type ChannelModel, connect } from 'amqplib';

import { DeadLetter, Header, Topic } from '@paxscreen/contracts';
import { PaxlstTraveller } from '@paxscreen/edifact';
import { provideTestAmqp, type TestAmqp, testPaxlst, waitFor } from '@paxscreen/testing';

import { TestStack } from '../../../test/support/stack';
import { TopicReader } from '../../../test/support/topic-reader';
import {
  INGEST_REFERENCE_HEADER,
  INGEST_SOURCE_HEADER,
  PROCESSED_DIR,
  REJECTED_DIR,
} from '../src/transports';

const pax = (surname: string, number: string): PaxlstTraveller => ({
  role: 'PASSENGER',
  surname,
  givenNames: 'TEST',
  dateOfBirth: '1980-02-03',
  gender: 'F',
  nationality: 'GBR',
  documents: [{ type: 'P', number, issuer: 'GBR', expiry: '2031-01-01' }],
});

const typeB = (edifact: string) => `\u0001QU YYZAPXH\r\n.LHRKMZZ 011015/Q1\r\n\u0002${edifact}\u0003`;
const LIMIT = 8192;

describe('gateway: AMQP queue and drop folder ingest beside HTTP', () => {
  let amqp: TestAmqp;
  let model: ChannelModel;
  let channel: Channel;
  let dir: string;
  let queue: string;
  let stack: TestStack;
  let raw: TopicReader;
  let dlq: TopicReader;

  const rawFor = (bytes: string) => raw.records.filter((r) => r.value?.toString('latin1') === bytes);
  const deadLetters = () => dlq.json<DeadLetter.Value>();
  const drained = async () => (await channel.checkQueue(queue)).messageCount === 0;

  beforeAll(async () => {
    amqp = await provideTestAmqp();
    dir = mkdtempSync(join(tmpdir(), 'paxscreen-drop-'));
    stack = TestStack.create('transports', ['ZZ', 'YY']);
    queue = `${stack.prefix}api.zz`;
    model = await connect(amqp.url);
    channel = await model.createChannel();
    await channel.assertQueue(queue, { durable: true });
    await stack.start('parser');
    await stack.start('gateway', 'gateway', {
      GATEWAY_AMQP_URL: amqp.url,
      GATEWAY_AMQP_QUEUES: `ZZ:${queue}`,
      GATEWAY_DROP_DIRS: `ZZ:${dir}`,
      GATEWAY_DROP_POLL_MS: '50',
      GATEWAY_BODY_LIMIT: String(LIMIT),
    });
    raw = await new TopicReader(stack.prefix, Topic.MessagesRaw).start();
    dlq = await new TopicReader(stack.prefix, Topic.DeadLetter).start();
  });

  afterAll(async () => {
    await stack?.close();
    await raw?.stop();
    await dlq?.stop();
    await channel?.deleteQueue(queue).catch(() => undefined);
    await model?.close().catch(() => undefined);
    await amqp?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a queued Type B message reaches the raw topic once, with a receipt like an HTTP one (bound carrier, envelope kept)', async () => {
    const bytes = typeB(testPaxlst('ZZ', 'Q1', [pax('QUEUE', 'XQ0000001')]));
    channel.sendToQueue(queue, Buffer.from(bytes, 'latin1'), { persistent: true, messageId: 'zz-msg-1' });
    const [record] = await waitFor(() => rawFor(bytes).length === 1 && rawFor(bytes), { what: 'raw record' });
    expect(record.headers[Header.Carrier]).toBe('ZZ');
    const receiptId = record.headers[Header.ReceiptId];
    const receipt = await waitFor(
      async () => {
        const r = await stack.receipt('ZZ', receiptId);
        return r.status === 'PARSED' && r;
      },
      { what: 'parsed receipt' },
    );
    expect(receipt).toMatchObject({
      carrier: 'ZZ',
      typeB: { priority: 'QU', origin: 'LHRKMZZ', messageIdentity: 'Q1' },
    });
    await waitFor(drained, { what: 'queue drained' });

    // The same bytes again (a re-delivery, a resend): acknowledged, no second raw record.
    channel.sendToQueue(queue, Buffer.from(bytes, 'latin1'), { persistent: true });
    await waitFor(drained, { what: 'queue drained again' });
    await new Promise((r) => setTimeout(r, 500));
    expect(rawFor(bytes)).toHaveLength(1);
    // Another carrier cannot read the receipt.
    expect((await stack.receipt('YY', receiptId)).code).toBe('RECEIPT_NOT_FOUND');
  });

  it('what HTTP refuses with a 4xx becomes a dead letter (original bytes, reason, source) and is acknowledged', async () => {
    const notEdifact = '<xml>not a manifest</xml>';
    const otherCarrier = testPaxlst('YY', 'Q2', [pax('OTHER', 'XQ0000002')]);
    const tooLarge = `UNA:+.? '${'X'.repeat(LIMIT)}`;
    for (const body of [notEdifact, otherCarrier, tooLarge])
      channel.sendToQueue(queue, Buffer.from(body), { persistent: true });
    const letters = await waitFor(
      () => {
        const mine = deadLetters().filter((d) => d.headers[INGEST_SOURCE_HEADER] === `amqp:${queue}`);
        return mine.length >= 3 && mine;
      },
      { what: 'three dead letters' },
    );
    expect(letters.map((d) => [d.stage, d.code]).sort()).toEqual([
      ['gateway', 'CARRIER_MISMATCH'],
      ['gateway', 'PAYLOAD_TOO_LARGE'],
      ['gateway', 'UNSUPPORTED_CONTENT'],
    ]);
    const refused = letters.find((d) => d.code === 'UNSUPPORTED_CONTENT')!;
    expect(Buffer.from(refused.payloadBase64, 'base64').toString()).toBe(notEdifact);
    expect(refused.headers[Header.Carrier]).toBe('ZZ');
    await waitFor(drained, { what: 'queue drained' });
    expect(rawFor(otherCarrier)).toHaveLength(0);
  });

  it('a dropped file is delivered, then moved to processed/ under its receipt id; uploads in progress are left alone', async () => {
    const bytes = testPaxlst('ZZ', 'F1', [pax('FOLDER', 'XF0000001')]);
    writeFileSync(join(dir, 'upload.edi.part'), bytes);
    writeFileSync(join(dir, 'manifest-1.edi'), bytes);
    const [record] = await waitFor(() => rawFor(bytes).length > 0 && rawFor(bytes), { what: 'raw record' });
    const receiptId = record.headers[Header.ReceiptId];
    await waitFor(() => existsSync(join(dir, PROCESSED_DIR, `${receiptId}-manifest-1.edi`)), {
      what: 'moved to processed/',
    });
    expect(existsSync(join(dir, 'manifest-1.edi'))).toBe(false);
    expect(existsSync(join(dir, 'upload.edi.part'))).toBe(true);
    expect(rawFor(bytes)).toHaveLength(1);
    expect(await stack.receipt('ZZ', receiptId)).toMatchObject({ carrier: 'ZZ' });

    // The same file dropped again: same receipt, moved, no second record.
    writeFileSync(join(dir, 'manifest-1-again.edi'), bytes);
    await waitFor(() => existsSync(join(dir, PROCESSED_DIR, `${receiptId}-manifest-1-again.edi`)), {
      what: 'repeat moved under the first receipt id',
    });
    expect(rawFor(bytes)).toHaveLength(1);
  });

  it('a file over the size limit is not read: moved to rejected/ and named by its dead letter', async () => {
    writeFileSync(join(dir, 'huge.edi'), Buffer.alloc(LIMIT + 1, 0x41));
    const letter = await waitFor(
      () =>
        deadLetters().find(
          (d) => d.headers[INGEST_SOURCE_HEADER] === 'folder:ZZ' && d.code === 'PAYLOAD_TOO_LARGE',
        ),
      { what: 'dead letter' },
    );
    expect(letter.payloadBase64).toBe('');
    const reference = letter.headers[INGEST_REFERENCE_HEADER];
    expect(reference).toMatch(new RegExp(`^${REJECTED_DIR}/\\d+-huge\\.edi$`));
    await waitFor(() => existsSync(join(dir, reference)), { what: 'moved to rejected/' });
    expect(readdirSync(dir).filter((f) => f === 'huge.edi')).toEqual([]);
  });
});
