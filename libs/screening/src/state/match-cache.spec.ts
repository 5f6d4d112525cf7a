import { Disposition, identityKey, type Traveller } from '@paxscreen/contracts';
import { MatchIndex } from '@paxscreen/matching';
import { validateRule } from '@paxscreen/rules';
import {
  LISTED_IDENTITY,
  SCREENING_NOW as NOW,
  testListedPerson as listed,
  testTraveller,
} from '@paxscreen/testing';

import { DEFAULT_SCREENING_CONFIG } from '../config';
import { Screener } from '../screener';
import { hitRate, MatchCache } from './match-cache';
import { ScreeningState } from './screening-state';

/** The listed person travelling on a Syrian passport. */
const traveller = (over: Partial<Traveller> = {}): Traveller =>
  testTraveller({
    ...LISTED_IDENTITY,
    documents: [{ type: 'P', number: 'N0001', issuer: 'SYR' }],
    ...over,
  });

function cached(size = 100) {
  const state = new ScreeningState();
  state.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
  state.setListVersion('UN', 'v1');
  const screener = new Screener(state, DEFAULT_SCREENING_CONFIG, { matchCacheSize: size });
  const screen = (t: Traveller = traveller()) => screener.screen(t, { now: NOW, decisionId: 'd' });
  return { state, screener, screen, stats: () => screener.matchCache.stats() };
}

/** The same traveller screened without a cache, on a fresh copy of the same state. */
function uncached(setup: (s: ScreeningState) => void, t: Traveller) {
  const state = new ScreeningState();
  setup(state);
  return new Screener(state, DEFAULT_SCREENING_CONFIG).screen(t, { now: NOW, decisionId: 'd' });
}

const sameDecision = (a: ReturnType<Screener['screen']>, b: ReturnType<Screener['screen']>) => {
  const strip = (d: typeof a) => ({ ...d, timings: undefined });
  expect(strip(a)).toEqual(strip(b));
};

describe('MatchCache (issue 19: screened again on every PNR push and at check-in)', () => {
  it('answers a repeated identity from memory with the decision screening would have made', () => {
    const { screen, stats } = cached();
    const first = screen();
    const again = screen();
    expect(stats()).toMatchObject({ hits: 1, misses: 1, entries: 1, capacity: 100 });
    expect(['REFER', 'NO_BOARD']).toContain(again.outcome);
    sameDecision(again, first);
    sameDecision(
      again,
      uncached((s) => {
        s.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
        s.setListVersion('UN', 'v1');
      }, traveller()),
    );
  });

  it('keys on the normalised name: case, spacing and a title as sent still hit', () => {
    const { screen, stats } = cached();
    screen();
    screen(traveller({ surname: 'al-sayed', givenNames: '  Ahmad  Abdul Rahman ' }));
    expect(stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it.each<[string, Partial<Traveller>]>([
    ['surname', { surname: 'AL-SAYID' }],
    ['given names', { givenNames: 'AHMAD ABDUL' }],
    ['birth date', { dateOfBirth: '1970-03-05' }],
    ['two-digit birth year flag', { dateOfBirthTwoDigitYear: true }],
    ['nationality', { nationality: 'IRQ' }],
    ['gender', { gender: 'F' }],
    ['document number', { documents: [{ type: 'P', number: 'N0002', issuer: 'SYR' }] }],
    ['document issuer', { documents: [{ type: 'P', number: 'N0001', issuer: 'IRQ' }] }],
    [
      'a second document',
      { documents: [...traveller().documents, { type: 'I', number: 'Z9', issuer: 'SYR' }] },
    ],
    ['place of birth', { placeOfBirth: 'ALEPPO' }],
  ])('a changed %s is screened afresh (a miss) and decided as without the cache', (_, change) => {
    const { screen, stats } = cached();
    screen();
    const d = screen(traveller(change));
    expect(stats()).toMatchObject({ hits: 0, misses: 2 });
    sameDecision(
      d,
      uncached((s) => {
        s.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
        s.setListVersion('UN', 'v1');
      }, traveller(change)),
    );
  });

  it('forgets everything when a watchlist entry is added, replaced or removed', () => {
    const { state, screen, stats } = cached();
    expect(['REFER', 'NO_BOARD']).toContain(screen().outcome);
    state.applyWatchlist('UN', 'QDi.001', listed({ datesOfBirth: [{ date: '1970-03-04' }] }), 'v2');
    state.setListVersion('UN', 'v2');
    const replaced = screen();
    expect(replaced.reasons[0].source.listVersion).toBe('v2');
    expect(stats()).toMatchObject({ hits: 0, misses: 2, invalidations: 1 });
    state.applyWatchlist('UN', 'QDi.001', null, 'v3');
    expect(screen().outcome).toBe('CLEAR');
    state.applyWatchlist('OFAC', '7', listed({ listId: 'OFAC', entryId: '7' }), 'o1');
    expect(screen().reasons.map((r) => r.source.listId)).toEqual(['OFAC']);
    expect(stats()).toMatchObject({ hits: 0, misses: 4, invalidations: 3 });
  });

  it('applies a disposition made after the identity was cached, and its withdrawal', () => {
    const { state, screen, stats } = cached();
    expect(['REFER', 'NO_BOARD']).toContain(screen().outcome);
    const key = Disposition.dispositionKey(identityKey(traveller()), 'UN', 'QDi.001');
    state.applyDisposition(key, {
      schemaVersion: 1,
      eventId: 'e1',
      occurredAt: '2026-06-01T09:00:00.000Z',
      correlationId: 'hit-1',
      dispositionId: 'disp-1',
      identityKey: identityKey(traveller()),
      listId: 'UN',
      entryId: 'QDi.001',
      entryVersion: 'v1',
      verdict: 'FALSE_POSITIVE',
      analyst: 'analyst-7',
      decidedAt: '2026-06-01T09:00:00.000Z',
    });
    const suppressed = screen();
    expect(suppressed.outcome).toBe('CLEAR');
    expect(suppressed.reasons[0].explanation).toMatch(/^suppressed by disposition disp-1/);
    state.applyDisposition(key, null);
    expect(['REFER', 'NO_BOARD']).toContain(screen().outcome);
    // Dispositions are applied to the candidates on every screening: the candidates stay valid.
    expect(stats()).toMatchObject({ hits: 2, misses: 1 });
  });

  it('applies a rule change and a new lost/stolen document to a cached identity', () => {
    const { state, screen, stats } = cached();
    const clean = traveller({
      surname: 'DOE',
      givenNames: 'JOHN',
      documents: [{ type: 'P', number: 'X1', issuer: 'GBR' }],
    });
    expect(screen(clean).outcome).toBe('CLEAR');
    state.applyDocument(
      'SLTD',
      'L1',
      { listId: 'SLTD', entryId: 'L1', number: 'X1', issuer: 'GBR', status: 'STOLEN' },
      's1',
    );
    expect(screen(clean).outcome).toBe('NO_BOARD');
    state.applyDocument('SLTD', 'L1', null, 's2');
    const rule = validateRule({
      id: 'jfk-watch',
      title: 'Arrivals at JFK',
      action: 'REFER',
      when: { fact: 'flight.destination', eq: 'JFK' },
      explanation: 'arrives at a watched port',
    });
    state.applyRule('rules', 'jfk-watch', rule, 'r1');
    expect(screen(clean).outcome).toBe('REFER');
    state.applyRule('rules', 'jfk-watch', null, 'r2');
    expect(screen(clean).outcome).toBe('CLEAR');
    expect(stats()).toMatchObject({ hits: 3, misses: 1 });
  });

  it('evaluates per-flight facts for every traveller: the same person on another flight hits yet is decided for that flight', () => {
    const { state, screen, stats } = cached();
    state.applyRule(
      'rules',
      'jfk-watch',
      validateRule({
        id: 'jfk-watch',
        title: 'Arrivals at JFK',
        action: 'REFER',
        when: { fact: 'flight.destination', eq: 'JFK' },
        explanation: 'arrives at a watched port',
      }),
      'r1',
    );
    const clean = { surname: 'DOE', givenNames: 'JOHN', documents: [] };
    const toJfk = screen(traveller(clean));
    const toBos = screen(
      traveller({
        ...clean,
        travellerId: 't2',
        flight: { ...traveller().flight!, arrival: { port: 'BOS', at: '2026-06-03T13:00' } },
      }),
    );
    expect(stats()).toMatchObject({ hits: 1, misses: 1 });
    expect([toJfk.outcome, toBos.outcome]).toEqual(['REFER', 'CLEAR']);
    expect(toBos.travellerId).toBe('t2');
  });

  it('keys on the candidate limit and keeps one index', () => {
    const index = new MatchIndex();
    index.add(listed(), 'v1');
    const other = new MatchIndex();
    const cache = new MatchCache(10);
    const query = { surname: 'AL-SAYED', givenNames: 'AHMAD ABDUL RAHMAN' };
    cache.search(index, query, { limit: 5 });
    cache.search(index, query, { limit: 1 });
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 2 });
    expect(cache.search(other, query, { limit: 5 })).toEqual([]);
    expect(cache.stats()).toMatchObject({ hits: 0, misses: 3, invalidations: 1 });
  });

  it('shares cached candidates read-only', () => {
    const index = new MatchIndex();
    index.add(listed(), 'v1');
    const cache = new MatchCache(10);
    const [c] = cache.search(index, { surname: 'AL-SAYED', givenNames: 'AHMAD ABDUL RAHMAN' }, {});
    expect(Object.isFrozen(c) && Object.isFrozen(c.listed) && Object.isFrozen(c.features[0])).toBe(true);
  });

  it('holds at most its capacity', () => {
    const { screen, stats } = cached(4);
    const names = ['ANNA', 'BORIS', 'CARLA', 'DMITRI', 'ELENA', 'FARID', 'GRETA', 'HUGO', 'INES', 'JONAS'];
    for (const givenNames of names) screen(traveller({ givenNames }));
    expect(stats().entries).toBeLessThanOrEqual(4);
    expect(stats().misses).toBe(names.length);
  });

  it('is off at size 0 (the default) and refuses a bad size', () => {
    const state = new ScreeningState();
    state.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
    const screener = new Screener(state);
    screener.screen(traveller(), { now: NOW });
    screener.screen(traveller(), { now: NOW });
    expect(screener.matchCache.stats()).toEqual({
      hits: 0,
      misses: 0,
      entries: 0,
      capacity: 0,
      invalidations: 0,
    });
    expect(() => new MatchCache(-1)).toThrow(/whole number/);
    expect(() => new MatchCache(1.5)).toThrow(/whole number/);
  });

  it('reports its hit rate', () => {
    expect(hitRate({ hits: 0, misses: 0 })).toBe(0);
    expect(hitRate({ hits: 2, misses: 1 })).toBeCloseTo(2 / 3);
  });
});
