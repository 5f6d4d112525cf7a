import { canonicalDocumentNumber, type LostStolenDocument } from '@paxscreen/contracts';

import { checkWidth, readHeaderedCsv } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { fieldAt, readCountry, readPointDate } from '../core/row-helpers';

/**
 * Lost / stolen travel documents CSV (docs/list-formats.md), one document per row:
 * `id?, document_number, issuer, document_type?, status, reported_on?`. Screening matches these
 * exactly on issuer + number, so both are required and the number is kept in its compared form
 * (upper case, no spaces or dashes). entryId = `id`, else `<issuer>-<number>`.
 */
const COLUMNS = {
  id: ['id', 'entry_id', 'reference'],
  document_number: ['document_number', 'number'],
  issuer: ['issuer', 'issuing_country', 'document_issuer', 'issuing_state'],
  document_type: ['document_type', 'type'],
  status: ['status'],
  reported_on: ['reported_on', 'reported', 'date_reported'],
} as const;
type Column = keyof typeof COLUMNS;

/** Statuses used by national and INTERPOL SLTD-style lists; others are kept and warned about. */
export const DOCUMENT_STATUSES = ['LOST', 'STOLEN', 'REVOKED', 'INVALIDATED', 'BLANK_STOLEN', 'CANCELLED'];

/** Contract limit for LostStolenDocument.number. */
const MAX_NUMBER_LENGTH = 35;

export function readLostStolenCsv(text: string, ctx: ReaderContext): ReaderOutput<LostStolenDocument> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [['document_number'], ['issuer'], ['status']]);
  const entries: LostStolenDocument[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const at = (field: string) => ({ line: row.line, field });
    const number = canonicalDocumentNumber(row.get('document_number'));
    const issuer = readCountry(row.get('issuer'), at('issuer'), ctx);
    const status = row
      .get('status')
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
    const problem = !number
      ? ['MISSING_DOCUMENT_NUMBER', 'document_number']
      : number.length > MAX_NUMBER_LENGTH
        ? ['INVALID_DOCUMENT_NUMBER', 'document_number']
        : !issuer
          ? ['MISSING_ISSUER', 'issuer']
          : !status
            ? ['MISSING_STATUS', 'status']
            : undefined;
    if (problem) {
      skipped++;
      ctx.findings.error(
        problem[0],
        `row skipped: ${problem[1]} is missing or invalid`,
        fieldAt(at(problem[1]), ctx),
      );
      continue;
    }
    if (!DOCUMENT_STATUSES.includes(status)) {
      ctx.findings.warn(
        'UNKNOWN_STATUS',
        `status is not one of ${DOCUMENT_STATUSES.join(', ')}`,
        fieldAt(at('status'), ctx),
      );
    }
    const entryId = row.get('id') || `${issuer}-${number}`;
    if (seen.has(entryId)) {
      skipped++;
      ctx.findings.warn(
        'DUPLICATE_ENTRY',
        'document listed more than once; the first row is kept',
        fieldAt(at('id'), ctx),
      );
      continue;
    }
    seen.add(entryId);
    const doc: LostStolenDocument = { listId: ctx.listId, entryId, number, issuer: issuer!, status };
    const type = row.get('document_type').toUpperCase();
    if (type) doc.documentType = type;
    const reported = readPointDate(row.get('reported_on'), at('reported_on'), ctx);
    if (reported) doc.reportedOn = reported;
    entries.push(doc);
  }
  return { entries, rows: csv.rows.length, skipped };
}
