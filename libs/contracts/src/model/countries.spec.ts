import { NATIONALITY_PATTERN } from './codes';
import { ICAO_ONLY_COUNTRY_CODES } from './countries';

describe('ICAO-only country codes', () => {
  it.each([
    ['D', 'DEU'],
    ['XKX', 'RKS'],
    ['XKK', 'RKS'],
    ['XXA', 'XXA'],
    ['UTO', 'UTO'],
    ['GBN', 'GBN'],
  ])('%s reads as %s', (code, canonical) => {
    expect(ICAO_ONLY_COUNTRY_CODES[code]).toBe(canonical);
  });

  it('maps every code to a canonical form the nationality pattern accepts, itself canonical', () => {
    for (const canonical of Object.values(ICAO_ONLY_COUNTRY_CODES)) {
      expect(canonical).toMatch(NATIONALITY_PATTERN);
      if (canonical in ICAO_ONLY_COUNTRY_CODES) expect(ICAO_ONLY_COUNTRY_CODES[canonical]).toBe(canonical);
    }
  });
});
