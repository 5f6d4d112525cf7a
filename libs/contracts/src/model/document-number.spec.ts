import { canonicalCode, canonicalDocumentNumber, documentKey, hasNonAscii } from './document-number';

describe('canonicalDocumentNumber', () => {
  it.each([
    ['plain ASCII', 'XA0000101'],
    ['lower case, spaces, dashes and filler', 'xa-000 0101<<'],
    ['Cyrillic Х and А', '\u0425\u04100000101'],
    ['Greek Χ and Α', '\u03a7\u03910000101'],
    ['lower-case Cyrillic', '\u0445\u04300000101'],
    ['a zero-width space', 'XA000\u200b0101'],
    ['a soft hyphen', 'XA00\u00ad00101'],
    ['a BOM and a word joiner', '\ufeffXA0000\u2060101'],
    ['a right-to-left mark', 'XA0000\u200f101'],
    ['full-width letters and digits', '\uff38\uff21\uff10\uff10\uff10\uff10\uff11\uff10\uff11'],
    ['mathematical bold digits', 'XA\u{1d7ce}\u{1d7ce}\u{1d7ce}\u{1d7ce}101'],
    ['an accent on a letter', 'X\u00c00000101'],
    ['a combining mark', 'XA\u03010000101'],
    ['a non-breaking space', 'XA0000\u00a0101'],
  ])('folds %s to the ASCII number', (_label, raw) => {
    expect(canonicalDocumentNumber(raw)).toBe('XA0000101');
  });

  it('keeps a letter that looks like no Latin one, so it matches nothing ASCII', () => {
    expect(canonicalDocumentNumber('XA\u04160000101')).toBe('XA\u04160000101');
  });

  it.each([
    ['FRA', 'FRA'],
    [' fra ', 'FRA'],
    ['\u0425\u0410\u0410', 'XAA'],
    ['\uff46\uff52\uff41', 'FRA'],
    ['F\u200bRA', 'FRA'],
  ])('canonicalCode(%j) is %s', (raw, code) => {
    expect(canonicalCode(raw)).toBe(code);
  });

  it('flags anything but printable ASCII', () => {
    expect(hasNonAscii('XA0000101')).toBe(false);
    expect(hasNonAscii('XA000\u200b0101')).toBe(true);
    expect(hasNonAscii('XA0000101\u0000')).toBe(true);
  });

  it('builds one key for issuer and number in compared form', () => {
    expect(documentKey('\u0425\u0410\u0410', 'xa 0000101')).toBe('XAA:XA0000101');
    expect(documentKey(undefined, 'A1')).toBe(':A1');
  });
});
