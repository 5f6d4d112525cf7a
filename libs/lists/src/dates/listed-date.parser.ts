import type { ListedDate } from '@paxscreen/contracts';

/**
 * Reads a birth date as lists publish it into a `ListedDate` (ISO 8601 reduced precision):
 * `1970-01-31`, `1970-01`, `1970`, `31 Jan 1970`, `Jan. 1970`, `January 1970`, `circa 1970`,
 * `approximately 1970`, `1970 to 1975`, `01 Jan 1970 to 31 Dec 1975`, `1965-1969`, and numeric
 * `31/01/1970`, `31.01.1970`, `2-12-1965` (day/month order from `dateOrder`; when both readings are
 * possible and none is given, only the year is kept and the result says it was ambiguous).
 */
export type DateProblem = 'DATE_UNREADABLE' | 'DATE_INVALID' | 'DATE_AMBIGUOUS';

export interface DateRead {
  date?: ListedDate;
  problem?: DateProblem;
}

export type DateOrder = 'DMY' | 'MDY';

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

/** Words that make a date uncertain; kept as the `qualifier`. */
const QUALIFIERS: ReadonlyArray<[RegExp, string]> = [
  [/^(circa|ca\.?|c\.)\s+/i, 'circa'],
  [/^(approximately|approx\.?|about)\s+/i, 'approximately'],
];

const MIN_YEAR = 1800;
const MAX_YEAR = 2100;
const LAST_MONTH = 12;

/** A single point: a full or partial date, or a problem. */
type Point = { value: string; precision: 'year' | 'month' | 'day' } | { problem: DateProblem };

export function parseListedDate(text: string, dateOrder?: DateOrder): DateRead {
  let rest = text.trim().replace(/\.$/, '').trim();
  if (!rest) return { problem: 'DATE_UNREADABLE' };
  let qualifier: string | undefined;
  for (const [pattern, word] of QUALIFIERS) {
    if (pattern.test(rest)) {
      qualifier = word;
      rest = rest.replace(pattern, '');
    }
  }

  const range =
    /^between\s+(.+?)\s+and\s+(.+)$/i.exec(rest) ??
    /^(.+?)\s+(?:to|-|–)\s+(.+)$/i.exec(rest) ??
    /^(\d{4})\s*[-–/]\s*(\d{4})$/.exec(rest);
  if (range) {
    const from = parsePoint(range[1], dateOrder);
    const to = parsePoint(range[2], dateOrder);
    if ('problem' in from) return { problem: from.problem };
    if ('problem' in to) return { problem: to.problem };
    const start = from.value;
    const end = rangeEnd(to.value, to.precision);
    if (start > end) return { problem: 'DATE_INVALID' };
    return { date: withQualifier({ from: start, to: to.value }, qualifier) };
  }

  const point = parsePoint(rest, dateOrder);
  if ('problem' in point) {
    // An ambiguous numeric date still gives its year, which is what matching can rely on.
    const year = point.problem === 'DATE_AMBIGUOUS' ? /(\d{4})$/.exec(rest)?.[1] : undefined;
    return year ? { date: withQualifier({ date: year }, qualifier), problem: point.problem } : point;
  }
  return { date: withQualifier({ date: point.value }, qualifier) };
}

function withQualifier(date: ListedDate, qualifier: string | undefined): ListedDate {
  return qualifier ? { ...date, qualifier } : date;
}

/** Comparable upper bound of a partial date, so `1970-05` is not taken to be before `1970-05-01`. */
function rangeEnd(value: string, precision: 'year' | 'month' | 'day'): string {
  return precision === 'year' ? `${value}-99-99` : precision === 'month' ? `${value}-99` : value;
}

function parsePoint(raw: string, dateOrder: DateOrder | undefined): Point {
  const s = raw.trim().replace(/\.$/, '');
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:T[\d:.]+Z?)?$/.exec(s);
  if (m) return build(+m[1], m[2] ? +m[2] : undefined, m[3] ? +m[3] : undefined);

  m = /^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase()];
    return month ? build(+m[3], month, +m[1]) : { problem: 'DATE_UNREADABLE' };
  }
  m = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? build(+m[3], month, +m[2]) : { problem: 'DATE_UNREADABLE' };
  }
  m = /^([A-Za-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase()];
    return month ? build(+m[2], month, undefined) : { problem: 'DATE_UNREADABLE' };
  }

  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(s);
  if (m) {
    const a = +m[1];
    const b = +m[2];
    const year = +m[3];
    // Dotted dates are day-first everywhere they are used (DIN 5008, most of Europe).
    const order = s.includes('.') ? 'DMY' : dateOrder;
    if (order === 'DMY') return build(year, b, a);
    if (order === 'MDY') return build(year, a, b);
    if (a > LAST_MONTH && b <= LAST_MONTH) return build(year, b, a);
    if (b > LAST_MONTH && a <= LAST_MONTH) return build(year, a, b);
    if (a === b) return build(year, a, b);
    return { problem: 'DATE_AMBIGUOUS' };
  }
  return { problem: 'DATE_UNREADABLE' };
}

function build(year: number, month: number | undefined, day: number | undefined): Point {
  if (year < MIN_YEAR || year > MAX_YEAR) return { problem: 'DATE_INVALID' };
  if (month === undefined) return { value: String(year), precision: 'year' };
  if (month < 1 || month > LAST_MONTH) return { problem: 'DATE_INVALID' };
  const mm = String(month).padStart(2, '0');
  if (day === undefined) return { value: `${year}-${mm}`, precision: 'month' };
  const check = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || check.getUTCMonth() !== month - 1) return { problem: 'DATE_INVALID' };
  return { value: `${year}-${mm}-${String(day).padStart(2, '0')}`, precision: 'day' };
}
