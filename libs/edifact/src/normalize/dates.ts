/**
 * Dates as carriers send them → ISO 8601 (reduced precision allowed). EDIFACT gives two-digit years
 * almost everywhere, so every two-digit year goes through a century rule:
 * - `birth`: the latest century that does not put the date after the reference year (nobody is
 *   born in the future; a 105-year-old with yy = 20 reads as an infant, which the age checks flag);
 * - `nearest`: the century closest to the reference year (expiry, flight and booking dates).
 * Returns `undefined` for an empty value and `null` for one that cannot be a date.
 */

import { daysInMonth } from '@paxscreen/contracts';

import { DIGIT_0, digitsAt, isDigits } from './digits';

export type CenturyRule = 'birth' | 'nearest';

const MONTHS: Readonly<Record<string, number>> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
};
const CENTURY = 100;
const HOURS_PER_DAY = 24;
const MINUTES_PER_HOUR = 60;

/** UN/EDIFACT 2379 date/time format qualifiers this reader understands. */
export const DATE_FORMATS = {
  YYMMDD: '101',
  CCYYMMDD: '102',
  YYMMDDHHMM: '201',
  CCYYMMDDHHMM: '203',
  CCYYMMDDHHMMSS: '204',
  CCYY: '602',
  CCYYMM: '610',
} as const;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function fullYear(yy: number, rule: CenturyRule, refYear: number): number {
  const base = Math.floor(refYear / CENTURY) * CENTURY;
  if (rule === 'birth') {
    const y = base + yy;
    return y > refYear ? y - CENTURY : y;
  }
  let best = base - CENTURY + yy;
  for (const candidate of [base + yy, base + CENTURY + yy]) {
    if (Math.abs(candidate - refYear) <= Math.abs(best - refYear)) best = candidate;
  }
  return best;
}

function ymd(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}`;
}

function hm(hhmm: string): string | null {
  const h = Number(hhmm.slice(0, 2));
  const m = Number(hhmm.slice(2, 4));
  if (h >= HOURS_PER_DAY || m >= MINUTES_PER_HOUR) return null;
  return `${pad2(h)}:${pad2(m)}`;
}

/** A date (or date-time) in EDIFACT DTM form, with the 2379 format when the sender gave one. */
export function parseEdiDate(
  raw: string,
  format: string | undefined,
  rule: CenturyRule,
  refYear: number,
): string | null | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (!isDigits(v)) return null;
  const fmt = format || inferFormat(v.length);
  if (v.length === CCYYMMDD_LENGTH && fmt === DATE_FORMATS.CCYYMMDD) return ccyymmdd(v);
  switch (fmt) {
    case DATE_FORMATS.YYMMDD:
    case DATE_FORMATS.YYMMDDHHMM: {
      if (v.length !== (fmt === DATE_FORMATS.YYMMDD ? 6 : 10)) return null;
      const d = ymd(
        fullYear(Number(v.slice(0, 2)), rule, refYear),
        Number(v.slice(2, 4)),
        Number(v.slice(4, 6)),
      );
      if (d === null || v.length === 6) return d;
      const t = hm(v.slice(6, 10));
      return t === null ? null : `${d}T${t}`;
    }
    case DATE_FORMATS.CCYYMMDD:
    case DATE_FORMATS.CCYYMMDDHHMM:
    case DATE_FORMATS.CCYYMMDDHHMMSS: {
      const expected = fmt === DATE_FORMATS.CCYYMMDD ? 8 : fmt === DATE_FORMATS.CCYYMMDDHHMM ? 12 : 14;
      if (v.length !== expected) return null;
      const d = ymd(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8)));
      if (d === null || v.length === 8) return d;
      const t = hm(v.slice(8, 12));
      return t === null ? null : `${d}T${t}`;
    }
    case DATE_FORMATS.CCYY:
      return v.length === 4 ? v : null;
    case DATE_FORMATS.CCYYMM: {
      const month = Number(v.slice(4, 6));
      return v.length === 6 && month >= 1 && month <= 12 ? `${v.slice(0, 4)}-${v.slice(4, 6)}` : null;
    }
    default:
      return null;
  }
}

const CCYYMMDD_LENGTH = 8;
const HYPHEN = 45;

/**
 * An all-digits CCYYMMDD as `YYYY-MM-DD`, or null when not a calendar date: what the generic path
 * gives, built as one string from the digits (a date of birth and an expiry per traveller; the
 * slices and partial strings of the generic path were a sixth of a parse's garbage).
 */
function ccyymmdd(v: string): string | null {
  // A year below 1000 is written without its leading zeros by the generic path.
  if (v.charCodeAt(0) === DIGIT_0)
    return ymd(Number(v.slice(0, 4)), Number(v.slice(4, 6)), Number(v.slice(6, 8)));
  // Each character read once (v is all digits: parseEdiDate checked).
  const y0 = v.charCodeAt(0);
  const y1 = v.charCodeAt(1);
  const y2 = v.charCodeAt(2);
  const y3 = v.charCodeAt(3);
  const m0 = v.charCodeAt(4);
  const m1 = v.charCodeAt(5);
  const d0 = v.charCodeAt(6);
  const d1 = v.charCodeAt(7);
  const year = (y0 - DIGIT_0) * 1000 + (y1 - DIGIT_0) * 100 + (y2 - DIGIT_0) * 10 + (y3 - DIGIT_0);
  const month = (m0 - DIGIT_0) * 10 + (m1 - DIGIT_0);
  const day = (d0 - DIGIT_0) * 10 + (d1 - DIGIT_0);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return String.fromCharCode(y0, y1, y2, y3, HYPHEN, m0, m1, HYPHEN, d0, d1);
}

function inferFormat(length: number): string | undefined {
  switch (length) {
    case 6:
      return DATE_FORMATS.YYMMDD;
    case 8:
      return DATE_FORMATS.CCYYMMDD;
    case 10:
      return DATE_FORMATS.YYMMDDHHMM;
    case 12:
      return DATE_FORMATS.CCYYMMDDHHMM;
    default:
      return undefined;
  }
}

/** PADIS (PNRGOV) dates are DDMMYY; times HHMM or HHMMSS. */
export function parseDdmmyy(raw: string, rule: CenturyRule, refYear: number): string | null | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if (v.length !== 6 || !isDigits(v)) return null;
  return ymd(fullYear(Number(v.slice(4, 6)), rule, refYear), Number(v.slice(2, 4)), Number(v.slice(0, 2)));
}

export function parseTime(raw: string): string | null | undefined {
  const v = raw.trim();
  if (v === '') return undefined;
  if ((v.length !== 4 && v.length !== 6) || !isDigits(v)) return null;
  return hm(v);
}

/** SSR DOCS dates: DDMMMYY (12JUL64) or DDMMMYYYY. */
export function parseDdmmmyy(raw: string, rule: CenturyRule, refYear: number): string | null | undefined {
  const v = raw.trim().toUpperCase();
  if (v === '') return undefined;
  if (v.length !== 7 && v.length !== 9) return null;
  const day = v.slice(0, 2);
  const month = MONTHS[v.slice(2, 5)];
  const year = v.slice(5);
  if (!isDigits(day) || !isDigits(year) || month === undefined) return null;
  const y = year.length === 2 ? fullYear(Number(year), rule, refYear) : Number(year);
  return ymd(y, month, Number(day));
}

/**
 * True when a DTM date's year was sent in two digits (format 101/201, or a 6/10-digit value without
 * a format), i.e. its century came from a century rule rather than from the sender.
 */
export function hasTwoDigitYear(raw: string, format: string | undefined): boolean {
  const v = raw.trim();
  const fmt = format || inferFormat(v.length);
  return fmt === DATE_FORMATS.YYMMDD || fmt === DATE_FORMATS.YYMMDDHHMM;
}

/** True when a DDMMMYY(YY) date's year was sent in two digits. */
export function ddmmmyyHasTwoDigitYear(raw: string): boolean {
  return raw.trim().length === 7;
}

/** Joins a date and an optional time into the contract's local date-time form. */
export function dateTime(
  date: string | null | undefined,
  time: string | null | undefined,
): string | undefined {
  if (!date) return undefined;
  return time ? `${date}T${time}` : date;
}

/** Whole years between two ISO dates (partial dates count from their first day). */
export function yearsBetween(from: string, to: string): number {
  // Both full dates with four-digit years (every traveller's date of birth and expiry): the same
  // arithmetic on character codes, without the slices.
  if (from.length >= ISO_DAY && to.length >= ISO_DAY && digitsAt(from, 0, 4) && digitsAt(to, 0, 4)) {
    let years = digitsValue(to, 0, 4) - digitsValue(from, 0, 4);
    if (compareRange(to, from, 5, ISO_DAY) < 0) years -= 1;
    return years;
  }
  const a = from.length >= 10 ? from.slice(0, 10) : from.length === 7 ? `${from}-01` : `${from}-01-01`;
  const b = to.slice(0, 10);
  let years = Number(b.slice(0, 4)) - Number(a.slice(0, 4));
  if (b.slice(5) < a.slice(5)) years -= 1;
  return years;
}

const ISO_DAY = 10;

function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + (s.charCodeAt(i) - DIGIT_0);
  return n;
}

/** `a.slice(from, to)` compared with `b.slice(from, to)` (both at least `to` long): -1, 0 or 1. */
function compareRange(a: string, b: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return 0;
}

/** The ISO date part (YYYY-MM-DD) of a Date, in UTC. */
export function isoDay(d: Date): string {
  return d.toISOString().slice(0, 10);
}
