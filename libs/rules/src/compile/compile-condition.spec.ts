import { FactReader } from '../facts/fact-reader';
import type { Condition } from '../model/rule';
import { withPnr } from '../traveller.fixture';
import { compileCondition } from './compile-condition';

// On this traveller: Y is yes, Y2 is yes, N is no, U is unknown (the PNR has no party size).
const subject = withPnr({ oneWay: true, formsOfPayment: [{ type: 'CA' }] });
const Y: Condition = { fact: 'pnr.oneWay', is: true };
const Y2: Condition = { fact: 'pnr.paymentTypes', in: ['CA'] };
const N: Condition = { fact: 'role', eq: 'CREW' };
const U: Condition = { fact: 'pnr.partySize', eq: 1 };
const all = (...c: Condition[]): Condition => ({ all: c });
const any = (...c: Condition[]): Condition => ({ any: c });
const not = (c: Condition): Condition => ({ not: c });

const evaluate = (c: Condition) => compileCondition(c).evaluate(new FactReader(subject));

describe('three-valued composition', () => {
  it.each([
    ['all yes', all(Y, Y2), 'yes'],
    ['all with a no', all(Y, N), 'no'],
    ['all with an unknown', all(Y, U), 'unknown'],
    ['all: no beats unknown', all(U, N), 'no'],
    ['any with a yes', any(N, Y), 'yes'],
    ['any: yes beats unknown', any(U, Y), 'yes'],
    ['any with an unknown', any(N, U), 'unknown'],
    ['any all no', any(N, N), 'no'],
    ['not yes', not(Y), 'no'],
    ['not no', not(N), 'yes'],
    ['not unknown stays unknown: a missing field never fires a rule', not(U), 'unknown'],
    ['nested', all(Y, any(N, not(N)), not(any(N, all(U, N)))), 'yes'],
    [
      'operators of one condition are a conjunction',
      { fact: 'pnr.oneWay', exists: true, is: false } as Condition,
      'no',
    ],
    ['exists decides a missing fact', { fact: 'pnr.partySize', exists: false } as Condition, 'yes'],
  ])('%s → %s', (_case, condition, expected) => {
    expect(evaluate(condition)).toBe(expected);
  });
});

describe('matched fields of a condition that holds', () => {
  const matched = (c: Condition) => {
    const out: string[] = [];
    compileCondition(c).matched(new FactReader(subject), out);
    return out;
  };

  it.each([
    ['all: every condition', all(Y, Y2), ['pnr.oneWay', 'pnr.paymentTypes']],
    ['any: only those that hold', any(N, Y2, U), ['pnr.paymentTypes']],
    ['not: the facts that refuted the inner condition', not(all(Y, N)), ['role']],
    ['not any: every refuted fact', not(any(N, { fact: 'gender', eq: 'M' })), ['role', 'gender']],
  ])('%s', (_case, condition, expected) => {
    expect(matched(condition)).toEqual(expected);
  });
});

describe('trace', () => {
  it('shows each condition with its rule values and result, no traveller values', () => {
    const trace = compileCondition(all(Y, U)).trace(new FactReader(subject));
    expect(trace).toEqual({
      test: 'all',
      result: 'unknown',
      children: [
        { test: 'pnr.oneWay is true', result: 'yes' },
        { test: 'pnr.partySize eq 1', result: 'unknown' },
      ],
    });
  });
});
