import type { EntryKind, WatchlistEntry } from '@paxscreen/contracts';

import { EntryBuilder, clean, commaNameParts } from '../core/entry-builder';
import { ListReadError } from '../core/list-error';
import type { ReaderContext, ReaderOutput } from '../core/reader';
import { countryCode } from '../countries/country-code';
import { type CsvRecord, parseCsv } from '../text/csv-rows';
import { parseOfacRemarks } from './ofac-remarks.parser';

/**
 * OFAC legacy CSV set (SDN: sdn.csv, alt.csv, add.csv, sdn_comments.csv; consolidated non-SDN:
 * cons_prim.csv, cons_alt.csv, cons_add.csv, cons_comments.csv). No header rows; `-0-` is null.
 * Layout per OFAC's "SDN data specification":
 *   primary  ent_num, SDN_Name, SDN_Type, Program, Title, Call_Sign, Vess_type, Tonnage, GRT, Vess_flag, Vess_owner, Remarks
 *   alt      ent_num, alt_num, alt_type (aka, fka, nka), alt_name, alt_remarks
 *   add      ent_num, add_num, address, city/state/postal, country, add_remarks
 *   comments ent_num, remarks continued (OFAC cuts long remarks anywhere, even mid-word)
 * entryId = ent_num. Identifying facts come out of the remarks (see ofac-remarks.parser.ts).
 * Addresses are counted and checked but not kept: a WatchlistEntry has no address.
 */
export type OfacFileRole = 'primary' | 'alt' | 'add' | 'comments';

export interface OfacPart {
  role: OfacFileRole;
  file: string;
  text: string;
}

/** Columns per file kind (OFAC data specification). */
export const OFAC_COLUMNS: Readonly<Record<OfacFileRole, number>> = {
  primary: 12,
  alt: 5,
  add: 6,
  comments: 2,
};
const COL = { id: 0, name: 1, type: 2, program: 3, flag: 9, remarks: 11 } as const;
const ALT_COL = { id: 0, type: 2, name: 3 } as const;

const TYPES: Readonly<Record<string, EntryKind>> = {
  individual: 'PERSON',
  vessel: 'VESSEL',
  aircraft: 'AIRCRAFT',
  '': 'ENTITY',
};

/** The role of a file in an OFAC set, from its name, else from the column count of its first record. */
export function ofacRole(name: string, firstRecordColumns?: number): OfacFileRole | undefined {
  const base = name.split(/[\\/]/).pop()!.toLowerCase();
  if (/comments/.test(base)) return 'comments';
  if (/(^|_)alt\b|^alt/.test(base)) return 'alt';
  if (/(^|_)add\b|^add/.test(base)) return 'add';
  if (/^(sdn|cons_prim)/.test(base)) return 'primary';
  for (const [role, columns] of Object.entries(OFAC_COLUMNS)) {
    if (columns === firstRecordColumns) return role as OfacFileRole;
  }
  return undefined;
}

/** OFAC's null marker. */
export function ofacValue(value: string | undefined): string {
  const v = clean(value);
  return v === '-0-' ? '' : v;
}

export function readOfacCsv(parts: readonly OfacPart[], ctx: ReaderContext): ReaderOutput<WatchlistEntry> {
  const primary = parts.filter((p) => p.role === 'primary');
  if (primary.length === 0) {
    throw new ListReadError(
      'MISSING_PRIMARY_FILE',
      'an OFAC file set needs its primary file (sdn.csv / cons_prim.csv)',
    );
  }
  const builders = new Map<string, Target & { line: number; file: string }>();
  let rows = 0;
  let skipped = 0;

  for (const part of primary) {
    const records = readRecords(part, ctx);
    for (const r of records) {
      rows++;
      const id = ofacValue(r.fields[COL.id]);
      const name = ofacValue(r.fields[COL.name]);
      const validId = /^\d+$/.test(id);
      if (!validId || !name) {
        skipped++;
        ctx.findings.error(
          validId ? 'MISSING_NAME' : 'MISSING_ID',
          validId ? 'row without a name skipped' : 'row without a numeric ent_num skipped',
          { line: r.line, field: `${part.file}:${validId ? 'SDN_Name' : 'ent_num'}` },
        );
        continue;
      }
      if (r.fields.length !== OFAC_COLUMNS.primary) {
        ctx.findings.warn(
          'COLUMN_COUNT',
          `expected ${OFAC_COLUMNS.primary} columns, found ${r.fields.length}`,
          {
            line: r.line,
            field: part.file,
          },
        );
      }
      if (builders.has(id)) {
        skipped++;
        ctx.findings.error('DUPLICATE_ENTRY', `ent_num ${id} appears more than once`, {
          line: r.line,
          field: `${part.file}:ent_num`,
        });
        continue;
      }
      const typeText = ofacValue(r.fields[COL.type]).toLowerCase();
      const kind = TYPES[typeText] ?? 'UNKNOWN';
      if (!(typeText in TYPES)) {
        ctx.findings.warn('UNKNOWN_TYPE', `ent_num ${id}: SDN_Type is not one OFAC defines`, {
          line: r.line,
          field: `${part.file}:SDN_Type`,
        });
      }
      const b = new EntryBuilder(ctx.listId, id, kind);
      b.name(name, 'primary', kind === 'PERSON' ? commaNameParts(name) : undefined);
      for (const program of ofacValue(r.fields[COL.program]).split(/\]\s*\[/))
        b.program(program.replace(/[[\]]/g, ''));
      if (kind === 'VESSEL') b.nationality(countryCode(ofacValue(r.fields[COL.flag])));
      builders.set(id, { b, kind, remarks: ofacValue(r.fields[COL.remarks]), line: r.line, file: part.file });
    }
  }

  for (const part of parts.filter((p) => p.role === 'comments')) {
    joinRows(part, ctx, builders, (r, target) => {
      target.remarks += r.fields.slice(1).join(',');
    });
  }
  for (const part of parts.filter((p) => p.role === 'alt')) {
    joinRows(part, ctx, builders, (r, target) => {
      const name = ofacValue(r.fields[ALT_COL.name]);
      target.b.name(name, 'alias', target.kind === 'PERSON' ? commaNameParts(name) : undefined);
    });
  }
  for (const part of parts.filter((p) => p.role === 'add')) {
    joinRows(part, ctx, builders, () => undefined);
  }

  const entries: WatchlistEntry[] = [];
  for (const [id, { b, remarks, line, file }] of builders) {
    const facts = parseOfacRemarks(remarks, ctx.dateOrder);
    facts.datesOfBirth.forEach((d) => b.date(d));
    facts.placesOfBirth.forEach((p) => b.place(p));
    facts.nationalities.forEach((n) => b.nationality(n));
    facts.documents.forEach((d) => b.document(d));
    facts.weakAliases.forEach((a) => b.name(a, 'weak'));
    b.setGender(facts.gender);
    b.setRemarks(remarks);
    for (const p of facts.problems) {
      ctx.findings.info(p.code, `ent_num ${id}: a ${p.item} in the remarks could not be read`, {
        line,
        field: `${file}:Remarks`,
      });
    }
    entries.push(b.build());
  }
  return { entries, rows, skipped };
}

function readRecords(part: OfacPart, ctx: ReaderContext): CsvRecord[] {
  // OFAC never wraps a field over lines, so a line break inside quotes means broken quoting.
  const { records, problems } = parseCsv(part.text, { maxQuotedLineBreaks: 0 });
  for (const p of problems) {
    const severity = p.code === 'CSV_UNTERMINATED_QUOTE' ? 'error' : 'warning';
    ctx.findings.add(p.code, severity, 'row with broken quoting', { line: p.line, field: part.file });
  }
  return records;
}

type Target = { b: EntryBuilder; kind: EntryKind; remarks: string };

/**
 * Rows of the side files attach to a primary entry by ent_num. Rows that point at no entry are
 * common when files from different publication dates are mixed: they give one warning per file,
 * not one per row.
 */
function joinRows(
  part: OfacPart,
  ctx: ReaderContext,
  builders: ReadonlyMap<string, Target>,
  apply: (r: CsvRecord, target: Target) => void,
): void {
  let orphans = 0;
  let firstOrphan: number | undefined;
  for (const r of readRecords(part, ctx)) {
    const id = ofacValue(r.fields[0]);
    if (!/^\d+$/.test(id)) {
      ctx.findings.error('MISSING_ID', 'row without a numeric ent_num skipped', {
        line: r.line,
        field: `${part.file}:ent_num`,
      });
      continue;
    }
    const target = builders.get(id);
    if (!target) {
      orphans++;
      firstOrphan ??= r.line;
      continue;
    }
    apply(r, target);
  }
  if (orphans > 0) {
    ctx.findings.warn(
      'UNMATCHED_ROWS',
      `${orphans} rows refer to an ent_num that is not in the primary file`,
      {
        line: firstOrphan,
        field: part.file,
      },
    );
  }
}
