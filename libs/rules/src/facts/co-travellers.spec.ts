import type { Condition, Rule } from '../model/rule';
import { leg, withPnr } from '../traveller.fixture';
import { validateRule } from '../validate/validate-rule';
import { compileRules } from '../compile/compiled-rule-set';
import { FlaggedCoTravellers, linkKeys, MAX_FLIGHTS } from './co-travellers';

const NOW = new Date('2025-07-01T08:00:00Z');
const rule = (id: string, when: Condition, over: Partial<Rule> = {}): Rule =>
  validateRule({ id, title: id, action: 'REFER', when, ...over });

const flagged = withPnr(
  {
    locator: 'FTF001',
    contacts: [{ kind: 'phone', value: '+33 6 12 34 56 78' }],
    formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 812.4, currency: 'EUR' }],
  },
  { travellerId: 'flagged' },
);

describe('FlaggedCoTravellers', () => {
  it('names each kind of link shared with a flagged traveller of the same flight', () => {
    const seen = new FlaggedCoTravellers();
    seen.flag(flagged);
    const sameBooking = withPnr({ locator: 'ftf001' }, { travellerId: 'a' });
    const sameContact = withPnr(
      { locator: 'OTHER1', contacts: [{ kind: 'phone', value: '+33-6-1234-5678' }] },
      { travellerId: 'b' },
    );
    const samePayment = withPnr(
      {
        locator: 'OTHER2',
        formsOfPayment: [{ type: 'CC', cardVendor: 'VI', amount: 812.4, currency: 'EUR' }],
      },
      { travellerId: 'c' },
    );
    const unrelated = withPnr({ locator: 'OTHER3' }, { travellerId: 'd' });
    expect(seen.linksOf(sameBooking)).toEqual(['BOOKING']);
    expect(seen.linksOf(sameContact)).toEqual(['CONTACT']);
    expect(seen.linksOf(samePayment)).toEqual(['PAYMENT']);
    expect(seen.linksOf(unrelated)).toEqual([]);
  });

  it('links only travellers of the same flight and day, and not the flagged traveller to themself', () => {
    const seen = new FlaggedCoTravellers();
    seen.flag(flagged);
    const otherFlight = withPnr(
      { locator: 'FTF001' },
      { travellerId: 'a', flight: leg('CDG', 'JFK', '2025-07-01T10:00', '2025-07-01T12:30', 'XA200') },
    );
    const otherDay = withPnr(
      { locator: 'FTF001' },
      { travellerId: 'b', flight: leg('CDG', 'JFK', '2025-07-02T10:00', '2025-07-02T12:30', 'XA0100') },
    );
    expect(seen.linksOf(otherFlight)).toEqual([]);
    expect(seen.linksOf(otherDay)).toEqual([]);
    expect(seen.linksOf(flagged)).toEqual([]);
  });

  it('never links on cash or on a payment it cannot tell apart', () => {
    const cash = withPnr({ formsOfPayment: [{ type: 'CA', amount: 100, currency: 'EUR' }] });
    const partial = withPnr({ formsOfPayment: [{ type: 'CC', cardVendor: 'VI' }] });
    expect(linkKeys(cash).filter((k) => k.kind === 'PAYMENT')).toEqual([]);
    expect(linkKeys(partial).filter((k) => k.kind === 'PAYMENT')).toEqual([]);
  });

  it('holds hashes, never the shared values', () => {
    const keys = linkKeys(flagged)
      .map((k) => k.key)
      .join(' ');
    expect(keys).not.toMatch(/FTF001|12 ?34|VI|812/);
  });

  it('forgets the oldest flight beyond its bound', () => {
    const seen = new FlaggedCoTravellers();
    for (let i = 0; i <= MAX_FLIGHTS; i++) {
      seen.flag(
        withPnr(
          { locator: `L${i}` },
          { flight: leg('CDG', 'JFK', '2025-07-01T10:00', undefined, `XA${i + 1}`) },
        ),
      );
    }
    expect(seen.size).toBe(MAX_FLIGHTS);
  });
});

describe('the coTravellers.flaggedLinks fact', () => {
  const set = compileRules([
    rule(
      'ftf-co-traveller',
      { fact: 'coTravellers.flaggedLinks', in: ['BOOKING', 'CONTACT', 'PAYMENT'] },
      { explanation: 'shares {coTravellers.flaggedLinks} with a referred traveller on this flight' },
    ),
  ]);

  it('fires on a shared link and explains it by the kind of link only', () => {
    const [hit] = set.evaluate(withPnr({ locator: 'FTF001' }), {
      now: NOW,
      coTravellers: ['BOOKING', 'CONTACT'],
    });
    expect(hit.ruleId).toBe('ftf-co-traveller');
    expect(hit.explanation).toContain('BOOKING');
    expect(hit.explanation).not.toContain('FTF001');
  });

  it('does not fire without a link, and is unknown when the caller does not track co-travellers', () => {
    expect(set.evaluate(withPnr({}), { now: NOW, coTravellers: [] })).toEqual([]);
    expect(set.evaluate(withPnr({}), { now: NOW })).toEqual([]);
    const [explained] = set.explain(withPnr({}), { now: NOW });
    expect(explained.status).toBe('unknown');
  });

  it('rejects a link kind the fact never holds', () => {
    expect(() => rule('bad', { fact: 'coTravellers.flaggedLinks', in: ['SEAT'] })).toThrow();
  });
});
