/**
 * Folds Latin letters to ASCII: diacritics dropped (Erdoğan → erdogan), ligatures and special letters spelt
 * out (ß → ss, æ → ae, ø → o, ł → l, þ → th). Runs after romanisation, so only Latin and digits remain;
 * anything else that survives is dropped by the tokenizer.
 */
const SPECIAL_LATIN: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŋ: 'n',
  ĳ: 'ij',
  ſ: 's',
  ə: 'a',
  ɑ: 'a',
  ʻ: "'",
  ʼ: "'",
  ʿ: "'",
  ʾ: "'",
  '’': "'",
  '‘': "'",
  '`': "'",
  '´': "'",
};
const COMBINING_MARKS = /\p{M}+/gu;
const SPECIAL = /[ßæœøłđðþıħŋĳſəɑʻʼʿʾ’‘`´]/g;

export function foldLatin(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(SPECIAL, (ch) => SPECIAL_LATIN[ch] ?? ch);
}
