import type { Outcome, ReasonKind } from './codes';

/**
 * The casework REST API's shapes (apps/casework, `/v1/casework/*`), shared with the workbench.
 * Values are part of the API: add, never rename.
 */
export const HIT_STATUSES = ['NEW', 'IN_REVIEW', 'DECIDED', 'CLOSED'] as const;
export type HitStatus = (typeof HIT_STATUSES)[number];

export const REASON_VERDICTS = ['TRUE_MATCH', 'FALSE_POSITIVE', 'INCONCLUSIVE'] as const;
export type ReasonVerdict = (typeof REASON_VERDICTS)[number];

export const DISPOSITION_OUTCOMES = ['CLEARED', 'LOOKOUT', 'DENY_BOARDING'] as const;
export type DispositionOutcome = (typeof DISPOSITION_OUTCOMES)[number];

export const ENCOUNTER_RESULTS = ['POSITIVE', 'NEGATIVE', 'MISSED', 'DID_NOT_BOARD'] as const;
export type EncounterResult = (typeof ENCOUNTER_RESULTS)[number];

export const CO_TRAVELLER_RELATIONS = ['BOOKING', 'CONTACT', 'PAYMENT'] as const;
export type CoTravellerRelation = (typeof CO_TRAVELLER_RELATIONS)[number];

/** Error codes of the casework API (besides the shared 400/401/403 ones). */
export const CASEWORK_ERROR_CODES = [
  'HIT_NOT_FOUND',
  'LOOKOUT_NOT_FOUND',
  'STALE_VERSION',
  'ALREADY_CLAIMED',
  'NOT_CLAIMED',
  'HIT_CLOSED',
  'NOTE_REQUIRED',
  'SUPERVISOR_REQUIRED',
  'LEGAL_BASIS_REQUIRED',
  'UNKNOWN_REASON',
  'LOOKOUT_CLOSED',
  'INVALID_FILTER',
  'INVALID_CURSOR',
] as const;
export type CaseworkErrorCode = (typeof CASEWORK_ERROR_CODES)[number];

export interface HitFlight {
  carrier: string;
  number: string;
  /** YYYY-MM-DD local departure date. */
  departureDate: string;
  origin: string;
  destination: string;
  /** Local arrival date-time as reported, when known. */
  arrivalAt?: string;
}

export interface HitSummary {
  hitId: string;
  status: HitStatus;
  /** 0 (lowest) to 100 (most urgent): outcome, score and time to arrival. */
  priority: number;
  outcome: Outcome;
  score: number;
  flight: HitFlight;
  /** Arrival port. */
  port: string;
  listIds: string[];
  ruleIds: string[];
  claimedBy?: string;
  /** Optimistic concurrency: every change bumps it; claim, release and disposition send it back. */
  version: number;
  /** Masked unless the record was opened (`?open=true`, audited). */
  traveller: { maskedName: string; nationality?: string; birthYear?: string };
  openedAt: string;
  updatedAt: string;
}

/** How a traveller's field compares with the list entry's: NOT_LISTED when the entry has no such field. */
export const FIELD_COMPARISONS = ['AGREES', 'DIFFERS', 'NOT_LISTED'] as const;
export type FieldComparison = (typeof FIELD_COMPARISONS)[number];

export interface HitReasonField {
  field: string;
  /** Only when the record is opened. */
  traveller?: string;
  /** The listed value (list data); birth date and document only when the record is opened. */
  entry?: string;
  comparison: FieldComparison;
  /** `comparison === 'AGREES'` (kept for older readers). */
  agrees: boolean;
}

export interface HitReason {
  /** Stable within a hit: `<kind>:<listId>:<entryId>`. */
  reasonKey: string;
  kind: ReasonKind;
  listId: string;
  entryId: string;
  entryVersion?: string;
  score: number;
  action: Outcome;
  explanation: string;
  fields: HitReasonField[];
  verdict?: ReasonVerdict;
}

export interface HitDecision {
  decisionId: string;
  outcome: Outcome;
  decidedAt: string;
  supersedes?: string;
}

export interface HitNote {
  noteId: string;
  author: string;
  text: string;
  at: string;
}

export interface CoTraveller {
  maskedName: string;
  relation: CoTravellerRelation;
  outcome: Outcome;
}

export interface Lookout {
  lookoutId: string;
  hitId: string;
  port: string;
  flight: HitFlight;
  status: 'OPEN' | 'CLOSED';
  /** Masked name, nationality, birth year (the officer opens the record at the port). */
  traveller: HitSummary['traveller'];
  documentKeys: string[];
  reason: string;
  createdBy: string;
  createdAt: string;
  result?: EncounterResult;
  encounteredBy?: string;
  encounteredAt?: string;
}

export interface HitDisposition {
  dispositionId: string;
  outcome: DispositionOutcome;
  analyst: string;
  note: string;
  legalBasis?: string;
  decidedAt: string;
}

export interface HitDetail extends HitSummary {
  reasons: HitReason[];
  decisions: HitDecision[];
  notes: HitNote[];
  coTravellers: CoTraveller[];
  lookout?: Lookout;
  disposition?: HitDisposition;
  /** Present only when opened (`?open=true`): full name, birth date, documents. */
  opened?: {
    surname: string;
    givenNames: string;
    dateOfBirth?: string;
    documents: { type: string; number: string; issuer?: string }[];
  };
}

export interface HitPage {
  items: HitSummary[];
  nextCursor?: string;
}
