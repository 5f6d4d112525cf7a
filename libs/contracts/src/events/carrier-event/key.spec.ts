import { ContractViolation, envelope } from '../../validate';
import { decode, key } from './key';
import type { Value } from './value';

const event = (over: Partial<Value> = {}): Value => ({
  ...envelope('receipt-1'),
  incidentId: 'incident-1',
  kind: 'MISSING',
  state: 'OPEN',
  obligation: 'API_PASSENGERS',
  carrier: 'ZZ',
  flightNumber: '0042',
  departureDate: '2026-12-07',
  departureAt: '2026-12-07T10:00:00.000Z',
  dueAt: '2026-12-07T09:00:00.000Z',
  ...over,
});

describe('CarrierEvent', () => {
  it('is keyed by flight key', () => {
    expect(key(event())).toBe('ZZ0042:2026-12-07');
  });

  it('decodes a valid event and refuses a broken one with the paths, never the values', () => {
    expect(decode(JSON.stringify(event())).obligation).toBe('API_PASSENGERS');
    expect(() => decode(JSON.stringify(event({ obligation: 'PNR_T5' as Value['obligation'] })))).toThrow(
      ContractViolation,
    );
    expect(() => decode(JSON.stringify(event({ flightNumber: '42' })))).toThrow(/flightNumber/);
    expect(() => decode('{')).toThrow(/not valid JSON/);
  });
});
