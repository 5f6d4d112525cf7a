import type { Alert } from '@paxscreen/contracts';

import type { Subscription } from './subscription';

/** One-line factories for the specs. */
export const alert = (over: Partial<Alert.Value> = {}): Alert.Value => ({
  schemaVersion: 1,
  eventId: 'ev-1',
  occurredAt: '2026-12-06T10:00:00.000Z',
  correlationId: 'rcpt-1',
  alertId: 'al-1',
  kind: 'HIT_NEAR_ARRIVAL',
  hitId: 'hit-1',
  port: 'SYD',
  listIds: ['UN'],
  flight: { carrier: 'QF', number: '1', departureDate: '2026-12-06', arrivalAt: '2026-12-07T06:00' },
  outcome: 'REFER',
  priority: 80,
  createdAt: '2026-12-06T10:00:00.000Z',
  summary: 'REFER on QF1 arriving SYD, list UN',
  ...over,
});

export const subscription = (over: Partial<Subscription> = {}): Subscription => ({
  subscriptionId: 'sub-1',
  owner: 'analyst-1',
  channel: 'LIVE',
  ports: [],
  listIds: [],
  kinds: [],
  target: null,
  secret: null,
  createdAt: '2026-12-06T09:00:00.000Z',
  ...over,
});
