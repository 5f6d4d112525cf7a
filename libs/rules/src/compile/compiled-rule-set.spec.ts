import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { Traveller } from '@paxscreen/contracts';

import type { Condition, Rule } from '../model/rule';
import { RuleError } from '../model/rule-error';
import { doc, leg, traveller, withPnr } from '../traveller.fixture';
import { parseRuleSet } from '../validate/parse-rule-set';
import { validateRule } from '../validate/validate-rule';
import { CompiledRuleSet, compileRules } from './compiled-rule-set';

const rule = (id: string, when: Condition, over: Partial<Rule> = {}): Rule =>
  validateRule({ id, title: id, action: 'REFER', when, ...over });

const RULES: Rule[] = [
  rule(
    'cash-one-way-late',
    {
      all: [
        { fact: 'pnr.paymentTypes', in: ['CA'] },
        { fact: 'pnr.oneWay', is: true },
        { fact: 'pnr.bookingLeadHours', lt: 12 },
      ],
    },
    {
      priority: 60,
      explanation:
        'cash payment and one-way ticket booked {pnr.bookingLeadHours} h before departure to {flight.destination}',
    },
  ),
  rule('document-expired', { fact: 'document.expiryDaysAfterArrival', lt: 0 }, { priority: 70 }),
  rule(
    'document-long-expired',
    { fact: 'document.expiryDaysAfterArrival', lt: -30 },
    { action: 'NO_BOARD', legalBasis: 'Act s.12', priority: 10 },
  ),
  rule(
    'minor-alone',
    {
      all: [
        { fact: 'role', eq: 'PASSENGER' },
        { fact: 'ageAtArrival', lt: 16 },
        { fact: 'pnr.partySize', eq: 1 },
      ],
    },
    { priority: 80 },
  ),
  rule(
    'event-watch',
    {
      all: [
        { fact: 'flight.destination', in: ['JFK'] },
        { fact: 'flight.arrivalAt', between: ['2025-08-01', '2025-08-10'] },
      ],
    },
    { priority: 40, validFrom: '2025-07-15', validUntil: '2025-08-11' },
  ),
  rule('transit-doh-to-mad', {
    all: [
      { fact: 'itinerary.transitPorts', in: ['DOH'] },
      { fact: 'itinerary.destination', eq: 'MAD' },
    ],
  }),
  rule('crew-disabled', { fact: 'role', eq: 'CREW' }, { enabled: false }),
];

const JULY = new Date('2025-07-01T00:00:00Z');
const AUG_4 = new Date('2025-08-04T12:00:00Z');

const cash = (bookingDate: string | undefined, over: Partial<Traveller> = {}) =>
  withPnr({ formsOfPayment: [{ type: 'CA' }], oneWay: true, ...(bookingDate && { bookingDate }) }, over);
const expiring = (expiry: string) => traveller({ documents: [doc({ expiry })] });
const minor = (dateOfBirth: string, partySize?: number) =>
  partySize === undefined ? traveller({ dateOfBirth }) : withPnr({ partySize }, { dateOfBirth });
const arriving = (port: string, at?: string) => {
  const flight = leg('CDG', port, '2025-08-05T08:00', at);
  return traveller({ flight, itinerary: [flight] });
};
const via = (...legs: ReturnType<typeof leg>[]) =>
  traveller({ flight: legs[legs.length - 1], itinerary: legs });

describe('CompiledRuleSet.evaluate: travellers × rules', () => {
  const set = compileRules(RULES);

  it.each([
    ['a plain adult passenger', traveller(), JULY, []],
    ['cash, one-way, booked 5.5 h before', cash('2025-07-01T04:30'), JULY, ['cash-one-way-late']],
    ['cash, one-way, booked 30 h before', cash('2025-06-30T04:00'), JULY, []],
    ['cash, one-way, booking date unknown', cash(undefined), JULY, []],
    [
      'cash, one-way, booked the day of departure (date only: 0–10 h)',
      cash('2025-07-01'),
      JULY,
      ['cash-one-way-late'],
    ],
    ['cash, one-way, booked the day before (date only: 10–34 h)', cash('2025-06-30'), JULY, []],
    [
      'card, one-way, late',
      withPnr({ formsOfPayment: [{ type: 'CC' }], oneWay: true, bookingDate: '2025-07-01T09:00' }),
      JULY,
      [],
    ],
    ['document expired the day before arrival', expiring('2025-06-30'), JULY, ['document-expired']],
    ['document expiring on the arrival day', expiring('2025-07-01'), JULY, []],
    ['document expiry month of arrival (0–30 days)', expiring('2025-07'), JULY, []],
    ['document expiry month before arrival (−30…−1 days)', expiring('2025-06'), JULY, ['document-expired']],
    [
      'document expired 2 months before: NO_BOARD first',
      expiring('2025-05-01'),
      JULY,
      ['document-long-expired', 'document-expired'],
    ],
    ['document without expiry', traveller({ documents: [doc({ expiry: undefined })] }), JULY, []],
    ['minor (13) alone', minor('2012-01-01', 1), JULY, ['minor-alone']],
    ['minor born in 2010 (14–15) alone', minor('2010', 1), JULY, ['minor-alone']],
    ['born in 2009 (15–16): cannot tell, does not fire', minor('2009', 1), JULY, []],
    ['minor in a party of 3', minor('2012-01-01', 3), JULY, []],
    ['minor without PNR: party size unknown', minor('2012-01-01'), JULY, []],
    ['arriving JFK in the event window', arriving('JFK', '2025-08-05T11:00'), AUG_4, ['event-watch']],
    ['arriving JFK, date only, inside the window', arriving('JFK', '2025-08-10'), AUG_4, ['event-watch']],
    ['arriving JFK, time unknown', arriving('JFK'), AUG_4, []],
    ['arriving EWR in the event window', arriving('EWR', '2025-08-05T11:00'), AUG_4, []],
    ['event rule not yet valid', arriving('JFK', '2025-08-05T11:00'), JULY, []],
    [
      'event rule on its last day (a date bound covers the day)',
      arriving('JFK', '2025-08-05T11:00'),
      new Date('2025-08-11T23:59:00Z'),
      ['event-watch'],
    ],
    ['event rule expired', arriving('JFK', '2025-08-05T11:00'), new Date('2025-08-12T00:00:00Z'), []],
    [
      'connecting in DOH to MAD',
      via(
        leg('LIM', 'DOH', '2025-07-01T08:00', '2025-07-01T23:00'),
        leg('DOH', 'MAD', '2025-07-02T02:00', '2025-07-02T08:00'),
      ),
      JULY,
      ['transit-doh-to-mad'],
    ],
    [
      'a week in DOH, then MAD',
      via(
        leg('LIM', 'DOH', '2025-06-01T08:00', '2025-06-01T23:00'),
        leg('DOH', 'MAD', '2025-06-08T02:00', '2025-06-08T08:00'),
      ),
      JULY,
      [],
    ],
    ['direct DOH to MAD', via(leg('DOH', 'MAD')), JULY, []],
    ['crew (rule disabled)', traveller({ role: 'CREW' }), JULY, []],
    [
      'everything at once, ordered NO_BOARD, then priority',
      cash('2025-07-01T04:30', { documents: [doc({ expiry: '2025-01-01' })] }),
      JULY,
      ['document-long-expired', 'document-expired', 'cash-one-way-late'],
    ],
  ])('%s', (_case, t, now, expected) => {
    expect(set.evaluate(t, { now }).map((h) => h.ruleId)).toEqual(expected);
  });

  it('explains a hit with the template, the matched facts and a score of 1', () => {
    expect(set.evaluate(cash('2025-07-01T04:00'), { now: JULY })).toEqual([
      {
        ruleId: 'cash-one-way-late',
        title: 'cash-one-way-late',
        action: 'REFER',
        score: 1,
        priority: 60,
        matchedFields: ['pnr.paymentTypes', 'pnr.oneWay', 'pnr.bookingLeadHours'],
        explanation: 'cash payment and one-way ticket booked 6 h before departure to JFK',
        source: { listId: 'rules' },
      },
    ]);
  });

  it('explains a rule without template by its title and matched values', () => {
    expect(set.evaluate(minor('2010', 1), { now: JULY })[0].explanation).toBe(
      'minor-alone: role PASSENGER; ageAtArrival 14–15; pnr.partySize 1',
    );
  });

  it('never throws on a malformed traveller: its rules do not fire', () => {
    const broken = {
      travellerId: 'x',
      documents: null,
      flight: 'BA1',
      itinerary: {},
    } as unknown as Traveller;
    expect(set.evaluate(broken, { now: JULY })).toEqual([]);
  });

  it('with an invalid clock, keeps only rules without a validity window', () => {
    const hits = set.evaluate(arriving('JFK', '2025-08-05T11:00'), { now: new Date(NaN) });
    expect(hits).toEqual([]);
    expect(set.evaluate(expiring('2025-06-30'), { now: new Date(NaN) }).map((h) => h.ruleId)).toEqual([
      'document-expired',
    ]);
  });
});

describe('CompiledRuleSet.explain', () => {
  const set = compileRules(RULES);
  const statusOf = (t: Traveller, now = JULY) =>
    Object.fromEntries(set.explain(t, { now }).map((e) => [e.ruleId, [e.status, e.unknownFacts.join(' ')]]));

  it('says which rules could not be evaluated and for want of which facts', () => {
    const s = statusOf(minor('2009'));
    expect(s['minor-alone']).toEqual(['unknown', 'pnr.partySize']);
    expect(s['cash-one-way-late']).toEqual(['unknown', 'pnr.paymentTypes pnr.oneWay pnr.bookingLeadHours']);
    expect(s['document-expired']).toEqual(['no-match', '']);
    expect(s['crew-disabled']).toEqual(['disabled', '']);
    expect(s['event-watch']).toEqual(['not-yet-valid', '']);
    expect(statusOf(traveller(), new Date('2025-09-01T00:00:00Z'))['event-watch']).toEqual(['expired', '']);
  });

  it('traces the conditions of a rule that fired', () => {
    const minorAlone = set
      .explain(minor('2012-01-01', 1), { now: JULY })
      .find((e) => e.ruleId === 'minor-alone');
    expect(minorAlone?.status).toBe('hit');
    expect(minorAlone?.trace?.children?.map((c) => `${c.test} → ${c.result}`)).toEqual([
      'role eq "PASSENGER" → yes',
      'ageAtArrival lt 16 → yes',
      'pnr.partySize eq 1 → yes',
    ]);
  });
});

describe('CompiledRuleSet updates, one rule at a time', () => {
  const expired = expiring('2025-06-30');
  const ids = (set: CompiledRuleSet, t = expired) => set.evaluate(t, { now: JULY }).map((h) => h.ruleId);
  const documentExpired = RULES[1];

  it('adds, replaces by id, and removes', () => {
    const set = new CompiledRuleSet();
    expect(ids(set)).toEqual([]);
    set.upsert(documentExpired);
    expect(ids(set)).toEqual(['document-expired']);
    set.upsert({ ...documentExpired, when: { fact: 'document.expiryDaysAfterArrival', lt: -10 } });
    expect(set.size).toBe(1);
    expect(ids(set)).toEqual([]);
    expect(set.remove('document-expired')).toBe(true);
    expect(set.remove('document-expired')).toBe(false);
    expect(set.size).toBe(0);
  });

  it('keys rules by list and id, like the rules topic', () => {
    const set = new CompiledRuleSet();
    set.upsert(documentExpired, { listId: 'national', listVersion: '7' });
    set.upsert(documentExpired, { listId: 'regional' });
    expect(set.evaluate(expired, { now: JULY }).map((h) => h.source)).toEqual([
      { listId: 'national', listVersion: '7' },
      { listId: 'regional' },
    ]);
    set.remove('document-expired', 'national');
    expect(set.has('document-expired', 'national')).toBe(false);
    expect(set.has('document-expired', 'regional')).toBe(true);
  });

  it('leaves the set unchanged when an update is invalid', () => {
    const set = compileRules([documentExpired]);
    const bad = { ...documentExpired, when: { fact: 'no.such.fact', eq: 'X' } } as unknown as Rule;
    expect(() => set.upsert(bad)).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FACT', path: 'when.fact' }),
    );
    expect(() => set.upsertAll([RULES[0], bad])).toThrow(
      expect.objectContaining({ code: 'UNKNOWN_FACT', path: '[1].when.fact' }),
    );
    expect(set.rules().map((r) => r.rule.id)).toEqual(['document-expired']);
    expect(ids(set)).toEqual(['document-expired']);
    expect(Object.isFrozen(set.rules()[0].rule.when)).toBe(true);
  });

  it('rejects a repeated id when compiling a list', () => {
    expect(() => compileRules([documentExpired, documentExpired])).toThrow(RuleError);
    expect(() => compileRules([documentExpired, documentExpired])).toThrow(
      expect.objectContaining({ code: 'DUPLICATE_ID', path: '[1].id' }),
    );
  });
});

describe('the example rule set data/rules/default.yaml', () => {
  const file = parseRuleSet(
    readFileSync(join(__dirname, '../../../../data/rules/default.yaml'), 'utf8'),
    'yaml',
  );
  const set = compileRules(file.rules, { listId: file.id });

  it('refers a late one-way cash booking with an officer-readable explanation', () => {
    const t = withPnr({
      formsOfPayment: [{ type: 'CA' }],
      oneWay: true,
      bookingDate: '2025-07-01T04:00',
      partySize: 2,
    });
    expect(set.evaluate(t, { now: JULY }).map((h) => [h.ruleId, h.action, h.explanation])).toEqual([
      [
        'pnr-cash-one-way-late',
        'REFER',
        'cash payment and one-way ticket booked 6 h before departure to JFK',
      ],
    ]);
  });

  it('watches the event ports only while the watch is valid', () => {
    const flight = leg('LHR', 'JFK', '2026-06-10T08:00', '2026-06-10T11:00', 'XA0117');
    const t = withPnr({ oneWay: true }, { flight, itinerary: [flight] });
    const during = set.evaluate(t, { now: new Date('2026-06-09T00:00:00Z') });
    expect(during.map((h) => h.ruleId)).toEqual(['major-event-2026-watch']);
    expect(during[0].explanation).toBe(
      'arriving JFK on 2026-06-10T11:00 during the event watch (payment unknown, one-way yes)',
    );
    expect(set.evaluate(t, { now: new Date('2026-07-21T00:00:00Z') })).toEqual([]);
  });
});
