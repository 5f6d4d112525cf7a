import { getAlpha3Codes } from 'i18n-iso-countries';

import { alpha2Of, readCountry } from './country';

describe('readCountry', () => {
  it.each([
    ['GBR', { code: 'GBR' }],
    ['gbr', { code: 'GBR' }],
    ['GB', { code: 'GBR', issue: 'ALPHA2' }],
    ['UK', { code: 'GBR', issue: 'ALPHA2' }],
    ['KR', { code: 'KOR', issue: 'ALPHA2' }],
    ['D', { code: 'DEU' }],
    ['XXA', { code: 'XXA' }],
    ['UTO', { code: 'UTO' }],
    ['XKX', { code: 'RKS' }],
    ['EUE', { code: 'EUE' }],
    ['QQQ', { code: 'QQQ', issue: 'UNKNOWN' }],
    ['QQ', { issue: 'INVALID' }],
    ['12', { issue: 'INVALID' }],
    ['', { issue: 'INVALID' }],
  ])('%s → %o', (raw, expected) => {
    expect(readCountry(raw)).toEqual(expected);
  });

  it('knows every ISO 3166-1 alpha-3 code of i18n-iso-countries', () => {
    for (const alpha3 of Object.keys(getAlpha3Codes())) expect(readCountry(alpha3)).toEqual({ code: alpha3 });
  });

  it('gives alpha-2 back for writers', () => {
    expect(alpha2Of('FRA')).toBe('FR');
    expect(alpha2Of('XXA')).toBeUndefined();
  });
});
