import { hitFlightOf, hitIdOf } from '@paxscreen/casework';
import { type DecisionMade, identityKey, Topic, topicName } from '@paxscreen/contracts';

import { TopicCounter } from './topic-counter';

/**
 * Every decision on the private broker (read_committed), read once for both checks that compare a
 * database with the topic (records, casework): the decision ids, and the hits the referring ones
 * must have opened.
 */
export class DecisionsOnTopic {
  readonly ids = new Set<string>();
  /** Hit ids (traveller and flight) of the REFER and NO_BOARD decisions. */
  readonly hits = new Set<string>();
  private readonly counter: TopicCounter;

  constructor(brokers: string) {
    this.counter = new TopicCounter(brokers, topicName(Topic.Decisions, ''), (value) => {
      const d = JSON.parse(value.toString('utf8')) as DecisionMade.Value;
      this.ids.add(d.decision.decisionId);
      if (d.decision.outcome === 'REFER' || d.decision.outcome === 'NO_BOARD')
        this.hits.add(hitIdOf(identityKey(d.subject), hitFlightOf(d.flight)));
    });
  }

  async start(): Promise<this> {
    await this.counter.start();
    return this;
  }

  /**
   * The whole topic is read: at least `decisionsFound` records (the decisions the run itself
   * found), then none for 3 s (`TopicCounter.caughtUp`).
   */
  caughtUp(decisionsFound: number): boolean {
    return this.counter.caughtUp(decisionsFound);
  }

  stop(): Promise<void> {
    return this.counter.stop();
  }
}
