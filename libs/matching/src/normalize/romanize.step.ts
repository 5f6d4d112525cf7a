import anyAscii from 'any-ascii';
import { pinyin } from 'pinyin-pro';

import { BoundedCache } from './bounded-cache';
import { arabicToLatin, isArabicScript } from './arabic.step';
import { cyrillicToLatin, hasIcaoCyrillic } from './cyrillic.step';
import { hangulMatchingSyllable, isHangulSyllable, revisedRomanization } from './hangul.step';
import { hebrewToLatin, isHebrewScript } from './hebrew.step';
import { isKana, kanaToLatin } from './kana.step';

/** One romanised word: Latin text (may hold several tokens) and whether its script writes few vowels. */
export interface RomanizedWord {
  text: string;
  /** Arabic, Hebrew and Brahmic scripts: the Latin output lacks short vowels, compare consonant skeletons. */
  vowelPoor: boolean;
  /**
   * Chinese, Japanese kanji and Korean: each romanised name part with the characters it came from. One
   * character is one syllable there, so two such parts in the same script compare by their characters.
   */
  parts?: { text: string; native: string }[];
}

/**
 * Scripts whose romanisation drops unwritten or inherent vowels (Arabic محمد → mhmd, Hindi मोदी → modi), or
 * whose matching form writes fewer vowels than the Latin spellings it meets (kana ミドル → midl, Hangul 정 →
 * jong against RR jeong).
 */
const VOWEL_POOR =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Katakana}\p{Script=Hiragana}\p{Script=Hangul}]/u;
const HAN = /\p{Script=Han}/u;
const GERESH = /['׳’`]/;
const HANGUL = /\p{Script=Hangul}/u;
/** Anything beyond ASCII (the Latin output of every step is ASCII). */
const NON_ASCII = /[\u0080-\uffff]/;
/** Separators inside transliterated foreign names in Chinese and Japanese (贝拉克·奥巴马). */
const NAME_DOTS = /[·・･]/;

/**
 * Korean surnames as they are customarily romanised in passports and lists (Revised Romanisation would
 * give Gim, I, Bak, Choe). The usual spelling is what the other side of a comparison will hold.
 */
const KOREAN_SURNAMES: Readonly<Record<string, string>> = {
  gim: 'kim',
  i: 'lee',
  ri: 'ri',
  bak: 'park',
  choe: 'choi',
  jeong: 'jung',
  gang: 'kang',
  jo: 'cho',
  yun: 'yoon',
  jang: 'jang',
  im: 'lim',
  han: 'han',
  o: 'oh',
  seo: 'seo',
  sin: 'shin',
  gwon: 'kwon',
  hwang: 'hwang',
  an: 'ahn',
  song: 'song',
  yu: 'yoo',
  hong: 'hong',
  go: 'ko',
  mun: 'moon',
  yang: 'yang',
  son: 'son',
  bae: 'bae',
  baek: 'baek',
  heo: 'heo',
  no: 'noh',
  ha: 'ha',
  gu: 'koo',
  gwak: 'kwak',
};

type Part = { text: string; native: string };

/** Surname first, the given-name syllables joined (习近平 → xi jinping); a dotted foreign name joins all. */
function splitSyllables(chars: string[], syllables: string[], joinAll: boolean, surname?: string): Part[] {
  if (syllables.length === 0) return [];
  if (joinAll || syllables.length === 1 || syllables.length > 4) {
    return [{ text: syllables.join(''), native: chars.join('') }];
  }
  return [
    { text: surname ?? syllables[0], native: chars[0] },
    { text: syllables.slice(1).join(''), native: chars.slice(1).join('') },
  ];
}

/** Chinese: pinyin without tones, one syllable per character, surnames read as surnames. */
function romanizeHan(run: string, joinAll: boolean): Part[] {
  const chars = [...run];
  const syllables = pinyin(run, { toneType: 'none', type: 'array', surname: 'head' }).map((s) =>
    s.replace(/ü/g, 'u').replace(/v/g, 'u'),
  );
  return syllables.length === chars.length ? splitSyllables(chars, syllables, joinAll) : [];
}

/**
 * Korean: syllables in the matching form between Revised Romanization and McCune–Reischauer (see
 * hangul.step), surname first with its customary spelling (looked up by its Revised Romanization).
 */
function romanizeHangul(run: string, standalone: boolean): Part[] {
  const chars = [...run];
  const syllables = chars.map((c) =>
    isHangulSyllable(c) ? hangulMatchingSyllable(c) : anyAscii(c).toLowerCase(),
  );
  const surname = KOREAN_SURNAMES[revisedRomanization(chars[0])];
  if (syllables.length === 1)
    return [{ text: standalone ? (surname ?? syllables[0]) : syllables[0], native: run }];
  return splitSyllables(chars, syllables, false, surname);
}

/**
 * Romanises one whitespace-free word (already NFKC and lower case). Latin passes through; Cyrillic follows
 * ICAO 9303; Arabic script uses the matching table; Chinese uses pinyin; Hangul uses Revised Romanisation;
 * every other script uses AnyAscii's transliteration tables.
 */
export function romanizeWord(
  word: string,
  context: { hasNameDots: boolean; wordCount: number },
): RomanizedWord {
  if (!NON_ASCII.test(word)) return { text: word, vowelPoor: false };
  // Names repeat, and pinyin look-ups are slow: remember recent words (the result depends on the context).
  const key = `${context.hasNameDots ? 1 : 0}${context.wordCount > 1 ? 1 : 0}${word}`;
  const known = MEMO.get(key);
  if (known) return known;
  return MEMO.set(key, romanizeUncached(word, context));
}

const MEMO_SIZE = 50000;
const MEMO = new BoundedCache<RomanizedWord>(MEMO_SIZE);

function romanizeUncached(word: string, context: { hasNameDots: boolean; wordCount: number }): RomanizedWord {
  const vowelPoor = VOWEL_POOR.test(word);
  let out = '';
  let run = '';
  let runKind: 'arabic' | 'hebrew' | 'kana' | 'han' | 'hangul' | undefined;
  const parts: Part[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    if (runKind === 'arabic') out += arabicToLatin(run);
    else if (runKind === 'hebrew') out += hebrewToLatin(run);
    else if (runKind === 'kana') out += kanaToLatin(run);
    else if (runKind === 'han' || runKind === 'hangul') {
      // A name written as several words (美雲 子睿 劉) has its parts apart already: join each word's syllables.
      const p =
        runKind === 'han'
          ? romanizeHan(run, context.hasNameDots || context.wordCount > 1)
          : romanizeHangul(run, context.wordCount > 1);
      parts.push(...p);
      out += ` ${p.map((x) => x.text).join(' ')} `;
    } else out += run;
    run = '';
  };
  for (const ch of word) {
    let kind: typeof runKind;
    if (isArabicScript(ch)) kind = 'arabic';
    // A geresh after a Hebrew letter belongs to it (ג'ורג' → jorj).
    else if (isHebrewScript(ch) || (runKind === 'hebrew' && GERESH.test(ch))) kind = 'hebrew';
    else if (isKana(ch)) kind = 'kana';
    else if (HAN.test(ch)) kind = 'han';
    else if (HANGUL.test(ch)) kind = 'hangul';
    if (kind !== runKind) flush();
    runKind = kind;
    if (kind) run += ch;
    else if (hasIcaoCyrillic(ch)) out += cyrillicToLatin(ch);
    else if (NAME_DOTS.test(ch)) out += ' ';
    else out += ch;
  }
  flush();
  // AnyAscii covers the remaining scripts and strips Latin diacritics as a side effect.
  const text = NON_ASCII.test(out) ? anyAscii(out).toLowerCase() : out;
  return parts.length > 0 ? { text: text.trim(), vowelPoor, parts } : { text: text.trim(), vowelPoor };
}

/** True when the text has name-separating dots used by CJK transliterations of foreign names. */
export function hasNameDots(text: string): boolean {
  return NAME_DOTS.test(text);
}
