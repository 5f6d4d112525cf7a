import type { FactKind, FactValue, TimeValue } from '../facts/fact-catalogue';
import { Interval, localTimeRange } from '../facts/partial-date';
import type { FactCondition } from '../model/rule';
import type { Truth } from './truth';

/** Every operator of the format and the fact kinds it applies to. Names are part of the format. */
export const OPERATORS_BY_KIND: Readonly<Record<FactKind, readonly Operator[]>> = {
  code: ['exists', 'eq', 'in', 'notIn', 'matches'],
  codes: ['exists', 'in', 'notIn', 'onlyIn', 'matches'],
  number: ['exists', 'eq', 'lt', 'lte', 'gt', 'gte', 'between'],
  boolean: ['exists', 'is'],
  time: ['exists', 'before', 'after', 'between'],
};

export const OPERATORS = [
  'exists',
  'eq',
  'in',
  'notIn',
  'onlyIn',
  'matches',
  'lt',
  'lte',
  'gt',
  'gte',
  'between',
  'before',
  'after',
  'is',
] as const;
export type Operator = (typeof OPERATORS)[number];

/** One compiled operator: all parsing (sets, regular expressions, date bounds) happened at compile time. */
export type Test = (value: FactValue | undefined) => Truth;

/** A regular expression of a rule: case-insensitive, Unicode, anchored by the author if wanted. */
export function compilePattern(source: string): RegExp {
  return new RegExp(source, 'iu');
}

function yesNo(b: boolean): Truth {
  return b ? 'yes' : 'no';
}

/** `value < x` over an interval: yes when all of it is below, no when none of it is, else unknown. */
function below(v: Interval, x: number, inclusive: boolean): Truth {
  if (inclusive ? v.hi <= x : v.hi < x) return 'yes';
  if (inclusive ? v.lo > x : v.lo >= x) return 'no';
  return 'unknown';
}

function above(v: Interval, x: number, inclusive: boolean): Truth {
  if (inclusive ? v.lo >= x : v.lo > x) return 'yes';
  if (inclusive ? v.hi < x : v.hi <= x) return 'no';
  return 'unknown';
}

function within(v: Interval, lo: number, hi: number): Truth {
  if (v.lo >= lo && v.hi <= hi) return 'yes';
  if (v.hi < lo || v.lo > hi) return 'no';
  return 'unknown';
}

/** A validated local date or date-time bound: a date covers its whole day. */
function bound(text: string): Interval {
  const range = localTimeRange(text);
  if (!range) throw new Error('unvalidated time bound');
  return range;
}

function codeTest(op: Operator, c: FactCondition): Test {
  switch (op) {
    case 'eq': {
      const x = c.eq;
      return (v) => yesNo(v === x);
    }
    case 'in': {
      const set = new Set(c.in);
      return (v) => yesNo(set.has(v as string));
    }
    case 'notIn': {
      const set = new Set(c.notIn);
      return (v) => yesNo(!set.has(v as string));
    }
    case 'matches': {
      const re = compilePattern(c.matches as string);
      return (v) => yesNo(re.test(v as string));
    }
  }
  throw new Error(`operator ${op} on a code`);
}

/** Set facts: `in` = any element listed, `notIn` = none listed, `onlyIn` = every element listed (and at least one). */
function codesTest(op: Operator, c: FactCondition): Test {
  switch (op) {
    case 'in': {
      const set = new Set(c.in);
      return (v) => yesNo((v as readonly string[]).some((e) => set.has(e)));
    }
    case 'notIn': {
      const set = new Set(c.notIn);
      return (v) => yesNo(!(v as readonly string[]).some((e) => set.has(e)));
    }
    case 'onlyIn': {
      const set = new Set(c.onlyIn);
      return (v) => {
        const codes = v as readonly string[];
        return yesNo(codes.length > 0 && codes.every((e) => set.has(e)));
      };
    }
    case 'matches': {
      const re = compilePattern(c.matches as string);
      return (v) => yesNo((v as readonly string[]).some((e) => re.test(e)));
    }
  }
  throw new Error(`operator ${op} on a set`);
}

function numberTest(op: Operator, c: FactCondition): Test {
  switch (op) {
    case 'eq': {
      const x = c.eq as number;
      return (v) => within(v as Interval, x, x);
    }
    case 'lt': {
      const x = c.lt as number;
      return (v) => below(v as Interval, x, false);
    }
    case 'lte': {
      const x = c.lte as number;
      return (v) => below(v as Interval, x, true);
    }
    case 'gt': {
      const x = c.gt as number;
      return (v) => above(v as Interval, x, false);
    }
    case 'gte': {
      const x = c.gte as number;
      return (v) => above(v as Interval, x, true);
    }
    case 'between': {
      const [lo, hi] = c.between as [number, number];
      return (v) => within(v as Interval, lo, hi);
    }
  }
  throw new Error(`operator ${op} on a number`);
}

/** `before X`: wholly earlier than the start of X; `after X`: wholly later than the end of X. */
function timeTest(op: Operator, c: FactCondition): Test {
  switch (op) {
    case 'before': {
      const x = bound(c.before as string).lo;
      return (v) => below(v as TimeValue, x, false);
    }
    case 'after': {
      const x = bound(c.after as string).hi;
      return (v) => above(v as TimeValue, x, false);
    }
    case 'between': {
      const [from, to] = c.between as [string, string];
      const lo = bound(from).lo;
      const hi = bound(to).hi;
      return (v) => within(v as TimeValue, lo, hi);
    }
  }
  throw new Error(`operator ${op} on a time`);
}

/**
 * Compiles one operator of a validated condition. Every operator but `exists` answers unknown on
 * a missing fact. Throws only on a condition that skipped validation (a programming error).
 */
export function compileOperator(kind: FactKind, op: Operator, c: FactCondition): Test {
  if (op === 'exists') {
    const wanted = c.exists === true;
    return (v) => yesNo((v !== undefined) === wanted);
  }
  const test =
    kind === 'code'
      ? codeTest(op, c)
      : kind === 'codes'
        ? codesTest(op, c)
        : kind === 'number'
          ? numberTest(op, c)
          : kind === 'time'
            ? timeTest(op, c)
            : booleanTest(op, c);
  return (v) => (v === undefined ? 'unknown' : test(v));
}

function booleanTest(op: Operator, c: FactCondition): Test {
  if (op !== 'is') throw new Error(`operator ${op} on a boolean`);
  const x = c.is;
  return (v) => yesNo(v === x);
}
