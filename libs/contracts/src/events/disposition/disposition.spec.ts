import { Alert, ContractViolation, decodeContract, Disposition } from '../..';

const { dispositionKey, parseDispositionKey, Value } = Disposition;

const IDENTITY = 'a'.repeat(64);

const disposition = {
  schemaVersion: 1,
  eventId: 'e1',
  occurredAt: '2026-12-06T10:00:00.000Z',
  correlationId: 'hit-1',
  dispositionId: 'd1',
  identityKey: IDENTITY,
  listId: 'UN',
  entryId: 'QDi.1:2',
  entryVersion: '2026-12-01',
  verdict: 'FALSE_POSITIVE',
  analyst: 'analyst-1',
  decidedAt: '2026-12-06T10:00:00.000Z',
};

const alert = {
  ...disposition,
  alertId: 'a1',
  kind: 'HIT_NEAR_ARRIVAL',
  hitId: 'h1',
  port: 'SYD',
  listIds: ['UN'],
  flight: { carrier: 'QF', number: '1', departureDate: '2026-12-06', arrivalAt: '2026-12-06T18:00' },
  outcome: 'REFER',
  priority: 80,
  createdAt: '2026-12-06T10:00:00.000Z',
  summary: 'REFER on QF1 arriving SYD in 3 h, list UN',
};

describe('disposition and alert contracts', () => {
  it('round-trips the disposition key (entry ids may hold colons)', () => {
    const key = dispositionKey(IDENTITY, 'UN', 'QDi.1:2');
    expect(key).toBe(`${IDENTITY}:UN:QDi.1:2`);
    expect(parseDispositionKey(key)).toEqual({ identityKey: IDENTITY, listId: 'UN', entryId: 'QDi.1:2' });
  });

  it('decodes a valid disposition and alert', () => {
    expect(decodeContract(Value, JSON.stringify(disposition)).verdict).toBe('FALSE_POSITIVE');
    expect(decodeContract(Alert.Value, JSON.stringify(alert)).flight.carrier).toBe('QF');
  });

  it.each([
    ['a verdict other than FALSE_POSITIVE', { ...disposition, verdict: 'TRUE_MATCH' }],
    ['an identity key that is not a sha256', { ...disposition, identityKey: 'GERMAIN' }],
    ['no entry version', { ...disposition, entryVersion: undefined }],
  ])('refuses a disposition with %s', (_, bad) =>
    expect(() => decodeContract(Value, JSON.stringify(bad))).toThrow(ContractViolation),
  );

  it.each([
    ['an unknown kind', { ...alert, kind: 'SOMETHING' }],
    ['a priority above 100', { ...alert, priority: 101 }],
    ['no flight', { ...alert, flight: undefined }],
  ])('refuses an alert with %s', (_, bad) =>
    expect(() => decodeContract(Alert.Value, JSON.stringify(bad))).toThrow(ContractViolation),
  );
});
