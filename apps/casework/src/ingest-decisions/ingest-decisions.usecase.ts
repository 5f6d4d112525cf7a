import { Inject, Injectable } from '@nestjs/common';

import { CaseworkStore } from '@paxscreen/casework';
import { ContractViolation, DecisionMade, decodeEvent } from '@paxscreen/contracts';
import { type ConsumedRecord, deadLetterOutput, type OutputBatch } from '@paxscreen/kafka';
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
    const events: DecisionMade.Value[] = [];
    const rejected: OutputBatch[] = [];
    for (const record of records) {
      try {
        if (!record.value) throw new ContractViolation('DecisionMade', ['payload: empty']);
        events.push(decodeEvent(DecisionMade.Value, record.value));
      } catch (err) {
        if (!(err instanceof ContractViolation)) throw err;
        this.metrics.deadLetters.inc({ stage: 'casework', code: 'INVALID_EVENT' });
        rejected.push(
          deadLetterOutput(record, { stage: 'casework', code: 'INVALID_EVENT', message: err.message }),
        );
      }
    }
    const report = await this.store.ingest(events);
    if (report.applied > 0) this.relay.kick();
    return rejected;
  }
}
