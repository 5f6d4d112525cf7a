import type { DecisionMade, Outcome, Reason } from '@paxscreen/contracts';

/** One-line factories for the casework specs. */
export const NOW = new Date('2026-12-06T10:00:00Z');
export const POLICY = { alertWindowHours: 6 };

export const reason = (over: Partial<Reason> = {}): Reason => ({
  kind: 'WATCHLIST',
  action: 'REFER',
  source: { listId: 'UN', entryId: 'QDi.001', listVersion: 'v1' },
  score: 0.91,
  matchedFields: ['name', 'dateOfBirth'],
  explanation: 'name 0.91; born 1970-03-04 matches',
  label: 'AL-SAYED, Ahmad',
  ...over,
});

export const decisionEvent = (
  outcome: Outcome,
  over: {
    reasons?: Reason[];
    decisionId?: string;
    supersedes?: string;
    arrivalAt?: string;
    dateOfBirth?: string;
  } = {},
): DecisionMade.Value => ({
  schemaVersion: 1,
  eventId: `e-${over.decisionId ?? 'd1'}`,
  occurredAt: NOW.toISOString(),
  correlationId: 'r1',
  manifestId: 'QF0001:2026-12-06:A',
  flight: {
    carrier: 'QF',
    number: '0001',
    departure: { port: 'SIN', at: '2026-12-06T08:00' },
    arrival: { port: 'SYD', at: over.arrivalAt ?? '2026-12-06T13:00' },
  },
  subject: {
    surname: 'AL-SAYED',
    givenNames: 'AHMAD',
    dateOfBirth: over.dateOfBirth ?? '1970-03-04',
    nationality: 'SYR',
    documents: [{ type: 'P', number: 'N0001', issuer: 'SYR' }],
  },
  decision: {
    decisionId: over.decisionId ?? 'd1',
    travellerId: 't1',
    outcome,
    reasons: over.reasons ?? (outcome === 'CLEAR' ? [] : [reason({ action: outcome })]),
    listVersions: { UN: 'v1' },
    ...(over.supersedes ? { supersedes: over.supersedes } : {}),
    timings: { decidedAt: NOW.getTime(), screeningMs: 0.2 },
  },
});
