import { NameAlignmentConfig, NameComparison } from '../features/name-alignment';
import { EntryFacts, FeatureScore, MatchField, MatchQuery } from '../model';

/** What a feature sees: the query, the listed entry's facts and the name alignment already computed. */
export interface FeatureContext {
  query: MatchQuery;
  facts: EntryFacts;
  name: NameComparison;
}

/** One weighted feature. Returns undefined when it does not apply (e.g. no date of birth on one side). */
export interface Feature {
  name: string;
  field: MatchField;
  weight: number;
  /** The highest score it returns (default 1); bounds what it can add. */
  maxScore?: number;
  evaluate(ctx: FeatureContext): { score: number; detail: string; agrees: boolean } | undefined;
}

/** A named list of weighted features plus the name-alignment configuration they share. */
export interface MatchAlgorithm {
  name: string;
  alignment: NameAlignmentConfig;
  features: readonly Feature[];
  /** A name scoring at least this counts as a matched field. */
  nameMatched: number;
  /** Default floor for search results. */
  minScore: number;
  /** Index candidates scored in full per query (the rest never meet the scorer). */
  candidatesPerQuery: number;
}

export interface Scored {
  score: number;
  features: FeatureScore[];
  matchedFields: MatchField[];
}

/**
 * Upper bound of what the qualifier features can add for this query (only fields the query has count):
 * a name scoring below `minScore − bound` cannot reach `minScore`, so its features need not run.
 */
export function maxQualifierGain(algorithm: MatchAlgorithm, query: MatchQuery): number {
  let gain = 0;
  for (const f of algorithm.features) {
    if (f.field === 'name' || !queryHas(query, f.field)) continue;
    gain += f.weight * (f.maxScore ?? 1);
  }
  return gain;
}

function queryHas(query: MatchQuery, field: MatchField): boolean {
  switch (field) {
    case 'dateOfBirth':
      return !!query.dateOfBirth;
    case 'nationality':
      return !!query.nationality;
    case 'gender':
      return !!query.gender;
    case 'document':
      return !!query.documents && query.documents.length > 0;
    case 'placeOfBirth':
      return !!query.placeOfBirth;
    default:
      return true;
  }
}

/** Runs every feature; the score is the sum of score × weight, clamped to [0, 1]. */
export function runFeatures(algorithm: MatchAlgorithm, ctx: FeatureContext): Scored {
  const features: FeatureScore[] = [];
  const matchedFields: MatchField[] = [];
  let total = 0;
  for (const f of algorithm.features) {
    const r = f.evaluate(ctx);
    if (!r) continue;
    features.push({ name: f.name, feature: f.field, score: r.score, weight: f.weight, detail: r.detail });
    total += r.score * f.weight;
    if (r.agrees && !matchedFields.includes(f.field)) matchedFields.push(f.field);
  }
  return { score: Math.min(1, Math.max(0, total)), features, matchedFields };
}
