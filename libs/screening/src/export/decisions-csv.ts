import type { Decision, FlightLeg, Traveller } from '@paxscreen/contracts';

/**
 * Decisions as CSV for officers' spreadsheets (RFC 4180: every field quoted, quotes doubled,
 * CRLF between records). Travellers' names and the explanations are carrier- or list-supplied
 * text, so every cell is neutralised against formula injection (OWASP "CSV Injection"): a cell
 * whose first character a spreadsheet would read as the start of a formula is prefixed with `'`,
 * which makes it plain text and is visible, so nothing is silently changed.
 */
export interface DecisionCsvRow {
  manifestId: string;
  flight?: FlightLeg;
  subject: Pick<Traveller, 'surname' | 'givenNames' | 'dateOfBirth' | 'nationality' | 'documents'>;
  decision: Decision;
}

export interface DecisionsCsvOptions {
  /** A UTF-8 byte order mark first, so that spreadsheet programs read non-Latin names correctly. */
  byteOrderMark?: boolean;
}

/**
 * Formula triggers (OWASP): = + - @, tab and carriage return; also line feed, and the full-width
 * forms some spreadsheet programs normalise to the ASCII ones.
 */
const FORMULA_TRIGGERS: ReadonlySet<string> = new Set([
  '=',
  '+',
  '-',
  '@',
  '\t',
  '\r',
  '\n',
  '\uFF1D',
  '\uFF0B',
  '\uFF0D',
  '\uFF20',
]);
const NEUTRALISER = "'";
const QUOTE = '"';
const RECORD_SEPARATOR = '\r\n';
/** Between several values in one cell (reasons, documents). Never a formula trigger. */
const VALUE_SEPARATOR = ' | ';

export const DECISION_CSV_COLUMNS = [
  'manifest_id',
  'flight',
  'traveller_id',
  'surname',
  'given_names',
  'date_of_birth',
  'nationality',
  'documents',
  'outcome',
  'reasons',
  'explanations',
  'list_versions',
  'decision_id',
  'supersedes',
  'decided_at',
] as const;

/** A cell as text a spreadsheet shows and never evaluates. */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (text.length > 0 && FORMULA_TRIGGERS.has(text[0])) text = NEUTRALISER + text;
  return QUOTE + text.replaceAll(QUOTE, QUOTE + QUOTE) + QUOTE;
}

function cellsOf(row: DecisionCsvRow): (string | number | undefined)[] {
  const d = row.decision;
  return [
    row.manifestId,
    row.flight ? `${row.flight.carrier}${row.flight.number}` : undefined,
    d.travellerId,
    row.subject.surname,
    row.subject.givenNames,
    row.subject.dateOfBirth,
    row.subject.nationality,
    row.subject.documents
      .map((doc) => [doc.type, doc.issuer ?? '', doc.number].join('/'))
      .join(VALUE_SEPARATOR),
    d.outcome,
    d.reasons
      .map((r) => `${r.kind} ${r.source.listId}/${r.source.entryId} ${r.action} ${r.score.toFixed(3)}`)
      .join(VALUE_SEPARATOR),
    d.reasons.map((r) => r.explanation).join(VALUE_SEPARATOR),
    Object.entries(d.listVersions)
      .map(([list, version]) => `${list}=${version}`)
      .join(';'),
    d.decisionId,
    d.supersedes,
    new Date(d.timings.decidedAt).toISOString(),
  ];
}

/** A header and one record per decision. */
export function decisionsToCsv(rows: Iterable<DecisionCsvRow>, options: DecisionsCsvOptions = {}): string {
  const records = [DECISION_CSV_COLUMNS.map(csvCell).join(',')];
  for (const row of rows) records.push(cellsOf(row).map(csvCell).join(','));
  return `${options.byteOrderMark ? '\uFEFF' : ''}${records.join(RECORD_SEPARATOR)}${RECORD_SEPARATOR}`;
}
