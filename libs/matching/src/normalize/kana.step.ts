/**
 * Japanese kana (katakana and hiragana) → Latin by modified Hepburn, written for matching foreign names
 * as Japanese writes them (スチュワート Stewart, ミドル Middel): syllables as Hepburn spells them (shi, chi,
 * tsu, fu, ji), the small kana that form contracted and foreign sounds (キャ kya, ティ ti, ファ fa, ヴォ vo,
 * トゥ tu, ウィ wi, シェ she), the sokuon ッ doubling the next consonant, ン as n and the long-vowel mark ー
 * dropped (Hepburn's macron has no ASCII form, and the Latin spelling of a foreign name rarely doubles it).
 *
 * For matching, `kanaToLatin` also drops the vowels Japanese adds to close a foreign consonant (the u of
 * ス ク ブ ル フ ム and the o of ト ド: ミドル midoru → midr ~ Middel) and reads ラ行 at a consonant's place
 * as l; the result is vowel-poor, so the vowels only the Latin side writes cost little.
 */
/** Consonant, vowel, and whether the vowel is long (ー follows). */
type Syllable = { c: string; v: string; long?: boolean };

const ROWS: Readonly<Record<string, string>> = {
  ア: 'a', イ: 'i', ウ: 'u', エ: 'e', オ: 'o',
  カ: 'ka', キ: 'ki', ク: 'ku', ケ: 'ke', コ: 'ko',
  ガ: 'ga', ギ: 'gi', グ: 'gu', ゲ: 'ge', ゴ: 'go',
  サ: 'sa', シ: 'shi', ス: 'su', セ: 'se', ソ: 'so',
  ザ: 'za', ジ: 'ji', ズ: 'zu', ゼ: 'ze', ゾ: 'zo',
  タ: 'ta', チ: 'chi', ツ: 'tsu', テ: 'te', ト: 'to',
  ダ: 'da', ヂ: 'ji', ヅ: 'zu', デ: 'de', ド: 'do',
  ナ: 'na', ニ: 'ni', ヌ: 'nu', ネ: 'ne', ノ: 'no',
  ハ: 'ha', ヒ: 'hi', フ: 'fu', ヘ: 'he', ホ: 'ho',
  バ: 'ba', ビ: 'bi', ブ: 'bu', ベ: 'be', ボ: 'bo',
  パ: 'pa', ピ: 'pi', プ: 'pu', ペ: 'pe', ポ: 'po',
  マ: 'ma', ミ: 'mi', ム: 'mu', メ: 'me', モ: 'mo',
  ヤ: 'ya', ユ: 'yu', ヨ: 'yo',
  ラ: 'ra', リ: 'ri', ル: 'ru', レ: 're', ロ: 'ro',
  ワ: 'wa', ヰ: 'i', ヱ: 'e', ヲ: 'o', ヴ: 'vu',
}; // prettier-ignore
/** Small vowels: with the kana before them they spell foreign sounds (ファ fa, ティ ti, ウィ wi). */
const SMALL_VOWELS: Readonly<Record<string, string>> = { ァ: 'a', ィ: 'i', ゥ: 'u', ェ: 'e', ォ: 'o' };
/** Small ya/yu/yo: contracted sounds (キャ kya, シュ shu, チョ cho). */
const SMALL_Y: Readonly<Record<string, string>> = { ャ: 'a', ュ: 'u', ョ: 'o', ヮ: 'a' };
const SOKUON = 'ッ';
const LONG = 'ー';
const HIRAGANA_FIRST = 0x3041;
const HIRAGANA_LAST = 0x3096;
const KATAKANA_OFFSET = 0x60;

/** Hiragana → katakana (the same syllables, 0x60 apart). */
function toKatakana(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  return code >= HIRAGANA_FIRST && code <= HIRAGANA_LAST ? String.fromCodePoint(code + KATAKANA_OFFSET) : ch;
}

function split(romaji: string): Syllable {
  const v = romaji.slice(-1);
  return 'aeiou'.includes(v) ? { c: romaji.slice(0, -1), v } : { c: romaji, v: '' };
}

/**
 * The kana as syllables (consonant + vowel); ッ is a syllable with consonant 'Q', ン one with
 * 'n' or 'm'.
 * `longAsR`: a final long a or e (アー, エー) is the r of a foreign -ar/-er and adds one.
 */
function syllables(text: string, longAsR: boolean): Syllable[] {
  const out: Syllable[] = [];
  for (const raw of text) {
    const ch = toKatakana(raw);
    const prev = out[out.length - 1];
    if (ch in ROWS) out.push(split(ROWS[ch]));
    else if (ch === 'ン') out.push({ c: 'N', v: '' });
    else if (ch === SOKUON) out.push({ c: 'Q', v: '' });
    else if (ch === LONG) {
      if (!prev) continue;
      prev.long = true;
      if (longAsR && (prev.v === 'a' || prev.v === 'e')) out.push({ c: 'R', v: '' });
    } else if (ch in SMALL_Y && prev) {
      // シャ sha, チュ chu, ジョ jo: the y is part of sh/ch/j already.
      prev.c = /^(sh|ch|j)$/.test(prev.c) ? prev.c : `${prev.c}y`;
      prev.v = SMALL_Y[ch];
    } else if (ch in SMALL_VOWELS && prev) {
      const v = SMALL_VOWELS[ch];
      if (prev.c === '' && prev.v === 'u') prev.c = 'w';
      else if (prev.c === '' && prev.v === 'i') prev.c = 'y';
      else if (v === 'a' && (prev.c === 'k' || prev.c === 'g')) prev.c = `${prev.c}w`;
      prev.v = v;
    } else if (ch in SMALL_VOWELS) out.push({ c: '', v: SMALL_VOWELS[ch] });
  }
  // ン is m before b, m and p (traditional Hepburn: トランプ toramp), n elsewhere.
  for (let i = 0; i < out.length; i++) {
    if (out[i].c === 'N') out[i].c = /^[bmp]/.test(out[i + 1]?.c ?? '') ? 'm' : 'n';
  }
  // A final long a or e is the r of a foreign -ar/-er (ミラー Miller); elsewhere it is only long (ラーディン Laden).
  const last = out[out.length - 1];
  if (last?.c === 'R') last.c = 'r';
  return out.filter((x) => x.c !== 'R');
}

/** Standard (modified) Hepburn without macrons: ジョン → jon, スチュワート → suchuwato, マッチ → matchi. */
export function hepburn(text: string): string {
  const parts = syllables(text, false);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const { c, v } = parts[i];
    if (c === 'Q') {
      const next = parts[i + 1]?.c ?? '';
      out += next.startsWith('ch') ? 't' : next.slice(0, 1);
    } else out += c + v;
  }
  return out;
}

/** Consonants after which Japanese adds a u to close a foreign consonant (ス s, ク k, ル l, フ f). */
const EPENTHETIC_U = new Set(['s', 'k', 'g', 'z', 'b', 'p', 'm', 'r', 'f', 'ts', 'v']);
/** …and an o (ト t, ド d). */
const EPENTHETIC_O = new Set(['t', 'd']);

/** Matching form: Hepburn with the closing vowels of foreign consonants dropped (ミドル → midl). */
function matchingForm(word: string): string {
  const parts = syllables(word, true);
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    const { c, v } = parts[i];
    const next = parts[i + 1];
    if (c === 'Q') {
      const n = next?.c ?? '';
      out += n.startsWith('ch') ? 't' : n.slice(0, 1);
      continue;
    }
    // A closing vowel sits before another consonant or at the end; a first syllable loses its u (スト st,
    // クリ kl) but its o only before r (トランプ tr, ドナルド don).
    const closing =
      (next === undefined || next.c !== '') &&
      !parts[i].long &&
      ((v === 'u' && EPENTHETIC_U.has(c)) ||
        (v === 'o' && EPENTHETIC_O.has(c) && (i > 0 || next?.c === 'r')));
    const consonant = c === 'r' && closing ? 'l' : c;
    out += closing ? consonant : consonant + v;
  }
  return out;
}

/** True for hiragana, katakana (with the long-vowel mark) and half-width katakana after NFKC. */
export function isKana(ch: string): boolean {
  return /[\p{Script=Hiragana}\p{Script=Katakana}ー]/u.test(ch);
}

/** Romanises a run of kana for matching (see the file comment). */
export function kanaToLatin(text: string): string {
  return matchingForm(text);
}
