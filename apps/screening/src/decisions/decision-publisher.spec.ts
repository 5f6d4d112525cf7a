import {
  DecisionMade,
  decodeEvent,
  envelope,
  Iapi,
  Topic,
  TOPIC_SPECS,
  type Traveller,
  TravellerParsed,
} from '@paxscreen/contracts';
import {
  type ConsumedRecord,
  DecisionPublisher,
  type KafkaProducer,
  type OutgoingRecord,
  partitionOf,
} from '@paxscreen/kafka';
import { readListSync } from '@paxscreen/lists';
import { type Logger, Metrics } from '@paxscreen/observability';
import type {
  DecisionStore,
  HotPathEntry,
  TravellerSnapshot,
  TravellerSnapshotStore,
} from '@paxscreen/redis';
import {
  applyListResult,
  DEFAULT_SCREENING_CONFIG,
  markTravellerStatus,
  Screener,
  ScreeningState,
} from '@paxscreen/screening';

import { IapiRequestUseCase } from '../iapi/iapi-request.usecase';
import { RevetService } from '../revet/revet.service';
import { ScreenTravellersUseCase } from '../screen-travellers/screen-travellers.usecase';
import type { ScreeningEnv } from '../screening.env';
import type { ScreeningStateService } from '../state/screening-state.service';

const ARRIVAL = new Date(Date.now() + 3_600_000).toISOString().slice(0, 16);
const DEPARTURE_DAY = ARRIVAL.slice(0, 10);

const TRAVELLER: Traveller = {
  travellerId: 'pub-0123456789abcdef',
  role: 'PASSENGER',
  surname: 'HOLLOWAY',
  givenNames: 'CLARA',
  dateOfBirth: '1980-04-02',
  gender: 'F',
  nationality: 'GBR',
  documents: [{ type: 'P', number: 'C000100004', issuer: 'GBR', expiry: '2035-01-01' }],
  flight: {
    carrier: 'YY',
    number: '0123',
    departure: { port: 'LHR', at: `${DEPARTURE_DAY}T06:00` },
    arrival: { port: 'JFK', at: ARRIVAL },
  },
  itinerary: [],
  findings: [],
};
/** The key the parser gives this traveller's events (carrier, flight number, departure day). */
const TRAVELLERS_KEY = TravellerParsed.flightKey('YY', '0123', DEPARTURE_DAY);
const PARTITIONS = 4;

const record = (topic: Topic, key: string, value: object): ConsumedRecord => ({
  topic,
  partition: partitionOf(key, PARTITIONS),
  offset: '0',
  key,
  value: Buffer.from(JSON.stringify(value)),
  headers: {},
  timestamp: Date.now(),
});

/** The hot path and re-vet snapshots in memory (the stores' Redis behaviour has its own tests). */
function stores() {
  const hot = new Map<string, HotPathEntry>();
  const snaps: TravellerSnapshot[] = [];
  const decisions = {
    putMany: async (entries: HotPathEntry[]) => {
      for (const e of entries) hot.set(e.decision.travellerId, e);
    },
    byTravellers: async (ids: string[]) => ids.map((id) => hot.get(id)),
  } as unknown as DecisionStore;
  const snapshots = {
    putMany: async (s: TravellerSnapshot[]) => void snaps.push(...s),
    arrivingBetween: async (from: number, to: number) =>
      snaps.filter((s) => s.arrivesAt >= from && s.arrivesAt <= to),
  } as unknown as TravellerSnapshotStore;
  return { decisions, snapshots };
}

/**
 * Every path that publishes a decision (a traveller batch, a re-vet superseding it, an iAPI
 * request, a cancellation marked by the gateway) keys it by flight key: a decision and every decision superseding it share a partition,
 * so no consumer sees the replacement before the original (re-vets and iAPI used the manifest id).
 */
describe('DecisionPublisher', () => {
  const logger = { info: () => undefined, warn: () => undefined } as unknown as Logger;
  const state = new ScreeningState();
  const index = {
    screener: new Screener(state, DEFAULT_SCREENING_CONFIG),
    onChange: () => undefined,
    candidatesFor: async () => [],
  } as unknown as ScreeningStateService;
  const publisher = new DecisionPublisher(new Metrics('screening', false));

  it('puts a decision and every decision superseding it on the partition of its traveller events', async () => {
    const { decisions, snapshots } = stores();
    const screen = new ScreenTravellersUseCase(
      index,
      decisions,
      snapshots,
      publisher,
      new Metrics('screening', false),
      logger,
    );
    const event: TravellerParsed.Value = {
      ...envelope('receipt-1'),
      manifestId: 'YY0123:first',
      manifestVersion: 1,
      messageType: 'PAXLST',
      carrier: 'YY',
      index: 0,
      total: 1,
      traveller: TRAVELLER,
    };
    const [first] = await screen.execute([
      record(
        Topic.Travellers,
        TRAVELLERS_KEY,
        TravellerParsed.packChunks([event], () => 'chunk-1', { maxBytes: Infinity })[0].chunk,
      ),
    ]);
    expect(first.topic).toBe(Topic.Decisions);
    const original = first.records[0].value as DecisionMade.Value;
    expect(original.decision.outcome).toBe('CLEAR');

    // The traveller's document is reported stolen: the re-vet supersedes the decision.
    const sent: { topic: Topic; records: OutgoingRecord[] }[] = [];
    const producer = {
      send: async (topic: Topic, records: OutgoingRecord[]) => void sent.push({ topic, records }),
    };
    const revet = new RevetService(
      index,
      decisions,
      snapshots,
      producer as unknown as KafkaProducer,
      publisher,
      logger,
      { REVET_WINDOW_HOURS: 72, REVET_DEBOUNCE_MS: 0 } as ScreeningEnv,
    );
    revet.useOwnership(() => [0, 1, 2, 3]);
    applyListResult(
      state,
      readListSync(
        {
          name: 'lost.csv',
          bytes: Buffer.from(
            'id,document_number,issuer,document_type,status,reported_on\nLSD-1,C000100004,GBR,P,STOLEN,2024-01-15\n',
          ),
        },
        { listId: 'SLTD' },
      ),
      'v2',
    );
    expect(await revet.revet()).toBe(1);
    const superseding = sent[0].records[0].value as DecisionMade.Value;
    expect(superseding.decision.outcome).toBe('NO_BOARD');
    expect(superseding.decision.supersedes).toBe(original.decision.decisionId);

    // The same traveller at check-in (iAPI) and at the desk without advance data.
    const iapi = new IapiRequestUseCase(index, decisions, publisher, logger);
    const requests = (['CHECK_IN', 'PORT_OF_ENTRY'] as const).map((purpose) => {
      const value: Iapi.RequestValue = {
        ...envelope(`req-${purpose}`),
        requestId: `req-${purpose}`,
        carrier: 'YY',
        deadline: Date.now() + 2000,
        manifestId: `YY0123:${purpose}`,
        travellers: [TRAVELLER],
        purpose,
      };
      return record(Topic.IapiRequests, value.requestId, value);
    });
    const interactive = (await iapi.execute(requests)).find((o) => o.topic === Topic.Decisions)!;

    // The carrier then cancels the traveller after check-in (the gateway marks the decision).
    const mark = markTravellerStatus(superseding, { state: 'CANCELLED', at: new Date().toISOString() })!;
    const cancelled = publisher.publish([{ ...envelope('change-1'), ...mark }], { ingest: false });

    const keys = [first.records[0], ...sent[0].records, ...interactive.records, ...cancelled.records].map(
      (r) => r.key,
    );
    expect(keys).toEqual([TRAVELLERS_KEY, TRAVELLERS_KEY, TRAVELLERS_KEY, TRAVELLERS_KEY, TRAVELLERS_KEY]);
    const decisionPartitions = TOPIC_SPECS.find((s) => s.topic === Topic.Decisions)!.partitions;
    expect(new Set(keys.map((k) => partitionOf(k!, decisionPartitions))).size).toBe(1);
  });

  it('keys a decision by the flight key the parser gives its traveller events', () => {
    const e = { flight: TRAVELLER.flight } as DecisionMade.Value;
    expect(DecisionMade.key(e)).toBe(TRAVELLERS_KEY);
    expect(DecisionMade.key({ flight: { ...TRAVELLER.flight, departure: { port: 'LHR' } } })).toBe('YY0123:');
  });

  it('dead-letters an unreadable event with its bytes and counts it', async () => {
    const metrics = new Metrics('screening', false);
    const { decoded, letters } = new DecisionPublisher(metrics).decode(
      [record(Topic.Travellers, TRAVELLERS_KEY, { nope: true })],
      (value) => decodeEvent(TravellerParsed.Value, value),
    );
    expect(decoded).toEqual([]);
    const [dead] = letters;
    expect(dead.topic).toBe(Topic.DeadLetter);
    expect(dead.records[0].value).toMatchObject({ code: 'INVALID_EVENT', stage: 'screening' });
    const counted = await metrics.deadLetters.get();
    expect(counted.values).toEqual([
      expect.objectContaining({ labels: { stage: 'screening', code: 'INVALID_EVENT' }, value: 1 }),
    ]);
  });

  it('counts every decision, and samples ingest latency only for one screened from a message now', async () => {
    const metrics = new Metrics('screening', false);
    const p = new DecisionPublisher(metrics);
    const decided = (outcome: 'CLEAR' | 'REFER') =>
      ({
        ...envelope('receipt-2'),
        flight: TRAVELLER.flight,
        decision: {
          outcome,
          timings: { receivedAt: Date.now() - 1000, decidedAt: Date.now(), screeningMs: 1 },
        },
      }) as DecisionMade.Value;
    p.publish([decided('CLEAR')]);
    p.publish([decided('REFER')], { ingest: false });
    const counted = await metrics.decisions.get();
    expect(counted.values.map((v) => [v.labels.outcome, v.value])).toEqual([
      ['CLEAR', 1],
      ['REFER', 1],
    ]);
    const ingest = await metrics.ingestToDecision.get();
    expect(ingest.values.find((v) => v.metricName?.endsWith('_count'))?.value).toBe(1);
  });
});
