/** What a name token is, which decides its weight in comparisons. */
export type TokenRole = 'name' | 'particle' | 'initial' | 'legal' | 'number' | 'title';

/** One normalised name part: ASCII lower case letters and digits only. */
export interface NameToken {
  text: string;
  role: TokenRole;
  /** Consonant skeleton used for candidate generation (see skeleton.step.ts). */
  key: string;
  /** Romanised from a script that omits vowels (Arabic, Hebrew, Brahmic): vowels on the other side are cheap. */
  vowelPoor: boolean;
  /** Chinese, Japanese or Korean characters the token was romanised from: compared as written when both have them. */
  native?: string;
  /** Equivalence groups (nicknames, organisation terms, particle spellings): tokens sharing one are synonyms. */
  groups?: readonly string[];
}

export type NameKind = 'PERSON' | 'ENTITY';

export interface NormalizedName {
  /** The name as given. */
  original: string;
  kind: NameKind;
  tokens: NameToken[];
}
