/**
 * A small RFC 4180 CSV reader that keeps the 1-based line each record starts on and recovers from
 * broken quoting, so one bad row costs one row, never the rest of the file.
 *
 * Invariants:
 * - Fields are returned as published (no trimming); `""` inside a quoted field is one `"`.
 * - A quoted field may hold line breaks, but at most `maxQuotedLineBreaks` of them: a quote left
 *   open longer than that (or until the end of the input) makes the record a problem, and reading
 *   restarts on the line after the one the record began on. This bounds the rescanning work.
 * - Blank lines and the DOS end-of-file marker line (`\x1A`, OFAC files end with one) are not records.
 * - Text after a closing quote (`"ab"c,`) is kept (`abc`) and reported as a malformed-quote problem.
 */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export interface CsvProblem {
  line: number;
  code: 'CSV_UNTERMINATED_QUOTE' | 'CSV_MALFORMED_QUOTE';
}

export interface CsvParse {
  records: CsvRecord[];
  problems: CsvProblem[];
}

export const MAX_QUOTED_LINE_BREAKS = 50;
const QUOTE = 34;
const LF = 10;
const CR = 13;
const EOF_MARKER = '\u001a';

export interface CsvOptions {
  delimiter?: string;
  /** Line breaks allowed inside one quoted field; 0 for layouts that never wrap (OFAC). */
  maxQuotedLineBreaks?: number;
}

export function parseCsv(text: string, options: CsvOptions = {}): CsvParse {
  const delimiter = options.delimiter ?? ',';
  const maxBreaks = options.maxQuotedLineBreaks ?? MAX_QUOTED_LINE_BREAKS;
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  let pos = 0;
  let line = 1;

  while (pos < n) {
    const startLine = line;
    const startPos = pos;
    const fields: string[] = [];
    let malformed = false;
    let broken = false;
    // One record: fields until an unquoted line break or the end of the input.
    for (;;) {
      let value = '';
      if (text.charCodeAt(pos) === QUOTE) {
        pos++;
        let breaks = 0;
        let closed = false;
        let chunkStart = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === QUOTE) {
            if (text.charCodeAt(pos + 1) === QUOTE) {
              value += text.slice(chunkStart, pos + 1);
              pos += 2;
              chunkStart = pos;
              continue;
            }
            value += text.slice(chunkStart, pos);
            pos++;
            closed = true;
            break;
          }
          if (c === LF || (c === CR && text.charCodeAt(pos + 1) !== LF)) {
            line++;
            if (++breaks > maxBreaks) break;
          }
          pos++;
        }
        if (!closed) {
          broken = true;
          break;
        }
        // Lenient: anything between the closing quote and the next delimiter is kept.
        const rest = scanUnquoted(text, pos, delim);
        if (rest.end > pos) {
          malformed = true;
          value += text.slice(pos, rest.end);
          pos = rest.end;
        }
      } else {
        const rest = scanUnquoted(text, pos, delim);
        value = text.slice(pos, rest.end);
        pos = rest.end;
      }
      fields.push(value);
      if (pos < n && text.charCodeAt(pos) === delim) {
        pos++;
        continue;
      }
      // End of record: consume the line break.
      if (pos < n) {
        if (text.charCodeAt(pos) === CR) pos++;
        if (pos < n && text.charCodeAt(pos) === LF) pos++;
        line++;
      }
      break;
    }

    if (broken) {
      problems.push({ line: startLine, code: 'CSV_UNTERMINATED_QUOTE' });
      // Restart on the line after the one the broken record began on.
      const next = nextLineStart(text, startPos);
      pos = next;
      line = startLine + 1;
      continue;
    }
    if (malformed) problems.push({ line: startLine, code: 'CSV_MALFORMED_QUOTE' });
    if (fields.length === 1 && (fields[0] === '' || fields[0] === EOF_MARKER)) continue;
    records.push({ line: startLine, fields });
  }
  return { records, problems };
}

function scanUnquoted(text: string, from: number, delim: number): { end: number } {
  let pos = from;
  const n = text.length;
  while (pos < n) {
    const c = text.charCodeAt(pos);
    if (c === delim || c === LF || c === CR) break;
    pos++;
  }
  return { end: pos };
}

function nextLineStart(text: string, from: number): number {
  for (let pos = from; pos < text.length; pos++) {
    const c = text.charCodeAt(pos);
    if (c === LF) return pos + 1;
    if (c === CR) return text.charCodeAt(pos + 1) === LF ? pos + 2 : pos + 1;
  }
  return text.length;
}

/** A CSV file that must be read whole (queries, evaluation sets) has a row whose quote never closes. */
export class CsvSyntaxError extends Error {
  constructor(readonly lines: readonly number[]) {
    super(`CSV quote left open on line ${lines.join(', ')}`);
    this.name = 'CsvSyntaxError';
  }
}

/**
 * CSV with a header row → records keyed by trimmed column name (a missing cell is ''); a leading
 * byte-order mark is ignored. For files read whole (query files, evaluation sets): a quote left
 * open throws `CsvSyntaxError` naming the lines, never a silently shorter result.
 */
export function parseCsvRecords(text: string, options: CsvOptions = {}): Record<string, string>[] {
  const { records, problems } = parseCsv(text.replace(/^\uFEFF/, ''), options);
  const open = problems.filter((p) => p.code === 'CSV_UNTERMINATED_QUOTE');
  if (open.length > 0) throw new CsvSyntaxError(open.map((p) => p.line));
  const [header, ...rows] = records;
  if (!header) return [];
  const columns = header.fields.map((h) => h.trim());
  return rows.map((r) => Object.fromEntries(columns.map((c, i) => [c, r.fields[i] ?? ''])));
}
