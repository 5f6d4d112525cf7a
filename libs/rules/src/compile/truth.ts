/**
 * Three-valued (Kleene) logic. A condition on a fact the traveller does not carry, or whose value
 * is too uncertain to decide (an age of 17–18 against "under 18"), is `unknown`; a rule fires only
 * on `yes`. `not unknown` stays unknown, so a missing field can never make a rule fire.
 */
export type Truth = 'yes' | 'no' | 'unknown';

export function negate(t: Truth): Truth {
  return t === 'yes' ? 'no' : t === 'no' ? 'yes' : 'unknown';
}
