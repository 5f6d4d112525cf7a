/**
 * Arabic-script (Arabic, Persian, Urdu) → Latin, written for matching rather than for reading.
 * Arabic writes long vowels only, so the output is a consonant skeleton with the long vowels that are
 * written (محمد → mhmd, حسين → husin); the name comparison knows such tokens are vowel-poor (see
 * `ABJAD` in tokens) and compares their skeletons. The article ال becomes a separate `al` particle.
 * The table follows common English usage for names (ش sh, خ kh, ق q, ع and ء dropped).
 */
const CONSONANTS: Readonly<Record<string, string>> = {
  ب: 'b',
  ت: 't',
  ث: 'th',
  ج: 'j',
  ح: 'h',
  خ: 'kh',
  د: 'd',
  ذ: 'dh',
  ر: 'r',
  ز: 'z',
  س: 's',
  ش: 'sh',
  ص: 's',
  ض: 'd',
  ط: 't',
  ظ: 'z',
  ع: '',
  غ: 'gh',
  ف: 'f',
  ق: 'q',
  ك: 'k',
  ل: 'l',
  م: 'm',
  ن: 'n',
  ه: 'h',
  ء: '',
  پ: 'p',
  چ: 'ch',
  ژ: 'zh',
  گ: 'g',
  ک: 'k',
  ٹ: 't',
  ڈ: 'd',
  ڑ: 'r',
  ں: 'n',
  ھ: 'h',
  ڤ: 'v',
  ۀ: 'h',
};
/** Letters that are vowels or semivowels depending on their neighbours. */
const ALEFS: Readonly<Record<string, string>> = {
  ا: 'a',
  أ: 'a',
  إ: 'i',
  آ: 'a',
  ٱ: 'a',
  ى: 'a',
  ة: 'a',
  ۃ: 'a',
};
const WAW = new Set(['و', 'ؤ']);
const YEH = new Set(['ي', 'ی', 'ئ', 'ے', 'ې', 'ۍ']);
/** Optional vowel marks (harakat): used when present. Shadda, sukun and tanween add nothing. */
const MARKS: Readonly<Record<string, string>> = { '\u064e': 'a', '\u0650': 'i', '\u064f': 'u' };
const SILENT = new Set(['\u064b', '\u064c', '\u064d', '\u0651', '\u0652', '\u0640', '\u0670']);
const ARABIC_DIGIT_ZERO = 0x0660;
const PERSIAN_DIGIT_ZERO = 0x06f0;

const isVowelLetter = (ch: string | undefined): boolean =>
  ch !== undefined && (ch in ALEFS || WAW.has(ch) || YEH.has(ch));

function romanizeWord(word: string): string {
  if (word === 'الله' || word === 'اللہ') return 'allah';
  // عبدالله, written as one word, is abd + allah.
  if (word.length > 4 && word.endsWith('الله')) return `${romanizeWord(word.slice(0, -4))}allah`;
  let prefix = '';
  let letters = [...word];
  // The article ال (and its spelling after the preposition لل) is a particle of its own.
  if (letters.length > 3 && letters[0] === 'ا' && letters[1] === 'ل') {
    prefix = 'al ';
    letters = letters.slice(2);
  }
  let out = '';
  for (let i = 0; i < letters.length; i++) {
    const ch = letters[i];
    const prev = letters[i - 1];
    const next = letters[i + 1];
    // A word-initial ain or hamza carries the vowel Latin spellings start with (عمر → amr ~ Omar).
    if (i === 0 && (ch === 'ع' || ch === 'ء')) out += 'a';
    else if (ch in CONSONANTS) out += CONSONANTS[ch];
    else if (ch in ALEFS) out += ALEFS[ch];
    else if (ch in MARKS) out += MARKS[ch];
    else if (SILENT.has(ch)) continue;
    else if (WAW.has(ch)) {
      // A semivowel at the start, next to a vowel letter, or before a final yeh (موسوی → muswi).
      const consonantal =
        i === 0 || isVowelLetter(prev) || (next !== undefined && next in ALEFS) || YEH.has(next ?? '');
      out += consonantal ? 'w' : 'u';
    } else if (YEH.has(ch)) {
      const consonantal =
        i === 0 || (prev !== undefined && prev in ALEFS) || (next !== undefined && next in ALEFS);
      out += consonantal ? 'y' : 'i';
    } else {
      const code = ch.codePointAt(0) ?? 0;
      if (code >= ARABIC_DIGIT_ZERO && code <= ARABIC_DIGIT_ZERO + 9) out += String(code - ARABIC_DIGIT_ZERO);
      else if (code >= PERSIAN_DIGIT_ZERO && code <= PERSIAN_DIGIT_ZERO + 9)
        out += String(code - PERSIAN_DIGIT_ZERO);
      else out += ch;
    }
  }
  return prefix + out;
}

/** True for the code points this step handles (Arabic block, supplement and presentation forms after NFKC). */
export function isArabicScript(ch: string): boolean {
  return /\p{Script=Arabic}/u.test(ch);
}

/** Romanises a run of Arabic-script text (words separated by spaces or the zero-width non-joiner). */
export function arabicToLatin(text: string): string {
  return text
    .split(/[\s\u200c]+/)
    .filter((w) => w.length > 0)
    .map(romanizeWord)
    .join(' ');
}
