import type {
  EntryKind,
  Gender,
  ListedDate,
  ListedDocument,
  ListedName,
  NameType,
  WatchlistEntry,
} from '@paxscreen/contracts';

/** Contract limits (WatchlistEntry): names up to 400 characters, remarks up to 4000. */
export const MAX_NAME_LENGTH = 400;
export const MAX_REMARKS_LENGTH = 4000;
export const MAX_DOCUMENT_NUMBER_LENGTH = 60;

/** White space other than single spaces; most values have none, so the replace is skipped for them. */
const MESSY_SPACE = /[\t\n\r\f\v\u00a0\u2000-\u200a\u2028\u2029\u3000]| {2}/;

/** Collapses runs of white space (lists wrap long names over lines) and trims. */
export function clean(value: string | undefined | null): string {
  if (!value) return '';
  const trimmed = value.trim();
  return MESSY_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed;
}

/**
 * Builds one WatchlistEntry, dropping empty values and duplicates (lists repeat a name as alias, a
 * nationality as citizenship, a DOB under two aliases). Order is kept: the primary name is first.
 */
export class EntryBuilder {
  private readonly names: ListedName[] = [];
  private readonly nameKeys = new Set<string>();
  private readonly dates: ListedDate[] = [];
  private readonly dateKeys = new Set<string>();
  private readonly places: string[] = [];
  private readonly nationalities: string[] = [];
  private readonly documents: ListedDocument[] = [];
  private readonly documentKeys = new Set<string>();
  private readonly programs: string[] = [];
  private gender?: Gender;
  private remarks?: string;
  private listedOn?: string;

  constructor(
    readonly listId: string,
    readonly entryId: string,
    private kind: EntryKind,
  ) {}

  setKind(kind: EntryKind): this {
    this.kind = kind;
    return this;
  }

  get nameCount(): number {
    return this.names.length;
  }

  /** Adds a name; a name already present (any type, same spelling ignoring case) is not repeated. */
  name(full: string | undefined, type: NameType, parts?: { surname?: string; givenNames?: string }): this {
    const text = clean(full).slice(0, MAX_NAME_LENGTH);
    if (!text) return this;
    const key = text.toUpperCase();
    if (this.nameKeys.has(key)) return this;
    this.nameKeys.add(key);
    const name: ListedName = { full: text, type };
    const surname = clean(parts?.surname);
    const givenNames = clean(parts?.givenNames);
    if (surname) name.surname = surname;
    if (givenNames) name.givenNames = givenNames;
    this.names.push(name);
    return this;
  }

  date(value: ListedDate | undefined): this {
    if (!value) return this;
    const key = `${value.date ?? ''}|${value.from ?? ''}|${value.to ?? ''}|${value.qualifier ?? ''}`;
    if (!this.dateKeys.has(key)) {
      this.dateKeys.add(key);
      this.dates.push(value);
    }
    return this;
  }

  place(value: string | undefined): this {
    const text = clean(value);
    if (text && !this.places.includes(text)) this.places.push(text);
    return this;
  }

  nationality(code: string | undefined): this {
    if (code && !this.nationalities.includes(code)) this.nationalities.push(code);
    return this;
  }

  document(doc: ListedDocument): this {
    const number = clean(doc.number).slice(0, MAX_DOCUMENT_NUMBER_LENGTH);
    if (!number) return this;
    const key = `${doc.type}|${number.toUpperCase()}|${doc.issuer ?? ''}`;
    if (this.documentKeys.has(key)) return this;
    this.documentKeys.add(key);
    const out: ListedDocument = { type: doc.type, number };
    if (doc.issuer) out.issuer = doc.issuer;
    const note = clean(doc.note);
    if (note) out.note = note;
    this.documents.push(out);
    return this;
  }

  program(value: string | undefined): this {
    const text = clean(value);
    if (text && !this.programs.includes(text)) this.programs.push(text);
    return this;
  }

  setGender(value: Gender | undefined): this {
    if (value) this.gender = value;
    return this;
  }

  setRemarks(value: string | undefined): this {
    const text = clean(value);
    if (text) this.remarks = text.slice(0, MAX_REMARKS_LENGTH);
    return this;
  }

  setListedOn(value: string | undefined): this {
    if (value) this.listedOn = value;
    return this;
  }

  build(): WatchlistEntry {
    const entry: WatchlistEntry = {
      listId: this.listId,
      entryId: this.entryId,
      kind: this.kind,
      names: this.names,
      datesOfBirth: this.dates,
      placesOfBirth: this.places,
      nationalities: this.nationalities,
      documents: this.documents,
      programs: this.programs,
    };
    if (this.gender) entry.gender = this.gender;
    if (this.remarks) entry.remarks = this.remarks;
    if (this.listedOn) entry.listedOn = this.listedOn;
    return entry;
  }
}

/** Male/Female/M/F (any case) to the ICAO sex code; anything else is not a gender we can use. */
export function genderCode(value: string | undefined): Gender | undefined {
  const v = clean(value).toUpperCase();
  if (v === 'M' || v === 'MALE') return 'M';
  if (v === 'F' || v === 'FEMALE') return 'F';
  if (v === 'X') return 'X';
  return undefined;
}

/**
 * "FAMILY, Given Names" → parts (OFAC writes individuals family name first; UN aliases often do).
 * A name with no comma, or more than one, has no parts we can trust.
 */
export function commaNameParts(name: string): { surname?: string; givenNames?: string } {
  const parts = name.split(',');
  if (parts.length !== 2) return {};
  const surname = clean(parts[0]);
  const givenNames = clean(parts[1]);
  return surname && givenNames ? { surname, givenNames } : {};
}
