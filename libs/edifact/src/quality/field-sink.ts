import type { Finding } from '@paxscreen/contracts';

import { readCountry } from '../normalize/country';
import { CenturyRule, parseEdiDate } from '../normalize/dates';
import { readGender } from '../normalize/gender';
import { finding, FindingPlace } from './finding';

/**
 * Reads one coded field and reports what was wrong with it at the given place. Messages name the
 * field, never the value: findings are shown to carriers and logged.
 */
export function countryField(
  raw: string | undefined,
  into: Finding[],
  place: FindingPlace,
): string | undefined {
  if (!raw || !raw.trim()) return undefined;
  const { code, issue } = readCountry(raw);
  const field = place.field ?? 'country';
  if (issue === 'ALPHA2')
    into.push(finding('ALPHA2_COUNTRY_CODE', `${field}: alpha-2 code converted to alpha-3`, place));
  else if (issue === 'UNKNOWN')
    into.push(finding('UNKNOWN_COUNTRY_CODE', `${field}: code is not ISO 3166 or ICAO; kept as sent`, place));
  else if (issue === 'INVALID')
    into.push(finding('INVALID_COUNTRY_CODE', `${field}: not a country code; dropped`, place));
  return code;
}

export function dateField(
  raw: string | undefined,
  format: string | undefined,
  rule: CenturyRule,
  refYear: number,
  into: Finding[],
  place: FindingPlace,
): string | undefined {
  const parsed = parseEdiDate(raw ?? '', format, rule, refYear);
  if (parsed === null)
    into.push(finding('INVALID_DATE', `${place.field ?? 'date'}: not a valid date`, place));
  return parsed ?? undefined;
}

export function genderField(raw: string | undefined, into: Finding[], place: FindingPlace) {
  const reading = readGender(raw);
  if (reading.issue === 'INVALID')
    into.push(finding('INVALID_GENDER', `${place.field ?? 'gender'}: unknown code`, place));
  return reading;
}
