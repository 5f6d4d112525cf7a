/**
 * How long each data class is kept in the system of record, and the rule each default follows.
 * The periods are days counted from the row's date (travel date for API data and decisions, the
 * day for audit events, the day received for PNR records); configurable per deployment.
 */
export type DataClass = 'api' | 'decisions' | 'audit' | 'pnr' | 'receipts';

export interface RetentionPeriods {
  /** API traveller data (`travellers` rows): masked after this many days past the travel date. */
  apiDays: number;
  /** Decisions (`decisions` rows, with the subject's identity): deleted after this many days. */
  decisionsDays: number;
  /** Audit events (`audit_events` rows): deleted after this many days. */
  auditDays: number;
  /** PNR records (`pnr_records`): deleted after this many days (masked earlier by the parser). */
  pnrDays: number;
}

/** Defaults and their legal basis (README "Data protection" shows the same table). */
export const DEFAULT_RETENTION: RetentionPeriods = {
  // API Directive 2004/82/EC Art. 6(1): deleted within 24 h after the travellers' entry unless
  // needed for statutory functions (Regulation (EU) 2025/12, which repeals it, keeps API data on
  // the router only until transmitted, Art. 15). Two days past the travel (departure) date is at
  // least 24 h after any arrival that day.
  apiDays: 2,
  // The agency's record of screening decisions: five years, as the PNR data they may rest on
  // (Directive (EU) 2016/681 Art. 12(1)); set to the national statute.
  decisionsDays: 5 * 365 + 1,
  // Logs of processing: five years (Directive (EU) 2016/681 Art. 13(6) keeps PNR processing logs
  // for that long); the retention runs' own records are audit events too.
  auditDays: 5 * 365 + 1,
  // Directive (EU) 2016/681 Art. 12(1) and (4): retained five years, then deleted permanently
  // (masked after six months, Art. 12(2): the parser's PNR_MASK_AFTER_DAYS).
  pnrDays: 5 * 365 + 1,
};

const DAY_MS = 86_400_000;

/** The first day that is still kept: rows dated before it are past their period. */
export function cutoffDay(now: Date, days: number): string {
  if (!(days >= 0)) throw new Error('a retention period is a number of days ≥ 0');
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return new Date(today - Math.ceil(days) * DAY_MS).toISOString().slice(0, 10);
}

/** A monthly partition's bounds from its name (`decisions_p202612` → 2026-12-01 … 2027-01-01). */
export function partitionBounds(table: string, name: string): { from: string; to: string } | undefined {
  const m = new RegExp(`^${table}_p(\\d{4})(\\d{2})$`).exec(name);
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  const from = new Date(Date.UTC(year, month - 1, 1)).toISOString().slice(0, 10);
  const to = new Date(Date.UTC(year, month, 1)).toISOString().slice(0, 10);
  return { from, to };
}

/**
 * The partitions of `table` wholly before `cutoff` (every day in them is past): dropped whole.
 * The default partition and anything not named like a month are never dropped; their past rows are
 * masked or deleted one by one, as are those of the month the cutoff falls in.
 */
export function partitionsPast(table: string, names: readonly string[], cutoff: string): string[] {
  return names
    .filter((name) => {
      const bounds = partitionBounds(table, name);
      return bounds !== undefined && bounds.to <= cutoff;
    })
    .sort();
}
