import { Inject, Injectable } from '@nestjs/common';

import {
  CarriersStore,
  type Clock,
  FlightRef,
  observeManifest,
  ObservedMessage,
  ObservedRejection,
  observeRejection,
} from '@paxscreen/carriers';
import { DeadLetter, decodeEvent, ManifestParsed, Topic } from '@paxscreen/contracts';
import { ConsumedRecord, decodeBatch, OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';

import type { CarriersEnv } from '../carriers.env';
import { TimelinessWatcher } from '../watch-timeliness/timeliness-watcher';
import { CARRIERS_ENV, CLOCK } from '../tokens';

const LOCAL_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * What carriers learns from the topics: each manifest summary is a message received for a flight
 * (kept with its counts and finding codes; the flight is expected from then on if nobody scheduled
 * it), each dead letter of the gateway or the parser a refused message. The flights touched are
 * then reconciled: an arrival closes a MISSING incident, or makes a LATE one.
 */
@Injectable()
export class ObserveMessagesUseCase {
  constructor(
    @Inject(CarriersStore) private readonly store: CarriersStore,
    @Inject(TimelinessWatcher) private readonly watcher: TimelinessWatcher,
    @Inject(CARRIERS_ENV) private readonly env: CarriersEnv,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const messages: ObservedMessage[] = [];
    const rejections: ObservedRejection[] = [];
    const { letters: refused } = decodeBatch(
      records,
      (value, record) => {
        if (record.topic === Topic.Manifests) {
          const m = observeManifest(decodeEvent(ManifestParsed.Value, value), record.headers);
          if (m) messages.push(m);
        } else if (record.topic === Topic.DeadLetter) {
          const r = observeRejection(decodeEvent(DeadLetter.Value, value));
          if (r) rejections.push(r);
        }
        return undefined;
      },
      { stage: 'carriers', counter: this.metrics.deadLetters, skipEmpty: true, forPostgres: true },
    );
    await this.store.recordMessages(messages);
    await this.store.recordRejections(rejections);
    const flights = new Map<string, FlightRef>();
    for (const m of messages) {
      if (m.departureLocal && LOCAL_TIME.test(m.departureLocal)) {
        const local = Date.parse(`${m.departureLocal.slice(0, 16)}:00Z`);
        const departureAt = new Date(
          local - this.env.CARRIERS_INFERRED_UTC_OFFSET_MINUTES * 60_000,
        ).toISOString();
        await this.store.inferFlight(m, departureAt);
      }
      flights.set(`${m.carrier}${m.flightNumber}:${m.departureDate}`, m);
    }
    let raised = 0;
    for (const ref of flights.values()) raised += (await this.store.reconcile(ref, this.clock.now())).length;
    if (raised > 0) void this.watcher.publishPending();
    return refused;
  }
}
