import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';

import { DecisionPublisher, KafkaProducer } from '@paxscreen/kafka';
import { LOGGER, type Logger } from '@paxscreen/observability';
import { DecisionStore, TravellerSnapshotStore } from '@paxscreen/redis';
import { sameVerdict } from '@paxscreen/screening';

import { decisionEvent, hotPathEntry } from '../decisions/decision-event';
import { ScreeningStateService } from '../state/screening-state.service';
import { SCREENING_ENV } from '../tokens';
import { ScreeningEnv } from '../screening.env';

const HOUR_MS = 3_600_000;

/** Which travellers-topic partitions this instance owns (set once the consumer group has joined). */
export type PartitionOwnership = () => number[];

/**
 * Re-vetting: after a list change, travellers arriving within the window are screened again; when
 * the verdict changed, a new decision supersedes the current one on the topic and in Redis. Each
 * instance re-vets the travellers of the partitions it owns, so two instances never both do it.
 */
@Injectable()
export class RevetService implements OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private again = false;
  private owned: PartitionOwnership = () => [];

  constructor(
    @Inject(ScreeningStateService) private readonly index: ScreeningStateService,
    @Inject(DecisionStore) private readonly decisions: DecisionStore,
    @Inject(TravellerSnapshotStore) private readonly snapshots: TravellerSnapshotStore,
    @Inject(KafkaProducer) private readonly producer: KafkaProducer,
    @Inject(DecisionPublisher) private readonly publisher: DecisionPublisher,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(SCREENING_ENV) private readonly env: ScreeningEnv,
  ) {
    index.onChange(() => this.schedule());
  }

  useOwnership(owned: PartitionOwnership): void {
    this.owned = owned;
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.trigger(), this.env.REVET_DEBOUNCE_MS);
  }

  private async trigger(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.revet()
      .catch((err: unknown) =>
        this.logger.error({ err }, 're-vetting failed; it runs again on the next list change'),
      )
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          void this.trigger();
        }
      });
  }

  /** Re-screens the owned travellers of the window; returns how many decisions changed. */
  async revet(now = Date.now()): Promise<number> {
    const owned = new Set(this.owned());
    if (owned.size === 0) return 0;
    const window = this.env.REVET_WINDOW_HOURS * HOUR_MS;
    const snapshots = (await this.snapshots.arrivingBetween(now - window, now + window)).filter((s) =>
      owned.has(s.partition),
    );
    const current = await this.decisions.byTravellers(snapshots.map((s) => s.traveller.travellerId));
    const changed = [];
    for (const [i, s] of snapshots.entries()) {
      const previous = current[i]?.decision;
      const decision = this.index.screener.screen(s.traveller, { supersedes: previous?.decisionId });
      if (previous && sameVerdict(previous, decision)) continue;
      const event = decisionEvent(s.traveller, decision, {
        manifestId: s.manifestId,
        correlationId: s.correlationId,
      });
      // A traveller the carrier cancelled or offloaded stays so through a re-vet.
      const status = current[i]?.travellerStatus;
      changed.push(status ? { ...event, travellerStatus: status } : event);
    }
    if (changed.length === 0) return 0;
    // A re-vet starts a trace of its own (decisionEvent gives it one): its id is on the record too.
    const { topic, records } = this.publisher.publish(changed);
    await this.producer.send(topic, records);
    await this.decisions.putMany(changed.map(hotPathEntry));
    this.logger.info(
      { examined: snapshots.length, superseded: changed.length },
      're-vetted after a list change',
    );
    return changed.length;
  }

  async onApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    await this.running;
  }
}
