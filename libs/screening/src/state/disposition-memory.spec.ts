import { Disposition, identityKey, type Traveller } from '@paxscreen/contracts';
import { LISTED_IDENTITY, SCREENING_NOW as NOW, testListedPerson, testTraveller } from '@paxscreen/testing';

import { DEFAULT_SCREENING_CONFIG } from '../config';
import { Screener } from '../screener';
import { ScreeningState } from './screening-state';

/** The listed person travelling on a Syrian passport. */
const traveller = (over: Partial<Traveller> = {}): Traveller =>
  testTraveller({
    ...LISTED_IDENTITY,
    documents: [{ type: 'P', number: 'N0001', issuer: 'SYR' }],
    ...over,
  });
const listed = testListedPerson();

const disposition = (t: Traveller, entryVersion = 'v1'): Disposition.Value => ({
  schemaVersion: 1,
  eventId: 'e1',
  occurredAt: '2026-06-01T09:00:00.000Z',
  correlationId: 'hit-1',
  dispositionId: 'disp-1',
  identityKey: identityKey(t),
  listId: 'UN',
  entryId: 'QDi.001',
  entryVersion,
  verdict: 'FALSE_POSITIVE',
  analyst: 'analyst-7',
  decidedAt: '2026-06-01T09:00:00.000Z',
});

function setup(entryVersion = 'v1', remembered = traveller()) {
  const state = new ScreeningState();
  state.applyWatchlist('UN', 'QDi.001', listed, entryVersion);
  state.applyDisposition(
    Disposition.dispositionKey(identityKey(remembered), 'UN', 'QDi.001'),
    disposition(remembered),
  );
  return { state, screener: new Screener(state, DEFAULT_SCREENING_CONFIG) };
}

describe('false-positive memory', () => {
  it('records a remembered false positive as CLEAR with the disposition named', () => {
    const d = setup().screener.screen(traveller(), { now: NOW });
    expect(d.outcome).toBe('CLEAR');
    expect(d.reasons[0]).toMatchObject({
      kind: 'WATCHLIST',
      action: 'CLEAR',
      source: { entryId: 'QDi.001' },
    });
    expect(d.reasons[0].explanation).toMatch(/^suppressed by disposition disp-1 \(analyst-7, 2026-06-01\); /);
  });

  it.each([
    ['another birth date', traveller({ dateOfBirth: '1970-03-05' })],
    ['another passport', traveller({ documents: [{ type: 'P', number: 'N0002', issuer: 'SYR' }] })],
  ])('revives the hit for %s', (_, other) => {
    const d = setup().screener.screen(other, { now: NOW });
    expect(['REFER', 'NO_BOARD']).toContain(d.outcome);
    expect(d.reasons[0].explanation).not.toContain('suppressed');
  });

  it('revives the hit when the list entry has a new version', () => {
    const d = setup('v2').screener.screen(traveller(), { now: NOW });
    expect(['REFER', 'NO_BOARD']).toContain(d.outcome);
  });

  it('forgets a withdrawn disposition (tombstone)', () => {
    const { state, screener } = setup();
    state.applyDisposition(Disposition.dispositionKey(identityKey(traveller()), 'UN', 'QDi.001'), null);
    expect(state.dispositions.size).toBe(0);
    expect(['REFER', 'NO_BOARD']).toContain(screener.screen(traveller(), { now: NOW }).outcome);
  });
});
