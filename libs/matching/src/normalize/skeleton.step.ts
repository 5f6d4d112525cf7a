import { BoundedCache } from './bounded-cache';

/**
 * A consonant skeleton: the phonetic key under which spellings of one name across transliterations meet
 * (Mohammed, Muhammad, Mohamad → MHMT; Wladimir, Vladimir → FLTMR; Husayn, Hussein → HSN; Laden, Ladin →
 * LTN). Vowels are dropped except a leading one (kept as A), consonants fold into classes that
 * transliterations confuse (b/p, f/v/w/ph, c/k/q/g, s/z/sh/ch/ts, t/d/th/dh), doubled letters count once.
 * Used to find candidates in the index and to compare vowel-poor romanisations; it is deliberately coarse,
 * the scorer decides with an edit distance.
 */
const DIGRAPHS: readonly (readonly [RegExp, string])[] = [
  [/shch|tsch|sch|tch|sh|ch|cz|sz|ts|tz/g, 's'],
  [/dzh|dj|zh/g, 'j'],
  [/kh/g, 'h'],
  [/gh/g, 'g'],
  [/ph/g, 'f'],
  [/th|dh/g, 't'],
  [/ck|qu/g, 'k'],
  [/x/g, 'ks'],
  [/c(?=[eiy])/g, 's'],
];
const CLASSES: Readonly<Record<string, string>> = {
  b: 'B',
  p: 'B',
  f: 'F',
  v: 'F',
  w: 'F',
  c: 'K',
  k: 'K',
  q: 'K',
  g: 'K',
  j: 'J',
  s: 'S',
  z: 'S',
  t: 'T',
  d: 'T',
  l: 'L',
  r: 'R',
  m: 'M',
  n: 'N',
  h: 'H',
};
const VOWELS = new Set(['a', 'e', 'i', 'o', 'u', 'y']);

/** Skeletons of recent tokens (names repeat). */
const SKELETONS = new BoundedCache<string>(50000);

export function skeletonKey(token: string): string {
  return SKELETONS.get(token) ?? SKELETONS.set(token, computeSkeleton(token));
}

function computeSkeleton(token: string): string {
  let s = token;
  for (const [pattern, replacement] of DIGRAPHS) s = s.replace(pattern, replacement);
  let out = '';
  let last = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (VOWELS.has(ch)) {
      if (i === 0) out += 'A';
      last = '';
      continue;
    }
    const cls = CLASSES[ch];
    if (cls === undefined) {
      // Digits keep their value: "44" and "forty four" meet as the same number token.
      if (ch >= '0' && ch <= '9') out += ch;
      last = '';
      continue;
    }
    if (cls === last) continue;
    out += cls;
    last = cls;
  }
  return out;
}
