import { toReason } from '@paxscreen/rules';

import { Check } from './context';

/**
 * Declarative rules (routes, PNR patterns, major-event watches…) from `libs/rules`, with the links the
 * traveller shares with travellers of the same flight a match referred or stopped (co-travellers).
 */
export const rulesCheck: Check = (traveller, { state, now }) =>
  state.rules.evaluate(traveller, { now, coTravellers: state.coTravellers.linksOf(traveller) }).map(toReason);
