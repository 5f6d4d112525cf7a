import { FULL_DATE_PATTERN, type ListedDate, type NameType, type WatchlistEntry } from '@paxscreen/contracts';

import { EntryBuilder, clean, commaNameParts, genderCode } from '../core/entry-builder';
import { ListReadError } from '../core/list-error';
import { LineIndex, tagOffsets } from '../core/line-index';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { countryCode } from '../countries/country-code';
import { parseListedDate } from '../dates/listed-date.parser';
import { parseXmlSafely } from './safe-xml';

/**
 * UN Security Council consolidated list (XML, `CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL` and
 * `ENTITIES/ENTITY`, schema sc-sanctions.xsd). entryId = REFERENCE_NUMBER (e.g. `QDi.001`), the UN's
 * stable id; programs = UN_LIST_TYPE and the reference prefix (`QDi`).
 *
 * Name parts: the UN gives FIRST_NAME…FOURTH_NAME without saying which is the family name; we
 * report FIRST_NAME as given names and the rest as surname, and matching must stay order-independent.
 */
const ARRAYS = new Set([
  'INDIVIDUAL',
  'ENTITY',
  'VALUE',
  'INDIVIDUAL_ALIAS',
  'ENTITY_ALIAS',
  'INDIVIDUAL_DATE_OF_BIRTH',
  'INDIVIDUAL_PLACE_OF_BIRTH',
  'INDIVIDUAL_DOCUMENT',
  'NAME_ORIGINAL_SCRIPT',
]);

/** UN alias QUALITY: "Low" aliases are weak; Good, a.k.a., f.k.a. are ordinary aliases. */
const WEAK_QUALITIES = new Set(['LOW']);

/** UN TYPE_OF_DOCUMENT values (English, French, Spanish) that are passports or national ids. */
const DOCUMENT_TYPES: ReadonlyArray<[RegExp, string]> = [
  [/passport|passeport|pasaporte/i, 'P'],
  [/identi(fication|ty|dad|té)|national id|c[ée]dula|carte d.identit/i, 'I'],
];

type Node = Record<string, unknown>;

export function readUnXml(text: string, ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const doc = parseXmlSafely(text, { arrays: ARRAYS });
  const root = doc.CONSOLIDATED_LIST as Node | undefined;
  if (!root || typeof root !== 'object') {
    throw new ListReadError('XML_STRUCTURE', 'no CONSOLIDATED_LIST root element');
  }
  const lines = new LineIndex(text);
  const individualAt = tagOffsets(text, 'INDIVIDUAL');
  const entityAt = tagOffsets(text, 'ENTITY');
  const individuals = nodes((root.INDIVIDUALS as Node | undefined)?.INDIVIDUAL);
  const entities = nodes((root.ENTITIES as Node | undefined)?.ENTITY);

  const entries: WatchlistEntry[] = [];
  const seen = new Set<string>();
  let skipped = 0;
  const take = (node: Node, offset: number | undefined, person: boolean): void => {
    const line = offset === undefined ? undefined : lines.lineAt(offset);
    const entry = readEntry(node, person, line, ctx);
    if (!entry) {
      skipped++;
      return;
    }
    if (seen.has(entry.entryId)) {
      ctx.findings.error('DUPLICATE_ENTRY', `entry ${entry.entryId} appears more than once`, {
        line,
        field: 'REFERENCE_NUMBER',
      });
      skipped++;
      return;
    }
    seen.add(entry.entryId);
    entries.push(entry);
  };
  individuals.forEach((node, i) => take(node, individualAt[i], true));
  entities.forEach((node, i) => take(node, entityAt[i], false));

  const generated = clean(str(root['@dateGenerated']));
  return {
    entries,
    rows: individuals.length + entities.length,
    skipped,
    publishedAt: generated || undefined,
  };
}

function readEntry(node: Node, person: boolean, line: number | undefined, ctx: ReaderContext) {
  const element = person ? 'INDIVIDUAL' : 'ENTITY';
  const ref = clean(str(node.REFERENCE_NUMBER));
  if (!ref) {
    ctx.findings.error('MISSING_ID', `${element} without REFERENCE_NUMBER skipped`, { line, field: element });
    return undefined;
  }
  const parts = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME', 'FOURTH_NAME'].map((k) => clean(str(node[k])));
  const full = parts.filter(Boolean).join(' ');
  if (!full) {
    ctx.findings.error('MISSING_NAME', `entry ${ref} has no name and was skipped`, {
      line,
      field: 'FIRST_NAME',
    });
    return undefined;
  }
  const b = new EntryBuilder(ctx.listId, ref, person ? 'PERSON' : 'ENTITY');
  if (person) {
    b.name(full, 'primary', { givenNames: parts[0], surname: parts.slice(1).filter(Boolean).join(' ') });
  } else {
    b.name(full, 'primary');
  }
  for (const original of nodes(node.NAME_ORIGINAL_SCRIPT)) b.name(str(original), 'original');

  for (const alias of nodes(node[person ? 'INDIVIDUAL_ALIAS' : 'ENTITY_ALIAS'])) {
    const quality = clean(str(alias.QUALITY)).toUpperCase();
    const type: NameType = WEAK_QUALITIES.has(quality) ? 'weak' : 'alias';
    const aliasName = clean(str(alias.ALIAS_NAME));
    b.name(aliasName, type, person ? commaNameParts(aliasName) : undefined);
    // Aliases may carry their own birth data (a DOB used under that name).
    const aliasDob = clean(str(alias.DATE_OF_BIRTH));
    if (aliasDob) b.date(readDate(aliasDob, ref, line, ctx));
    b.place(joinPlace([str(alias.CITY_OF_BIRTH), str(alias.COUNTRY_OF_BIRTH)]));
  }

  for (const dob of nodes(node.INDIVIDUAL_DATE_OF_BIRTH)) b.date(readUnDate(dob, ref, line, ctx));
  for (const pob of nodes(node.INDIVIDUAL_PLACE_OF_BIRTH)) {
    b.place(joinPlace([str(pob.CITY), str(pob.STATE_PROVINCE), str(pob.COUNTRY)]));
  }
  for (const value of values(node.NATIONALITY)) {
    if (value.toLowerCase() === 'na') continue;
    const code = countryCode(value);
    if (code) b.nationality(code);
    else unknownCountry(ref, line, 'NATIONALITY', ctx);
  }
  b.setGender(genderCode(str(node.GENDER)));

  for (const d of nodes(node.INDIVIDUAL_DOCUMENT)) {
    const number = clean(str(d.NUMBER));
    if (!number) continue;
    const kind = clean(str(d.TYPE_OF_DOCUMENT));
    const type = DOCUMENT_TYPES.find(([pattern]) => pattern.test(kind))?.[1] ?? 'OTHER';
    const country = clean(str(d.ISSUING_COUNTRY)) || clean(str(d.COUNTRY_OF_ISSUE));
    const issuer = country ? countryCode(country) : undefined;
    if (country && !issuer) unknownCountry(ref, line, 'INDIVIDUAL_DOCUMENT.ISSUING_COUNTRY', ctx);
    const note = [kind === '' || type === 'OTHER' ? kind : '', str(d.TYPE_OF_DOCUMENT2), str(d.NOTE)]
      .map(clean)
      .filter(Boolean)
      .join('; ');
    b.document({ type, number, issuer, note });
  }

  b.program(str(node.UN_LIST_TYPE));
  b.program(/^([A-Za-z]+)\./.exec(ref)?.[1]);
  b.setRemarks(str(node.COMMENTS1));
  const listedOn = clean(str(node.LISTED_ON));
  if (FULL_DATE_PATTERN.test(listedOn)) b.setListedOn(listedOn);
  return b.build();
}

/**
 * INDIVIDUAL_DATE_OF_BIRTH: TYPE_OF_DATE EXACT (DATE or YEAR), APPROXIMATELY (YEAR), BETWEEN
 * (FROM_YEAR, TO_YEAR); a NOTE sometimes holds the only date ("Nov. 1973") or a qualifier.
 */
function readUnDate(
  dob: Node,
  ref: string,
  line: number | undefined,
  ctx: ReaderContext,
): ListedDate | undefined {
  const type = clean(str(dob.TYPE_OF_DATE)).toUpperCase();
  const note = clean(str(dob.NOTE));
  const approximate = type === 'APPROXIMATELY' || /approx/i.test(note);
  const qualify = (d: ListedDate | undefined): ListedDate | undefined =>
    d && approximate && !d.qualifier ? { ...d, qualifier: 'approximately' } : d;

  const from = clean(str(dob.FROM_YEAR));
  const to = clean(str(dob.TO_YEAR));
  if (type === 'BETWEEN' || from || to) {
    if (from && to) return qualify(readDate(`${from} to ${to}`, ref, line, ctx));
    return qualify(readDate(from || to, ref, line, ctx));
  }
  const date = clean(str(dob.DATE)) || clean(str(dob.YEAR));
  if (date) return qualify(readDate(date, ref, line, ctx));
  if (note && !approximate) return readDate(note, ref, line, ctx);
  if (note) {
    ctx.findings.info('DATE_UNREADABLE', `entry ${ref}: a date of birth note could not be read`, {
      line,
      field: 'INDIVIDUAL_DATE_OF_BIRTH.NOTE',
    });
  }
  return undefined;
}

function readDate(text: string, ref: string, line: number | undefined, ctx: ReaderContext) {
  const read = parseListedDate(text, ctx.dateOrder);
  if (read.problem) {
    ctx.findings.info(read.problem, `entry ${ref}: a date of birth could not be read exactly`, {
      line,
      field: 'INDIVIDUAL_DATE_OF_BIRTH',
    });
  }
  return read.date;
}

function unknownCountry(ref: string, line: number | undefined, field: string, ctx: ReaderContext): void {
  ctx.findings.info('UNKNOWN_COUNTRY', `entry ${ref}: a country name is not known`, { line, field });
}

function joinPlace(parts: ReadonlyArray<string | undefined>): string {
  return parts.map(clean).filter(Boolean).join(', ');
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return str((value as Node)['#text']);
  return undefined;
}

function nodes(value: unknown): Node[] {
  if (value === undefined || value === null || value === '') return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((v) => (typeof v === 'object' && v !== null ? (v as Node) : { '#text': v }));
}

/** `<NATIONALITY><VALUE>…</VALUE></NATIONALITY>` → the non-empty VALUE texts. */
function values(value: unknown): string[] {
  const out: string[] = [];
  for (const n of nodes(value))
    for (const v of nodes(n.VALUE)) {
      const text = clean(str(v['#text'] ?? v));
      if (text) out.push(text);
    }
  return out;
}
