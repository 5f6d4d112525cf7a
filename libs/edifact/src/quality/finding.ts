import type { Finding, FindingSeverity } from '@paxscreen/contracts';

/**
 * Every finding code this lib emits, with its severity. Codes are part of the carrier-facing API
 * (receipts, `paxscreen validate`): add, never rename. Errors make `validate` exit 1: they are what a
 * carrier must fix (unreadable or impossible data); warnings are suspicious but usable data.
 */
export const FINDING_CODES = {
  // syntax and envelope
  TYPE_B_ENVELOPE: 'info',
  CHARSET_FALLBACK: 'warning',
  CHARSET_MISMATCH: 'info',
  MALFORMED_UNA: 'warning',
  UNA_TERMINATOR_NOT_USED: 'warning',
  NONSTANDARD_DELIMITERS: 'info',
  SMART_QUOTE_TERMINATOR: 'warning',
  LINE_BREAK_IN_SEGMENT: 'info',
  MISSING_FINAL_TERMINATOR: 'warning',
  DANGLING_RELEASE_CHARACTER: 'warning',
  INVALID_SEGMENT_TAG: 'warning',
  TRAILING_TEXT: 'warning',
  MISSING_UNB: 'warning',
  MISSING_UNZ: 'warning',
  MISSING_UNT: 'warning',
  SEGMENT_OUTSIDE_MESSAGE: 'warning',
  SEGMENT_COUNT_MISMATCH: 'warning',
  CONTROL_REFERENCE_MISMATCH: 'warning',
  MESSAGE_COUNT_MISMATCH: 'warning',
  UNSUPPORTED_MESSAGE_TYPE: 'warning',
  UNEXPECTED_SEGMENT: 'info',
  // manifest level
  MISSING_FLIGHT: 'error',
  MISSING_DEPARTURE_PORT: 'error',
  MISSING_ARRIVAL_PORT: 'error',
  UNKNOWN_QUALIFIER: 'warning',
  INVALID_FLIGHT_NUMBER: 'error',
  COUNT_MISMATCH: 'error',
  MULTIPART_PART: 'info',
  INCOMPLETE_MULTIPART: 'error',
  DUPLICATE_PART: 'warning',
  DUPLICATE_TRAVELLER: 'warning',
  PNR_WITHOUT_TRAVELLERS: 'warning',
  EMPTY_MANIFEST: 'warning',
  // traveller level
  MISSING_SURNAME: 'error',
  MISSING_DATE_OF_BIRTH: 'warning',
  INVALID_DATE: 'error',
  IMPOSSIBLE_DATE_OF_BIRTH: 'error',
  IMPLAUSIBLE_AGE: 'warning',
  MISSING_GENDER: 'warning',
  INVALID_GENDER: 'warning',
  MISSING_NATIONALITY: 'warning',
  UNKNOWN_COUNTRY_CODE: 'warning',
  INVALID_COUNTRY_CODE: 'warning',
  ALPHA2_COUNTRY_CODE: 'info',
  NON_ASCII_COUNTRY_CODE: 'error',
  MISSING_DOCUMENT: 'warning',
  MISSING_DOCUMENT_NUMBER: 'error',
  NON_ASCII_DOCUMENT_NUMBER: 'error',
  INVALID_CHARACTER: 'error',
  MISSING_DOCUMENT_TYPE: 'warning',
  MISSING_DOCUMENT_ISSUER: 'warning',
  MISSING_DOCUMENT_EXPIRY: 'warning',
  DOCUMENT_EXPIRED: 'warning',
  IMPLAUSIBLE_EXPIRY: 'warning',
  MRZ_INVALID: 'error',
  MRZ_CHECK_DIGIT: 'error',
  MRZ_MISMATCH: 'error',
  INVALID_VALUE: 'warning',
} as const satisfies Record<string, FindingSeverity>;

export type FindingCode = keyof typeof FINDING_CODES;

/** Where a finding points: segment position and tag / JSON path, never the value itself. */
export interface FindingPlace {
  segment?: number;
  field?: string;
  traveller?: number;
}

export function finding(code: FindingCode, message: string, place: FindingPlace = {}): Finding {
  const f: Finding = { code, severity: FINDING_CODES[code], message };
  if (place.segment !== undefined) f.segment = place.segment;
  if (place.field !== undefined) f.field = place.field;
  if (place.traveller !== undefined) f.traveller = place.traveller;
  return f;
}
