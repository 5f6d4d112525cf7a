import { Inject, Injectable } from '@nestjs/common';

import { DecisionMade, Header, Topic } from '@paxscreen/contracts';
import { Metrics } from '@paxscreen/observability';

import { type ConsumedRecord, decodeBatch, type DecodedBatch, type OutputBatch } from '../core';

/** How a published decision is measured. */
export interface PublishOptions {
  /**
   * Observe gateway acceptance → publication (`paxscreen_ingest_to_decision_seconds`). True for
   * decisions screened from a carrier message now; false for a decision re-issued from one
   * already measured (a status mark repeats the original's `receivedAt`, hours old).
   */
  ingest?: boolean;
}

/**
 * The one way a decision is published, whoever made it (a traveller batch, an iAPI or
 * port-of-entry request, a re-vet in screening; a cancellation / offload mark in the gateway):
 * one record per decision on `Topic.Decisions`, keyed by flight key (`DecisionMade.key`) so a
 * decision and every decision superseding it share a partition, with the receipt id and trace
 * headers; counted once here. Events that cannot be read become dead letters, counted here too.
 */
@Injectable()
export class DecisionPublisher {
  constructor(@Inject(Metrics) private readonly metrics: Metrics) {}

  /** The decisions as one output batch (returned by a batch handler or sent by a producer). */
  publish(decided: readonly DecisionMade.Value[], { ingest = true }: PublishOptions = {}): OutputBatch {
    const now = Date.now();
    for (const e of decided) {
      this.metrics.decisions.inc({ outcome: e.decision.outcome });
      if (ingest && e.decision.timings.receivedAt)
        this.metrics.ingestToDecision.observe((now - e.decision.timings.receivedAt) / 1000);
    }
    return { topic: Topic.Decisions, records: decided.map(decisionRecord) };
  }

  /** The screening service's records decoded; those it cannot read as dead letters, counted (`decodeBatch`). */
  decode<T>(records: readonly ConsumedRecord[], decode: (value: Buffer) => T): DecodedBatch<T> {
    return decodeBatch(records, decode, { stage: 'screening', counter: this.metrics.deadLetters });
  }
}

/** One decision's record: key = flight key, value = the event, receipt id and trace in headers. */
function decisionRecord(e: DecisionMade.Value): OutputBatch['records'][number] {
  return {
    key: DecisionMade.key(e),
    value: e,
    headers: { [Header.ReceiptId]: e.correlationId, [Header.TraceParent]: e.traceparent },
  };
}
