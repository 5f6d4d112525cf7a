import { DecisionMade, Header, Topic } from '@paxscreen/contracts';
import { DecisionPublisher } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import type { DecisionStore, TravellerSnapshotStore } from '@paxscreen/redis';

import {
  chunkRecord,
  MemoryDecisions,
  memoryIndex,
  memoryLogger,
  MemorySnapshots,
  traveller,
  travellerRecord,
} from '../../test/screening-fakes';
import { ScreenTravellersUseCase } from './screen-travellers.usecase';

function setup() {
  const { index } = memoryIndex();
  index.state.applyDocument('SLTD', 'L1', {
    listId: 'SLTD',
    entryId: 'L1',
    number: 'CSTOLEN',
    issuer: 'GBR',
    status: 'STOLEN',
  });
  const decisions = new MemoryDecisions();
  const snapshots = new MemorySnapshots();
  const metrics = new Metrics('screening', false);
  const { logger, lines } = memoryLogger();
  const useCase = new ScreenTravellersUseCase(
    index,
    decisions as unknown as DecisionStore,
    snapshots as unknown as TravellerSnapshotStore,
    new DecisionPublisher(metrics),
    metrics,
    logger,
  );
  return { useCase, decisions, snapshots, lines };
}

const decided = (batch: { records: { value: unknown }[] }) =>
  batch.records.map((r) => r.value as DecisionMade.Value);

describe('ScreenTravellersUseCase', () => {
  it('screens each traveller against the lists: one decision each, keyed by flight, hot path and snapshot kept', async () => {
    const { useCase, decisions, snapshots } = setup();
    const outputs = await useCase.execute([
      travellerRecord(traveller('clean'), { eventId: 'ev-1', partition: 3 }),
      travellerRecord(traveller('stolen'), { eventId: 'ev-2', partition: 3 }),
    ]);
    expect(outputs).toHaveLength(1);
    expect(outputs[0].topic).toBe(Topic.Decisions);
    const [clean, stolen] = decided(outputs[0]);
    expect(clean.decision).toMatchObject({ travellerId: 'clean', outcome: 'CLEAR', reasons: [] });
    expect(stolen.decision.travellerId).toBe('stolen');
    expect(stolen.decision.outcome).toBe('NO_BOARD');
    expect(stolen.decision.reasons.map((r) => r.kind)).toContain('LOST_STOLEN_DOCUMENT');
    expect(outputs[0].records.map((r) => r.key)).toEqual(['YY101:2030-01-02', 'YY101:2030-01-02']);
    expect(outputs[0].records[0].headers).toMatchObject({ [Header.ReceiptId]: 'rcpt-1' });
    expect(decisions.byId.get('stolen')?.decision.decisionId).toBe(stolen.decision.decisionId);
    expect(snapshots.byId.get('clean')).toMatchObject({
      manifestId: 'YY101:2030-01-02',
      partition: 3,
      arrivesAt: Date.parse('2030-01-02T13:00:00Z'),
    });
  });

  it('dead-letters an unreadable event with its bytes and screens the rest of the batch', async () => {
    const { useCase } = setup();
    const bad = {
      ...travellerRecord(traveller('x'), { eventId: 'ev-x' }),
      value: Buffer.from('{"not":"an event"}'),
    };
    const outputs = await useCase.execute([bad, travellerRecord(traveller('clean'), { eventId: 'ev-1' })]);
    expect(decided(outputs.find((o) => o.topic === Topic.Decisions)!)).toHaveLength(1);
    const dlq = outputs.find((o) => o.topic === Topic.DeadLetter)!;
    expect(dlq.records).toHaveLength(1);
    expect(JSON.stringify(dlq.records[0])).toContain('INVALID_EVENT');
  });

  it('screens every traveller of a chunk record; a chunk that breaks its contract is dead-lettered whole, with its bytes', async () => {
    const { useCase, snapshots } = setup();
    const good = chunkRecord(
      ['c1', 'c2', 'stolen'].map((id, i) => ({ traveller: traveller(id), eventId: `ev-${i}` })),
      { partition: 1 },
    );
    const broken = chunkRecord(
      ['b1', 'b2'].map((id, i) => ({ traveller: traveller(id), eventId: `ev-b${i}` })),
      {},
    );
    const chunk = JSON.parse(broken.value!.toString()) as { travellers: { traveller: object }[] };
    chunk.travellers[1].traveller = { travellerId: 'b2' }; // the second traveller breaks the contract
    const badBytes = Buffer.from(JSON.stringify(chunk));
    const outputs = await useCase.execute([{ ...broken, value: badBytes }, good]);
    const decisions = decided(outputs.find((o) => o.topic === Topic.Decisions)!);
    expect(decisions.map((d) => d.decision.travellerId)).toEqual(['c1', 'c2', 'stolen']);
    expect(decisions.map((d) => d.decision.outcome)).toEqual(['CLEAR', 'CLEAR', 'NO_BOARD']);
    expect(new Set(decisions.map((d) => d.decision.decisionId)).size).toBe(3);
    expect([...snapshots.byId.keys()].sort()).toEqual(['c1', 'c2', 'stolen']);
    const dlq = outputs.find((o) => o.topic === Topic.DeadLetter)!;
    expect(dlq.records).toHaveLength(1);
    const letter = dlq.records[0].value as { code: string; payloadBase64: string };
    expect(letter.code).toBe('INVALID_EVENT');
    expect(Buffer.from(letter.payloadBase64, 'base64').equals(badBytes)).toBe(true);
  });

  it('a redelivered event repeats its decision; a new manifest version supersedes the current one', async () => {
    const { useCase } = setup();
    const first = decided(
      (await useCase.execute([travellerRecord(traveller('t1'), { eventId: 'ev-1' })]))[0],
    )[0];
    const again = decided(
      (await useCase.execute([travellerRecord(traveller('t1'), { eventId: 'ev-1' })]))[0],
    )[0];
    expect(again.decision.decisionId).toBe(first.decision.decisionId);
    expect(again.decision.supersedes).toBeUndefined();
    const next = decided(
      (await useCase.execute([travellerRecord(traveller('t1'), { eventId: 'ev-2' })]))[0],
    )[0];
    expect(next.decision.decisionId).not.toBe(first.decision.decisionId);
    expect(next.decision.supersedes).toBe(first.decision.decisionId);
    expect(DecisionMade.key(next)).toBe(DecisionMade.key(first));
  });

  it('logs one line per carrier message with counts, never a name or document number', async () => {
    const { useCase, lines } = setup();
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    await useCase.execute([
      travellerRecord(traveller('a'), { eventId: 'ev-1', traceparent }),
      travellerRecord(traveller('stolen'), { eventId: 'ev-2', traceparent }),
    ]);
    const info = lines.filter((l) => l.msg === 'decisions published');
    expect(info).toHaveLength(1);
    expect(info[0].fields).toMatchObject({
      receiptId: 'rcpt-1',
      traceId: '0af7651916cd43dd8448eb211c80319c',
      outcomes: { CLEAR: 1, NO_BOARD: 1 },
    });
    expect(JSON.stringify(lines)).not.toMatch(/HOLLOWAY|CLARA|CSTOLEN|1980-04-02/);
  });
});
