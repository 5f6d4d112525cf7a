import { DecisionMade, loadEnv, Topic } from '@paxscreen/contracts';
import { DecisionPublisher, type KafkaProducer, type OutgoingRecord } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';
import type { DecisionStore, TravellerSnapshotStore } from '@paxscreen/redis';

import {
  MemoryDecisions,
  memoryIndex,
  memoryLogger,
  MemorySnapshots,
  traveller,
  travellerRecord,
} from '../../test/screening-fakes';
import { ScreenTravellersUseCase } from '../screen-travellers/screen-travellers.usecase';
import { ScreeningEnv } from '../screening.env';
import { RevetService } from './revet.service';

const ARRIVAL = Date.parse('2030-01-02T13:00:00Z');
const HOUR = 3_600_000;

/** Travellers screened as the consumer would (partition 0 and 1), then a list change re-vetted. */
async function setup(env: Record<string, string> = {}) {
  const { index, changed } = memoryIndex();
  const decisions = new MemoryDecisions();
  const snapshots = new MemorySnapshots();
  const metrics = new Metrics('screening', false);
  const publisher = new DecisionPublisher(metrics);
  const { logger, lines } = memoryLogger();
  const sent: { topic: Topic; records: OutgoingRecord[] }[] = [];
  const producer = {
    send: async (topic: Topic, records: OutgoingRecord[]) => void sent.push({ topic, records }),
  };
  const settings = loadEnv(ScreeningEnv, { SCREENING_HOME_ECONOMY: 'USA', ...env });
  const revet = new RevetService(
    index,
    decisions as unknown as DecisionStore,
    snapshots as unknown as TravellerSnapshotStore,
    producer as unknown as KafkaProducer,
    publisher,
    logger,
    settings,
  );
  const screen = new ScreenTravellersUseCase(
    index,
    decisions as unknown as DecisionStore,
    snapshots as unknown as TravellerSnapshotStore,
    publisher,
    metrics,
    logger,
  );
  const first = await screen.execute([
    travellerRecord(traveller('owned'), { eventId: 'ev-1', partition: 0 }),
    travellerRecord(traveller('other'), { eventId: 'ev-2', partition: 1 }),
  ]);
  const original = (first[0].records as { value: DecisionMade.Value }[]).map((r) => r.value);
  const stolen = (number: string) =>
    index.state.applyDocument('SLTD', number, {
      listId: 'SLTD',
      entryId: number,
      number,
      issuer: 'GBR',
      status: 'STOLEN',
    });
  return { revet, index, changed, decisions, sent, lines, original, stolen };
}

describe('RevetService', () => {
  it('after a list change, supersedes the decisions whose verdict changed, on the same key, for owned partitions only', async () => {
    const { revet, decisions, sent, original, stolen, lines } = await setup();
    revet.useOwnership(() => [0]);
    stolen('COWNED');
    stolen('COTHER');
    expect(await revet.revet(ARRIVAL)).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0].topic).toBe(Topic.Decisions);
    const [record] = sent[0].records;
    const replacement = record.value as DecisionMade.Value;
    expect(replacement.decision).toMatchObject({
      travellerId: 'owned',
      outcome: 'NO_BOARD',
      supersedes: original[0].decision.decisionId,
    });
    // Same key as the decision it replaces: same partition, so a reader sees them in order.
    expect(record.key).toBe(DecisionMade.key(original[0]));
    expect(decisions.byId.get('owned')?.decision.decisionId).toBe(replacement.decision.decisionId);
    // Partition 1 belongs to another instance: its traveller is left to it.
    expect(decisions.byId.get('other')?.decision.decisionId).toBe(original[1].decision.decisionId);
    expect(lines.find((l) => l.msg === 're-vetted after a list change')?.fields).toEqual({
      examined: 1,
      superseded: 1,
    });
  });

  it('keeps the status of a traveller cancelled or offloaded after check-in through a re-vet', async () => {
    const { revet, decisions, sent, stolen } = await setup();
    revet.useOwnership(() => [0]);
    const status = { state: 'CANCELLED' as const, at: '2030-01-01T10:00:00.000Z' };
    decisions.byId.set('owned', { ...decisions.byId.get('owned')!, travellerStatus: status });
    stolen('COWNED');
    expect(await revet.revet(ARRIVAL)).toBe(1);
    expect((sent[0].records[0].value as DecisionMade.Value).travellerStatus).toEqual(status);
    expect(decisions.byId.get('owned')?.travellerStatus).toEqual(status);
    expect(decisions.byId.get('owned')?.decision.outcome).toBe('NO_BOARD');
  });

  it('publishes nothing when no verdict changed, when it owns no partition, or outside the window', async () => {
    const { revet, sent, stolen } = await setup({ REVET_WINDOW_HOURS: '2' });
    revet.useOwnership(() => [0, 1]);
    expect(await revet.revet(ARRIVAL)).toBe(0);
    stolen('COWNED');
    expect(await revet.revet(ARRIVAL + 3 * HOUR)).toBe(0);
    revet.useOwnership(() => []);
    expect(await revet.revet(ARRIVAL)).toBe(0);
    expect(sent).toHaveLength(0);
    revet.useOwnership(() => [0, 1]);
    expect(await revet.revet(ARRIVAL + HOUR)).toBe(1);
    // The new verdict is current now: a second pass changes nothing.
    expect(await revet.revet(ARRIVAL + HOUR)).toBe(0);
  });

  it('runs by itself once list changes settle (debounced)', async () => {
    const { revet, changed, sent, stolen } = await setup({
      REVET_DEBOUNCE_MS: '20',
      REVET_WINDOW_HOURS: '1000000',
    });
    revet.useOwnership(() => [0, 1]);
    stolen('COWNED');
    changed();
    changed();
    await new Promise((r) => setTimeout(r, 50));
    await revet.onApplicationShutdown();
    expect(sent.flatMap((s) => s.records)).toHaveLength(1);
  });
});
