/**
 * Partial dates as ISO 8601 reduced precision: YYYY-MM-DD, YYYY-MM or YYYY (birth dates, listed
 * dates, document dates). The one definition every lib validates and reads them with; the groups
 * are year, month and day.
 */
export const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A full date, YYYY-MM-DD (departure days, query periods): the shape only, the calendar is not checked. */
export const FULL_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A partial date's parts; month and day are absent at lower precision. */
export interface PartialDateParts {
  year: number;
  month?: number;
  day?: number;
}

/** The parts of a partial date of the right shape (the calendar is not checked: see isPartialDate). */
export function partialDateParts(value: string): PartialDateParts | undefined {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return undefined;
  const parts: PartialDateParts = { year: Number(m[1]) };
  if (m[2] !== undefined) parts.month = Number(m[2]);
  if (m[3] !== undefined) parts.day = Number(m[3]);
  return parts;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * A partial date that is also a real calendar date (no month 13, no 30 February). On the JSON
 * manifest reader's path (every date field): reads the match groups without building parts.
 */
export function isPartialDate(value: string): boolean {
  const m = PARTIAL_DATE_PATTERN.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
}
