import { lookupFact } from '../facts/fact-catalogue';
import { FactReader } from '../facts/fact-reader';
import { RuleError } from '../model/rule-error';
import { traveller, withPnr } from '../traveller.fixture';
import { parseTemplate, renderTemplate } from './template';

const render = (template: string, t = traveller()) => {
  const reader = new FactReader(t);
  return renderTemplate(parseTemplate(template), (i) => reader.read(i));
};

describe('explanation templates', () => {
  it.each([
    ['no placeholder', 'plain text', traveller(), 'plain text'],
    ['one placeholder', 'to {flight.destination}', traveller(), 'to JFK'],
    ['spaces inside braces', 'to { flight.destination }', traveller(), 'to JFK'],
    ['literal braces', '{{x}} {flight.origin}', traveller(), '{x} CDG'],
    ['a missing fact', 'one-way: {pnr.oneWay}', traveller(), 'one-way: unknown'],
    ['an uncertain age', 'aged {ageAtArrival}', traveller({ dateOfBirth: '2010' }), 'aged 14–15'],
    ['payment types', 'paid {pnr.paymentTypes}', withPnr({ formsOfPayment: [{ type: 'CA' }] }), 'paid CA'],
  ])('%s', (_case, template, t, expected) => {
    expect(render(template, t)).toBe(expected);
  });

  it('stores fact slots, not names, so rendering does no lookup', () => {
    expect(parseTemplate('a {pnr.oneWay} b')).toEqual([
      'a ',
      { fact: lookupFact('pnr.oneWay')!.index },
      ' b',
    ]);
  });

  it.each([
    ['unknown fact', 'to {flight.gate}'],
    ['personal data is not a fact', 'for {surname}'],
    ['stray opening brace', 'to {flight.destination'],
    ['stray closing brace', 'to flight.destination}'],
  ])('%s → INVALID_TEMPLATE', (_case, template) => {
    expect(() => parseTemplate(template)).toThrow(RuleError);
    expect(() => parseTemplate(template)).toThrow(expect.objectContaining({ code: 'INVALID_TEMPLATE' }));
  });
});
