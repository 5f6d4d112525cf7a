import { Inject, Injectable } from '@nestjs/common';

import { CaseworkStore, type PnrLink, pnrLinkOf } from '@paxscreen/casework';
import { DecisionMade, decodeEvent, TravellerParsed } from '@paxscreen/contracts';
import { type ConsumedRecord, decodeBatch, type OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';

import { OutboxRelay } from '../outbox/outbox-relay.service';

/**
 * Applies a batch of decisions to the hit queue (one transaction; a redelivered decision is a
 * no-op by its id), then kicks the outbox so alerts leave at once. A decision that breaks its
 * contract is dead-lettered; PostgreSQL unavailable is thrown, so the batch waits and is retried
 * without its offsets being committed (nothing is lost).
 */
@Injectable()
export class IngestDecisionsUseCase {
  constructor(
    @Inject(CaseworkStore) private readonly store: CaseworkStore,
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async execute(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const { events, rejected } = this.decode(records, (value) => decodeEvent(DecisionMade.Value, value));
    const report = await this.store.ingest(events);
    if (report.applied > 0) this.relay.kick();
    return rejected;
  }

  /** PNR travellers' booking, contact and payment digests, for the hits' co-travellers (chunk records). */
  async executeTravellers(records: ConsumedRecord[]): Promise<OutputBatch[]> {
    const { events, rejected } = this.decode(records, TravellerParsed.decodeChunk);
    await this.store.ingestPnrLinks(
      events
        .flat()
        .map((e) => pnrLinkOf(e.traveller))
        .filter((l): l is PnrLink => !!l),
    );
    return rejected;
  }

  /** Valid events, and dead letters (counted) for the records that break their contract. */
  private decode<T>(
    records: ConsumedRecord[],
    decode: (value: Buffer) => T,
  ): { events: T[]; rejected: OutputBatch[] } {
    const { decoded, letters } = decodeBatch(records, decode, {
      stage: 'casework',
      counter: this.metrics.deadLetters,
      forPostgres: true,
    });
    return { events: decoded.map((d) => d.value), rejected: letters };
  }
}
