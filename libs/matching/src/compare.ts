import { MatchAlgorithm, runFeatures, Scored } from './algorithms/algorithm';
import { DEFAULT_ALGORITHM } from './algorithms/registry';
import { alignNames } from './features/name-alignment';
import { EntryFacts, MatchKind, MatchQuery } from './model';
import { normalizeName } from './normalize/pipeline';

const NO_FACTS: EntryFacts = {
  kind: 'UNKNOWN',
  datesOfBirth: [],
  nationalities: [],
  documents: [],
  placesOfBirth: [],
};

/**
 * Scores two names against each other without an index (name-pair benchmarks, ad-hoc checks): the same
 * alignment and features the index uses, with no qualifiers on the listed side.
 */
export function compareNames(
  queryName: string,
  listedName: string,
  kind: MatchKind = 'PERSON',
  algorithm: MatchAlgorithm = DEFAULT_ALGORITHM,
): Scored {
  const name = alignNames(
    normalizeName(queryName, kind),
    normalizeName(listedName, kind),
    algorithm.alignment,
  );
  const query: MatchQuery = { fullName: queryName, kind };
  return runFeatures(algorithm, { query, facts: NO_FACTS, name });
}
