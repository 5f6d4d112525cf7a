import type { Reason } from '@paxscreen/contracts';

import type { RuleHit } from '../model/rule';

/** A rule hit as a decision reason: kind RULE, source `listId` / rule id / list version, the title as label. */
export function toReason(hit: RuleHit): Reason {
  return {
    kind: 'RULE',
    action: hit.action,
    source: {
      listId: hit.source.listId,
      entryId: hit.ruleId,
      ...(hit.source.listVersion !== undefined && { listVersion: hit.source.listVersion }),
    },
    score: hit.score,
    matchedFields: [...hit.matchedFields],
    explanation: hit.explanation,
    label: hit.title,
  };
}
