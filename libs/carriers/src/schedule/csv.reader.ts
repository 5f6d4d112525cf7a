import { parseCsv } from '@paxscreen/lists';

import { checkedIsoDate } from './dates';
import { canonicalFlightNumber, carrierCode, portCode } from './flight-number';
import {
  ScheduledFlight,
  ScheduleError,
  ScheduleIssue,
  ScheduleRead,
  ScheduleRowError,
} from './scheduled-flight';

/** The simple schedule: one flight per row, a header naming these columns (any order, any case). */
export const CSV_COLUMNS = [
  'carrier',
  'flight_number',
  'departure_date',
  'origin',
  'destination',
  'departure_utc',
  'arrival_utc',
] as const;
type Column = (typeof CSV_COLUMNS)[number];
const OPTIONAL: ReadonlySet<Column> = new Set(['arrival_utc']);
const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;

export function looksLikeScheduleCsv(firstLine: string): boolean {
  const names = firstLine
    .toLowerCase()
    .split(',')
    .map((h) => h.trim());
  return CSV_COLUMNS.filter((c) => !OPTIONAL.has(c)).every((c) => names.includes(c));
}

function utc(raw: string | undefined, what: string): string {
  const value = (raw ?? '').trim();
  if (!UTC_INSTANT.test(value) || Number.isNaN(Date.parse(value)))
    throw new ScheduleRowError('INVALID_TIME', `the ${what} is not an ISO 8601 UTC time (…Z)`);
  return new Date(value).toISOString();
}

/** Reads the CSV schedule; a row that cannot be read is reported with its line and skipped. */
export function readScheduleCsv(text: string): ScheduleRead {
  const { records, problems } = parseCsv(text);
  const issues: ScheduleIssue[] = problems.map((p) => ({
    line: p.line,
    severity: 'error',
    code: p.code,
    message: 'the row has broken quoting',
  }));
  const [header, ...rows] = records;
  if (!header) throw new ScheduleError('EMPTY_SCHEDULE', 'the schedule has no header row');
  const index = new Map(header.fields.map((f, i) => [f.trim().toLowerCase(), i]));
  const missing = CSV_COLUMNS.filter((c) => !OPTIONAL.has(c) && !index.has(c));
  if (missing.length > 0)
    throw new ScheduleError('MISSING_COLUMNS', `the header lacks the columns: ${missing.join(', ')}`);
  const flights: ScheduledFlight[] = [];
  for (const row of rows) {
    const field = (c: Column) => (index.has(c) ? (row.fields[index.get(c)!] ?? '').trim() : '');
    try {
      if (row.fields.length < header.fields.length)
        throw new ScheduleRowError(
          'MISSING_FIELDS',
          `the row has ${row.fields.length} of ${header.fields.length} fields`,
        );
      const departureAt = utc(field('departure_utc'), 'scheduled departure');
      const arrival = field('arrival_utc');
      const arrivalAt = arrival ? utc(arrival, 'scheduled arrival') : undefined;
      if (arrivalAt && arrivalAt <= departureAt)
        throw new ScheduleRowError('INVALID_TIME', 'the scheduled arrival is not after the departure');
      flights.push({
        carrier: carrierCode(field('carrier')),
        flightNumber: canonicalFlightNumber(field('flight_number')),
        departureDate: checkedIsoDate(field('departure_date'), 'departure date'),
        origin: portCode(field('origin'), 'origin'),
        destination: portCode(field('destination'), 'destination'),
        departureAt,
        ...(arrivalAt ? { arrivalAt } : {}),
        line: row.line,
      });
    } catch (err) {
      if (!(err instanceof ScheduleRowError)) throw err;
      issues.push({ line: row.line, severity: 'error', code: err.code, message: err.message });
    }
  }
  issues.sort((a, b) => a.line - b.line);
  return { format: 'CSV', flights, issues, rows: rows.length + problems.length };
}
