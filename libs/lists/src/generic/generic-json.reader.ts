import type { WatchlistEntry } from '@paxscreen/contracts';

import { ListReadError } from '../core/list-error';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { type GenericRecord, buildGenericEntry, parseDocumentCell } from './generic-entry';

/**
 * Generic national-list JSON (docs/list-formats.md): `{ "listId"?, "entries": [...] }` or a bare
 * array of entries. Each entry uses the CSV column meanings in camelCase, and also accepts the
 * WatchlistEntry shape itself (`entryId`, `names: [{ full, type }]`), so a dump of read entries
 * reads back. Findings point at the entry by its index (`segment`) and path (`field`), since
 * JSON.parse keeps no line numbers. JSON has no entities or references: nothing can expand.
 */
type Json = Record<string, unknown>;

export function readGenericJson(
  text: string,
  ctx: ReaderContext,
): ReaderOutput<WatchlistEntry> & { listId?: string } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const where = err instanceof SyntaxError ? /position (\d+)/.exec(err.message)?.[1] : undefined;
    throw new ListReadError('JSON_SYNTAX', `JSON is not valid${where ? ` at character ${where}` : ''}`);
  }
  const list = Array.isArray(doc)
    ? doc
    : isObject(doc) && Array.isArray(doc.entries)
      ? doc.entries
      : undefined;
  if (!list)
    throw new ListReadError('JSON_STRUCTURE', 'expected an array of entries or an object with "entries"');
  const listId = isObject(doc) && typeof doc.listId === 'string' ? doc.listId : undefined;

  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  list.forEach((item: unknown, index: number) => {
    const field = `entries[${index}]`;
    if (!isObject(item)) {
      skipped++;
      ctx.findings.error('NOT_AN_OBJECT', 'entry is not a JSON object', { line: index, field });
      return;
    }
    const entry = buildGenericEntry(toRecord(item), index, { ...ctx, file: field });
    if (!entry) {
      skipped++;
      return;
    }
    if (seen.has(entry.entryId)) {
      skipped++;
      ctx.findings.error('DUPLICATE_ENTRY', `entry ${entry.entryId} appears more than once`, {
        line: index,
        field,
      });
      return;
    }
    seen.add(entry.entryId);
    entries.push(entry);
  });
  return { entries, rows: list.length, skipped, listId };
}

function toRecord(o: Json): GenericRecord {
  const names = strings(o.aliases).map((full) => ({ full, type: 'alias' }));
  names.push(...strings(o.weakAliases).map((full) => ({ full, type: 'weak' })));
  names.push(...strings(o.originalNames).map((full) => ({ full, type: 'original' })));
  let primary = { name: text(o.name), surname: text(o.surname), givenNames: text(o.givenNames) };
  if (Array.isArray(o.names)) {
    for (const n of o.names.filter(isObject)) {
      const name = {
        full: text(n.full),
        type: text(n.type),
        surname: text(n.surname),
        givenNames: text(n.givenNames),
      };
      if (name.type === 'primary' && !primary.name) {
        primary = { name: name.full, surname: name.surname, givenNames: name.givenNames };
      } else names.push(name);
    }
  }
  const documents = Array.isArray(o.documents)
    ? o.documents.map((d) =>
        isObject(d)
          ? {
              type: text(d.type),
              number: text(d.number),
              issuer: text(d.issuer),
              note: text(d.note) || undefined,
            }
          : parseDocumentCell(text(d)),
      )
    : [];
  return {
    id: text(o.id) || text(o.entryId),
    kind: text(o.kind),
    ...primary,
    names,
    datesOfBirth: Array.isArray(o.datesOfBirth)
      ? o.datesOfBirth.map(dateText).filter(Boolean)
      : strings(o.dateOfBirth),
    placesOfBirth: strings(o.placesOfBirth ?? o.placeOfBirth),
    nationalities: strings(o.nationalities ?? o.nationality),
    gender: text(o.gender),
    documents,
    programs: strings(o.programs),
    remarks: text(o.remarks),
    listedOn: text(o.listedOn),
  };
}

/** A date as a string, or the contract's `{ date }` / `{ from, to, qualifier }` object. */
function dateText(value: unknown): string {
  if (!isObject(value)) return text(value);
  const qualifier = text(value.qualifier);
  const body = value.date ? text(value.date) : `${text(value.from)} to ${text(value.to)}`;
  return qualifier ? `${qualifier} ${body}` : body;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

function strings(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text).filter(Boolean);
  const one = text(value);
  return one ? [one] : [];
}
