import type { CarrierEvent } from '@paxscreen/contracts';

import { FINDING_CATEGORIES, FindingCategory } from './finding-categories';

type Obligation = CarrierEvent.Obligation;

/** Counts of one obligation type's outcomes over a period (only obligations whose outcome is known). */
export interface TimelinessFigures {
  onTime: number;
  late: number;
  missing: number;
  /** onTime / (onTime + late + missing); null when nothing was due. */
  onTimeRate: number | null;
}

/** One carrier's data quality over a period of flight days. Counts only: no personal data. */
export interface Scorecard {
  carrier: string;
  from: string;
  to: string;
  flights: number;
  messages: { total: number; byType: Record<string, number>; duplicates: number };
  travellers: number;
  badDocumentTravellers: number;
  /** badDocumentTravellers / travellers; null without travellers. */
  badDocumentRate: number | null;
  rejections: { total: number; rate: number | null; byCode: Record<string, number> };
  findings: {
    total: number;
    byCategory: Record<FindingCategory, number>;
    byCode: Record<string, number>;
    byField: Record<string, number>;
  };
  timeliness: TimelinessFigures & { byObligation: Partial<Record<Obligation, TimelinessFigures>> };
}

/** The grouped figures a store reads for one carrier (see CarriersStore.scorecardFigures). */
export interface ScorecardFigures {
  flights: number;
  messagesByType: Record<string, number>;
  duplicates: number;
  travellers: number;
  badDocumentTravellers: number;
  rejectionsByCode: Record<string, number>;
  findings: { code: string; category: FindingCategory; field: string; count: number }[];
  obligations: { obligation: Obligation; status: 'ON_TIME' | 'LATE' | 'MISSING'; count: number }[];
}

const rate = (part: number, whole: number) =>
  whole > 0 ? Math.round((part / whole) * 10_000) / 10_000 : null;
const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);

function timeliness(rows: ScorecardFigures['obligations']): TimelinessFigures {
  const count = (status: string) => sum(rows.filter((r) => r.status === status).map((r) => r.count));
  const onTime = count('ON_TIME');
  const late = count('LATE');
  const missing = count('MISSING');
  return { onTime, late, missing, onTimeRate: rate(onTime, onTime + late + missing) };
}

export function buildScorecard(carrier: string, from: string, to: string, f: ScorecardFigures): Scorecard {
  const messages = sum(Object.values(f.messagesByType));
  const rejections = sum(Object.values(f.rejectionsByCode));
  const byCategory = Object.fromEntries(FINDING_CATEGORIES.map((c) => [c, 0])) as Record<
    FindingCategory,
    number
  >;
  const byCode: Record<string, number> = {};
  const byField: Record<string, number> = {};
  for (const row of f.findings) {
    byCategory[row.category] += row.count;
    byCode[row.code] = (byCode[row.code] ?? 0) + row.count;
    if (row.field) byField[row.field] = (byField[row.field] ?? 0) + row.count;
  }
  const byObligation: Partial<Record<Obligation, TimelinessFigures>> = {};
  for (const o of new Set(f.obligations.map((r) => r.obligation)))
    byObligation[o] = timeliness(f.obligations.filter((r) => r.obligation === o));
  return {
    carrier,
    from,
    to,
    flights: f.flights,
    messages: { total: messages, byType: f.messagesByType, duplicates: f.duplicates },
    travellers: f.travellers,
    badDocumentTravellers: f.badDocumentTravellers,
    badDocumentRate: rate(f.badDocumentTravellers, f.travellers),
    rejections: {
      total: rejections,
      rate: rate(rejections, rejections + messages),
      byCode: f.rejectionsByCode,
    },
    findings: { total: sum(f.findings.map((r) => r.count)), byCategory, byCode, byField },
    timeliness: { ...timeliness(f.obligations), byObligation },
  };
}

const CSV_HEADER = [
  'carrier',
  'from',
  'to',
  'flights',
  'messages',
  'duplicates',
  'travellers',
  'bad_document_travellers',
  'bad_document_rate',
  'rejections',
  'rejection_rate',
  'rejections_by_code',
  'findings',
  ...FINDING_CATEGORIES.map((c) => `findings_${c.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`)}`),
  'on_time',
  'late',
  'missing',
  'on_time_rate',
];

/** A field as CSV (RFC 4180) that a spreadsheet will not run as a formula (OWASP CSV injection). */
function csvField(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Scorecards as CSV, one row per carrier; rejection codes as `CODE:n;CODE:n`. */
export function scorecardsCsv(cards: readonly Scorecard[]): string {
  const rows = cards.map((c) => [
    c.carrier,
    c.from,
    c.to,
    c.flights,
    c.messages.total,
    c.messages.duplicates,
    c.travellers,
    c.badDocumentTravellers,
    c.badDocumentRate,
    c.rejections.total,
    c.rejections.rate,
    Object.entries(c.rejections.byCode)
      .map(([code, n]) => `${code}:${n}`)
      .join(';'),
    c.findings.total,
    ...FINDING_CATEGORIES.map((k) => c.findings.byCategory[k]),
    c.timeliness.onTime,
    c.timeliness.late,
    c.timeliness.missing,
    c.timeliness.onTimeRate,
  ]);
  return [CSV_HEADER, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}
