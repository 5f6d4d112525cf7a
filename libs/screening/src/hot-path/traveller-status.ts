import { createHash } from 'node:crypto';

import type { DecisionMade, TravellerStatus } from '@paxscreen/contracts';

/** A current decision as the hot path keeps it, with the status it may already carry. */
export type MarkableDecision = Pick<
  DecisionMade.Value,
  'manifestId' | 'flight' | 'subject' | 'decision' | 'occurredAt' | 'travellerStatus'
>;

/**
 * A status decision's id: derived from the decision it supersedes and the status, so a carrier
 * repeating its cancellation (a retry) yields the same id and the records file it once.
 */
export function statusDecisionId(supersededId: string, state: TravellerStatus['state']): string {
  const h = createHash('sha256').update(`status:${supersededId}:${state}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * The decision that marks `current` as cancelled or offloaded after check-in: the same outcome,
 * reasons and list versions (a cancellation clears nobody: an officer meeting the traveller
 * anyway still sees why he was referred), superseding `current`, with `travellerStatus` saying
 * what and when. Undefined when `current` already says so (nothing to write again).
 */
export function markTravellerStatus(
  current: MarkableDecision,
  status: TravellerStatus,
  now = Date.parse(status.at),
): MarkableDecision | undefined {
  if (current.travellerStatus?.state === status.state) return undefined;
  const d = current.decision;
  return {
    manifestId: current.manifestId,
    flight: current.flight,
    subject: current.subject,
    occurredAt: status.at,
    travellerStatus: { state: status.state, at: status.at },
    decision: {
      ...d,
      decisionId: statusDecisionId(d.decisionId, status.state),
      supersedes: d.decisionId,
      timings: { ...d.timings, decidedAt: now, screeningMs: 0 },
    },
  };
}
