import { daysInMonth, PARTIAL_DATE_PATTERN } from '@paxscreen/contracts';

/**
 * Dates as carriers send them: partial dates (YYYY, YYYY-MM, YYYY-MM-DD, ISO 8601 reduced
 * precision) and local date-times without a zone. Every reading is a closed interval: a partial
 * date is every day it may stand for, so a comparison can answer "unknown" instead of guessing a
 * day (1990 is not 1990-01-01). Calendar arithmetic runs on UTC so that no host time zone leaks in.
 */

/** A closed numeric interval [lo, hi]; exact values have lo === hi. */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** A calendar day. */
export interface Day {
  readonly y: number;
  readonly m: number;
  readonly d: number;
}

/** The days a partial date may stand for (first and last, inclusive). */
export interface DayRange {
  readonly first: Day;
  readonly last: Day;
}

export const MS_PER_HOUR = 3_600_000;
export const MS_PER_DAY = 86_400_000;

/** Date, optional time to the minute / second / fraction, optional zone (ignored: see localTimeRange). */
const LOCAL_DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

function validDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `1990` → 1990-01-01…1990-12-31; `1990-02` → 1990-02-01…1990-02-28; an impossible date → undefined. */
export function dayRange(partial: string): DayRange | undefined {
  const p = PARTIAL_DATE_PATTERN.exec(partial);
  if (!p) return undefined;
  const y = Number(p[1]);
  if (p[2] === undefined) return { first: { y, m: 1, d: 1 }, last: { y, m: 12, d: 31 } };
  const m = Number(p[2]);
  if (m < 1 || m > 12) return undefined;
  if (p[3] === undefined) return { first: { y, m, d: 1 }, last: { y, m, d: daysInMonth(y, m) } };
  const d = Number(p[3]);
  return validDay(y, m, d) ? { first: { y, m, d }, last: { y, m, d } } : undefined;
}

/** Days since 1970-01-01 (UTC calendar). */
export function dayNumber(day: Day): number {
  return Date.UTC(day.y, day.m - 1, day.d) / MS_PER_DAY;
}

/**
 * A local date-time as wall-clock milliseconds (the clock reading treated as if it were UTC; only
 * differences and comparisons between readings are meaningful). A date alone covers its whole day;
 * a time is taken as exact. A zone suffix is ignored on purpose: flight times are local to their
 * port and carry none, so mixing in an offset on one side only would be worse than reading both
 * as written.
 */
export function localTimeRange(text: string): Interval | undefined {
  const t = LOCAL_DATE_TIME.exec(text);
  if (!t) return undefined;
  const y = Number(t[1]);
  const m = Number(t[2]);
  const d = Number(t[3]);
  if (!validDay(y, m, d)) return undefined;
  const start = Date.UTC(y, m - 1, d);
  if (t[4] === undefined) return { lo: start, hi: start + MS_PER_DAY - 1 };
  const hh = Number(t[4]);
  const mm = Number(t[5]);
  const ss = t[6] === undefined ? 0 : Number(t[6]);
  if (hh > 23 || mm > 59 || ss > 59) return undefined;
  const at = start + hh * MS_PER_HOUR + mm * 60_000 + ss * 1000;
  return { lo: at, hi: at };
}

/** The calendar day of a local date or date-time (its date part, as written). */
export function localDay(text: string): Day | undefined {
  const range = localTimeRange(text);
  if (!range) return undefined;
  const at = new Date(range.lo);
  return { y: at.getUTCFullYear(), m: at.getUTCMonth() + 1, d: at.getUTCDate() };
}

/**
 * Completed years between a birth day and a day. Someone born on 29 February turns a year older
 * on 1 March in common years (the anniversary has not been reached on 28 February).
 */
export function completedYears(birth: Day, on: Day): number {
  const beforeBirthday = on.m < birth.m || (on.m === birth.m && on.d < birth.d);
  return on.y - birth.y - (beforeBirthday ? 1 : 0);
}

/**
 * Age in completed years on `on`, from a possibly partial birth date: the youngest the traveller
 * can be (born on the last possible day) to the oldest (born on the first). Undefined when the
 * birth date is unreadable or entirely after `on` (a data error, not an age).
 */
export function ageRange(dateOfBirth: string, on: Day): Interval | undefined {
  const birth = dayRange(dateOfBirth);
  if (!birth) return undefined;
  const oldest = completedYears(birth.first, on);
  if (oldest < 0) return undefined;
  return { lo: Math.max(0, completedYears(birth.last, on)), hi: oldest };
}

/**
 * Days from `on` to the last day a document is valid (its expiry day, inclusive): 0 = expires on
 * that day and is still valid; negative = expired before it. A partial expiry (`2027-05`) gives
 * the range of its possible days.
 */
export function daysUntilExpiry(expiry: string, on: Day): Interval | undefined {
  const range = dayRange(expiry);
  if (!range) return undefined;
  const base = dayNumber(on);
  return { lo: dayNumber(range.first) - base, hi: dayNumber(range.last) - base };
}

/** Hours from `earlier` to `later`, widened by the uncertainty of both readings. */
export function hoursBetween(earlier: Interval, later: Interval): Interval {
  return { lo: (later.lo - earlier.hi) / MS_PER_HOUR, hi: (later.hi - earlier.lo) / MS_PER_HOUR };
}
