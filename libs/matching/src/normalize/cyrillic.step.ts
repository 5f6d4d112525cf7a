/**
 * Cyrillic → Latin per ICAO Doc 9303 Part 3 (the transliteration printed in machine-readable passports),
 * so that a listed name in Cyrillic compares with the MRZ spelling a carrier sends (Путин → PUTIN,
 * Щербаков → SHCHERBAKOV, Юлия → IULIIA). Letters outside the ICAO table (Kazakh, Mongolian, …) are left
 * for the generic romaniser.
 */
const ICAO_9303_CYRILLIC: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  ґ: 'g',
  ѓ: 'g',
  д: 'd',
  ђ: 'd',
  е: 'e',
  ё: 'e',
  є: 'ie',
  ж: 'zh',
  з: 'z',
  ѕ: 'dz',
  и: 'i',
  і: 'i',
  ї: 'i',
  й: 'i',
  ј: 'j',
  к: 'k',
  ќ: 'k',
  л: 'l',
  љ: 'lj',
  м: 'm',
  н: 'n',
  њ: 'nj',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  ћ: 'c',
  у: 'u',
  ў: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  џ: 'dz',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

/** True when `ch` (one code point, lower case) has an ICAO 9303 transliteration. */
export function hasIcaoCyrillic(ch: string): boolean {
  return ch in ICAO_9303_CYRILLIC;
}

/** Transliterates lower-case Cyrillic text; other characters pass through unchanged. */
export function cyrillicToLatin(text: string): string {
  let out = '';
  for (const ch of text) out += ICAO_9303_CYRILLIC[ch] ?? ch;
  return out;
}
