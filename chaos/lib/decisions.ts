import { hitFlightOf, hitIdOf } from '@paxscreen/casework';
import { type DecisionMade, identityKey } from '@paxscreen/contracts';

/**
 * Every decision on the private broker (read_committed), as the ledger's one reader of the topic
 * hands them over, for both checks that compare a database with the topic (records, casework): the
 * decision ids, and the hits the referring ones must have opened.
 */
export class DecisionsOnTopic {
  readonly ids = new Set<string>();
  /** Hit ids (traveller and flight) of the REFER and NO_BOARD decisions. */
  readonly hits = new Set<string>();

  /** `reader`: the topic's reader, which says when it has read the whole topic. */
  constructor(private readonly reader: { caughtUp(minimum: number): boolean }) {}

  /** One decision read from the topic (any traveller's, not only the run's own). */
  add(d: DecisionMade.Value): void {
    this.ids.add(d.decision.decisionId);
    if (d.decision.outcome === 'REFER' || d.decision.outcome === 'NO_BOARD')
      this.hits.add(hitIdOf(identityKey(d.subject), hitFlightOf(d.flight)));
  }

  /**
   * The whole topic is read: at least `decisionsFound` records (the decisions the run itself
   * found), then none for 3 s (`TopicCounter.caughtUp`).
   */
  caughtUp(decisionsFound: number): boolean {
    return this.reader.caughtUp(decisionsFound);
  }
}
