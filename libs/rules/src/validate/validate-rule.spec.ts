import { RuleError } from '../model/rule-error';
import { MAX_CONDITION_DEPTH, validateRule } from './validate-rule';

type Plain = Record<string, unknown>;

const rule = (over: Plain = {}): Plain => ({
  id: 'r-1',
  title: 'A rule',
  action: 'REFER',
  when: { fact: 'pnr.oneWay', is: true },
  ...over,
});
const when = (condition: unknown) => rule({ when: condition });
const nested = (depth: number): unknown =>
  depth === 0 ? { fact: 'pnr.oneWay', is: true } : { not: nested(depth - 1) };

function errorOf(input: unknown): RuleError {
  try {
    validateRule(input);
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

describe('validateRule', () => {
  it('applies defaults and normalises codes', () => {
    expect(
      validateRule(
        rule({
          when: {
            all: [
              { fact: 'nationality', in: ['fra', ' deu ', 'FRA'] },
              { fact: 'flight.designator', eq: 'ba0117' },
            ],
          },
        }),
      ),
    ).toEqual({
      id: 'r-1',
      title: 'A rule',
      action: 'REFER',
      priority: 50,
      enabled: true,
      when: {
        all: [
          { fact: 'nationality', in: ['FRA', 'DEU'] },
          { fact: 'flight.designator', eq: 'BA117' },
        ],
      },
    });
  });

  it('is idempotent: a validated rule validates to itself', () => {
    const once = validateRule(rule({ validFrom: '2026-06-01', explanation: 'to {flight.destination}' }));
    expect(validateRule(once)).toEqual(once);
  });

  it('accepts NO_BOARD with a legal basis', () => {
    expect(validateRule(rule({ action: 'NO_BOARD', legalBasis: 'Act s.12' })).action).toBe('NO_BOARD');
  });

  it.each([
    ['not an object', 'rule', 'INVALID_TYPE', ''],
    ['a list', [rule()], 'INVALID_TYPE', ''],
    ['missing id', rule({ id: undefined }), 'REQUIRED', 'id'],
    ['id with a colon (it becomes a Kafka key)', rule({ id: 'a:b' }), 'INVALID_VALUE', 'id'],
    ['empty title', rule({ title: '  ' }), 'INVALID_VALUE', 'title'],
    ['a typo in a field', rule({ enabeld: false }), 'UNKNOWN_FIELD', 'enabeld'],
    ['EXPEDITE is not a rule action', rule({ action: 'EXPEDITE' }), 'INVALID_VALUE', 'action'],
    ['NO_BOARD without legal basis', rule({ action: 'NO_BOARD' }), 'REQUIRED', 'legalBasis'],
    ['priority out of range', rule({ priority: 101 }), 'INVALID_VALUE', 'priority'],
    ['priority as text', rule({ priority: 'high' }), 'INVALID_TYPE', 'priority'],
    ['enabled as yes', rule({ enabled: 'yes' }), 'INVALID_TYPE', 'enabled'],
    ['validFrom without a zone', rule({ validFrom: '2026-06-01T10:00' }), 'INVALID_VALUE', 'validFrom'],
    ['validUntil impossible date', rule({ validUntil: '2026-02-30' }), 'INVALID_VALUE', 'validUntil'],
    [
      'window reversed',
      rule({ validFrom: '2026-07-01', validUntil: '2026-06-01' }),
      'INVALID_WINDOW',
      'validUntil',
    ],
    ['missing when', rule({ when: undefined }), 'REQUIRED', 'when'],
    ['empty condition', when({}), 'REQUIRED', 'when'],
    ['two combinators', when({ all: [], any: [] }), 'INVALID_VALUE', 'when'],
    ['empty all', when({ all: [] }), 'INVALID_VALUE', 'when.all'],
    ['all not a list', when({ all: { fact: 'role', eq: 'CREW' } }), 'INVALID_TYPE', 'when.all'],
    [
      'extra key beside not',
      when({ not: { fact: 'role', eq: 'CREW' }, fact: 'role' }),
      'INVALID_VALUE',
      'when',
    ],
    ['unknown fact', when({ all: [{ fact: 'pnr.oneway', is: true }] }), 'UNKNOWN_FACT', 'when.all[0].fact'],
    ['personal data is not a fact', when({ fact: 'surname', eq: 'SMITH' }), 'UNKNOWN_FACT', 'when.fact'],
    ['a fact without operator', when({ fact: 'role' }), 'REQUIRED', 'when'],
    ['unknown operator', when({ fact: 'role', equals: 'CREW' }), 'UNKNOWN_FIELD', 'when.equals'],
    ['lt on a port', when({ fact: 'flight.destination', lt: 3 }), 'OPERATOR_NOT_ALLOWED', 'when.lt'],
    ['in on a number', when({ fact: 'ageAtArrival', in: ['17'] }), 'OPERATOR_NOT_ALLOWED', 'when.in'],
    [
      'two-letter nationality',
      when({ fact: 'nationality', in: ['FRA', 'US'] }),
      'INVALID_VALUE',
      'when.in[1]',
    ],
    ['unknown role', when({ fact: 'role', eq: 'PILOT' }), 'INVALID_VALUE', 'when.eq'],
    ['gender U (means unknown)', when({ fact: 'gender', eq: 'U' }), 'INVALID_VALUE', 'when.eq'],
    [
      'number as code (unquoted in YAML)',
      when({ fact: 'pnr.travelAgency', eq: 12345678 }),
      'INVALID_TYPE',
      'when.eq',
    ],
    ['empty list', when({ fact: 'flight.destination', in: [] }), 'INVALID_VALUE', 'when.in'],
    ['age as text', when({ fact: 'ageAtArrival', lt: '18' }), 'INVALID_TYPE', 'when.lt'],
    ['infinite bound', when({ fact: 'ageAtArrival', lt: Infinity }), 'INVALID_TYPE', 'when.lt'],
    ['between with one bound', when({ fact: 'ageAtArrival', between: [1] }), 'INVALID_TYPE', 'when.between'],
    ['between reversed', when({ fact: 'ageAtArrival', between: [18, 12] }), 'INVALID_WINDOW', 'when.between'],
    [
      'time window reversed',
      when({ fact: 'flight.arrivalAt', between: ['2026-07-19', '2026-06-08'] }),
      'INVALID_WINDOW',
      'when.between',
    ],
    [
      'time bound not a date',
      when({ fact: 'flight.arrivalAt', after: 'next week' }),
      'INVALID_VALUE',
      'when.after',
    ],
    [
      'time bound partial',
      when({ fact: 'flight.arrivalAt', between: ['2026-06', '2026-07-19'] }),
      'INVALID_VALUE',
      'when.between[0]',
    ],
    [
      'bad regular expression',
      when({ fact: 'pnr.travelAgency', matches: '(' }),
      'INVALID_PATTERN',
      'when.matches',
    ],
    [
      'regular expression too long',
      when({ fact: 'pnr.travelAgency', matches: 'a'.repeat(201) }),
      'INVALID_VALUE',
      'when.matches',
    ],
    ['is on a boolean given a string', when({ fact: 'pnr.oneWay', is: 'true' }), 'INVALID_TYPE', 'when.is'],
    [
      'nested too deep',
      when(nested(MAX_CONDITION_DEPTH + 1)),
      'TOO_DEEP',
      `when${'.not'.repeat(MAX_CONDITION_DEPTH + 1)}`,
    ],
    [
      'explanation with an unknown fact',
      rule({ explanation: 'to {flight.gate}' }),
      'INVALID_TEMPLATE',
      'explanation',
    ],
    ['explanation with a stray brace', rule({ explanation: 'to {' }), 'INVALID_TEMPLATE', 'explanation'],
  ])('%s → %s at %s', (_case, input, code, path) => {
    const e = errorOf(input);
    expect({ code: e.code, path: e.path }).toEqual({ code, path });
  });

  it('keeps rule values out of error messages', () => {
    const e = errorOf(when({ fact: 'nationality', in: ['SECRETVALUE'] }));
    expect(e.message).not.toContain('SECRETVALUE');
    expect(e.message).toMatch(/^when\.in\[0\]: /);
  });
});
