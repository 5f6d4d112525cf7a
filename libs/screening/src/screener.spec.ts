import type { Enrolment, LostStolenDocument, Traveller } from '@paxscreen/contracts';
import { validateRule } from '@paxscreen/rules';
import {
  LISTED_IDENTITY,
  SCREENING_NOW as NOW,
  testListedPerson as listed,
  testTraveller as traveller,
} from '@paxscreen/testing';

import { DEFAULT_SCREENING_CONFIG } from './config';
import { EXPEDITE_WITHHELD, outcomeOf, Screener, sameVerdict } from './screener';
import { ScreeningState } from './state/screening-state';

const lost = (over: Partial<LostStolenDocument> = {}): LostStolenDocument => ({
  listId: 'SLTD',
  entryId: 'L1',
  number: 'X1234567',
  issuer: 'GBR',
  status: 'STOLEN',
  ...over,
});

const enrolment = (over: Partial<Enrolment> = {}): Enrolment => ({
  listId: 'TTP',
  entryId: 'E1',
  kind: 'TTP',
  programme: 'GLOBAL_ENTRY',
  cardNumber: 'C1',
  surname: 'DOE',
  givenNames: 'JOHN',
  dateOfBirth: '1980-05-05',
  nationality: 'GBR',
  documentNumber: 'X1234567',
  documentIssuer: 'GBR',
  validFrom: '2024-01-01',
  validTo: '2029-01-01',
  preClearedEconomies: [],
  ...over,
});

function screen(setup: (s: ScreeningState) => void, t: Traveller = traveller()) {
  const state = new ScreeningState();
  setup(state);
  return new Screener(state, DEFAULT_SCREENING_CONFIG).screen(t, { now: NOW });
}

describe('Screener', () => {
  it('clears a traveller when nothing fires', () => {
    const d = screen((s) => s.applyWatchlist('UN', 'QDi.001', listed(), 'v1'));
    expect(d).toMatchObject({ outcome: 'CLEAR', travellerId: 't1', listVersions: { UN: 'v1' } });
  });

  it('stops boarding on a lost/stolen document (exact issuer + number)', () => {
    const d = screen((s) => s.applyDocument('SLTD', 'L1', lost(), 'v3'));
    expect(d.outcome).toBe('NO_BOARD');
    expect(d.reasons[0]).toMatchObject({
      kind: 'LOST_STOLEN_DOCUMENT',
      source: { listId: 'SLTD', entryId: 'L1', listVersion: 'v3', entryFacts: { document: 'GBR:X1234567' } },
    });
    // A lost/stolen entry lists a document only: no name, birth date or nationality to compare.
    expect(Object.keys(d.reasons[0].source.entryFacts ?? {})).toEqual(['document']);
  });

  it.each([
    ['another issuer', { issuer: 'FRA' }, 'CLEAR'],
    ['no issuer reported', { issuer: undefined }, 'REFER'],
  ])('lost/stolen with %s', (_label, doc, outcome) => {
    const t = traveller({ documents: [{ type: 'P', number: 'X1234567', ...doc }] });
    expect(screen((s) => s.applyDocument('SLTD', 'L1', lost()), t).outcome).toBe(outcome);
  });

  it('refers or stops a strong watchlist match and explains it', () => {
    const t = traveller(LISTED_IDENTITY);
    const d = screen((s) => s.applyWatchlist('UN', 'QDi.001', listed(), 'v1'), t);
    expect(['REFER', 'NO_BOARD']).toContain(d.outcome);
    expect(d.reasons[0]).toMatchObject({ kind: 'WATCHLIST', source: { listId: 'UN', entryId: 'QDi.001' } });
    expect(d.reasons[0].explanation.length).toBeGreaterThan(10);
    // The listed values compared travel with the reason; the entry lists no document, so none is said.
    expect(d.reasons[0].source.entryFacts).toEqual({
      name: 'Ahmad Abdul Rahman AL-SAYED',
      dateOfBirth: '1970-03-04',
      nationality: 'SYR',
    });
  });

  it('reads a two-digit birth year in the other century and says so', () => {
    const sentAs = (dateOfBirthTwoDigitYear?: boolean) =>
      traveller({ ...LISTED_IDENTITY, dateOfBirth: '2025-01-25', dateOfBirthTwoDigitYear });
    const entry = listed({ datesOfBirth: [{ date: '1925-01-25' }] });
    const two = screen((s) => s.applyWatchlist('UN', 'QDi.001', entry, 'v1'), sentAs(true));
    const four = screen((s) => s.applyWatchlist('UN', 'QDi.001', entry, 'v1'), sentAs(undefined));
    expect(['REFER', 'NO_BOARD']).toContain(two.outcome);
    expect(two.reasons[0].explanation).toContain('two-digit year read as 1925');
    expect(four.reasons[0]?.explanation ?? '').not.toContain('two-digit year');
    expect((two.reasons[0].score ?? 0) > (four.reasons[0]?.score ?? 0)).toBe(true);
  });

  it.each([
    ['TRAVEL_BAN', 'NO_BOARD'],
    ['REFER', 'REFER'],
    ['MONITOR', 'CLEAR'],
  ])('a national list row with programme %s gets %s', (programme, outcome) => {
    const t = traveller({
      surname: 'AL-SAYED',
      givenNames: 'AHMAD ABDUL RAHMAN',
      dateOfBirth: '1970-03-04',
      nationality: 'SYR',
    });
    const entry = listed({ listId: 'NATIONAL', entryId: 'N1', programs: [programme] });
    const d = screen((s) => s.applyWatchlist('NATIONAL', 'N1', entry, 'v1'), t);
    expect(d.outcome).toBe(outcome);
    expect(d.reasons[0].explanation).toContain(`entry programme ${programme}`);
  });

  it('forgets a removed watchlist entry', () => {
    const t = traveller({
      surname: 'AL-SAYED',
      givenNames: 'AHMAD ABDUL RAHMAN',
      dateOfBirth: '1970-03-04',
      nationality: 'SYR',
    });
    const d = screen((s) => {
      s.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
      s.applyWatchlist('UN', 'QDi.001', null, 'v2');
    }, t);
    expect(d.outcome).toBe('CLEAR');
  });

  it.each([
    ['a valid TTP enrolment', enrolment(), 'EXPEDITE'],
    ['an expired enrolment', enrolment({ validTo: '2026-01-01' }), 'CLEAR'],
    ['another birth date', enrolment({ dateOfBirth: '1981-05-05' }), 'CLEAR'],
    [
      'an ABTC pre-cleared for USA',
      enrolment({ kind: 'ABTC', programme: 'ABTC', preClearedEconomies: ['AUS', 'USA'] }),
      'EXPEDITE',
    ],
    [
      'an ABTC not pre-cleared for USA',
      enrolment({ kind: 'ABTC', programme: 'ABTC', preClearedEconomies: ['AUS'] }),
      'CLEAR',
    ],
  ])('expedites only with %s', (_label, e, outcome) => {
    expect(screen((s) => s.applyEnrolment(e.listId, e.entryId, e, 'v1')).outcome).toBe(outcome);
  });

  it('never expedites when something refers', () => {
    const d = screen(
      (s) => {
        s.applyEnrolment('TTP', 'E1', enrolment(), 'v1');
        s.applyDocument('SLTD', 'L1', lost({ issuer: 'FRA' }), 'v1');
      },
      traveller({
        documents: [
          { type: 'P', number: 'X1234567', issuer: 'GBR' },
          { type: 'I', number: 'X1234567' },
        ],
      }),
    );
    expect(d.outcome).toBe('REFER');
  });

  it('never expedites with a possible watchlist match, even one below the referral threshold', () => {
    // Scores about 0.78 against JOHN DOE: at or above the alert threshold, below the referral one.
    const entry = listed({ names: [{ full: 'John DOER', type: 'primary' }], datesOfBirth: [] });
    const alertOnly = screen((s) => s.applyWatchlist('UN', 'QDi.001', entry, 'v1'));
    const weak = alertOnly.reasons.find((r) => r.kind === 'WATCHLIST');
    expect(weak?.action).toBe('CLEAR');
    expect(weak?.explanation).toContain('below the referral threshold');

    const d = screen((s) => {
      s.applyEnrolment('TTP', 'E1', enrolment(), 'v1');
      s.applyWatchlist('UN', 'QDi.001', entry, 'v1');
    });
    expect(d.outcome).toBe('CLEAR');
    const ttp = d.reasons.find((r) => r.kind === 'TRUSTED_TRAVELLER');
    expect(ttp).toMatchObject({ action: 'CLEAR' });
    expect(ttp?.explanation).toContain(EXPEDITE_WITHHELD);
  });

  it('still expedites when the watchlist holds nobody like the traveller', () => {
    const d = screen((s) => {
      s.applyEnrolment('TTP', 'E1', enrolment(), 'v1');
      s.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
    });
    expect(d.outcome).toBe('EXPEDITE');
  });

  it('applies rules and removes them', () => {
    const rule = validateRule({
      id: 'crew-watch',
      title: 'Crew on watched route',
      action: 'REFER',
      when: { fact: 'role', eq: 'CREW' },
      explanation: 'crew member on a watched route',
    });
    const crew = traveller({ role: 'CREW' });
    expect(screen((s) => s.applyRule('rules', 'crew-watch', rule, 'v1'), crew).outcome).toBe('REFER');
    expect(
      screen((s) => {
        s.applyRule('rules', 'crew-watch', rule, 'v1');
        s.applyRule('rules', 'crew-watch', null, 'v2');
      }, crew).outcome,
    ).toBe('CLEAR');
  });
});

describe('Screener: co-travellers (issue 18)', () => {
  const rule = validateRule({
    id: 'ftf-co-traveller',
    title: 'Travels with a referred traveller',
    action: 'REFER',
    when: { fact: 'coTravellers.flaggedLinks', in: ['BOOKING', 'CONTACT', 'PAYMENT'] },
    explanation: 'shares {coTravellers.flaggedLinks} with a referred traveller on this flight',
  });
  const matched = traveller({
    travellerId: 'm',
    ...LISTED_IDENTITY,
    pnr: { locator: 'FTF001', contacts: [{ kind: 'email', value: 'x.y@example.org' }] },
  });

  function state(): Screener {
    const s = new ScreeningState();
    s.applyWatchlist('UN', 'QDi.001', listed(), 'v1');
    s.applyRule('rules', 'ftf-co-traveller', rule, 'v1');
    return new Screener(s, DEFAULT_SCREENING_CONFIG);
  }

  it('refers a traveller sharing a booking or contact with a matched one, naming the link only', () => {
    const screener = state();
    expect(['REFER', 'NO_BOARD']).toContain(screener.screen(matched, { now: NOW }).outcome);
    const companion = traveller({
      travellerId: 'c',
      pnr: { locator: 'FTF001', contacts: [{ kind: 'email', value: 'X.Y@example.org' }] },
    });
    const d = screener.screen(companion, { now: NOW });
    expect(d.outcome).toBe('REFER');
    const reason = d.reasons.find((r) => r.kind === 'RULE');
    expect(reason?.explanation).toContain('BOOKING');
    expect(reason?.explanation).toContain('CONTACT');
    expect(reason?.explanation).not.toMatch(/FTF001|example|AL-SAYED|AHMAD/i);
  });

  it('does not link travellers screened before the match, on other flights, or with nothing shared', () => {
    const screener = state();
    const companion = traveller({ travellerId: 'c', pnr: { locator: 'FTF001' } });
    expect(screener.screen(companion, { now: NOW }).outcome).toBe('CLEAR');
    screener.screen(matched, { now: NOW });
    const otherFlight = traveller({
      travellerId: 'o',
      pnr: { locator: 'FTF001' },
      flight: { ...traveller().flight, number: '118' },
    });
    expect(screener.screen(otherFlight, { now: NOW }).outcome).toBe('CLEAR');
    expect(
      screener.screen(traveller({ travellerId: 'n', pnr: { locator: 'ZZZ999' } }), { now: NOW }).outcome,
    ).toBe('CLEAR');
  });
});

describe('outcomeOf / sameVerdict', () => {
  const r = (action: 'CLEAR' | 'EXPEDITE' | 'REFER' | 'NO_BOARD', entryId = 'e') => ({
    kind: 'RULE' as const,
    action,
    source: { listId: 'l', entryId },
    score: 1,
    matchedFields: [],
    explanation: '',
  });
  it.each([
    [[], 'CLEAR'],
    [[r('EXPEDITE')], 'EXPEDITE'],
    [[r('EXPEDITE'), r('REFER')], 'REFER'],
    [[r('REFER'), r('NO_BOARD')], 'NO_BOARD'],
  ])('%j → %s', (reasons, outcome) => {
    expect(outcomeOf(reasons)).toBe(outcome);
  });

  it('compares outcome and deciding sources, not timings', () => {
    expect(
      sameVerdict(
        { outcome: 'REFER', reasons: [r('REFER', 'a')] },
        { outcome: 'REFER', reasons: [r('REFER', 'a')] },
      ),
    ).toBe(true);
    expect(
      sameVerdict(
        { outcome: 'REFER', reasons: [r('REFER', 'a')] },
        { outcome: 'REFER', reasons: [r('REFER', 'b')] },
      ),
    ).toBe(false);
  });
});
