import { countryCode, countryKey, isCanonicalCountryCode } from './country-code';

describe('countryCode', () => {
  it.each([
    // codes
    ['USA', 'USA'],
    ['GB', 'GBR'],
    ['D', 'DEU'],
    ['XXA', 'XXA'],
    ['XKX', 'RKS'],
    // alpha-2 codes ISO reserves for another use, read as carriers' data reads them
    ['UK', 'GBR'],
    ['EL', 'GRC'],
    // ISO English names
    ['Afghanistan', 'AFG'],
    ['Russian Federation', 'RUS'],
    ['Russia', 'RUS'],
    ['United States of America', 'USA'],
    ['Democratic Republic of the Congo', 'COD'],
    ['United Republic of Tanzania', 'TZA'],
    ["Côte d'Ivoire", 'CIV'],
    // UN spellings
    ['Iran (Islamic Republic of)', 'IRN'],
    ["Democratic People's Republic of Korea", 'PRK'],
    ['United Kingdom of Great Britain and Northern Ireland', 'GBR'],
    ['Syrian Arab Republic', 'SYR'],
    ['Türkiye', 'TUR'],
    ['State of Palestine', 'PSE'],
    ['Bolivia (Plurinational State of)', 'BOL'],
    ['Venezuela (Bolivarian Republic of)', 'VEN'],
    ['Netherlands (Kingdom of the)', 'NLD'],
    ['Viet Nam', 'VNM'],
    ['Congo', 'COG'],
    // OFAC spellings
    ['Korea, North', 'PRK'],
    ['Korea, South', 'KOR'],
    ['Burma', 'MMR'],
    ['Congo, Democratic Republic of the', 'COD'],
    ['North Macedonia, The Republic of', 'MKD'],
    ['The Gambia', 'GMB'],
    ['Cabo Verde', 'CPV'],
    ['Hong Kong', 'HKG'],
    ['Kosovo', 'RKS'],
    ['Palestinian', 'PSE'],
    ['Region: Gaza', 'PSE'],
    ['nationality: Eritrean', 'ERI'],
    ['  iran  ', 'IRN'],
  ])('%s → %s', (name, code) => {
    expect(countryCode(name)).toBe(code);
  });

  it.each([['na'], [''], ['CHI'], ['Atlantis'], ['Soviet Union']])('%j is not a known country', (name) => {
    expect(countryCode(name)).toBeUndefined();
  });

  it('normalises keys without punctuation or diacritics', () => {
    expect(countryKey("  Côte d'Ivoire ")).toBe('cote divoire');
  });

  it('tells a canonical code (a setting such as the home economy) from one it would convert or not know', () => {
    for (const code of ['USA', 'GBR', 'RKS', 'XXA']) expect(isCanonicalCountryCode(code)).toBe(true);
    for (const code of ['', 'US', 'usa', 'D', 'XKX', 'ZZZ', 'United States'])
      expect(isCanonicalCountryCode(code)).toBe(false);
  });
});
