import { Inject, Injectable } from '@nestjs/common';

import { DecisionMade, Header, TravellerParsed } from '@paxscreen/contracts';
import { type ConsumedRecord, DecisionPublisher, type OutputBatch } from '@paxscreen/kafka';
import { LOGGER, type Logger, Metrics, traceIdOf } from '@paxscreen/observability';
import { DecisionStore, TravellerSnapshot, TravellerSnapshotStore } from '@paxscreen/redis';

import { decisionEvent, decisionIdFor, hotPathEntry, travellerSnapshot } from '../decisions/decision-event';
import { ScreeningStateService } from '../state/screening-state.service';

/**
 * Screens a batch of traveller chunk records: one decision per traveller to the decisions topic, the hot
 * path and the re-vetting snapshot to Redis. A traveller already decided (an earlier manifest
 * version) gets a decision that supersedes the current one; a redelivered event repeats its own.
 */
@Injectable()
export class ScreenTravellersUseCase {
  constructor(
    @Inject(ScreeningStateService) private readonly index: ScreeningStateService,
    @Inject(DecisionStore) private readonly decisions: DecisionStore,
    @Inject(TravellerSnapshotStore) private readonly snapshots: TravellerSnapshotStore,
    @Inject(DecisionPublisher) private readonly publisher: DecisionPublisher,
    @Inject(Metrics) private readonly metrics: Metrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    // One record per manifest chunk: a chunk that breaks its contract is dead-lettered whole (its
    // original bytes), the other records' travellers are screened; the batch commits as one.
    const { decoded: chunks, letters: dead } = this.publisher.decode(records, TravellerParsed.decodeChunk);
    const events = chunks.flatMap(({ record, value }) => value.map((v) => ({ record, value: v })));
    const travellers = events.map((e) => e.value.traveller);
    // The hot-path read and the match threads' search overlap (candidates: none when matching in process).
    const [current, candidates] = await Promise.all([
      this.decisions.byTravellers(travellers.map((t) => t.travellerId)),
      this.index.candidatesFor(travellers),
    ]);
    const now = Date.now();
    const out: DecisionMade.Value[] = [];
    const snapshots: TravellerSnapshot[] = [];
    events.forEach(({ record, value: event }, i) => {
      const decisionId = decisionIdFor(event.eventId);
      const previous = current[i]?.decision;
      const supersedes = previous?.decisionId === decisionId ? previous.supersedes : previous?.decisionId;
      const decision = this.index.screener.screen(event.traveller, {
        decisionId,
        supersedes,
        receivedAt: event.receivedAt,
        parsedAt: Date.parse(event.occurredAt),
        candidates: candidates[i],
      });
      this.metrics.matchLatency.observe(decision.timings.screeningMs / 1000);
      out.push(
        decisionEvent(event.traveller, decision, {
          manifestId: event.manifestId,
          correlationId: event.correlationId,
          traceparent: event.traceparent ?? record.headers[Header.TraceParent],
        }),
      );
      snapshots.push(travellerSnapshot(event, record.partition, now));
    });
    await Promise.all([this.decisions.putMany(out.map(hotPathEntry)), this.snapshots.putMany(snapshots)]);
    const published = this.publisher.publish(out);
    this.logDecided(out);
    return [published, ...dead];
  }

  /**
   * One line per carrier message in the batch (not per traveller: that would be thousands a
   * second), with the trace id the gateway started, so the message can be followed in the logs.
   */
  private logDecided(decided: DecisionMade.Value[]): void {
    const byMessage = new Map<
      string,
      { receiptId: string; traceId?: string; outcomes: Record<string, number> }
    >();
    for (const e of decided) {
      const traceId = traceIdOf(e.traceparent);
      const key = `${e.correlationId} ${traceId}`;
      const line = byMessage.get(key) ?? { receiptId: e.correlationId, traceId, outcomes: {} };
      line.outcomes[e.decision.outcome] = (line.outcomes[e.decision.outcome] ?? 0) + 1;
      byMessage.set(key, line);
    }
    for (const line of byMessage.values()) this.logger.info(line, 'decisions published');
  }
}
