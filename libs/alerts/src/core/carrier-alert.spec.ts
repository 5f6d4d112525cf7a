import { Alert, type CarrierEvent, validateContract } from '@paxscreen/contracts';
import { testCarrierEvent } from '@paxscreen/testing';

import { alert, subscription } from './alerts.fixture';
import { carrierAlert, CARRIER_LATE_PRIORITY, CARRIER_MISSING_PRIORITY } from './carrier-alert';
import { seesLive, subscriptionMatches } from './subscription';

const event = (over: Partial<CarrierEvent.Value> = {}): CarrierEvent.Value =>
  testCarrierEvent({ eventId: 'ev-carrier-1', occurredAt: '2026-12-07T09:00:00.000Z', ...over });

describe('carrierAlert', () => {
  it.each([
    ['an open MISSING', {}, 'CARRIER_MISSING', CARRIER_MISSING_PRIORITY],
    [
      'a LATE',
      { kind: 'LATE' as const, state: 'CLOSED' as const, lateByMinutes: 35, obligation: 'PNR_T24' as const },
      'CARRIER_LATE',
      CARRIER_LATE_PRIORITY,
    ],
  ])('maps %s to a valid alert of its kind', (_label, over: Partial<CarrierEvent.Value>, kind, priority) => {
    const a = carrierAlert(event(over), 'ev-alert-1')!;
    expect(a).toMatchObject({
      kind,
      priority,
      alertId: 'carrier-ev-carrier-1',
      eventId: 'ev-alert-1',
      incidentId: 'inc-1',
      port: 'SYD',
      listIds: [],
      outcome: over.obligation ?? 'API_PASSENGERS',
      flight: {
        carrier: 'ZZ',
        number: '0042',
        departureDate: '2026-12-07',
        origin: 'LHR',
        destination: 'SYD',
      },
      createdAt: '2026-12-07T09:00:00.000Z',
    });
    expect(a.hitId).toBeUndefined();
    expect(() => validateContract(Alert.Value, a)).not.toThrow();
  });

  it('writes a summary naming the obligation, flight and route, and nothing personal', () => {
    expect(carrierAlert(event(), 'e')!.summary).toBe(
      'API_PASSENGERS missing for ZZ0042 2026-12-07 LHR-SYD, due 2026-12-07T09:00:00.000Z',
    );
    expect(carrierAlert(event({ kind: 'LATE', state: 'CLOSED', lateByMinutes: 35 }), 'e')!.summary).toBe(
      'API_PASSENGERS late for ZZ0042 2026-12-07 LHR-SYD by 35 min',
    );
  });

  it('raises nothing for the CLOSED event that ends a MISSING incident', () => {
    expect(
      carrierAlert(event({ state: 'CLOSED', receivedAt: '2026-12-07T09:30:00.000Z' }), 'e'),
    ).toBeUndefined();
  });

  it.each([
    ['destination when known', { origin: 'LHR', destination: 'SYD' }, 'SYD'],
    ['else the origin', { origin: 'LHR', destination: undefined }, 'LHR'],
    ['else empty', { origin: undefined, destination: undefined }, ''],
  ])('is for the port: %s', (_label, over, port) => {
    const a = carrierAlert(event(over), 'e')!;
    expect(a.port).toBe(port);
    expect(() => validateContract(Alert.Value, a)).not.toThrow();
  });

  it.each([
    ['a kind filter on CARRIER_MISSING', { kinds: ['CARRIER_MISSING' as const] }, true],
    ['a kind filter on hit kinds only', { kinds: ['HIT_NEAR_ARRIVAL' as const] }, false],
    ['the destination port', { ports: ['SYD'] }, true],
    ['the origin port', { ports: ['LHR'] }, true],
    ['another port', { ports: ['MEL'] }, false],
    ['a list filter (carrier alerts name no list)', { listIds: ['UN'] }, false],
  ])('is routed by %s', (_label, sub, expected) => {
    expect(subscriptionMatches(subscription(sub), carrierAlert(event(), 'e')!)).toBe(expected);
  });

  it('reaches the bell of an officer posted at either end of the flight', () => {
    const a = carrierAlert(event(), 'e')!;
    expect(seesLive(a, [], 'LHR')).toBe(true);
    expect(seesLive(a, [], 'SYD')).toBe(true);
    expect(seesLive(a, [], 'MEL')).toBe(false);
    // Hit alerts still route by their arrival port only.
    expect(seesLive(alert(), [], 'SYD')).toBe(true);
  });
});
