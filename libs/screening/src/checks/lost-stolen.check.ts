import type { LostStolenDocument, Reason } from '@paxscreen/contracts';

import { Check } from './context';
import { foldedNote } from './folded-note';

/** The listed document is all a lost / stolen entry holds: name, birth date and nationality are not listed. */
function sourceOf(hit: LostStolenDocument, versions: Record<string, string>): Reason['source'] {
  return {
    listId: hit.listId,
    entryId: hit.entryId,
    listVersion: versions[hit.listId],
    entryFacts: { document: `${hit.issuer}:${hit.number}` },
  };
}

/**
 * Lost / stolen documents: an exact issuer + number match stops boarding (docs/architecture.md §3). A number that
 * matches while the carrier did not report the issuer is referred: it cannot be proven the same document.
 */
export const lostStolenCheck: Check = (traveller, { state }) => {
  const reasons: Reason[] = [];
  for (const doc of traveller.documents) {
    if (!doc.number) continue;
    if (doc.issuer) {
      for (const hit of state.lostStolenFor(doc.issuer, doc.number)) {
        reasons.push({
          kind: 'LOST_STOLEN_DOCUMENT',
          action: 'NO_BOARD',
          source: sourceOf(hit, state.listVersions()),
          score: 1,
          matchedFields: ['document.number', 'document.issuer'],
          explanation: `${doc.type || 'document'} issued by ${doc.issuer} is reported ${hit.status.toLowerCase()}${hit.reportedOn ? ` (since ${hit.reportedOn})` : ''} in ${hit.listId}${foldedNote(doc, traveller)}`,
          label: `${hit.status} ${hit.documentType ?? 'document'}`,
        });
      }
      continue;
    }
    for (const issuer of state.lostStolenIssuers(doc.number)) {
      const hit = state.lostStolenFor(issuer, doc.number)[0];
      reasons.push({
        kind: 'LOST_STOLEN_DOCUMENT',
        action: 'REFER',
        source: sourceOf(hit, state.listVersions()),
        score: 0.9,
        matchedFields: ['document.number'],
        explanation: `document number matches a ${hit.status.toLowerCase()} document of ${issuer}; the carrier did not report the issuer${foldedNote(doc, traveller)}`,
        label: `${hit.status} document (issuer unconfirmed)`,
      });
    }
  }
  return reasons;
};
