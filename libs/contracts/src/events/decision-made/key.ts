import { flightKeyOf } from '../traveller-parsed/key';
import type { Value } from './value';

/**
 * The record key of a decision: the flight key of the traveller's reported flight, the key of the
 * traveller events it answers. Every decision about a traveller (the first, re-vets, iAPI and
 * port-of-entry screenings) therefore lands on one partition, in the order it was made, so a
 * consumer never sees a superseding decision before the one it supersedes.
 */
export function key(decision: Pick<Value, 'flight'>): string {
  return flightKeyOf(decision.flight);
}
