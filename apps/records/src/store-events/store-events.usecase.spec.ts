import { DeadLetter, Topic } from '@paxscreen/contracts';
import type { ConsumedRecord } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import type { RecordRows, RecordsWriter } from '@paxscreen/records';
import { testDecisionEvent, testTravellerChunk, testTravellerEvent } from '@paxscreen/testing';

import { StoreEventsUseCase } from './store-events.usecase';

const flight = { carrier: 'QF', number: '0001', date: '2026-12-07' };
const person = { travellerId: 'T1', surname: 'MÜLLER', givenNames: 'JOSE', dateOfBirth: '1980-01-01' };

const record = (topic: Topic, value: object | string, offset: string): ConsumedRecord => ({
  topic,
  partition: 0,
  offset,
  key: 'QF0001',
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
  headers: {},
  timestamp: Date.parse('2026-12-06T10:00:00Z'),
});

function useCase() {
  const written: RecordRows[] = [];
  const writer = { write: async (rows: RecordRows) => void written.push(rows) };
  const metrics = new Metrics('records', false);
  return { store: new StoreEventsUseCase(writer as unknown as RecordsWriter, metrics), written, metrics };
}

describe('StoreEventsUseCase', () => {
  it('files the readable events of a batch and dead-letters, counted, with the reason, those breaking their contract', async () => {
    const { store, written, metrics } = useCase();
    const letters = await store.execute([
      record(Topic.Decisions, testDecisionEvent(flight, person), '1'),
      record(Topic.Decisions, { not: 'a decision' }, '2'),
      record(Topic.Travellers, testTravellerChunk([testTravellerEvent(flight, person)]), '3'),
      record(Topic.Travellers, 'not json', '4'),
    ]);
    expect(written).toHaveLength(1);
    expect(written[0].decisions).toHaveLength(1);
    expect(written[0].travellers).toHaveLength(1);
    const dead = letters.flatMap((l) => l.records.map((r) => r.value as DeadLetter.Value));
    expect(letters.every((l) => l.topic === Topic.DeadLetter)).toBe(true);
    expect(dead.map((d) => [d.stage, d.code, d.sourceTopic, d.offset])).toEqual([
      ['records', 'INVALID_EVENT', Topic.Decisions, '2'],
      ['records', 'INVALID_EVENT', Topic.Travellers, '4'],
    ]);
    expect(dead[0].message).toMatch(/invalid/);
    expect(Buffer.from(dead[1].payloadBase64, 'base64').toString()).toBe('not json');
    expect((await metrics.deadLetters.get()).values).toEqual([
      expect.objectContaining({ labels: { stage: 'records', code: 'INVALID_EVENT' }, value: 2 }),
    ]);
  });

  it('throws, writing nothing, on an event it cannot map (the consumer retries, then dead-letters that record alone)', async () => {
    const { store, written } = useCase();
    const odd = testDecisionEvent(flight, person);
    odd.decision.timings.decidedAt = 8.64e15 + 1; // a number, as the contract asks, past any Date
    await expect(
      store.execute([
        record(Topic.Travellers, testTravellerChunk([testTravellerEvent(flight, person)]), '1'),
        record(Topic.Decisions, odd, '2'),
      ]),
    ).rejects.toThrow(RangeError);
    expect(written).toEqual([]);
  });

  it('files a name holding NUL (which PostgreSQL refuses) with U+FFFD in its place', async () => {
    const { store, written } = useCase();
    const withNul = { ...person, surname: 'MÜL\u0000LER', givenNames: 'JO\u0000\u0000SE' };
    const letters = await store.execute([
      record(Topic.Decisions, testDecisionEvent(flight, withNul), '1'),
      record(Topic.Travellers, testTravellerChunk([testTravellerEvent(flight, withNul)]), '2'),
    ]);
    expect(letters).toEqual([]);
    const [rows] = written;
    expect(rows.decisions[0].surname).toBe('MÜL\uFFFDLER');
    expect(rows.travellers[0].given_names).toBe('JO\uFFFD\uFFFDSE');
    expect(rows.decisions[0].event).not.toContain('\\u0000');
    expect(JSON.parse(rows.decisions[0].event as string).subject.surname).toBe('MÜL\uFFFDLER');
  });
});
