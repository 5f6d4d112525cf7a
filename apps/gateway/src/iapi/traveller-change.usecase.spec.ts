import { DecisionMade, Header, Topic } from '@paxscreen/contracts';
import type { ParsedMessage } from '@paxscreen/edifact';
import { DecisionPublisher, type KafkaProducer, type OutgoingRecord } from '@paxscreen/kafka';
import { type Logger, Metrics } from '@paxscreen/observability';
import type { DecisionStore, HotPathEntry } from '@paxscreen/redis';

import { TravellerChangeUseCase } from './traveller-change.usecase';

const TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
const current: HotPathEntry = {
  manifestId: 'ZZ0042:2026-12-06:-:PASSENGERS',
  flight: {
    carrier: 'ZZ',
    number: '0042',
    departure: { port: 'LHR', at: '2026-12-06T06:00' },
    arrival: { port: 'JFK', at: '2026-12-06T14:00' },
  },
  subject: {
    surname: 'TESTER',
    givenNames: 'AMELIA',
    documents: [{ type: 'P', number: 'X1', issuer: 'GBR' }],
  },
  decision: {
    decisionId: 'd-1',
    travellerId: 't-1',
    outcome: 'REFER',
    reasons: [],
    listVersions: {},
    timings: { receivedAt: 1, decidedAt: 2, screeningMs: 1 },
  },
  occurredAt: '2026-12-06T05:00:00.000Z',
};

function setup() {
  const hot = new Map<string, HotPathEntry>([[current.decision.travellerId, current]]);
  const decisions = {
    byTravellers: async (ids: string[]) => ids.map((id) => hot.get(id)),
    putMany: async (entries: HotPathEntry[]) => entries.forEach((e) => hot.set(e.decision.travellerId, e)),
  } as unknown as DecisionStore;
  const sent: { topic: Topic; records: OutgoingRecord[] }[] = [];
  const producer = {
    send: async (topic: Topic, records: OutgoingRecord[]) => void sent.push({ topic, records }),
  } as unknown as KafkaProducer;
  const metrics = new Metrics('gateway', false);
  const logger = { info: () => undefined, error: () => undefined } as unknown as Logger;
  const useCase = new TravellerChangeUseCase(decisions, producer, new DecisionPublisher(metrics), logger);
  return { useCase, sent, metrics, hot };
}

const message = (travellerIds: string[]) =>
  ({
    travellers: travellerIds.map((travellerId) => ({ travellerId, surname: 'TESTER', givenNames: 'AMELIA' })),
  }) as unknown as ParsedMessage;

describe('TravellerChangeUseCase', () => {
  it('publishes the status mark like every decision: flight key, receipt id header, counted', async () => {
    const { useCase, sent, metrics, hot } = setup();
    const answers = await useCase.apply('ZZ', message(['t-1', 't-2']), 'CANCELLED', 'req-1', TRACEPARENT);

    expect(answers.map((a) => a.applied)).toEqual([true, false]);
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe(Topic.Decisions);
    const [record] = sent[0].records;
    const value = record.value as DecisionMade.Value;
    expect(record.key).toBe(DecisionMade.key(current));
    expect(record.headers).toEqual({ [Header.ReceiptId]: 'req-1', [Header.TraceParent]: TRACEPARENT });
    expect(value.decision.supersedes).toBe('d-1');
    expect(value.travellerStatus?.state).toBe('CANCELLED');
    expect(hot.get('t-1')?.travellerStatus?.state).toBe('CANCELLED');

    const counted = await metrics.decisions.get();
    expect(counted.values).toEqual([expect.objectContaining({ labels: { outcome: 'REFER' }, value: 1 })]);
    // The mark repeats the original's receivedAt: it is no ingest-to-decision sample.
    const ingest = await metrics.ingestToDecision.get();
    expect(ingest.values.find((v) => v.metricName?.endsWith('_count'))?.value ?? 0).toBe(0);
  });

  it('publishes nothing for a status already recorded or another carrier', async () => {
    const { useCase, sent } = setup();
    await useCase.apply('ZZ', message(['t-1']), 'OFFLOADED', 'req-1', TRACEPARENT);
    await useCase.apply('ZZ', message(['t-1']), 'OFFLOADED', 'req-2', TRACEPARENT);
    const other = await useCase.apply('YY', message(['t-1']), 'CANCELLED', 'req-3', TRACEPARENT);
    expect(sent).toHaveLength(1);
    expect(other[0].applied).toBe(false);
  });
});
