import { type CarrierEvent, envelope } from '@paxscreen/contracts';

/** A valid carrier timeliness event (an open MISSING API passenger list for ZZ0042 LHR-SYD), for tests. */
export function testCarrierEvent(over: Partial<CarrierEvent.Value> = {}): CarrierEvent.Value {
  return {
    ...envelope('flight:ZZ0042'),
    incidentId: 'inc-1',
    kind: 'MISSING',
    state: 'OPEN',
    obligation: 'API_PASSENGERS',
    carrier: 'ZZ',
    flightNumber: '0042',
    departureDate: '2026-12-07',
    origin: 'LHR',
    destination: 'SYD',
    departureAt: '2026-12-07T10:00:00.000Z',
    dueAt: '2026-12-07T09:00:00.000Z',
    ...over,
  };
}
