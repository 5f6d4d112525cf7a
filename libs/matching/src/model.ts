import type { EntryKind, Gender, ListedDate, ListedFacts } from '@paxscreen/contracts';

/** Who or what is being screened. A passenger is a PERSON; ENTITY covers companies and organisations. */
export type MatchKind = 'PERSON' | 'ENTITY';

/**
 * A screening query: a traveller's (or a company's) identifying data as sent. A field `search` reads
 * must also be in `MatchIndex.searchKey` (screening caches candidates under it).
 */
export interface MatchQuery {
  /** The whole name; when absent, `givenNames` + `surname` are used. */
  fullName?: string;
  surname?: string;
  givenNames?: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  dateOfBirth?: string;
  /** The year was sent in two digits (its century inferred): the other century is read too. */
  dateOfBirthTwoDigitYear?: boolean;
  /** ISO 3166-1 alpha-3 (or an ICAO code such as D). */
  nationality?: string;
  gender?: Gender;
  documents?: { number: string; issuer?: string }[];
  placeOfBirth?: string;
  /** Defaults to PERSON. A PERSON query only meets PERSON (or unknown-kind) entries, and so on. */
  kind?: MatchKind;
}

/** What a feature speaks about. */
export type MatchField = 'name' | 'dateOfBirth' | 'nationality' | 'gender' | 'document' | 'placeOfBirth';

/**
 * One weighted feature of a score. `score` in [-1, 1] (the name feature in [0, 1]); its contribution to the
 * candidate's score is `score × weight`.
 */
export interface FeatureScore {
  /** Feature name within the algorithm, e.g. `name-alignment`, `dob-mismatch`. */
  name: string;
  /** The field it compares. */
  feature: MatchField;
  score: number;
  weight: number;
  /** Human-readable evidence, e.g. `born 1970 matches listed 1970`. */
  detail: string;
}

export interface MatchCandidate {
  listId: string;
  entryId: string;
  listVersion?: string;
  /** The entry's list sections (`programs`, e.g. `TRAVEL_BAN`), when it has any: they may select its action. */
  programs?: readonly string[];
  /** The listed name that matched best. */
  name: string;
  /** 0..1 */
  score: number;
  features: FeatureScore[];
  /** Fields that agreed, e.g. ["name", "dateOfBirth", "nationality"]. */
  matchedFields: MatchField[];
  explanation: string;
  /** The entry's values this candidate was compared on (what an analyst sees beside the traveller's). */
  listed: ListedFacts;
}

export interface SearchOptions {
  /** Candidates returned, best first (default 5). */
  limit?: number;
  /**
   * Also every candidate scoring exactly what the `limit`-th does: entries that match equally are all
   * reported, not the first found (issue 18: `KHALIN, ABU` meets `KHALID, ABU` and five `Abu Khalil`s at
   * 0.917). Only among the names scored (`candidatesPerQuery`).
   */
  ties?: boolean;
  /** Candidates scoring below are dropped (default: the algorithm's `minScore`). */
  minScore?: number;
}

/** The parts of a listed entry the qualifier features read, parsed once when the entry is indexed. */
export interface EntryFacts {
  kind: EntryKind;
  datesOfBirth: readonly ListedDate[];
  nationalities: readonly string[];
  gender?: Gender;
  /** Normalised document numbers with their issuers. */
  documents: readonly { number: string; issuer?: string }[];
  /** Folded, tokenised places of birth. */
  placesOfBirth: readonly string[][];
}
