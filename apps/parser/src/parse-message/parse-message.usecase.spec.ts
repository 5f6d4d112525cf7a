import { Header, ManifestParsed, Receipt, Topic, TravellerParsed } from '@paxscreen/contracts';
import type { ConsumedRecord } from '@paxscreen/kafka';
import { type Logger, Metrics } from '@paxscreen/observability';
import type { ManifestStore, PnrRecord, PnrVault, ReceiptStore, StoredPart } from '@paxscreen/records';
import { testPaxlst } from '@paxscreen/testing';

import { ParseMessageUseCase } from './parse-message.usecase';

/** In-memory stand-ins for the parser's stores (the ports the use case takes). */
class MemoryReceipts implements Pick<ReceiptStore, 'claimSource' | 'update'> {
  readonly receipts = new Map<string, Partial<Receipt>>();
  private readonly sources = new Map<string, string>();
  async claimSource(receiptId: string, source: string): Promise<boolean> {
    const owner = this.sources.get(receiptId) ?? source;
    this.sources.set(receiptId, owner);
    return owner === source;
  }
  async update(receiptId: string, patch: Partial<Receipt>): Promise<Receipt | undefined> {
    this.receipts.set(receiptId, { ...this.receipts.get(receiptId), ...patch });
    return undefined;
  }
}

class MemoryManifests implements Pick<ManifestStore, 'versionFor' | 'addPart' | 'dropSet'> {
  private readonly versions = new Map<string, string[]>();
  readonly sets = new Map<string, Map<number, StoredPart>>();
  async versionFor(manifestId: string, receiptId: string): Promise<number> {
    const receipts = this.versions.get(manifestId) ?? [];
    if (!receipts.includes(receiptId)) receipts.push(receiptId);
    this.versions.set(manifestId, receipts);
    return receipts.indexOf(receiptId) + 1;
  }
  async addPart(
    carrier: string,
    reference: string,
    sequence: number,
    part: StoredPart,
  ): Promise<StoredPart[]> {
    const set = this.sets.get(`${carrier}|${reference}`) ?? new Map<number, StoredPart>();
    // Stored as JSON, as PostgreSQL keeps it.
    set.set(sequence, JSON.parse(JSON.stringify(part)) as StoredPart);
    this.sets.set(`${carrier}|${reference}`, set);
    return [...set.values()];
  }
  async dropSet(carrier: string, reference: string): Promise<void> {
    this.sets.delete(`${carrier}|${reference}`);
  }
}

class MemoryPnrs implements Pick<PnrVault, 'putMany'> {
  readonly records: PnrRecord[] = [];
  async putMany(records: PnrRecord[]): Promise<void> {
    this.records.push(...records);
  }
}

const PASSENGERS = [
  {
    role: 'PASSENGER' as const,
    surname: 'HOLLOWAY',
    givenNames: 'CLARA',
    dateOfBirth: '1980-04-02',
    gender: 'F' as const,
    nationality: 'GBR',
    documents: [{ type: 'P', number: 'C000100004', issuer: 'GBR' }],
  },
  {
    role: 'PASSENGER' as const,
    surname: 'OKAFOR',
    givenNames: 'EMEKA',
    dateOfBirth: '1975-11-30',
    gender: 'M' as const,
    nationality: 'NGA',
    documents: [{ type: 'P', number: 'A07766554', issuer: 'NGA' }],
  },
];

function raw(bytes: string | Buffer, receiptId: string, carrier = 'YY', offset = 0): ConsumedRecord {
  return {
    topic: Topic.MessagesRaw,
    partition: 0,
    offset: String(offset),
    key: carrier,
    value: Buffer.from(bytes),
    headers: { [Header.ReceiptId]: receiptId, [Header.Carrier]: carrier },
    timestamp: Date.now(),
  };
}

function setup() {
  const receipts = new MemoryReceipts();
  const manifests = new MemoryManifests();
  const pnrs = new MemoryPnrs();
  const logged: string[] = [];
  const logger = {
    info: (fields: unknown, msg: string) => void logged.push(JSON.stringify([fields, msg])),
    warn: (fields: unknown, msg: string) => void logged.push(JSON.stringify([fields, msg])),
  } as unknown as Logger;
  const useCase = new ParseMessageUseCase(
    receipts as unknown as ReceiptStore,
    manifests as unknown as ManifestStore,
    pnrs as unknown as PnrVault,
    new Metrics('parser', false),
    logger,
  );
  return { useCase, receipts, manifests, pnrs, logged };
}

const onTopic = (
  outputs: { topic: Topic; records: { key?: string | null; value: unknown }[] }[],
  topic: Topic,
) => outputs.find((o) => o.topic === topic)?.records ?? [];
/** The chunk records on the travellers topic (sent as their JSON bytes), in order. */
const chunksOn = (outputs: Parameters<typeof onTopic>[0]) =>
  onTopic(outputs, Topic.Travellers).map((r) => JSON.parse(String(r.value)) as TravellerParsed.Chunk);
/** The traveller events of those chunk records, in order. */
const travellerEvents = (outputs: Parameters<typeof onTopic>[0]) =>
  chunksOn(outputs).flatMap(TravellerParsed.unpackChunk);

describe('ParseMessageUseCase', () => {
  it('reads a PAXLST into one chunk record of its travellers (keyed by flight) and a manifest summary', async () => {
    const { useCase, receipts, logged } = setup();
    const outputs = await useCase.execute([raw(testPaxlst('YY', '1001', PASSENGERS), 'r-1')]);
    const travellers = onTopic(outputs, Topic.Travellers);
    expect(travellers).toHaveLength(1);
    const events = travellerEvents(outputs);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(2);
    expect(events.map((e) => e.traveller.surname)).toEqual(['HOLLOWAY', 'OKAFOR']);
    expect(events.map((e) => [e.index, e.total, e.manifestVersion, e.carrier])).toEqual([
      [0, 2, 1, 'YY'],
      [1, 2, 1, 'YY'],
    ]);
    expect(new Set(travellers.map((r) => r.key))).toEqual(
      new Set([TravellerParsed.flightKeyOf(events[0].traveller.flight)]),
    );
    const [summary] = onTopic(outputs, Topic.Manifests);
    expect((summary.value as ManifestParsed.Value).travellerIds).toEqual(
      events.map((e) => e.traveller.travellerId),
    );
    expect(summary.key).toBe(events[0].manifestId);
    expect(receipts.receipts.get('r-1')).toMatchObject({
      status: 'PARSED',
      messageType: 'PAXLST',
      manifestId: events[0].manifestId,
      counts: { travellers: 2, passengers: 2, crew: 0 },
    });
    expect(logged.join()).not.toMatch(/HOLLOWAY|OKAFOR|C000100004|1980-04-02/);
  });

  it('gives a second receipt of a manifest the next version; a re-read of the same receipt keeps its events', async () => {
    const { useCase } = setup();
    const message = testPaxlst('YY', '1002', PASSENGERS);
    const firstOut = await useCase.execute([raw(message, 'r-1')]);
    const first = travellerEvents(firstOut);
    const update = travellerEvents(await useCase.execute([raw(message, 'r-2', 'YY', 1)]));
    expect(update.map((e) => e.manifestVersion)).toEqual([2, 2]);
    // The gateway re-sent r-1 (no ack seen): the second record of one receipt is skipped.
    expect(await useCase.execute([raw(message, 'r-1', 'YY', 2)])).toEqual([]);
    // The same record read again after a crash repeats the same event ids.
    const reread = await useCase.execute([raw(message, 'r-1')]);
    expect(travellerEvents(reread).map((e) => e.eventId)).toEqual(first.map((e) => e.eventId));
    const chunkIds = (outputs: typeof reread) => chunksOn(outputs).map((c) => c.eventId);
    expect(chunkIds(reread)).toEqual(chunkIds(firstOut));
  });

  it.each([
    ['not EDIFACT', Buffer.from('hello, world'), 'NOT_EDIFACT'],
    ['another carrier’s flight', Buffer.from(testPaxlst('ZZ', '1003', PASSENGERS)), 'CARRIER_MISMATCH'],
    [
      'a cancellation after check-in (an iAPI change)',
      Buffer.from(testPaxlst('YY', '1004', PASSENGERS, { documentIdentifier: 'XR' })),
      'CHANGE_VIA_IAPI',
    ],
  ])('dead-letters %s with its bytes and rejects the receipt with a code', async (_what, bytes, code) => {
    const { useCase, receipts } = setup();
    const outputs = await useCase.execute([raw(bytes, 'r-bad')]);
    expect(onTopic(outputs, Topic.Travellers)).toHaveLength(0);
    const dead = onTopic(outputs, Topic.DeadLetter);
    expect(dead).toHaveLength(1);
    expect(JSON.stringify(dead[0])).toContain(code);
    expect(JSON.stringify(dead[0])).toContain(bytes.toString('base64').slice(0, 16));
    expect(receipts.receipts.get('r-bad')).toMatchObject({ status: 'REJECTED', rejection: { code } });
  });

  it('holds the parts of a multi-part message until the last one, then screens them as one manifest', async () => {
    const { useCase, receipts, manifests } = setup();
    const part = (sequence: number, final: boolean, travellers: typeof PASSENGERS) =>
      testPaxlst('YY', `20${sequence}`, travellers, { multipart: { reference: 'SET1', sequence, final } });
    const first = await useCase.execute([raw(part(1, false, [PASSENGERS[0]]), 'r-p1')]);
    expect(onTopic(first, Topic.Travellers)).toHaveLength(0);
    expect(receipts.receipts.get('r-p1')?.status).toBe('AWAITING_PARTS');
    const last = await useCase.execute([raw(part(2, true, [PASSENGERS[1]]), 'r-p2', 'YY', 1)]);
    const events = travellerEvents(last);
    expect(events.map((e) => e.traveller.surname).sort()).toEqual(['HOLLOWAY', 'OKAFOR']);
    expect(receipts.receipts.get('r-p1')).toMatchObject({
      status: 'PARSED',
      manifestId: events[0].manifestId,
    });
    expect(receipts.receipts.get('r-p2')?.status).toBe('PARSED');
    expect(manifests.sets.size).toBe(0);
  });
  it('splits a manifest of more than CHUNK_TRAVELLERS travellers into chunks in manifest order, one flight key', async () => {
    const { useCase } = setup();
    const many = Array.from({ length: TravellerParsed.CHUNK_TRAVELLERS + 3 }, (_, i) => ({
      ...PASSENGERS[i % 2],
      surname: `PAX${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`,
      documents: [{ type: 'P', number: `X${String(i).padStart(8, '0')}`, issuer: 'GBR' }],
    }));
    const outputs = await useCase.execute([raw(testPaxlst('YY', '1005', many), 'r-many')]);
    const chunks = onTopic(outputs, Topic.Travellers);
    expect(chunksOn(outputs).map((c) => c.travellers.length)).toEqual([TravellerParsed.CHUNK_TRAVELLERS, 3]);
    expect(new Set(chunks.map((r) => r.key)).size).toBe(1);
    expect(new Set(chunksOn(outputs).map((c) => c.eventId)).size).toBe(2);
    const events = travellerEvents(outputs);
    expect(events.map((e) => e.index)).toEqual(many.map((_, i) => i));
    expect(new Set(events.map((e) => e.total))).toEqual(new Set([many.length]));
  });
});
