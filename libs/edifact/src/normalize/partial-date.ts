import { daysInMonth } from './dates';

/** ISO 8601 reduced precision (YYYY, YYYY-MM, YYYY-MM-DD) that is also a real calendar date. */
const SHAPE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function isPartialDate(value: string): boolean {
  const m = SHAPE.exec(value);
  if (!m) return false;
  if (m[2] === undefined) return true;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (m[3] === undefined) return true;
  const day = Number(m[3]);
  return day >= 1 && day <= daysInMonth(Number(m[1]), month);
}
