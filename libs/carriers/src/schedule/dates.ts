import { FULL_DATE_PATTERN } from '@paxscreen/contracts';

import { ScheduleRowError } from './scheduled-flight';

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DAY_MS = 86_400_000;

/** A calendar date (no zone) as days since 1970-01-01. */
export function dayNumber(isoDate: string): number {
  return Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS;
}

export function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday (SSIM days of operation use the same). */
export function isoWeekday(day: number): number {
  return ((new Date(day * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

/** A strict YYYY-MM-DD that is a real date. */
export function checkedIsoDate(raw: string, what: string): string {
  const value = raw.trim();
  if (!FULL_DATE_PATTERN.test(value) || isoDate(dayNumber(value)) !== value)
    throw new ScheduleRowError('INVALID_DATE', `the ${what} is not a YYYY-MM-DD date`);
  return value;
}

/**
 * SSIM dates are DDMMMYY (`05DEC26`); `00XXX00` in a period's end means "until further notice".
 * Two-digit years are 2000-2099 (schedules are for the coming seasons).
 */
export function ssimDate(raw: string, what: string): string | undefined {
  if (raw === '00XXX00') return undefined;
  const m = /^(\d{2})([A-Z]{3})(\d{2})$/.exec(raw);
  const month = m ? MONTHS.indexOf(m[2]) : -1;
  if (!m || month < 0) throw new ScheduleRowError('INVALID_DATE', `the ${what} is not a DDMMMYY date`);
  const value = `20${m[3]}-${String(month + 1).padStart(2, '0')}-${m[1]}`;
  if (isoDate(dayNumber(value)) !== value)
    throw new ScheduleRowError('INVALID_DATE', `the ${what} is not a real date`);
  return value;
}

/** HHMM → minutes after midnight (2400 allowed as end of day). */
export function hhmm(raw: string, what: string): number {
  const m = /^([01]\d|2[0-4])([0-5]\d)$/.exec(raw);
  if (!m || (m[1] === '24' && m[2] !== '00'))
    throw new ScheduleRowError('INVALID_TIME', `the ${what} is not an HHMM time`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** SSIM UTC/local time variation `+HHMM` / `-HHMM` → minutes local time is ahead of UTC. */
export function utcVariation(raw: string, what: string): number {
  const m = /^([+-])(\d{2})([0-5]\d)$/.exec(raw);
  if (!m || Number(m[2]) > 14)
    throw new ScheduleRowError('INVALID_UTC_VARIATION', `the ${what} is not ±HHMM`);
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** A local date plus minutes after its midnight, shifted by `variation` minutes, as a UTC instant. */
export function utcInstant(day: number, minutes: number, variation: number): string {
  return new Date(day * DAY_MS + (minutes - variation) * 60_000).toISOString();
}
