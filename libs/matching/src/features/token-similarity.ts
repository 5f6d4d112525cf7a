import { nativeSpellings } from '../normalize/native-spellings';
import { NameToken } from '../normalize/token';
import { comparisonForm, EDIT_COSTS, EditsAllowed, weightedDistance, withinOneEdit } from './edit-distance';

export interface TokenSimilarityConfig {
  /** Edits allowed per character of the longer token before two tokens count as different names. */
  maxEditsPerChar: number;
  /** At least this many edits are always allowed (short names: Tim / Tom). */
  minEditsAllowed: number;
  /** An initial against a name with that first letter (V. ~ Vladimir). */
  initialSimilarity: number;
  /** Tokens that share an equivalence group: nickname (Bill ~ William), particle or org-term spellings. */
  groupSimilarity: number;
}

/** A token as the comparison sees it: its folded spelling is computed once per token. */
export interface ComparableToken {
  token: NameToken;
  form: string;
  /** A Han or Hangul token's Latin spellings, folded, and the edits they allow (undefined for others). */
  latin: LatinSpellings | undefined;
}

/** What a Han or Hangul token is listed under in Latin script (`crossScriptSimilarity`), worked out once. */
export interface LatinSpellings {
  /** `nativeSpellings`, folded (`comparisonForm`). */
  forms: readonly string[];
  /** Romanisation variants for Hangul, spellings only for Han. */
  edits: EditsAllowed;
}

export function comparable(token: NameToken): ComparableToken {
  return { token, form: comparisonForm(token.text), latin: latinSpellings(token) };
}

function latinSpellings(token: NameToken): LatinSpellings | undefined {
  if (token.native === undefined) return undefined;
  return {
    forms: nativeSpellings(token.text, token.native).map(comparisonForm),
    edits: HANGUL.test(token.native) ? 'romanisation' : 'spelling',
  };
}

const HANGUL = /\p{Script=Hangul}/u;

function shareGroup(a: NameToken, b: NameToken): boolean {
  if (!a.groups || !b.groups) return false;
  for (const g of a.groups) if (b.groups.includes(g)) return true;
  return false;
}

/**
 * Similarity of two name tokens in [0, 1]: 1 when equal, 1 − distance/length when the weighted edit
 * distance is within the allowance for the token length, 0 otherwise (a different name, not a typo).
 */
export function tokenSimilarity(a: ComparableToken, b: ComparableToken, cfg: TokenSimilarityConfig): number {
  const ta = a.token;
  const tb = b.token;
  // One CJK character is one syllable: a different character is a different name, however close the
  // romanisation. The same pinyin is the same name (習 / 习, traditional and simplified); the same Hangul
  // matching form is not (김종은 and 김정은 both read jongun there).
  if (ta.native !== undefined && tb.native !== undefined) {
    return ta.native === tb.native || (ta.text === tb.text && !HANGUL.test(ta.native)) ? 1 : 0;
  }
  if (ta.text === tb.text) return 1;
  if (ta.role === 'initial' || tb.role === 'initial') {
    return ta.text[0] === tb.text[0] ? cfg.initialSimilarity : 0;
  }
  // A Chinese or Korean syllable against a Latin spelling: one of its romanisations, never a typo.
  if (ta.native !== undefined) return crossScriptSimilarity(a, b.form, tb.vowelPoor, cfg);
  if (tb.native !== undefined) return crossScriptSimilarity(b, a.form, ta.vowelPoor, cfg);
  const group = shareGroup(ta, tb) ? cfg.groupSimilarity : 0;
  if (ta.role === 'number' || tb.role === 'number') return group;
  let sim = formSimilarity(a.form, ta.vowelPoor, b.form, tb.vowelPoor, cfg);
  // Spelling folds can part a typo from its name (MAHMOAOD folds to mahmoaod, MAHMOOD to mahmud; KHONY to
  // hony, KONY stays kony): when a fold changed either side, the spellings as written get a say too.
  if (sim < 1 && (a.form !== ta.text || b.form !== tb.text)) {
    const written = formSimilarity(ta.text, ta.vowelPoor, tb.text, tb.vowelPoor, cfg);
    if (written > sim) sim = written;
  }
  return sim > group ? sim : group;
}

/**
 * A Han or Hangul token (`native`) against a Latin spelling (folded, `form`): the best of its listed
 * spellings (`nativeSpellings`), within the usual allowance, up to h and doubled letters for Han (pinyin
 * and Wade–Giles spell every syllable) and up to romanisation variants for Hangul (vowels, confusable
 * consonants: Korean passports mix the systems, Pak Pong Ju).
 */
export function crossScriptSimilarity(
  native: ComparableToken,
  form: string,
  vowelPoor: boolean,
  cfg: TokenSimilarityConfig,
): number {
  const latin = native.latin;
  if (!latin) return 0;
  let best = 0;
  for (const spelling of latin.forms) {
    const sim = formSimilarity(spelling, native.token.vowelPoor, form, vowelPoor, cfg, latin.edits);
    if (sim > best) best = sim;
  }
  return best;
}

/** Tokens joined into one spelling (Vladimir Putin ~ VladimirPutin); `native` when any came from Han or Hangul. */
export interface JoinedTokens {
  form: string;
  /** The spellings as written, joined (`form` is their folded forms joined). */
  text: string;
  vowelPoor: boolean;
  native: boolean;
}

/** `formSimilarity` of joined tokens and one token, with a Han or Hangul side held to romanisation variants. */
export function joinedSimilarity(
  joined: JoinedTokens,
  c: ComparableToken,
  cfg: TokenSimilarityConfig,
): number {
  const ct = c.token;
  if (joined.native === (ct.native !== undefined)) {
    const sim = formSimilarity(joined.form, joined.vowelPoor, c.form, ct.vowelPoor, cfg);
    // As for one token (`tokenSimilarity`), the spellings as written get a say when a fold changed either
    // side: ABDX AL folds to abdksal, two edits from abdal, one as written.
    if (sim === 1 || joined.native || (joined.form === joined.text && c.form === ct.text)) return sim;
    const written = formSimilarity(joined.text, joined.vowelPoor, ct.text, ct.vowelPoor, cfg);
    return written > sim ? written : sim;
  }
  // Latin parts joined meet a run of characters, never one: one character is one syllable (류 is not YU RO).
  if (ct.native !== undefined)
    return [...ct.native].length > 1 ? crossScriptSimilarity(c, joined.form, joined.vowelPoor, cfg) : 0;
  return formSimilarity(joined.form, joined.vowelPoor, c.form, ct.vowelPoor, cfg, 'romanisation');
}

/** Parts this long or longer keep a similarity for one plain edit (`withinOneEdit`); AL / AB stay apart. */
const MIN_ONE_EDIT_LENGTH = 3;

/** Cheapest possible cost of one inserted or deleted character (see EDIT_COSTS). */
const MIN_GAP_COST = 0.5;
const MIN_GAP_COST_VOWEL_POOR = 0.2;

/**
 * Similarity of two folded spellings (`comparisonForm`): 1 − distance/length within the allowance, else 0.
 * Joined tokens compare as the concatenation of their forms (Vladimir Putin ~ VladimirPutin). `edits`
 * other than `any` count only romanisation variants (see `EditsAllowed`), and never a typo.
 */
export function formSimilarity(
  a: string,
  aVowelPoor: boolean,
  b: string,
  bVowelPoor: boolean,
  cfg: TokenSimilarityConfig,
  edits: EditsAllowed = 'any',
): number {
  if (a === b) return 1;
  const length = a.length > b.length ? a.length : b.length;
  const allowed = Math.max(cfg.minEditsAllowed, length * cfg.maxEditsPerChar);
  // A length difference alone can rule the pair out before the distance is computed.
  const gap = aVowelPoor || bVowelPoor ? MIN_GAP_COST_VOWEL_POOR : MIN_GAP_COST;
  if (Math.abs(a.length - b.length) * gap > allowed) return 0;
  const d = weightedDistance(a, b, aVowelPoor, bVowelPoor, allowed, edits);
  if (d <= allowed) return 1 - d / length;
  if (edits !== 'any') return 0;
  // One typo is never a different name, even in a short part and at its first letter (KONY / BONY, ALI /
  // MLI): the edit and the first-letter surcharge count, so it scores low (0.5–0.7) but is never dropped.
  if (length >= MIN_ONE_EDIT_LENGTH && withinOneEdit(a, b)) {
    return 1 - (EDIT_COSTS.substitution + EDIT_COSTS.firstLetter) / length;
  }
  return 0;
}
