import { type Gender, PARTIAL_DATE_PATTERN } from '@paxscreen/contracts';
import { parseCsvRecords } from '@paxscreen/lists';

import { MatchQuery } from '../model';

/** Columns of the yente candidate-generation benchmark CSV (and of `paxscreen match --queries`). */
export const YENTE_COLUMNS = [
  'full_name',
  'first_name',
  'middle_name',
  'last_name',
  'gender',
  'date_of_birth',
  'place_of_birth',
  'nationality',
] as const;

const GENDERS: Readonly<Record<string, Gender>> = {
  male: 'M',
  m: 'M',
  female: 'F',
  f: 'F',
  x: 'X',
  other: 'X',
};

/** Turns a country as written (alpha-2, alpha-3 or a name) into alpha-3; undefined when unknown. */
export type CountryResolver = (value: string) => string | undefined;

/** One yente-layout row → a person query (names, date of birth, place of birth, nationality, gender). */
export function yenteQuery(row: Readonly<Record<string, string>>, country: CountryResolver): MatchQuery {
  const given = [row.first_name, row.middle_name]
    .map((s) => s?.trim())
    .filter(Boolean)
    .join(' ');
  const surname = row.last_name?.trim();
  const fullName = row.full_name?.trim() || [given, surname].filter(Boolean).join(' ');
  const dob = row.date_of_birth?.trim();
  const nationality = row.nationality?.trim() ? country(row.nationality.trim()) : undefined;
  const gender = GENDERS[row.gender?.trim().toLowerCase() ?? ''];
  return {
    kind: 'PERSON',
    fullName,
    ...(given ? { givenNames: given } : {}),
    ...(surname ? { surname } : {}),
    ...(dob && PARTIAL_DATE_PATTERN.test(dob) ? { dateOfBirth: dob } : {}),
    ...(nationality ? { nationality } : {}),
    ...(gender ? { gender } : {}),
    ...(row.place_of_birth?.trim() ? { placeOfBirth: row.place_of_birth.trim() } : {}),
  };
}

/** Reads a yente-layout CSV into queries (in row order). */
export function readYenteQueries(text: string, country: CountryResolver): MatchQuery[] {
  return parseCsvRecords(text).map((r) => yenteQuery(r, country));
}
