import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import anyAscii from 'any-ascii';

import type { Gender } from '@paxscreen/contracts';
import { countryCode, parseCsvRecords } from '@paxscreen/lists';

import { DIGITS, LETTERS, Random } from './random';

/**
 * The people who fly: a pool of 50,000 synthetic identities in many scripts (Latin with and
 * without diacritics, Arabic, Han, Hangul, Cyrillic) from the yente global negatives set
 * (data/lists/eval, see its SOURCES.md), none of them on a list. Travellers mix a given name and
 * a surname of two pool rows of the same script, so the traffic has far more distinct people than
 * rows while every name stays plausible for its script and country.
 */
const POOL_FILE = join(__dirname, '..', '..', 'data', 'lists', 'eval', 'yente_cgb_negatives_global.csv');
const FALLBACK_NATIONALITIES = ['GBR', 'USA', 'FRA', 'DEU', 'CHN', 'IND', 'NGA', 'BRA', 'JPN', 'EGY'];
const FIRST_BIRTH_YEAR = 1935;
const BIRTH_YEARS = 85;

export type Script = 'latin' | 'latin-ext' | 'arabic' | 'han' | 'hangul' | 'cyrillic';

export interface PoolPerson {
  given: string;
  surname: string;
  gender: Gender;
  dateOfBirth?: string;
  nationality?: string;
  placeOfBirth?: string;
  script: Script;
}

export function scriptOf(name: string): Script {
  if (/[\u0600-\u06ff]/.test(name)) return 'arabic';
  if (/[\u0400-\u04ff]/.test(name)) return 'cyrillic';
  if (/[\u4e00-\u9fff]/.test(name)) return 'han';
  if (/[\uac00-\ud7af]/.test(name)) return 'hangul';
  // eslint-disable-next-line no-control-regex -- any character above ASCII means diacritics here
  return /[^\x00-\x7f]/.test(name) ? 'latin-ext' : 'latin';
}

let pool: Map<Script, PoolPerson[]> | undefined;

/** The pool by script (read once per process). */
export function peoplePool(): Map<Script, PoolPerson[]> {
  if (pool) return pool;
  pool = new Map();
  const codes = new Map<string, string | undefined>();
  const code = (country: string) => {
    if (!codes.has(country)) codes.set(country, countryCode(country));
    return codes.get(country);
  };
  for (const r of parseCsvRecords(readFileSync(POOL_FILE, 'utf8'))) {
    if (!r.first_name || !r.last_name) continue;
    const script = scriptOf(r.full_name);
    const person: PoolPerson = {
      given: [r.first_name, r.middle_name].filter(Boolean).join(' '),
      surname: r.last_name,
      gender: r.gender === 'female' ? 'F' : r.gender === 'male' ? 'M' : 'U',
      dateOfBirth: /^\d{4}-\d{2}-\d{2}$/.test(r.date_of_birth) ? r.date_of_birth : undefined,
      nationality: code(r.nationality),
      placeOfBirth: r.place_of_birth || undefined,
      script,
    };
    if (!pool.has(script)) pool.set(script, []);
    pool.get(script)!.push(person);
  }
  return pool;
}

/**
 * Share of travellers per script of the name as sent. Most advance data is romanised from the
 * passport's machine-readable zone; a minority of carriers send names in the original script.
 */
export const SCRIPT_SHARES: Readonly<Record<Script, number>> = {
  latin: 62,
  'latin-ext': 18,
  arabic: 7,
  han: 6,
  hangul: 4,
  cyrillic: 3,
};

/** A new person: given name(s) of one pool row, surname of another of the same script. */
export function randomPerson(random: Random): PoolPerson {
  const byScript = peoplePool();
  const script = random.weighted(SCRIPT_SHARES);
  const rows = byScript.get(script) ?? byScript.get('latin')!;
  const a = random.pick(rows);
  const b = random.pick(rows);
  return {
    ...a,
    surname: b.surname,
    dateOfBirth: a.dateOfBirth ?? randomBirthDate(random),
    nationality: a.nationality ?? random.pick(FALLBACK_NATIONALITIES),
  };
}

export function randomBirthDate(random: Random): string {
  const y = FIRST_BIRTH_YEAR + random.int(BIRTH_YEARS);
  return `${y}-${String(random.between(1, 12)).padStart(2, '0')}-${String(random.between(1, 28)).padStart(2, '0')}`;
}

/**
 * A name part as a reservation system holds it: romanised (any-ascii), upper case, letters and
 * spaces only. PNRs cannot carry other scripts, so PNRGOV names are always romanised.
 */
export function romanise(name: string): string {
  return anyAscii(name)
    .toUpperCase()
    .replace(/[^A-Z ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A passport number: two letters and seven digits, unique for the `serial` (base 36 inside). */
export function documentNumber(random: Random, serial: number): string {
  const s = serial.toString(36).toUpperCase().padStart(6, '0');
  return `${random.chars(LETTERS, 2)}${s}${random.chars(DIGITS, 1)}`;
}
