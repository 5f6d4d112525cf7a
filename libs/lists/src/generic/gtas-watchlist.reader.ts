import type { WatchlistEntry } from '@paxscreen/contracts';

import { contentId } from '../core/content-id';
import { EntryBuilder } from '../core/entry-builder';
import { checkWidth, readHeaderedCsv } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { fieldAt, readCountry, readDate } from '../core/row-helpers';

/**
 * The simple watch-list CSV of US-CBP GTAS (`gtas-watchlist-loader`, wl-NS.csv):
 * `firstname,lastname,middlename,dob,documentcountry,documentnumber,documenttype,coc,phone,email`.
 * `coc` is the country of citizenship. Dates are dash-separated without a stated day/month order:
 * pass `dateOrder` to read them; otherwise an ambiguous one keeps its year and gives a warning.
 * Phone and e-mail have no place in a WatchlistEntry and are not kept. The file has no ids: entryId
 * is a hash of the identifying fields (stable across reloads), `GTAS-<16 hex>`.
 */
const COLUMNS = {
  firstname: ['firstname'],
  lastname: ['lastname'],
  middlename: ['middlename'],
  dob: ['dob'],
  documentcountry: ['documentcountry'],
  documentnumber: ['documentnumber'],
  documenttype: ['documenttype'],
  coc: ['coc'],
} as const;
type Column = keyof typeof COLUMNS;

/** GTAS / UN/EDIFACT document type codes kept as such; others become OTHER with the code as note. */
const DOCUMENT_TYPES = new Set(['P', 'I']);

export function readGtasWatchlist(text: string, ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [
    ['firstname', 'lastname'],
    ['dob'],
    ['documentnumber'],
  ]);
  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const first = row.get('firstname');
    const middle = row.get('middlename');
    const last = row.get('lastname');
    if (!first && !last) {
      skipped++;
      ctx.findings.error(
        'MISSING_NAME',
        'row without a name skipped',
        fieldAt({ line: row.line, field: 'lastname' }, ctx),
      );
      continue;
    }
    const id = contentId(
      'GTAS-',
      (Object.keys(COLUMNS) as Column[]).map((c) => row.get(c)),
    );
    if (seen.has(id)) {
      skipped++;
      ctx.findings.warn('DUPLICATE_ENTRY', 'row repeats an earlier row', { line: row.line, field: ctx.file });
      continue;
    }
    seen.add(id);
    const givenNames = [first, middle].filter(Boolean).join(' ');
    const b = new EntryBuilder(ctx.listId, id, 'PERSON');
    b.name([givenNames, last].filter(Boolean).join(' '), 'primary', { surname: last, givenNames });
    b.date(readDate(row.get('dob'), { line: row.line, field: 'dob' }, ctx));
    b.nationality(readCountry(row.get('coc'), { line: row.line, field: 'coc' }, ctx));
    const number = row.get('documentnumber');
    if (number) {
      const code = row.get('documenttype').toUpperCase();
      const type = DOCUMENT_TYPES.has(code) ? code : 'OTHER';
      const issuer = readCountry(
        row.get('documentcountry'),
        { line: row.line, field: 'documentcountry' },
        ctx,
      );
      b.document({ type, number, issuer, note: type === 'OTHER' && code ? `type ${code}` : undefined });
    }
    entries.push(b.build());
  }
  return { entries, rows: csv.rows.length, skipped };
}
