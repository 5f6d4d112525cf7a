import { assignRoles } from './roles.step';
import { skeletonKey } from './skeleton.step';
import { NameKind, NameToken, NormalizedName } from './token';
import { rawTokens } from './words.step';

/**
 * The whole normalisation: Unicode and case → romanisation (ICAO 9303 Cyrillic, Arabic, pinyin, Hangul,
 * AnyAscii for the rest) → Latin folding → tokens → titles stripped, particles, initials, legal forms,
 * nicknames and organisation terms marked → consonant skeletons. Order-independent: the scorer aligns
 * tokens, so "PUTIN, Vladimir" and "Vladimir Putin" normalise to the same multiset.
 */
export function normalizeName(name: string, kind: NameKind = 'PERSON'): NormalizedName {
  const tokens: NameToken[] = assignRoles(rawTokens(name), kind).map((t) => ({
    ...t,
    key: skeletonKey(t.text),
  }));
  return { original: name, kind, tokens };
}
