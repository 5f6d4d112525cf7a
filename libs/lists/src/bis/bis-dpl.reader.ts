import type { WatchlistEntry } from '@paxscreen/contracts';

import { contentId } from '../core/content-id';
import { EntryBuilder, clean } from '../core/entry-builder';
import { checkWidth, readHeaderedCsv } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { fieldAt, readDate } from '../core/row-helpers';

/**
 * BIS Denied Persons List, tab-separated with quoted cells:
 * `Name, Street_Address, City, State, Country, Postal_Code, Effective_Date, Expiration_Date,
 * Standard_Order, Last_Update, Action, FR_Citation`. The list mixes people and companies without
 * saying which (kind UNKNOWN) and has no ids: entryId is a hash of name, address and the Federal
 * Register citation. Dates are US month/day/year.
 */
const COLUMNS = {
  name: ['name'],
  street_address: ['street_address'],
  city: ['city'],
  country: ['country'],
  effective_date: ['effective_date'],
  fr_citation: ['fr_citation'],
} as const;
type Column = keyof typeof COLUMNS;

export function readBisDpl(text: string, ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [['name']], { delimiter: '\t' });
  const usDates = { ...ctx, dateOrder: ctx.dateOrder ?? ('MDY' as const) };
  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const name = clean(row.get('name'));
    if (!name) {
      skipped++;
      ctx.findings.error(
        'MISSING_NAME',
        'row without a name skipped',
        fieldAt({ line: row.line, field: 'Name' }, ctx),
      );
      continue;
    }
    const id = contentId('DPL-', [name, row.get('street_address'), row.get('city'), row.get('fr_citation')]);
    if (seen.has(id)) {
      skipped++;
      ctx.findings.warn('DUPLICATE_ENTRY', 'row repeats an earlier row', { line: row.line, field: ctx.file });
      continue;
    }
    seen.add(id);
    const b = new EntryBuilder(ctx.listId, id, 'UNKNOWN').name(name, 'primary').program('DPL');
    const effective = readDate(
      row.get('effective_date'),
      { line: row.line, field: 'Effective_Date' },
      usDates,
    );
    if (effective?.date) b.setListedOn(effective.date);
    entries.push(b.build());
  }
  return { entries, rows: csv.rows.length, skipped };
}
