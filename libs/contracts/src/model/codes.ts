/** Shared code lists. Values are part of the wire format: add, never rename. */

export const TRAVELLER_ROLES = ['PASSENGER', 'CREW', 'IN_TRANSIT'] as const;
export type TravellerRole = (typeof TRAVELLER_ROLES)[number];

/** ICAO 9303 sex field: F, M, X (unspecified); U = not reported by the carrier. */
export const GENDERS = ['M', 'F', 'X', 'U'] as const;
export type Gender = (typeof GENDERS)[number];

export const MESSAGE_TYPES = ['PAXLST', 'PNRGOV', 'JSON'] as const;
export type MessageType = (typeof MESSAGE_TYPES)[number];

export const OUTCOMES = ['CLEAR', 'EXPEDITE', 'REFER', 'NO_BOARD'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Severity order used to pick a traveller's outcome: the highest wins. */
export const OUTCOME_SEVERITY: Readonly<Record<Outcome, number>> = {
  CLEAR: 0,
  EXPEDITE: 1,
  REFER: 2,
  NO_BOARD: 3,
};

export const REASON_KINDS = [
  'WATCHLIST',
  'LOST_STOLEN_DOCUMENT',
  'RULE',
  'TRUSTED_TRAVELLER',
  'ABTC',
  /** One document presented under two identities (port-of-entry look-up over its current decisions). */
  'DOCUMENT_CONFLICT',
] as const;
export type ReasonKind = (typeof REASON_KINDS)[number];

export const FINDING_SEVERITIES = ['error', 'warning', 'info'] as const;
export type FindingSeverity = (typeof FINDING_SEVERITIES)[number];

/** ISO 3166-1 alpha-3, or an ICAO 9303 code such as D (Germany), XXA, XXB, XXC, XXX, UTO, EUE. */
export const NATIONALITY_PATTERN = /^(D|[A-Z]{3})$/;
