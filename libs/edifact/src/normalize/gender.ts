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

export function readGender(raw: string | undefined): {
  gender: Gender;
  issue?: 'MISSING' | 'INVALID';
  infant?: boolean;
} {
  const v = (raw ?? '').trim().toUpperCase();
  if (v === '') return { gender: 'U', issue: 'MISSING' };
  const gender = GENDERS[v];
  if (!gender) return { gender: 'U', issue: 'INVALID' };
  return v === 'MI' || v === 'FI' ? { gender, infant: true } : { gender };
}
