import { canonicalCode, type Finding, hasNonAscii } from '@paxscreen/contracts';

import { readCountry } from '../normalize/country';
import { CenturyRule, parseEdiDate } from '../normalize/dates';
import { readGender } from '../normalize/gender';
import { finding, FindingPlace } from './finding';

/**
 * Reads one coded field and reports what was wrong with it as `field` (at `segment`, when given).
 * Messages name the field, never the value: findings are shown to carriers and logged. The place
 * is built only for a finding: these run several times per traveller.
 */
export function countryField(
  raw: string | undefined,
  into: Finding[],
  field: string,
  segment?: number,
): string | undefined {
  if (!raw || !raw.trim()) return undefined;
  // Codes are ASCII (ICAO 9303); look-alike letters are folded so the code still compares, and said.
  let sent = raw;
  if (hasNonAscii(raw)) {
    into.push(
      finding(
        'NON_ASCII_COUNTRY_CODE',
        `${field}: code holds characters other than ASCII letters; read as their look-alikes`,
        at(field, segment),
      ),
    );
    sent = canonicalCode(raw);
  }
  const { code, issue } = readCountry(sent);
  if (issue === 'ALPHA2')
    into.push(
      finding('ALPHA2_COUNTRY_CODE', `${field}: alpha-2 code converted to alpha-3`, at(field, segment)),
    );
  else if (issue === 'UNKNOWN')
    into.push(
      finding(
        'UNKNOWN_COUNTRY_CODE',
        `${field}: code is not ISO 3166 or ICAO; kept as sent`,
        at(field, segment),
      ),
    );
  else if (issue === 'INVALID')
    into.push(finding('INVALID_COUNTRY_CODE', `${field}: not a country code; dropped`, at(field, segment)));
  return code;
}

/** How a date field is read: its EDIFACT format code (when sent), century rule and reference year. */
export interface DateReading {
  format?: string;
  rule: CenturyRule;
  refYear: number;
}

export function dateField(
  raw: string | undefined,
  { format, rule, refYear }: DateReading,
  into: Finding[],
  field: string,
  segment?: number,
): string | undefined {
  const parsed = parseEdiDate(raw ?? '', format, rule, refYear);
  if (parsed === null) into.push(finding('INVALID_DATE', `${field}: not a valid date`, at(field, segment)));
  return parsed ?? undefined;
}

export function genderField(raw: string | undefined, into: Finding[], field: string, segment?: number) {
  const reading = readGender(raw);
  if (reading.issue === 'INVALID')
    into.push(finding('INVALID_GENDER', `${field}: unknown code`, at(field, segment)));
  return reading;
}

function at(field: string, segment: number | undefined): FindingPlace {
  return segment === undefined ? { field } : { segment, field };
}
