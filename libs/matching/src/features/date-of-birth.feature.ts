import { type ListedDate, PARTIAL_DATE_PATTERN } from '@paxscreen/contracts';

import { BoundedCache } from '../normalize/bounded-cache';

/** Outcome of comparing a traveller's date of birth with a listed one. */
export type DobOutcome = 'exact' | 'partial' | 'range' | 'near' | 'mismatch';

export interface DobComparison {
  outcome: DobOutcome;
  detail: string;
}

interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

/** Dates read recently (every candidate scored reads its listed dates again; values are never changed). */
const DATES = new BoundedCache<PartialDate | null>(20000);

export function parsePartialDate(value: string | undefined): PartialDate | undefined {
  if (!value) return undefined;
  let date = DATES.get(value);
  if (date === undefined) {
    const m = PARTIAL_DATE_PATTERN.exec(value.trim());
    date = m
      ? { year: Number(m[1]), month: m[2] ? Number(m[2]) : undefined, day: m[3] ? Number(m[3]) : undefined }
      : null;
    DATES.set(value, date);
  }
  return date ?? undefined;
}

/** Lists give approximate years ("circa 1970"); a year either side is not evidence against. */
export const DOB_NEAR_YEARS = 1;

function compareDate(q: PartialDate, listed: PartialDate, text: string): DobComparison {
  const dy = Math.abs(q.year - listed.year);
  if (dy > DOB_NEAR_YEARS) return { outcome: 'mismatch', detail: `listed ${text}` };
  if (dy === 1) return { outcome: 'near', detail: `within a year of listed ${text}` };
  if (q.month === undefined || listed.month === undefined)
    return { outcome: 'partial', detail: `year matches listed ${text}` };
  if (q.month !== listed.month)
    return { outcome: 'near', detail: `year matches listed ${text}, month differs` };
  if (q.day === undefined || listed.day === undefined)
    return { outcome: 'partial', detail: `month matches listed ${text}` };
  if (q.day !== listed.day) return { outcome: 'near', detail: `month matches listed ${text}, day differs` };
  return { outcome: 'exact', detail: `matches listed ${text}` };
}

const RANK: Readonly<Record<DobOutcome, number>> = { exact: 4, partial: 3, range: 2, near: 1, mismatch: 0 };

/** A century: what a two-digit birth year may be off by. */
const CENTURY = 100;

/**
 * The best agreement between a date of birth and any listed one; undefined when either side has none.
 * `twoDigitYear`: the sender gave the year in two digits and its century was inferred (the latest
 * one not in the future), so the date is also read a century earlier; when that reading agrees
 * better it is the one kept and the detail says so (1925 sent as `25` reads as 2025).
 */
export function compareDateOfBirth(
  query: string | undefined,
  listed: readonly ListedDate[],
  twoDigitYear = false,
): DobComparison | undefined {
  const q = parsePartialDate(query);
  if (!q || listed.length === 0) return undefined;
  const best = bestAgreement(q, listed);
  if (!twoDigitYear || best?.outcome === 'exact') return best;
  const earlier = { ...q, year: q.year - CENTURY };
  const other = bestAgreement(earlier, listed);
  if (!other || (best && RANK[other.outcome] <= RANK[best.outcome])) return best;
  return {
    outcome: other.outcome,
    detail: `${other.detail} (two-digit year read as ${earlier.year})`,
  };
}

function bestAgreement(q: PartialDate, listed: readonly ListedDate[]): DobComparison | undefined {
  let best: DobComparison | undefined;
  for (const l of listed) {
    let c: DobComparison | undefined;
    const date = parsePartialDate(l.date);
    if (date) c = compareDate(q, date, l.date ?? '');
    else {
      const from = parsePartialDate(l.from);
      const to = parsePartialDate(l.to);
      if (!from && !to) continue;
      const lo = (from ?? to)?.year ?? 0;
      const hi = (to ?? from)?.year ?? 0;
      const text = `${l.from ?? ''}–${l.to ?? ''}`;
      if (q.year >= lo && q.year <= hi) c = { outcome: 'range', detail: `within listed ${text}` };
      else if (q.year >= lo - DOB_NEAR_YEARS && q.year <= hi + DOB_NEAR_YEARS)
        c = { outcome: 'near', detail: `next to listed ${text}` };
      else c = { outcome: 'mismatch', detail: `outside listed ${text}` };
    }
    if (!best || RANK[c.outcome] > RANK[best.outcome]) best = c;
  }
  return best;
}
