/**
 * Raw messages are keyed by carrier + flight so that every part of a multi-part manifest lands on
 * the same partition, in order. `flight` is a cheap sniff of the first TDT / JSON flight; empty when
 * the gateway could not see one (the parser still reads the message).
 */
export function rawMessageKey(carrier: string, flight: string | undefined): string {
  return `${carrier}:${flight ?? ''}`;
}
