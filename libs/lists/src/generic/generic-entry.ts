import {
  ENTRY_KINDS,
  type EntryKind,
  NAME_TYPES,
  type NameType,
  type WatchlistEntry,
} from '@paxscreen/contracts';

import { EntryBuilder, clean, genderCode } from '../core/entry-builder';
import type { ReaderContext } from '../core/reader';
import { type Place, fieldAt, readCountry, readDate } from '../core/row-helpers';

/**
 * One entry of the generic national-list format (docs/list-formats.md), as read from a CSV row or a
 * JSON object, before validation. Both readers fill this shape and share the checks below.
 */
export interface GenericRecord {
  id: string;
  kind: string;
  name: string;
  surname: string;
  givenNames: string;
  /** Extra names with their type (alias, weak, original) and optional parts. */
  names: { full: string; type: string; surname?: string; givenNames?: string }[];
  datesOfBirth: string[];
  placesOfBirth: string[];
  nationalities: string[];
  gender: string;
  documents: { type: string; number: string; issuer: string; note?: string }[];
  programs: string[];
  remarks: string;
  listedOn: string;
}

const KIND_WORDS: Readonly<Record<string, EntryKind>> = {
  '': 'PERSON',
  PERSON: 'PERSON',
  INDIVIDUAL: 'PERSON',
  ENTITY: 'ENTITY',
  ORGANISATION: 'ENTITY',
  ORGANIZATION: 'ENTITY',
  COMPANY: 'ENTITY',
  VESSEL: 'VESSEL',
  AIRCRAFT: 'AIRCRAFT',
};

/** Document type words accepted for P and I; other types are kept as given (upper case). */
const DOCUMENT_WORDS: Readonly<Record<string, string>> = {
  PASSPORT: 'P',
  P: 'P',
  ID: 'I',
  I: 'I',
  ID_CARD: 'I',
  NATIONAL_ID: 'I',
  IDENTITY_CARD: 'I',
};

/** Builds a WatchlistEntry, or gives an error finding and `undefined` when the record has no id or name. */
export function buildGenericEntry(
  r: GenericRecord,
  line: number,
  ctx: ReaderContext,
): WatchlistEntry | undefined {
  const at = (field: string): Place => ({ line, field });
  const id = clean(r.id);
  if (!id) {
    ctx.findings.error('MISSING_ID', 'entry without an id skipped', fieldAt(at('id'), ctx));
    return undefined;
  }
  const surname = clean(r.surname);
  const givenNames = clean(r.givenNames);
  const full = clean(r.name) || [givenNames, surname].filter(Boolean).join(' ');
  if (!full) {
    ctx.findings.error('MISSING_NAME', `entry ${id} has no name and was skipped`, fieldAt(at('name'), ctx));
    return undefined;
  }
  const kindWord = clean(r.kind).toUpperCase();
  let kind = KIND_WORDS[kindWord] ?? (ENTRY_KINDS as readonly string[]).find((k) => k === kindWord);
  if (!kind) {
    ctx.findings.warn(
      'UNKNOWN_KIND',
      `entry ${id}: kind is not one of ${ENTRY_KINDS.join(', ')}`,
      fieldAt(at('kind'), ctx),
    );
    kind = 'UNKNOWN';
  }
  const b = new EntryBuilder(ctx.listId, id, kind as EntryKind);
  b.name(full, 'primary', { surname, givenNames });
  for (const n of r.names) {
    const type =
      (NAME_TYPES as readonly string[]).includes(n.type) && n.type !== 'primary'
        ? (n.type as NameType)
        : undefined;
    if (!type) {
      ctx.findings.warn(
        'UNKNOWN_NAME_TYPE',
        `entry ${id}: a name type is not alias, weak or original`,
        fieldAt(at('names'), ctx),
      );
    }
    b.name(n.full, type ?? 'alias', { surname: n.surname, givenNames: n.givenNames });
  }
  for (const d of r.datesOfBirth) b.date(readDate(d, at('dates_of_birth'), ctx));
  for (const p of r.placesOfBirth) b.place(p);
  for (const n of r.nationalities) b.nationality(readCountry(n, at('nationalities'), ctx));
  const gender = clean(r.gender);
  b.setGender(genderCode(gender));
  if (gender && !genderCode(gender) && gender.toUpperCase() !== 'U') {
    ctx.findings.warn('UNKNOWN_GENDER', `entry ${id}: gender is not M, F or X`, fieldAt(at('gender'), ctx));
  }
  for (const d of r.documents) {
    const number = clean(d.number);
    if (!number) {
      ctx.findings.warn(
        'MISSING_DOCUMENT_NUMBER',
        `entry ${id}: a document has no number`,
        fieldAt(at('documents'), ctx),
      );
      continue;
    }
    const word = clean(d.type)
      .toUpperCase()
      .replace(/[\s-]+/g, '_');
    b.document({
      type: DOCUMENT_WORDS[word] ?? (word || 'OTHER'),
      number,
      issuer: readCountry(clean(d.issuer), at('documents'), ctx),
      note: d.note,
    });
  }
  r.programs.forEach((p) => b.program(p));
  b.setRemarks(r.remarks);
  if (r.listedOn) {
    const listed = readDate(r.listedOn, at('listed_on'), ctx);
    if (listed?.date) b.setListedOn(listed.date);
  }
  return b.build();
}

/** `P:X1234567:GBR` → a document; a cell without colons is a number of unknown type. */
export function parseDocumentCell(cell: string): { type: string; number: string; issuer: string } {
  const parts = cell.split(':').map((p) => p.trim());
  if (parts.length === 1) return { type: '', number: parts[0], issuer: '' };
  if (parts.length === 2) return { type: parts[0], number: parts[1], issuer: '' };
  return { type: parts[0], number: parts.slice(1, -1).join(':'), issuer: parts[parts.length - 1] };
}
