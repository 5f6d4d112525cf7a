import { decodeEvent } from '../../validate';
import { flightKey } from '../traveller-parsed/key';
import { Value } from './value';

/** Carrier events are keyed by flight key: one flight's incidents stay in order on one partition. */
export function key(event: Pick<Value, 'carrier' | 'flightNumber' | 'departureDate'>): string {
  return flightKey(event.carrier, event.flightNumber, event.departureDate);
}

/** A carrier event read from the topic (or a webhook body), validated; ContractViolation otherwise. */
export function decode(bytes: Buffer | string): Value {
  return decodeEvent(Value, bytes);
}
