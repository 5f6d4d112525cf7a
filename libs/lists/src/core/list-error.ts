/**
 * Why a whole input could not be read. Bad rows never raise this: they become findings and the good
 * rows are still returned. Codes are stable (the CLI and the watchlist app map them to exit codes and
 * HTTP errors); messages never quote list content, only file names, line numbers and limits.
 */
export const LIST_ERROR_CODES = [
  'EMPTY_INPUT',
  'UNKNOWN_FORMAT',
  'UNREADABLE_FILE',
  'XML_UNSAFE',
  'XML_SYNTAX',
  'XML_STRUCTURE',
  'JSON_SYNTAX',
  'JSON_STRUCTURE',
  'MISSING_PRIMARY_FILE',
  'MIXED_FORMATS',
  'MISSING_COLUMNS',
] as const;
export type ListErrorCode = (typeof LIST_ERROR_CODES)[number];

export class ListReadError extends Error {
  constructor(
    readonly code: ListErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ListReadError';
  }
}
