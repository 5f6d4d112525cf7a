import { ALPHA2_ALIASES, ICAO_ONLY_COUNTRY_CODES } from '@paxscreen/contracts';

import codes from 'i18n-iso-countries/codes.json';

/**
 * Country codes → ISO 3166-1 alpha-3, or an ICAO 9303 code where ISO has none. The ISO table is the
 * one `i18n-iso-countries` ships (its small codes.json only: loading the package entry would also
 * load every locale). The ICAO codes are `ICAO_ONLY_COUNTRY_CODES` (libs/contracts), the table
 * `libs/lists` reads too, so that traveller and list codes compare equal.
 */

const ALPHA3 = new Set<string>();
const ALPHA2_TO_3 = new Map<string, string>();
for (const [alpha2, alpha3] of codes as string[][]) {
  ALPHA3.add(alpha3);
  ALPHA2_TO_3.set(alpha2, alpha3);
}
for (const [alias, alpha3] of Object.entries(ALPHA2_ALIASES)) ALPHA2_TO_3.set(alias, alpha3);

/** How a code was read: as is, converted from alpha-2, unknown (kept), or not a code (dropped). */
export type CountryIssue = 'ALPHA2' | 'UNKNOWN' | 'INVALID';

export interface CountryReading {
  code?: string;
  issue?: CountryIssue;
}

const cache = new Map<string, CountryReading>();
const CACHE_LIMIT = 4096;
const ALPHA3_SHAPE = /^[A-Z]{3}$/;

export function readCountry(raw: string): CountryReading {
  const hit = cache.get(raw);
  if (hit) return hit;
  const reading = classify(raw.trim().toUpperCase());
  if (cache.size < CACHE_LIMIT) cache.set(raw, reading);
  return reading;
}

function classify(v: string): CountryReading {
  if (ALPHA3.has(v)) return { code: v };
  const icao = ICAO_ONLY_COUNTRY_CODES[v];
  if (icao) return { code: icao };
  const fromAlpha2 = ALPHA2_TO_3.get(v);
  if (fromAlpha2) return { code: fromAlpha2, issue: 'ALPHA2' };
  // An unknown three-letter code is kept (a new ICAO code, a typo an officer can still read).
  if (ALPHA3_SHAPE.test(v)) return { code: v, issue: 'UNKNOWN' };
  return { issue: 'INVALID' };
}

/** The alpha-2 code of an alpha-3 one (for writers that must emit alpha-2), when there is one. */
export function alpha2Of(alpha3: string): string | undefined {
  for (const [alpha2, code] of codes as string[][]) if (code === alpha3) return alpha2;
  return undefined;
}
