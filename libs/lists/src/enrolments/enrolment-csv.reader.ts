import { canonicalDocumentNumber, type Enrolment, type ProgrammeKind } from '@paxscreen/contracts';

import { clean } from '../core/entry-builder';
import { checkWidth, readHeaderedCsv } from '../core/headered-csv';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { fieldAt, readCountry, readPointDate } from '../core/row-helpers';

/**
 * Trusted-traveller and APEC Business Travel Card enrolments CSV (docs/list-formats.md):
 * `id?, programme, kind?, card_number, surname, given_names, date_of_birth, nationality,
 * document_number, document_issuer, valid_from, valid_to, pre_cleared_economies`.
 * kind is ABTC when the programme is ABTC, else TTP, unless given. Economies are alpha-3 (or
 * alpha-2 / names), separated by `|`, `;` or spaces. entryId = `id`, else `<programme>:<card_number>`.
 * A row whose validity ends before it starts, or that lacks what decisions rely on (card, holder
 * name and birth date, document, validity), is skipped with an error finding.
 */
const COLUMNS = {
  id: ['id', 'entry_id'],
  programme: ['programme', 'program'],
  kind: ['kind'],
  card_number: ['card_number', 'card'],
  surname: ['surname', 'last_name', 'family_name'],
  given_names: ['given_names', 'first_name', 'given_name'],
  date_of_birth: ['date_of_birth', 'dob'],
  nationality: ['nationality'],
  document_number: ['document_number', 'passport_number'],
  document_issuer: ['document_issuer', 'issuer', 'passport_issuer'],
  valid_from: ['valid_from'],
  valid_to: ['valid_to', 'valid_until', 'expiry'],
  pre_cleared_economies: ['pre_cleared_economies', 'economies', 'pre_cleared'],
} as const;
type Column = keyof typeof COLUMNS;

const ABTC = 'ABTC';

export function readEnrolmentCsv(text: string, ctx: ReaderContext): ReaderOutput<Enrolment> {
  const csv = readHeaderedCsv<Column>(text, ctx, COLUMNS, [
    ['programme'],
    ['card_number'],
    ['surname'],
    ['date_of_birth'],
    ['nationality'],
    ['document_number'],
    ['document_issuer'],
    ['valid_from'],
    ['valid_to'],
  ]);
  const entries: Enrolment[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  for (const row of csv.rows) {
    checkWidth(row, csv.headerWidth, ctx);
    const at = (field: string) => ({ line: row.line, field });
    const fail = (code: string, field: string): void => {
      skipped++;
      ctx.findings.error(code, `row skipped: ${field} is missing or invalid`, fieldAt(at(field), ctx));
    };
    const programme = clean(row.get('programme'))
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
    const kindText = row.get('kind').toUpperCase();
    const kind: ProgrammeKind | undefined =
      kindText === 'TTP' || kindText === ABTC
        ? kindText
        : kindText
          ? undefined
          : programme === ABTC
            ? ABTC
            : 'TTP';
    const cardNumber = clean(row.get('card_number'));
    const surname = clean(row.get('surname'));
    const dateOfBirth = readPointDate(row.get('date_of_birth'), at('date_of_birth'), ctx);
    const nationality = readCountry(row.get('nationality'), at('nationality'), ctx);
    const documentNumber = canonicalDocumentNumber(row.get('document_number'));
    const documentIssuer = readCountry(row.get('document_issuer'), at('document_issuer'), ctx);
    const validFrom = readPointDate(row.get('valid_from'), at('valid_from'), ctx);
    const validTo = readPointDate(row.get('valid_to'), at('valid_to'), ctx);
    const missing: Array<[unknown, string]> = [
      [programme, 'programme'],
      [kind, 'kind'],
      [cardNumber, 'card_number'],
      [surname, 'surname'],
      [dateOfBirth, 'date_of_birth'],
      [nationality, 'nationality'],
      [documentNumber, 'document_number'],
      [documentIssuer, 'document_issuer'],
      [validFrom, 'valid_from'],
      [validTo, 'valid_to'],
    ];
    const gap = missing.find(([value]) => !value);
    if (gap) {
      fail(gap[1] === 'kind' ? 'INVALID_KIND' : 'MISSING_FIELD', gap[1]);
      continue;
    }
    if (validTo! < validFrom!) {
      fail('INVALID_VALIDITY', 'valid_to');
      continue;
    }
    const economies: string[] = [];
    for (const value of row
      .get('pre_cleared_economies')
      .split(/[|;,\s]+/)
      .filter(Boolean)) {
      const code = readCountry(value, at('pre_cleared_economies'), ctx);
      if (code && !economies.includes(code)) economies.push(code);
    }
    if (kind === ABTC && economies.length === 0) {
      ctx.findings.warn(
        'NO_ECONOMIES',
        'ABTC without pre-cleared economies cannot expedite',
        fieldAt(at('pre_cleared_economies'), ctx),
      );
    }
    const entryId = row.get('id') || `${programme}:${cardNumber}`;
    if (seen.has(entryId)) {
      skipped++;
      ctx.findings.warn(
        'DUPLICATE_ENTRY',
        'card listed more than once; the first row is kept',
        fieldAt(at('card_number'), ctx),
      );
      continue;
    }
    seen.add(entryId);
    entries.push({
      listId: ctx.listId,
      entryId,
      kind: kind!,
      programme,
      cardNumber,
      surname,
      givenNames: clean(row.get('given_names')),
      dateOfBirth: dateOfBirth!,
      nationality: nationality!,
      documentNumber,
      documentIssuer: documentIssuer!,
      validFrom: validFrom!,
      validTo: validTo!,
      preClearedEconomies: economies,
    });
  }
  return { entries, rows: csv.rows.length, skipped };
}
