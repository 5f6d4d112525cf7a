import type { EntryKind, ListedDocument, WatchlistEntry } from '@paxscreen/contracts';

import { contentId } from '../core/content-id';
import { EntryBuilder, clean, genderCode } from '../core/entry-builder';
import { checkWidth, readHeaderedCsv, splitValues } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { fieldAt, readCountry, readDate } from '../core/row-helpers';
import { countryCode } from '../countries/country-code';

/**
 * US Consolidated Screening List CSV (trade.gov): the older layout (`source,entity_number,type,…`)
 * and the current one (`_id,source,entity_number,…`). Multi-value cells are `; `-separated.
 * entryId: `_id` when present, else `<source code>-<entity_number>` (entity numbers are per
 * source: an SDN row's is the OFAC ent_num), else a hash of source, name and addresses.
 * `ids` cells are read for passports and national ids in both orders the CSL has used:
 * `Passport, 836238033, KP` (current) and `KP, 836238033, Passport` (older).
 */
const COLUMNS = {
  _id: ['_id'],
  source: ['source'],
  entity_number: ['entity_number'],
  type: ['type'],
  programs: ['programs'],
  name: ['name'],
  addresses: ['addresses'],
  alt_names: ['alt_names'],
  citizenships: ['citizenships'],
  nationalities: ['nationalities'],
  dates_of_birth: ['dates_of_birth'],
  places_of_birth: ['places_of_birth'],
  ids: ['ids'],
  remarks: ['remarks'],
  start_date: ['start_date'],
} as const;
type Column = keyof typeof COLUMNS;

const TYPES: Readonly<Record<string, EntryKind>> = {
  individual: 'PERSON',
  entity: 'ENTITY',
  vessel: 'VESSEL',
  aircraft: 'AIRCRAFT',
};

const DOCUMENT_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/^(diplomatic )?passport/i, 'P'],
  [/^(national id|cedula|d\.n\.i\.|identity card|kenyan id|personal id)/i, 'I'],
];

export function readCslCsv(text: string, ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [['source'], ['name']]);
  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const at = (field: string) => ({ line: row.line, field });
    const name = clean(row.get('name'));
    if (!name) {
      skipped++;
      ctx.findings.error('MISSING_NAME', 'row without a name skipped', fieldAt(at('name'), ctx));
      continue;
    }
    const source = row.get('source');
    const code = /\(([A-Z]+)\)/.exec(source)?.[1] ?? 'CSL';
    const number = row.get('entity_number');
    const entryId =
      row.get('_id') ||
      (number ? `${code}-${number}` : contentId(`${code}-`, [source, name, row.get('addresses')]));
    if (seen.has(entryId)) {
      skipped++;
      ctx.findings.warn(
        'DUPLICATE_ENTRY',
        `entry ${entryId} appears more than once`,
        fieldAt(at('entity_number'), ctx),
      );
      continue;
    }
    seen.add(entryId);
    const kind = TYPES[row.get('type').toLowerCase()] ?? 'UNKNOWN';
    const b = new EntryBuilder(ctx.listId, entryId, kind);
    b.name(name, 'primary');
    for (const alias of splitValues(row.get('alt_names'))) b.name(alias, 'alias');
    for (const d of splitValues(row.get('dates_of_birth'))) b.date(readDate(d, at('dates_of_birth'), ctx));
    for (const p of splitValues(row.get('places_of_birth'))) b.place(p);
    for (const column of ['nationalities', 'citizenships'] as const) {
      for (const c of row
        .get(column)
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter(Boolean)) {
        b.nationality(readCountry(c, at(column), ctx));
      }
    }
    for (const item of splitValues(row.get('ids'))) {
      const parts = item.split(',').map((p) => p.trim());
      if (/^gender$/i.test(parts[0] ?? '')) b.setGender(genderCode(parts[1]));
      const doc = readId(parts);
      if (doc) b.document(doc);
    }
    b.program(code);
    for (const p of splitValues(row.get('programs'))) b.program(p);
    b.setRemarks(row.get('remarks'));
    const listed = readDate(row.get('start_date'), at('start_date'), ctx);
    if (listed?.date) b.setListedOn(listed.date);
    entries.push(b.build());
  }
  return { entries, rows: csv.rows.length, skipped };
}

function readId(parts: string[]): ListedDocument | undefined {
  if (parts.length < 2) return undefined;
  const typeOf = (s: string | undefined) => (s ? DOCUMENT_TYPES.find(([p]) => p.test(s))?.[1] : undefined);
  // Current layout: type, number, country. Older layout: country, number, type.
  const current = typeOf(parts[0]);
  const older = typeOf(parts[parts.length - 1]);
  if (current) return document(current, parts[1], parts[2]);
  if (older && parts.length >= 3) return document(older, parts[1], parts[0]);
  return undefined;
}

function document(type: string, number: string, country: string | undefined): ListedDocument | undefined {
  if (!/\d/.test(number)) return undefined;
  const issuer = country ? countryCode(country) : undefined;
  return issuer ? { type, number, issuer } : { type, number };
}
