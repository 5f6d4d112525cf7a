import {
  type DecisionMade,
  type Decision,
  type Finding,
  OUTCOME_SEVERITY,
  type Reason,
} from '@paxscreen/contracts';

/** One current decision on a document, as the hot path keeps it (one per manifest). */
export type CurrentDecision = Pick<
  DecisionMade.Value,
  'manifestId' | 'flight' | 'subject' | 'decision' | 'occurredAt'
>;

/** What a port-of-entry look-up answers for a document with advance data. */
export interface DocumentAnswer<T extends CurrentDecision> {
  /** The most severe current decision (the latest among equally severe ones). */
  primary: T;
  /** Every other current decision on the document, most severe first. */
  others: T[];
  /**
   * The primary decision, raised to at least REFER with a DOCUMENT_CONFLICT reason when the
   * document was presented under more than one identity.
   */
  decision: Decision;
  findings: Finding[];
}

/** Who a decision is about, compared: names as sent (case and spacing aside) and birth date. */
function identityOf(d: CurrentDecision): string {
  const name = (s: string) => s.toUpperCase().replace(/\s+/g, ' ').trim();
  return `${name(d.subject.surname)}|${name(d.subject.givenNames)}|${d.subject.dateOfBirth ?? ''}`;
}

function bySeverityThenLatest(a: CurrentDecision, b: CurrentDecision): number {
  return (
    OUTCOME_SEVERITY[b.decision.outcome] - OUTCOME_SEVERITY[a.decision.outcome] ||
    b.occurredAt.localeCompare(a.occurredAt)
  );
}

/**
 * The answer for a document from all its current decisions (issue 20, item 4): never less than
 * the most severe, with the others listed; a document presented under two identities (another
 * name or birth date on another manifest) is a finding and a REFER reason, since one of the
 * holders is not who the document says.
 */
export function answerForDocument<T extends CurrentDecision>(entries: T[]): DocumentAnswer<T> | undefined {
  if (entries.length === 0) return undefined;
  const sorted = [...entries].sort(bySeverityThenLatest);
  const [primary, ...others] = sorted;
  const identities = new Set(sorted.map(identityOf));
  if (identities.size === 1) return { primary, others, decision: primary.decision, findings: [] };
  const manifests = sorted.map((d) => d.manifestId);
  const conflict: Reason = {
    kind: 'DOCUMENT_CONFLICT',
    action: 'REFER',
    source: { listId: 'advance-data', entryId: manifests.join(',') },
    score: 1,
    matchedFields: ['document.number', 'document.issuer'],
    explanation: `the document was presented under ${identities.size} different identities (name or birth date) on ${manifests.length} manifests: check who holds it`,
    label: 'document presented under two identities',
  };
  const raised =
    OUTCOME_SEVERITY[primary.decision.outcome] >= OUTCOME_SEVERITY.REFER ? primary.decision.outcome : 'REFER';
  return {
    primary,
    others,
    decision: { ...primary.decision, outcome: raised, reasons: [...primary.decision.reasons, conflict] },
    findings: [
      {
        code: 'DOCUMENT_CONFLICT',
        severity: 'error',
        message: `document presented under ${identities.size} identities on manifests ${manifests.join(', ')}`,
        field: 'documents',
      },
    ],
  };
}
