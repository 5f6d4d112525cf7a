import { FeatureScore } from './model';

function formatScore(v: number): string {
  return v.toFixed(2);
}

/**
 * One line for an officer: the name evidence first, then each qualifier's detail, e.g.
 * "name 0.93 (MOHAMMED ~ MUHAMMAD, ALI = ALI); born 1970 matches listed 1970; nationality IRN agrees".
 */
export function explain(features: readonly FeatureScore[]): string {
  return features
    .map((f) => (f.feature === 'name' ? `name ${formatScore(f.score)} (${f.detail})` : f.detail))
    .join('; ');
}
