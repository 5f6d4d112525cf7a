import { Inject, Injectable } from '@nestjs/common';

import { DecisionMade, Header, Topic } from '@paxscreen/contracts';
import { ConsumedRecord, invalidEventLetter, OutputBatch } from '@paxscreen/kafka';
import { Metrics } from '@paxscreen/observability';

/**
 * The one way decisions leave the screening service, whoever made them (a traveller batch, an
 * iAPI or port-of-entry request, a re-vet): one record per decision on `Topic.Decisions`, keyed by
 * flight key (`DecisionMade.key`) so a decision and every decision superseding it share a
 * partition, with the receipt id and trace headers; counted once here. Events that cannot be read
 * become dead letters, counted here too.
 */
@Injectable()
export class DecisionPublisher {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  /** The decisions as one output batch (returned by a batch handler or sent by a producer). */
  publish(decided: readonly DecisionMade.Value[]): OutputBatch {
    const now = Date.now();
    for (const e of decided) {
      this.metrics.decisions.inc({ outcome: e.decision.outcome });
      if (e.decision.timings.receivedAt)
        this.metrics.ingestToDecision.observe((now - e.decision.timings.receivedAt) / 1000);
    }
    return { topic: Topic.Decisions, records: decided.map(decisionRecord) };
  }

  /** A record the screening service could not read, as a dead letter (with its bytes and reason). */
  deadLetter(record: ConsumedRecord, err: unknown): OutputBatch {
    return invalidEventLetter(record, 'screening', err, this.metrics.deadLetters);
  }
}

/** One decision's record: key = flight key, value = the event, receipt id and trace in headers. */
export function decisionRecord(e: DecisionMade.Value): OutputBatch['records'][number] {
  return {
    key: DecisionMade.key(e),
    value: e,
    headers: { [Header.ReceiptId]: e.correlationId, [Header.TraceParent]: e.traceparent },
  };
}
