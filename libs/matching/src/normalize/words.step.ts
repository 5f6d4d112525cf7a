import { BoundedCache } from './bounded-cache';
import { foldLatin } from './latin-fold.step';
import { fixDigits } from './numbers.step';
import { hasNameDots, romanizeWord } from './romanize.step';
import { tokenize } from './tokenize.step';

/** A raw token before roles are assigned. */
export interface RawToken {
  text: string;
  vowelPoor: boolean;
  /** The CJK characters this token was romanised from (see RomanizedWord.parts). */
  native?: string;
}

/**
 * Text → ASCII tokens: Unicode NFKC (compatibility forms, full-width letters), case fold, romanisation of
 * non-Latin scripts word by word, Latin diacritics folded, tokenised, look-alike digits fixed.
 */
export function rawTokens(text: string): RawToken[] {
  const lower = text.normalize('NFKC').toLowerCase();
  const words = lower.split(/\s+/).filter((w) => w.length > 0);
  const context = { hasNameDots: hasNameDots(lower), wordCount: words.length };
  const out: RawToken[] = [];
  for (const word of words) for (const t of wordTokens(word, context)) out.push(t);
  return out;
}

/** Words remembered with their tokens (shared, never mutated). */
const WORDS = new BoundedCache<readonly RawToken[]>(50000);

/** One word's tokens; they depend on the word and, for non-Latin scripts, on the two context flags. */
function wordTokens(word: string, context: { hasNameDots: boolean; wordCount: number }): readonly RawToken[] {
  const key = `${context.hasNameDots ? 1 : 0}${context.wordCount > 1 ? 1 : 0}${word}`;
  const known = WORDS.get(key);
  if (known) return known;
  const romanized = romanizeWord(word, context);
  const tokens = fixDigits(tokenize(foldLatin(romanized.text)));
  const natives = new Map((romanized.parts ?? []).map((p) => [p.text, p.native]));
  const out: RawToken[] = [];
  for (const t of tokens) {
    const native = natives.get(t);
    out.push(
      native
        ? { text: t, vowelPoor: romanized.vowelPoor, native }
        : { text: t, vowelPoor: romanized.vowelPoor },
    );
  }
  return WORDS.set(key, out);
}
