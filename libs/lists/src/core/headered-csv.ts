import { type CsvOptions, parseCsv } from '../text/csv-rows';
import { headerKey } from './detect-format';
import { ListReadError } from './list-error';
import type { ReaderContext } from './reader';

/**
 * CSV files with a header row: columns are found by name (case, spaces and dashes ignored, several
 * accepted spellings per column), in any order; unknown columns are ignored. Missing required
 * columns make the whole file unreadable (a typed error naming the columns, not the data).
 */
export type ColumnSpec<K extends string> = Readonly<Record<K, ReadonlyArray<string>>>;

export interface HeaderedRow<K extends string> {
  line: number;
  /** Trimmed cell of a column ('' when the column is absent or the cell empty). */
  get(column: K): string;
  /** Number of cells in the row (to report short rows). */
  width: number;
}

export interface HeaderedCsv<K extends string> {
  rows: HeaderedRow<K>[];
  present: ReadonlySet<K>;
  headerWidth: number;
}

export function readHeaderedCsv<K extends string>(
  text: string,
  ctx: ReaderContext,
  spec: ColumnSpec<K>,
  required: ReadonlyArray<ReadonlyArray<K>>,
  options: CsvOptions = {},
): HeaderedCsv<K> {
  const { records, problems } = parseCsv(text, options);
  for (const p of problems) {
    const severity = p.code === 'CSV_UNTERMINATED_QUOTE' ? 'error' : 'warning';
    ctx.findings.add(p.code, severity, 'row with broken quoting', { line: p.line, field: ctx.file });
  }
  const header = records.shift();
  if (!header) throw new ListReadError('EMPTY_INPUT', `${ctx.file} has no header row`);
  const keys = header.fields.map(headerKey);
  const index = new Map<K, number>();
  for (const column of Object.keys(spec) as K[]) {
    const at = keys.findIndex((k) => spec[column].includes(k));
    if (at !== -1) index.set(column, at);
  }
  const missing = required.filter((alternatives) => !alternatives.some((c) => index.has(c)));
  if (missing.length > 0) {
    const names = missing.map((alternatives) => alternatives.join(' or ')).join(', ');
    throw new ListReadError('MISSING_COLUMNS', `${ctx.file} lacks required columns: ${names}`);
  }
  const rows = records.map((r) => ({
    line: r.line,
    width: r.fields.length,
    get: (column: K): string => {
      const at = index.get(column);
      return at === undefined ? '' : (r.fields[at] ?? '').trim();
    },
  }));
  return { rows, present: new Set(index.keys()), headerWidth: header.fields.length };
}

/** Multi-value cells: values separated by `|` or `;`. */
export function splitValues(cell: string): string[] {
  return cell
    .split(/[|;]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Warns once per row whose cell count differs from the header's (data may sit in the wrong column). */
export function checkWidth(
  row: { line: number; width: number },
  headerWidth: number,
  ctx: ReaderContext,
): void {
  if (row.width !== headerWidth) {
    ctx.findings.warn('COLUMN_COUNT', `expected ${headerWidth} columns, found ${row.width}`, {
      line: row.line,
      field: ctx.file,
    });
  }
}
