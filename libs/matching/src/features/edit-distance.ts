import { BoundedCache } from '../normalize/bounded-cache';
import { SIMILAR_CHARACTER_PAIRS } from '../normalize/data/rigour-names.data';

/**
 * Costs of the weighted Damerau–Levenshtein distance between two name tokens. Transliteration differences
 * cost less than typing errors: a vowel for a vowel (Mohammed/Muhammad), a confusable consonant (v/w, s/z,
 * c/k/q), a doubled letter (Zelensky/Zelenskyy), an h (Mohamed/Mohamed), a vowel missing from a vowel-poor
 * romanisation (Arabic mhmd / Mohammed).
 */
export const EDIT_COSTS = {
  substitution: 1,
  insertion: 1,
  transposition: 0.8,
  vowelForVowel: 0.5,
  confusable: 0.5,
  doubledLetter: 0.5,
  letterH: 0.5,
  vowelInVowelPoor: 0.2,
  /** Extra for a different first letter: typists rarely get it wrong, so it usually means another name (Janan/Manan). */
  firstLetter: 0.5,
} as const;

const VOWELS = 'aeiouy';
/** Consonant pairs that transliterations swap (in addition to rigour's visual/phonetic confusables). */
const TRANSLITERATION_PAIRS: readonly (readonly [string, string])[] = [
  ['v', 'w'],
  ['f', 'v'],
  ['s', 'z'],
  ['k', 'q'],
  ['g', 'q'],
  ['g', 'k'],
  ['b', 'p'],
  ['t', 'd'],
  ['j', 'y'],
  ['c', 's'],
  ['j', 'g'],
  ['z', 'c'],
];

// Substitution costs by character code (ASCII: tokens are folded to a-z and digits before they get here).
const ALPHABET = 128;
const SUBSTITUTION = new Float64Array(ALPHABET * ALPHABET).fill(EDIT_COSTS.substitution);
const IS_VOWEL = new Uint8Array(ALPHABET);
for (const v of VOWELS) IS_VOWEL[v.charCodeAt(0)] = 1;
for (let a = 0; a < ALPHABET; a++) {
  SUBSTITUTION[a * ALPHABET + a] = 0;
  for (let b = 0; b < ALPHABET; b++) {
    if (a !== b && IS_VOWEL[a] && IS_VOWEL[b]) SUBSTITUTION[a * ALPHABET + b] = EDIT_COSTS.vowelForVowel;
  }
}
for (const [x, y] of [...SIMILAR_CHARACTER_PAIRS, ...TRANSLITERATION_PAIRS]) {
  const a = x.charCodeAt(0);
  const b = y.charCodeAt(0);
  if (a < ALPHABET && b < ALPHABET && SUBSTITUTION[a * ALPHABET + b] > EDIT_COSTS.confusable) {
    SUBSTITUTION[a * ALPHABET + b] = EDIT_COSTS.confusable;
    SUBSTITUTION[b * ALPHABET + a] = EDIT_COSTS.confusable;
  }
}
/**
 * Against a vowel-poor romanisation l and r are also confusable: Japanese has one liquid (ミラー Miller,
 * マルケス Marquez), and a vowel-poor token is already compared leniently. Latin against Latin keeps them
 * apart (Lima / Rima).
 */
const SUBSTITUTION_VOWEL_POOR = SUBSTITUTION.slice();
{
  const l = 'l'.charCodeAt(0);
  const r = 'r'.charCodeAt(0);
  SUBSTITUTION_VOWEL_POOR[l * ALPHABET + r] = EDIT_COSTS.confusable;
  SUBSTITUTION_VOWEL_POOR[r * ALPHABET + l] = EDIT_COSTS.confusable;
}
const H = 'h'.charCodeAt(0);
/** A cost no distance within an allowance reaches: the edit is not allowed at all. */
const BARRED = 1e6;
/**
 * Which edits a distance allows: `any`; `romanisation`, the edits romanisations of one syllable differ by
 * (a vowel for a vowel, a confusable consonant, h, a doubled letter, a vowel against a vowel-poor form:
 * Korean's RR, McCune–Reischauer and passport spellings); `spelling`, only h and doubled letters (a
 * pinyin or Wade–Giles syllable written with or without its aspiration h). Outside `any`, a plain
 * substitution or consonant is another syllable (DING / MING, CHEN / CHENG) and a swap a typo.
 */
export type EditsAllowed = 'any' | 'romanisation' | 'spelling';
const barred = (table: Float64Array, below: number): Float64Array =>
  table.map((cost) => (cost >= below ? BARRED : cost));
const SUBSTITUTIONS: Readonly<Record<EditsAllowed, readonly [Float64Array, Float64Array]>> = {
  any: [SUBSTITUTION, SUBSTITUTION_VOWEL_POOR],
  romanisation: [
    barred(SUBSTITUTION, EDIT_COSTS.substitution),
    barred(SUBSTITUTION_VOWEL_POOR, EDIT_COSTS.substitution),
  ],
  spelling: [barred(SUBSTITUTION, Number.MIN_VALUE), barred(SUBSTITUTION_VOWEL_POOR, Number.MIN_VALUE)],
};

/** Spelling folds applied to both tokens before the distance (ph = f, ou = u, kh = h, x = ks, …). */
const FOLDS: readonly (readonly [RegExp, string])[] = [
  // A leading x is a sibilant in pinyin and Portuguese (Xi ~ Shi ~ Si), a medial one is ks (Alexander).
  [/^x/, 's'],
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/kh/g, 'h'],
  [/dzh|dj/g, 'j'],
  [/x/g, 'ks'],
  [/ou/g, 'u'],
  [/oo/g, 'u'],
  [/ee/g, 'i'],
];

/** Forms of recent tokens (names repeat). */
const FORMS = new BoundedCache<string>(50000);

export function comparisonForm(token: string): string {
  return FORMS.get(token) ?? FORMS.set(token, foldSpelling(token));
}

function foldSpelling(token: string): string {
  let s = token;
  for (const [pattern, replacement] of FOLDS) s = s.replace(pattern, replacement);
  return s;
}

function substitutionCost(a: number, b: number, table: Float64Array): number {
  return a < ALPHABET && b < ALPHABET ? table[a * ALPHABET + b] : a === b ? 0 : EDIT_COSTS.substitution;
}

/** Cost of each character of `s` being present there and absent from the other token (see `EditsAllowed`). */
function gapCosts(s: string, otherVowelPoor: boolean, allowed: EditsAllowed, out: Float64Array): void {
  for (let i = 0; i < s.length; i++) {
    const ch = s.charCodeAt(i);
    const vowel = ch < ALPHABET && IS_VOWEL[ch] === 1;
    const doubled = i > 0 && s.charCodeAt(i - 1) === ch;
    if (otherVowelPoor && vowel && allowed !== 'spelling') out[i] = EDIT_COSTS.vowelInVowelPoor;
    // Only the second letter of a pair is cheap: Castillo → Castro drops both l's, and pays for one.
    else if (doubled) out[i] = EDIT_COSTS.doubledLetter;
    else if (ch === H) out[i] = EDIT_COSTS.letterH;
    else if (allowed === 'spelling' || (allowed === 'romanisation' && !vowel)) out[i] = BARRED;
    else out[i] = EDIT_COSTS.insertion;
  }
}

// Reusable buffers: the distance runs millions of times in an eval and must not allocate.
let rowPrev2 = new Float64Array(64);
let rowPrev = new Float64Array(64);
let rowCur = new Float64Array(64);
let gapA = new Float64Array(64);
let gapB = new Float64Array(64);

const BAG = new Int32Array(ALPHABET);
/** Cheapest substitution of one character by another (see EDIT_COSTS). */
const MIN_SUBSTITUTION = Math.min(EDIT_COSTS.vowelForVowel, EDIT_COSTS.confusable, EDIT_COSTS.substitution);
/** Cheapest gap of a character (a vowel against a vowel-poor token, or a doubled letter or h). */
const MIN_GAP = Math.min(EDIT_COSTS.doubledLetter, EDIT_COSTS.letterH, EDIT_COSTS.insertion);
const MIN_GAP_VOWEL_POOR = Math.min(MIN_GAP, EDIT_COSTS.vowelInVowelPoor);

/**
 * A lower bound of the distance from the letters alone (a "bag distance"): the x letters of `a` that `b`
 * lacks and the y letters of `b` that `a` lacks must each be substituted or dropped, whatever the order.
 * Matches and transpositions cost nothing here, so the bound never exceeds the true distance. Returns 0 for
 * characters beyond ASCII (no bound claimed).
 */
function bagDistance(a: string, b: string, aVowelPoor: boolean, bVowelPoor: boolean): number {
  const n = a.length;
  const m = b.length;
  for (let i = 0; i < n; i++) {
    const ch = a.charCodeAt(i);
    if (ch >= ALPHABET) {
      for (let k = 0; k < i; k++) BAG[a.charCodeAt(k)] = 0;
      return 0;
    }
    BAG[ch]++;
  }
  let onlyB = 0;
  let ascii = true;
  for (let j = 0; j < m; j++) {
    const ch = b.charCodeAt(j);
    if (ch >= ALPHABET) ascii = false;
    else if (BAG[ch] > 0) BAG[ch]--;
    else onlyB++;
  }
  let onlyA = 0;
  for (let i = 0; i < n; i++) {
    const ch = a.charCodeAt(i);
    onlyA += BAG[ch];
    BAG[ch] = 0;
  }
  if (!ascii) return 0;
  // Dropping a letter of `a` is cheapest when `b` is vowel-poor (a vowel), and vice versa.
  const gapA = bVowelPoor ? MIN_GAP_VOWEL_POOR : MIN_GAP;
  const gapB = aVowelPoor ? MIN_GAP_VOWEL_POOR : MIN_GAP;
  // s substitutions plus the drops left over: piecewise linear in s, so minimal at s = 0, min or max.
  const low = onlyA < onlyB ? onlyA : onlyB;
  const high = onlyA < onlyB ? onlyB : onlyA;
  const none = gapA * onlyA + gapB * onlyB;
  const some = MIN_SUBSTITUTION * low + gapA * (onlyA - low) + gapB * (onlyB - low);
  const all = MIN_SUBSTITUTION * high;
  return Math.min(none, some, all);
}

/**
 * Weighted Damerau–Levenshtein (optimal string alignment) distance. `aVowelPoor` / `bVowelPoor`: that
 * token came from a script without written short vowels, so vowels only the other token has are cheap.
 * `allowed`: which edits count (`EditsAllowed`; one barred puts the pair beyond any limit). Returns
 * `Infinity` as soon as the distance is known to exceed `limit` (from the letters alone, or once every
 * path does).
 */
export function weightedDistance(
  a: string,
  b: string,
  aVowelPoor = false,
  bVowelPoor = false,
  limit = Infinity,
  allowed: EditsAllowed = 'any',
): number {
  if (limit !== Infinity && bagDistance(a, b, aVowelPoor, bVowelPoor) > limit) return Infinity;
  const n = a.length;
  const m = b.length;
  const size = Math.max(n, m) + 1;
  if (rowCur.length < size) {
    rowPrev2 = new Float64Array(size);
    rowPrev = new Float64Array(size);
    rowCur = new Float64Array(size);
    gapA = new Float64Array(size);
    gapB = new Float64Array(size);
  }
  const table = SUBSTITUTIONS[allowed][aVowelPoor || bVowelPoor ? 1 : 0];
  const transposition = allowed === 'any' ? EDIT_COSTS.transposition : BARRED;
  gapCosts(a, bVowelPoor, allowed, gapA);
  gapCosts(b, aVowelPoor, allowed, gapB);
  rowPrev[0] = 0;
  for (let j = 1; j <= m; j++) rowPrev[j] = rowPrev[j - 1] + gapB[j - 1];
  for (let i = 1; i <= n; i++) {
    const deleteA = gapA[i - 1];
    rowCur[0] = rowPrev[0] + deleteA;
    let rowMin = rowCur[0];
    const ca = a.charCodeAt(i - 1);
    const caPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = rowPrev[j - 1] + substitutionCost(ca, cb, table);
      if (i === 1 && j === 1 && best - rowPrev[0] >= EDIT_COSTS.substitution) best += EDIT_COSTS.firstLetter;
      const del = rowPrev[j] + deleteA;
      if (del < best) best = del;
      const ins = rowCur[j - 1] + gapB[j - 1];
      if (ins < best) best = ins;
      if (j > 1 && ca !== cb && caPrev === cb && ca === b.charCodeAt(j - 2)) {
        const tr = rowPrev2[j - 2] + transposition;
        if (tr < best) best = tr;
      }
      rowCur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > limit) return Infinity;
    const t = rowPrev2;
    rowPrev2 = rowPrev;
    rowPrev = rowCur;
    rowCur = t;
  }
  return rowPrev[m];
}

/** True when `a` and `b` differ by at most one delete, insert, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a.length < b.length) [a, b] = [b, a];
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1) return false;
  let i = 0;
  while (i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (i === lb) return true; // equal, or one letter added at the end
  if (la > lb) return sameFrom(a, i + 1, b, i); // one letter inserted at i
  if (sameFrom(a, i + 1, b, i + 1)) return true; // substitution at i
  return (
    i + 1 < la &&
    a.charCodeAt(i) === b.charCodeAt(i + 1) &&
    a.charCodeAt(i + 1) === b.charCodeAt(i) &&
    sameFrom(a, i + 2, b, i + 2)
  );
}

/** `a` from `i` equals `b` from `j` (the rest of both). */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

// Scratch rows for withinTwoEdits (tokens are short; grown on demand).
let twoPrev2 = new Int32Array(32);
let twoPrev = new Int32Array(32);
let twoCur = new Int32Array(32);

/** True when `a` and `b` are at most two plain edits apart (optimal string alignment: delete, insert, substitute, swap). */
export function withinTwoEdits(a: string, b: string): boolean {
  const n = a.length;
  const m = b.length;
  if (n - m > 2 || m - n > 2) return false;
  if (twoCur.length <= m) {
    twoPrev2 = new Int32Array(m + 1);
    twoPrev = new Int32Array(m + 1);
    twoCur = new Int32Array(m + 1);
  }
  for (let j = 0; j <= m; j++) twoPrev[j] = j;
  for (let i = 1; i <= n; i++) {
    twoCur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let best = twoPrev[j - 1] + (ca === cb ? 0 : 1);
      if (twoPrev[j] + 1 < best) best = twoPrev[j] + 1;
      if (twoCur[j - 1] + 1 < best) best = twoCur[j - 1] + 1;
      if (
        i > 1 &&
        j > 1 &&
        ca === b.charCodeAt(j - 2) &&
        a.charCodeAt(i - 2) === cb &&
        twoPrev2[j - 2] + 1 < best
      )
        best = twoPrev2[j - 2] + 1;
      twoCur[j] = best;
      if (best < rowMin) rowMin = best;
    }
    if (rowMin > 2) return false;
    const t = twoPrev2;
    twoPrev2 = twoPrev;
    twoPrev = twoCur;
    twoCur = t;
  }
  return twoPrev[m] <= 2;
}
