/** Travellers and decisions are keyed by flight: one flight's travellers stay in order on one partition. */
export function flightKey(carrier: string, flightNumber: string, departureDate: string | undefined): string {
  return `${carrier}${flightNumber}:${departureDate ?? ''}`;
}
