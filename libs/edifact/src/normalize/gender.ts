import type { Gender } from '@paxscreen/contracts';

/**
 * ICAO 9303 sex codes. PAXLST ATT 9019 uses M/F/U (and X since D12B); SSR DOCS adds MI/FI for
 * infants; JSON manifests may spell words. `issue` says whether the value was absent or unknown.
 */
const GENDERS: Readonly<Record<string, Gender>> = {
  M: 'M',
  F: 'F',
  X: 'X',
  U: 'U',
  MI: 'M',
  FI: 'F',
  MALE: 'M',
  FEMALE: 'F',
  UNSPECIFIED: 'X',
  UNKNOWN: 'U',
};

export interface GenderReading {
  gender: Gender;
  issue?: 'MISSING' | 'INVALID';
  infant?: boolean;
}

/** Readings are shared (frozen): one per traveller made a measurable share of a parse's garbage. */
const READINGS: Readonly<Record<string, Readonly<GenderReading>>> = Object.fromEntries(
  Object.entries(GENDERS).map(([code, gender]) => [
    code,
    Object.freeze(code === 'MI' || code === 'FI' ? { gender, infant: true } : { gender }),
  ]),
);
const MISSING: Readonly<GenderReading> = Object.freeze({ gender: 'U', issue: 'MISSING' });
const INVALID: Readonly<GenderReading> = Object.freeze({ gender: 'U', issue: 'INVALID' });

export function readGender(raw: string | undefined): Readonly<GenderReading> {
  const v = (raw ?? '').trim().toUpperCase();
  if (v === '') return MISSING;
  return (Object.hasOwn(GENDERS, v) ? READINGS[v] : undefined) ?? INVALID;
}
