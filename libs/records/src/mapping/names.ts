import anyAscii from 'any-ascii';

/** Upper-case ASCII words of a name: accents, scripts and punctuation folded away. */
export function nameWords(...parts: string[]): string[] {
  return anyAscii(parts.join(' '))
    .toUpperCase()
    .split(/[^A-Z]+/)
    .filter((w) => w.length > 0);
}

/** "GIVEN NAMES SURNAME" in upper-case ASCII: what trigram search compares. */
export function nameSearchText(givenNames: string, surname: string): string {
  return nameWords(givenNames, surname).join(' ');
}

/** Vowels (and Y, a vowel in most transliterations) carry most spelling variation. */
const VOWELS = /[AEIOUY]/g;

/**
 * The consonant skeleton of one word: vowels dropped, doubled letters collapsed (MUHAMMAD → MHMD,
 * MOHAMED → MHMD, ALY → L, ALI → L). A word of vowels only keeps its first letter.
 */
export function wordSkeleton(word: string): string {
  const consonants = word.replace(VOWELS, '').replace(/(.)\1+/g, '$1');
  return consonants.length > 0 ? consonants : word[0];
}

/**
 * The skeletons of a name's words, sorted (name order differs between sources): transliteration
 * variants of the same name share it ("Muhammad Aly" and "MOHAMED ALI" are both `L MHMD`).
 */
export function nameSkeleton(givenNames: string, surname: string): string {
  return nameWords(givenNames, surname).map(wordSkeleton).sort().join(' ');
}
