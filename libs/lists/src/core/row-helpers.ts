import type { ListedDate } from '@paxscreen/contracts';

import { countryCode } from '../countries/country-code';
import { parseListedDate } from '../dates/listed-date.parser';
import type { ReaderContext } from './reader';

/**
 * Cell readers shared by the CSV/JSON readers: each turns one cell into a contract value or gives a
 * finding that names the line and column, never the cell's content.
 */
export interface Place {
  line: number;
  field: string;
}

export function readCountry(value: string, at: Place, ctx: ReaderContext): string | undefined {
  if (!value) return undefined;
  const code = countryCode(value);
  if (!code) ctx.findings.warn('UNKNOWN_COUNTRY', 'country is not a known code or name', fieldAt(at, ctx));
  return code;
}

export function readDate(value: string, at: Place, ctx: ReaderContext): ListedDate | undefined {
  if (!value) return undefined;
  const read = parseListedDate(value, ctx.dateOrder);
  if (read.problem === 'DATE_AMBIGUOUS') {
    ctx.findings.warn(
      read.problem,
      'day and month order is ambiguous; only the year is kept',
      fieldAt(at, ctx),
    );
  } else if (read.problem) {
    ctx.findings.warn(read.problem, 'date could not be read', fieldAt(at, ctx));
  }
  return read.date;
}

/** A single full or partial date (YYYY[-MM[-DD]]), as contract fields like `validTo` need. */
export function readPointDate(value: string, at: Place, ctx: ReaderContext): string | undefined {
  const date = readDate(value, at, ctx);
  if (date && date.date && !date.qualifier) return date.date;
  if (date)
    ctx.findings.warn('DATE_INVALID', 'a single date is expected here, not a range', fieldAt(at, ctx));
  return undefined;
}

export function fieldAt(at: Place, ctx: ReaderContext): { line: number; field: string } {
  return { line: at.line, field: `${ctx.file}:${at.field}` };
}
