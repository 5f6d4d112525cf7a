import type { WatchlistEntry } from '@paxscreen/contracts';

import { checkWidth, readHeaderedCsv, splitValues } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { buildGenericEntry, parseDocumentCell } from './generic-entry';

/**
 * Generic national-list CSV (docs/list-formats.md): a header row, one entry per row, columns by
 * name in any order. Multi-value cells separate values with `|` (or `;`); documents are
 * `TYPE:NUMBER:ISSUER`. Required: `id` and a name (`name`, or `surname` / `given_names`).
 */
const COLUMNS = {
  id: ['id', 'entry_id', 'reference'],
  kind: ['kind', 'type', 'entity_type'],
  name: ['name', 'full_name'],
  surname: ['surname', 'last_name', 'lastname', 'family_name'],
  given_names: ['given_names', 'given_name', 'first_name', 'firstname', 'forenames'],
  middle_name: ['middle_name', 'middlename'],
  aliases: ['aliases', 'alias', 'aka'],
  weak_aliases: ['weak_aliases', 'weak_alias'],
  original_names: ['original_names', 'original_script_names', 'original_script_name'],
  dates_of_birth: ['dates_of_birth', 'date_of_birth', 'dob', 'birth_date'],
  places_of_birth: ['places_of_birth', 'place_of_birth', 'pob'],
  nationalities: ['nationalities', 'nationality', 'citizenship', 'citizenships'],
  gender: ['gender', 'sex'],
  documents: ['documents', 'document'],
  document_number: ['document_number', 'passport_number'],
  document_type: ['document_type'],
  document_issuer: ['document_issuer', 'document_country', 'passport_country'],
  programs: ['programs', 'program', 'programme', 'programmes'],
  remarks: ['remarks', 'notes', 'comments'],
  listed_on: ['listed_on', 'listed', 'date_listed'],
} as const;
type Column = keyof typeof COLUMNS;

export function readGenericCsv(text: string, ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [['id'], ['name', 'surname', 'given_names']]);
  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const documents = splitValues(row.get('documents')).map(parseDocumentCell);
    if (row.get('document_number')) {
      documents.push({
        type: row.get('document_type'),
        number: row.get('document_number'),
        issuer: row.get('document_issuer'),
      });
    }
    const names = [
      ...splitValues(row.get('aliases')).map((full) => ({ full, type: 'alias' })),
      ...splitValues(row.get('weak_aliases')).map((full) => ({ full, type: 'weak' })),
      ...splitValues(row.get('original_names')).map((full) => ({ full, type: 'original' })),
    ];
    const entry = buildGenericEntry(
      {
        id: row.get('id'),
        kind: row.get('kind'),
        name: row.get('name'),
        surname: row.get('surname'),
        givenNames: [row.get('given_names'), row.get('middle_name')].filter(Boolean).join(' '),
        names,
        datesOfBirth: splitValues(row.get('dates_of_birth')),
        placesOfBirth: splitValues(row.get('places_of_birth')),
        nationalities: splitValues(row.get('nationalities')),
        gender: row.get('gender'),
        documents,
        programs: splitValues(row.get('programs')),
        remarks: row.get('remarks'),
        listedOn: row.get('listed_on'),
      },
      row.line,
      ctx,
    );
    if (!entry) {
      skipped++;
      continue;
    }
    if (seen.has(entry.entryId)) {
      skipped++;
      ctx.findings.error('DUPLICATE_ENTRY', `entry ${entry.entryId} appears more than once`, {
        line: row.line,
        field: `${ctx.file}:id`,
      });
      continue;
    }
    seen.add(entry.entryId);
    entries.push(entry);
  }
  return { entries, rows: csv.rows.length, skipped };
}
