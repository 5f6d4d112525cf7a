/** Stable codes of the errors that stop a read (everything recoverable becomes a finding instead). */
export const EDIFACT_ERROR_CODES = [
  'NOT_EDIFACT',
  'EDIFACT_SYNTAX',
  'UNKNOWN_DELIMITERS',
  'UNSUPPORTED_MESSAGE',
  'INVALID_JSON_MANIFEST',
  'INVALID_PARTS',
  'TOO_MANY_TRAVELLERS',
] as const;
export type EdifactErrorCode = (typeof EDIFACT_ERROR_CODES)[number];

/**
 * Thrown only when nothing can be read. The message names segment positions, tags and property
 * paths, never values: carriers' data (names, document numbers, dates of birth) stays out of logs.
 */
export class EdifactError extends Error {
  constructor(
    readonly code: EdifactErrorCode,
    message: string,
    /** 1-based segment position in the interchange (UNB = 1), when the error has one. */
    readonly segment?: number,
  ) {
    super(segment === undefined ? message : `${message} (segment ${segment})`);
    this.name = 'EdifactError';
  }
}
