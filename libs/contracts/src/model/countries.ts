/**
 * ICAO Doc 9303 (part 3 §5) codes that are not ISO 3166-1 alpha-3 but appear on travel documents,
 * each mapped to its canonical form: Germany's D → DEU and Kosovo's three codes → RKS, so that a
 * traveller's code and a list's code compare equal; the rest stand for themselves (stateless and
 * refugee XXA/XXB/XXC/XXX, UN and EU documents, British nationality variants, the specimen UTO and
 * the organisations' codes). The one table that `libs/edifact` (carrier data) and `libs/lists`
 * (list data) both read.
 */
export const ICAO_ONLY_COUNTRY_CODES: Readonly<Record<string, string>> = {
  D: 'DEU',
  RKS: 'RKS',
  XKX: 'RKS',
  XKK: 'RKS',
  EUE: 'EUE',
  UNO: 'UNO',
  UNA: 'UNA',
  UNK: 'UNK',
  XXA: 'XXA',
  XXB: 'XXB',
  XXC: 'XXC',
  XXX: 'XXX',
  UTO: 'UTO',
  GBD: 'GBD',
  GBN: 'GBN',
  GBO: 'GBO',
  GBP: 'GBP',
  GBS: 'GBS',
  XBA: 'XBA',
  XIM: 'XIM',
  XCC: 'XCC',
  XCE: 'XCE',
  XCO: 'XCO',
  XEC: 'XEC',
  XPO: 'XPO',
  XES: 'XES',
  XMP: 'XMP',
  XOM: 'XOM',
  XDC: 'XDC',
};

/**
 * Alpha-2 codes that ISO 3166-1 reserves for another use but carriers and lists send for a country
 * ("UK" for GBR, the EU's "EL" for GRC). Read by `libs/edifact` and `libs/lists` alike.
 */
export const ALPHA2_ALIASES: Readonly<Record<string, string>> = { UK: 'GBR', EL: 'GRC' };
