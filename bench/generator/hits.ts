import { join } from 'node:path';

import type { WatchlistEntry } from '@paxscreen/contracts';
import { readListFile } from '@paxscreen/lists';

import { randomBirthDate } from './people';
import { LETTERS, Random } from './random';

/**
 * True hits: listed people (UN consolidated, OFAC SDN 2021) travelling under their listed name as
 * carriers would report it, with realistic perturbations. Every planted traveller keeps the list
 * entry it came from (the ground truth).
 */
export const HIT_LISTS = [
  join(__dirname, '..', '..', 'data', 'lists', 'UN_consolidated.xml'),
  join(__dirname, '..', '..', 'data', 'lists', 'ofac_sdn_2021'),
];

export type Perturbation = 'typo' | 'order' | 'translit' | 'original-script' | 'partial-dob' | 'alias';

/** How often each perturbation is applied to a planted hit (several may combine). */
export const PERTURBATION_RATES: Readonly<Record<Perturbation, number>> = {
  /** One letter inserted, deleted, replaced or two swapped, in one name part. */
  typo: 0.3,
  /** Given names and surname swapped (a common data-entry error). */
  order: 0.15,
  /** Another romanisation (MOHAMMED / MUHAMMAD, KH / H, OU / U, …). */
  translit: 0.25,
  /** The name in its original script, where the list gives one (UN Arabic names). */
  'original-script': 0.1,
  /** Only the year (or year and month) of birth. */
  'partial-dob': 0.2,
  /** Travelling under a listed alias instead of the primary name. */
  alias: 0.2,
};

export interface ListedPerson {
  entry: WatchlistEntry;
}

export interface PlantedIdentity {
  listId: string;
  entryId: string;
  perturbations: Perturbation[];
  surname: string;
  givenNames: string;
  dateOfBirth?: string;
  nationality?: string;
}

let listed: WatchlistEntry[] | undefined;

/** Listed people usable as travellers: a person with a name of at least two parts. */
export async function listedPeople(): Promise<WatchlistEntry[]> {
  if (listed) return listed;
  const out: WatchlistEntry[] = [];
  for (const file of HIT_LISTS) {
    const read = await readListFile(file);
    for (const e of read.entries as WatchlistEntry[]) {
      if (e.kind !== 'PERSON') continue;
      if (!e.names.some((n) => n.type !== 'original' && splitName(n).given !== '')) continue;
      out.push(e);
    }
  }
  listed = out;
  return out;
}

function splitName(n: WatchlistEntry['names'][number]): { surname: string; given: string } {
  if (n.surname) return { surname: n.surname.toUpperCase(), given: (n.givenNames ?? '').toUpperCase() };
  const parts = n.full.toUpperCase().replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (parts.length < 2) return { surname: parts[0] ?? '', given: '' };
  return { surname: parts[parts.length - 1], given: parts.slice(0, -1).join(' ') };
}

/** Romanisation variants seen between lists, passports and reservation systems. */
const VARIANTS: readonly [RegExp, string][] = [
  [/\bMOHAMMED\b/, 'MUHAMMAD'],
  [/\bMUHAMMAD\b/, 'MOHAMED'],
  [/\bMOHAMMAD\b/, 'MOHAMMED'],
  [/\bAHMED\b/, 'AHMAD'],
  [/\bAHMAD\b/, 'AHMED'],
  [/\bABDUL /, 'ABDUL'],
  [/\bAL[- ]/, 'AL'],
  [/KH/, 'H'],
  [/OU/, 'U'],
  [/DH/, 'Z'],
  [/Q/, 'K'],
  [/EI/, 'EY'],
  [/Y\b/, 'I'],
  [/W/, 'V'],
  [/J/, 'DJ'],
  [/([A-Z])\1/, '$1'],
  [/SH/, 'CH'],
];

function transliterate(name: string, random: Random): string {
  const applicable = VARIANTS.filter(([re]) => re.test(name));
  if (applicable.length === 0) return name;
  const [re, to] = random.pick(applicable);
  return name.replace(re, to);
}

export function typo(name: string, random: Random): string {
  const parts = name.split(' ');
  const eligible = parts.map((p, i) => (p.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (eligible.length === 0) return name;
  const k = random.pick(eligible);
  const w = parts[k];
  const pos = 1 + random.int(w.length - 2);
  const letter = random.pick([...LETTERS]);
  switch (random.int(4)) {
    case 0:
      parts[k] = w.slice(0, pos) + w.slice(pos + 1);
      break;
    case 1:
      parts[k] = w.slice(0, pos) + letter + w.slice(pos);
      break;
    case 2:
      parts[k] = w.slice(0, pos) + letter + w.slice(pos + 1);
      break;
    default:
      parts[k] = w.slice(0, pos - 1) + w[pos] + w[pos - 1] + w.slice(pos + 1);
  }
  return parts.join(' ');
}

/** A listed person as a traveller, perturbed; the entry is the ground truth. */
export function plantedIdentity(entry: WatchlistEntry, random: Random): PlantedIdentity {
  const perturbations: Perturbation[] = [];
  const usable = entry.names.filter((n) => n.type !== 'original' && splitName(n).given !== '');
  const aliases = usable.filter((n) => n.type !== 'primary');
  let chosen = usable.find((n) => n.type === 'primary') ?? usable[0];
  if (aliases.length > 0 && random.chance(PERTURBATION_RATES.alias)) {
    chosen = random.pick(aliases);
    perturbations.push('alias');
  }
  let { surname, given } = splitName(chosen);
  const original = entry.names.find((n) => n.type === 'original');
  if (original && random.chance(PERTURBATION_RATES['original-script'])) {
    const parts = original.full.split(/\s+/);
    surname = parts[parts.length - 1];
    given = parts.slice(0, -1).join(' ');
    perturbations.push('original-script');
  } else {
    if (random.chance(PERTURBATION_RATES.translit)) {
      const before = `${given}|${surname}`;
      if (random.chance(0.5)) surname = transliterate(surname, random);
      else given = transliterate(given, random);
      if (`${given}|${surname}` !== before) perturbations.push('translit');
    }
    if (random.chance(PERTURBATION_RATES.typo)) {
      if (random.chance(0.5) && surname.length >= 4) surname = typo(surname, random);
      else given = typo(given, random);
      perturbations.push('typo');
    }
  }
  if (random.chance(PERTURBATION_RATES.order)) {
    [surname, given] = [given, surname];
    perturbations.push('order');
  }
  const full = entry.datesOfBirth.find((d) => d.date && d.date.length === 10)?.date;
  const partial =
    entry.datesOfBirth.find((d) => d.date)?.date ?? entry.datesOfBirth.find((d) => d.from)?.from;
  let dateOfBirth = full ?? (partial && partial.length === 10 ? partial : undefined);
  if (dateOfBirth && random.chance(PERTURBATION_RATES['partial-dob'])) {
    dateOfBirth = random.chance(0.7) ? dateOfBirth.slice(0, 4) : dateOfBirth.slice(0, 7);
    perturbations.push('partial-dob');
  } else if (!dateOfBirth) {
    // Listed with a year (or nothing): the passport still has a full date; take one in that year.
    dateOfBirth = partial ? `${partial.slice(0, 4)}${randomBirthDate(random).slice(4)}` : undefined;
  }
  return {
    listId: entry.listId,
    entryId: entry.entryId,
    perturbations,
    surname: surname.trim() || given.trim(),
    givenNames: surname.trim() ? given.trim() : '',
    dateOfBirth,
    nationality: entry.nationalities[0],
  };
}
