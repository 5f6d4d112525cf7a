/**
 * Hebrew → Latin, written for matching rather than for reading. Unpointed Hebrew writes consonants and
 * only some vowels, through the "mothers of reading" (matres lectionis) א ה ו י: the output is a consonant
 * skeleton with the vowels those letters stand for, and the name comparison treats it as vowel-poor (the
 * vowels only the Latin side writes cost little, see `vowelInVowelPoor`). Final forms (ך ם ן ף ץ) read as
 * their letters; a geresh (ג׳ j, ז׳ zh, צ׳ ch, ת׳ th, ד׳ dh, ח׳ kh) marks the sounds Hebrew borrows for
 * foreign names. Niqqud, when present, gives the vowels it writes.
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  ב: 'b',
  ג: 'g',
  ד: 'd',
  ז: 'z',
  ח: 'h',
  ט: 't',
  כ: 'k',
  ך: 'kh',
  ל: 'l',
  מ: 'm',
  ם: 'm',
  נ: 'n',
  ן: 'n',
  ס: 's',
  פ: 'p',
  ף: 'f',
  צ: 'ts',
  ץ: 'ts',
  ק: 'k',
  ר: 'r',
  ש: 'sh',
  ת: 't',
};
/** Letters with a geresh: the sounds of foreign names (ג׳ורג׳ → jorj). */
const WITH_GERESH: Readonly<Record<string, string>> = {
  ג: 'j',
  ז: 'zh',
  צ: 'ch',
  ץ: 'ch',
  ת: 'th',
  ד: 'dh',
  ח: 'kh',
};
const GERESH = new Set(["'", '׳', '’', '`']);
/** Niqqud vowel points (used when a name is pointed); the other marks add nothing. */
const POINTS: Readonly<Record<string, string>> = {
  '\u05b4': 'i',
  '\u05b5': 'e',
  '\u05b6': 'e',
  '\u05b7': 'a',
  '\u05b8': 'a',
  '\u05b9': 'o',
  '\u05ba': 'o',
  '\u05bb': 'u',
  '\u05b1': 'e',
  '\u05b2': 'a',
  '\u05b3': 'o',
};
const MARK = /[\u0591-\u05c7]/;

function romanizeWord(word: string): string {
  const letters = [...word];
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i];
    const next = letters[i + 1];
    const last = i === letters.length - 1 || (i === letters.length - 2 && GERESH.has(next ?? ''));
    if (GERESH.has(ch)) continue;
    if (ch in POINTS) {
      out += POINTS[ch];
      continue;
    }
    if (MARK.test(ch)) continue;
    if (next !== undefined && GERESH.has(next) && ch in WITH_GERESH) {
      out += WITH_GERESH[ch];
      continue;
    }
    switch (ch) {
      case 'א':
      case 'ע':
        // Alef and ayin carry a vowel: an a when no vowel letter follows (יאקאבאווסקי → yakabavski).
        if (next !== 'ו' && next !== 'י') out += 'a';
        break;
      case 'ה':
        // A final he is a silent vowel ending (קג׳יטה → kajit ~ Kajita).
        if (!last) out += 'h';
        break;
      case 'ו':
        // A doubled vav, or one that starts the word, is v/w; otherwise it writes o or u.
        if (next === '\u05b9' || next === '\u05bc') {
          // Holam or shuruk on the vav: the vowel o or u.
          out += next === '\u05b9' ? 'o' : 'u';
          i++;
        } else if (next === 'ו') {
          out += 'v';
          i++;
        } else out += i === 0 ? 'v' : 'o';
        break;
      case 'י':
        // A doubled yod is y (or the diphthong ei/ai); a single one writes i, or y before a vowel letter.
        if (next === 'י') {
          out += 'y';
          i++;
        } else out += i === 0 && next !== undefined ? 'y' : 'i';
        break;
      default:
        out += CONSONANTS[ch] ?? ch;
    }
  }
  return out;
}

/** True for Hebrew letters and points. */
export function isHebrewScript(ch: string): boolean {
  return /\p{Script=Hebrew}/u.test(ch);
}

/** Romanises a run of Hebrew text (words separated by spaces or maqaf). */
export function hebrewToLatin(text: string): string {
  return text
    .split(/[\s\u05be-]+/)
    .filter((w) => w.length > 0)
    .map(romanizeWord)
    .join(' ');
}
