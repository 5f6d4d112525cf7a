import { toReason } from '@paxscreen/rules';

import { Check } from './context';

/** Declarative rules (routes, PNR patterns, major-event watches…) from `libs/rules`. */
export const rulesCheck: Check = (traveller, { state, now }) =>
  state.rules.evaluate(traveller, { now }).map(toReason);
