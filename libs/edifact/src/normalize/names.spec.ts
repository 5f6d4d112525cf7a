import { joinNames, nameKey, normalizeName, stripPnrTitle } from './names';

describe('names', () => {
  it.each([
    ['Steur', 'STEUR'],
    ['  de  la   Cruz ', 'DE LA CRUZ'],
    ['müller', 'MÜLLER'],
    ['', ''],
  ])('normalizeName(%s) → %s', (raw, expected) => {
    expect(normalizeName(raw)).toBe(expected);
  });

  it('joins given and middle names', () => {
    expect(joinNames(['Andrea', undefined, ' Pat ', ''])).toBe('ANDREA PAT');
  });

  it.each([
    ['JOHNMR', 'JOHN'],
    ['MOLLYMRS', 'MOLLY'],
    ['ISABELLE MRS', 'ISABELLE'],
    ['KONG CHUN MRS', 'KONG CHUN'],
    ['WILLIAMS', 'WILLIAMS'],
    ['NINA MS', 'NINA'],
    ['SOPHY', 'SOPHY'],
    ['MR', 'MR'],
    ['AMR', 'AMR'],
  ])('stripPnrTitle(%s) → %s', (raw, expected) => {
    expect(stripPnrTitle(raw)).toBe(expected);
  });

  it('keys names without spaces', () => {
    expect(nameKey('BEL T')).toBe(nameKey('BELT'));
  });
});
