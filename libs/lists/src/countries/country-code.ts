import { ALPHA2_ALIASES, ICAO_ONLY_COUNTRY_CODES } from '@paxscreen/contracts';

import codes from 'i18n-iso-countries/codes.json';
import english from 'i18n-iso-countries/langs/en.json';

import { COUNTRY_ALIASES } from './country-aliases';

/**
 * One mapping from country names and codes to ISO 3166-1 alpha-3 (or an ICAO 9303 document code),
 * used by every reader. Sources: the ISO English names shipped by `i18n-iso-countries` (several
 * spellings per country), then COUNTRY_ALIASES for UN/OFAC spellings and demonyms. A name the table
 * does not know gives `undefined`; readers turn that into a finding, never a guess.
 */

/** Lower case, no diacritics, no apostrophes, other punctuation as spaces, single spaces. */
export function countryKey(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/['\u2019`.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const ALPHA2_TO_3 = new Map<string, string>();
const ALPHA3 = new Set<string>();
for (const [alpha2, alpha3] of codes as string[][]) {
  ALPHA2_TO_3.set(alpha2, alpha3);
  ALPHA3.add(alpha3);
}
for (const [alias, alpha3] of Object.entries(ALPHA2_ALIASES)) ALPHA2_TO_3.set(alias, alpha3);

const BY_NAME = buildNameIndex();

function buildNameIndex(): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  const names = (english as { countries: Record<string, string | string[]> }).countries;
  for (const [alpha2, spelled] of Object.entries(names)) {
    const alpha3 = ALPHA2_TO_3.get(alpha2);
    if (!alpha3) continue;
    for (const name of Array.isArray(spelled) ? spelled : [spelled]) {
      const key = countryKey(name);
      if (!owners.has(key)) owners.set(key, new Set());
      owners.get(key)!.add(ICAO_ONLY_COUNTRY_CODES[alpha3] ?? alpha3);
    }
  }
  const index = new Map<string, string>();
  // A spelling shared by two countries ("Congo") is left to the alias table.
  for (const [key, set] of owners) if (set.size === 1) index.set(key, [...set][0]);
  for (const [key, alpha3] of Object.entries(COUNTRY_ALIASES)) index.set(key, alpha3);
  return index;
}

const LABEL_PREFIX = /^(nationality|citizenship|citizen|country|region)\s*:\s*/i;

/**
 * The alpha-3 code for a country name or code, or `undefined` when it is not known.
 * Accepts: alpha-3 and alpha-2 codes (upper case), ICAO document codes, English names in ISO, UN and
 * OFAC spellings ("Iran (Islamic Republic of)", "Korea, North", "Congo, Democratic Republic of the").
 */
export function countryCode(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  const raw = value.trim().replace(LABEL_PREFIX, '');
  if (!raw) return undefined;
  if (/^[A-Z]{1,3}$/.test(raw)) {
    const code = ICAO_ONLY_COUNTRY_CODES[raw] ?? (ALPHA3.has(raw) ? raw : ALPHA2_TO_3.get(raw));
    if (code) return ICAO_ONLY_COUNTRY_CODES[code] ?? code;
  }
  for (const key of candidateKeys(raw)) {
    const hit = BY_NAME.get(key);
    if (hit) return hit;
  }
  return undefined;
}

/** Spellings to try, most literal first: as given, without "the", "X, Y" as "Y X", without "(…)". */
function candidateKeys(raw: string): string[] {
  const out: string[] = [];
  const push = (s: string): void => {
    const key = countryKey(s);
    if (key && !out.includes(key)) out.push(key);
    const noThe = key.replace(/^the /, '');
    if (noThe && !out.includes(noThe)) out.push(noThe);
  };
  push(raw);
  const comma = /^([^,]+),\s*(.+)$/.exec(raw);
  if (comma) push(`${comma[2]} ${comma[1]}`);
  const paren = /^(.+?)\s*\(.*\)\s*$/.exec(raw);
  if (paren) push(paren[1]);
  return out;
}

/** True for an alpha-3 or ICAO code the readers accept as is. */
export function isCountryCode(code: string): boolean {
  return ALPHA3.has(code) || code in ICAO_ONLY_COUNTRY_CODES;
}

/**
 * True for a code already in the form the readers write (ISO alpha-3, or the ICAO code where ISO
 * has none; not `D` nor alpha-2): what a setting compared with travellers' codes must be, such as
 * the home economy of the screening service and of `paxscreen screen`.
 */
export function isCanonicalCountryCode(code: string): boolean {
  return code !== '' && countryCode(code) === code;
}
