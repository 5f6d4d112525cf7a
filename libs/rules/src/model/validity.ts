import { MS_PER_DAY } from '../facts/partial-date';

/**
 * A rule's validity bounds are instants (unlike flight times, which are local): a date-time must
 * carry its zone, and a bare date means that day in UTC.
 */
const INSTANT = /^(\d{4})-(\d{2})-(\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/**
 * Epoch milliseconds of a validity bound, or undefined when unreadable. `validFrom` is inclusive;
 * `validUntil` is exclusive, so a bare date as the end means "to the end of that day".
 */
export function parseInstant(text: string, bound: 'from' | 'until'): number | undefined {
  const m = INSTANT.exec(text);
  if (!m) return undefined;
  const day = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  // Date.UTC rolls 2025-02-30 over into March; a real date maps back onto its own fields.
  const check = new Date(day);
  if (check.getUTCMonth() !== Number(m[2]) - 1 || check.getUTCDate() !== Number(m[3])) return undefined;
  if (m[4] === undefined) return bound === 'until' ? day + MS_PER_DAY : day;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : at;
}
