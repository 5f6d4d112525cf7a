import { pinyin } from 'pinyin-pro';

import { BoundedCache } from './bounded-cache';
import { mccuneReischauer, revisedRomanization } from './hangul.step';

/**
 * The Latin spellings a Chinese or Korean name part is listed under: for Han its pinyin (the token's text)
 * and Wade–Giles (Taiwan, Hong Kong, older Western lists: 蒋介石 Chiang Chieh-shih, 毛泽东 Mao Tse-tung);
 * for Hangul the matching form (the token's text), Revised Romanization and McCune–Reischauer (김정은 Kim
 * Jong Un, Kim Chong-un). A Latin part meets such a part only as one of these or a romanisation variant of
 * one (vowels, confusable consonants, h), never as a typo: one character is one syllable, and a syllable
 * one letter away is another syllable (陈 CHEN is not CHENG; 丁 DING is not MING).
 */
export function nativeSpellings(text: string, native: string): readonly string[] {
  const key = `${text}\u0001${native}`;
  return MEMO.get(key) ?? MEMO.set(key, spellingsOf(text, native));
}

const MEMO = new BoundedCache<readonly string[]>(20000);
const HANGUL = /\p{Script=Hangul}/u;

function spellingsOf(text: string, native: string): readonly string[] {
  const out = new Set([text]);
  if (HANGUL.test(native)) {
    out.add(revisedRomanization(native));
    out.add(mccuneReischauer(native));
  } else {
    const syllables = hanSyllables(text, native);
    if (syllables) out.add(syllables.map(wadeGiles).join(''));
  }
  return [...out];
}

/** The token's pinyin cut at its characters (a surname may read differently alone: 单 shan, not dan). */
function hanSyllables(text: string, native: string): string[] | undefined {
  const chars = [...native];
  if (chars.length === 1) return [text];
  for (const surname of ['off', 'head'] as const) {
    const syllables = pinyin(native, { toneType: 'none', type: 'array', surname }).map((s) =>
      s.replace(/ü/g, 'u').replace(/v/g, 'u'),
    );
    if (syllables.length === chars.length && syllables.join('') === text) return syllables;
  }
  return undefined;
}

/** Syllables Wade–Giles spells whole. */
const WHOLE: Readonly<Record<string, string>> = {
  zhi: 'chih',
  chi: 'chih',
  shi: 'shih',
  ri: 'jih',
  zi: 'tzu',
  ci: 'tzu',
  si: 'ssu',
  er: 'erh',
  yi: 'i',
  you: 'yu',
  yan: 'yen',
  ye: 'yeh',
  yong: 'yung',
  yue: 'yueh',
};
/** Pinyin initials as Wade–Giles writes them without its aspiration apostrophe (p for b and p). */
const INITIALS: Readonly<Record<string, string>> = {
  b: 'p',
  d: 't',
  g: 'k',
  zh: 'ch',
  j: 'ch',
  q: 'ch',
  x: 'hs',
  z: 'ts',
  c: 'ts',
  r: 'j',
};

/** One toneless pinyin syllable (ü written u) in Wade–Giles without apostrophes or diaereses. */
export function wadeGiles(syllable: string): string {
  const whole = WHOLE[syllable];
  if (whole) return whole;
  const [, initial = '', final] = /^(zh|ch|sh|[bpmfdtnlgkhjqxzcsryw])?(.*)$/.exec(syllable) ?? [];
  let rest = final ?? '';
  const velar = initial === 'g' || initial === 'k' || initial === 'h';
  if (rest === 'e' && velar) rest = 'o';
  else if (rest === 'uo' && !velar && initial !== 'sh') rest = 'o';
  else if (rest === 'ui' && (initial === 'g' || initial === 'k')) rest = 'uei';
  else
    rest = rest.replace(/^ie$/, 'ieh').replace(/^ue$/, 'ueh').replace(/^ian$/, 'ien').replace(/ong$/, 'ung');
  return (INITIALS[initial] ?? initial) + rest;
}
