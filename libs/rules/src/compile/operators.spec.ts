import type { FactKind, FactValue } from '../facts/fact-catalogue';
import { localTimeRange } from '../facts/partial-date';
import type { FactCondition } from '../model/rule';
import { OPERATORS_BY_KIND, Operator, compileOperator } from './operators';

const num = (lo: number, hi = lo): FactValue => ({ lo, hi });
const at = (text: string): FactValue => ({ ...localTimeRange(text)!, text });
const test = (kind: FactKind, op: Operator, operand: unknown, value: FactValue | undefined) =>
  compileOperator(kind, op, { fact: 'x', [op]: operand } as unknown as FactCondition)(value);

/** A valid operand of each operator for each kind. */
function sampleOperand(kind: FactKind, op: Operator): unknown {
  const time = kind === 'time';
  const samples: Record<Operator, unknown> = {
    exists: true,
    eq: kind === 'number' ? 1 : 'A',
    in: ['A'],
    notIn: ['A'],
    onlyIn: ['A'],
    matches: 'A',
    lt: 1,
    lte: 1,
    gt: 1,
    gte: 1,
    between: time ? ['2025-01-01', '2025-01-02'] : [0, 1],
    before: '2025-01-01',
    after: '2025-01-01',
    is: true,
  };
  return samples[op];
}

describe('compileOperator', () => {
  it.each([
    // codes
    ['code', 'eq', 'JFK', 'JFK', 'yes'],
    ['code', 'eq', 'JFK', 'EWR', 'no'],
    ['code', 'in', ['JFK', 'EWR'], 'EWR', 'yes'],
    ['code', 'notIn', ['JFK', 'EWR'], 'EWR', 'no'],
    ['code', 'matches', '^12\\d{6}$', '12345678', 'yes'],
    ['code', 'matches', '^12\\d{6}$', '99345678', 'no'],
    // sets: in = any listed, notIn = none listed, onlyIn = all listed and not empty
    ['codes', 'in', ['CA'], ['CC', 'CA'], 'yes'],
    ['codes', 'in', ['CA'], ['CC'], 'no'],
    ['codes', 'notIn', ['CA'], ['CC', 'CA'], 'no'],
    ['codes', 'notIn', ['IST'], [], 'yes'],
    ['codes', 'onlyIn', ['CA'], ['CA'], 'yes'],
    ['codes', 'onlyIn', ['CA'], ['CA', 'CC'], 'no'],
    ['codes', 'onlyIn', ['CA'], [], 'no'],
    ['codes', 'matches', '^D', ['FRA', 'DEU'], 'yes'],
    // numbers are intervals: decided only when the whole interval agrees
    ['number', 'lt', 18, num(17), 'yes'],
    ['number', 'lt', 18, num(18), 'no'],
    ['number', 'lt', 18, num(17, 18), 'unknown'],
    ['number', 'lt', 18, num(15, 16), 'yes'],
    ['number', 'lte', 18, num(17, 18), 'yes'],
    ['number', 'gt', 65, num(65, 66), 'unknown'],
    ['number', 'gt', 65, num(66, 67), 'yes'],
    ['number', 'gte', 65, num(64), 'no'],
    ['number', 'eq', 1, num(1), 'yes'],
    ['number', 'eq', 1, num(0, 2), 'unknown'],
    ['number', 'eq', 1, num(2, 3), 'no'],
    ['number', 'between', [0, 182], num(0, 29), 'yes'],
    ['number', 'between', [0, 182], num(-5, 3), 'unknown'],
    ['number', 'between', [0, 182], num(200, 230), 'no'],
    // local date-times: a date bound covers its whole day
    ['time', 'between', ['2026-06-08', '2026-07-19'], at('2026-07-19T23:50'), 'yes'],
    ['time', 'between', ['2026-06-08', '2026-07-19'], at('2026-07-20T00:10'), 'no'],
    ['time', 'between', ['2026-06-08', '2026-07-19'], at('2026-06-07'), 'no'],
    ['time', 'between', ['2026-06-08T12:00', '2026-07-19'], at('2026-06-08'), 'unknown'],
    ['time', 'before', '2026-06-08', at('2026-06-07T23:59'), 'yes'],
    ['time', 'before', '2026-06-08', at('2026-06-08T00:00'), 'no'],
    ['time', 'after', '2026-06-08', at('2026-06-08T23:00'), 'no'],
    ['time', 'after', '2026-06-08', at('2026-06-09T00:00'), 'yes'],
    ['boolean', 'is', true, true, 'yes'],
    ['boolean', 'is', true, false, 'no'],
  ] as const)('%s %s %j on %j → %s', (kind, op, operand, value, expected) => {
    expect(test(kind, op, operand, value as FactValue)).toBe(expected);
  });

  it.each(
    Object.entries(OPERATORS_BY_KIND).flatMap(([kind, ops]) =>
      ops.filter((op) => op !== 'exists').map((op): [FactKind, Operator] => [kind as FactKind, op]),
    ),
  )('%s %s on a missing fact is unknown', (kind, op) => {
    expect(test(kind, op, sampleOperand(kind, op), undefined)).toBe('unknown');
  });

  it.each([
    [true, 'JFK', 'yes'],
    [true, undefined, 'no'],
    [false, undefined, 'yes'],
    [false, 'JFK', 'no'],
  ])('exists %s on %s → %s (never unknown)', (wanted, value, expected) => {
    expect(test('code', 'exists', wanted, value)).toBe(expected);
  });
});
