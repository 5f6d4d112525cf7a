import { lookupFact } from '../facts/fact-catalogue';
import type { FactReader } from '../facts/fact-reader';
import type { Condition, FactCondition } from '../model/rule';
import { OPERATORS, Operator, Test, compileOperator } from './operators';
import { Truth, negate } from './truth';

/** How one condition came out on one traveller (for `explain`; holds rule values, never traveller values). */
export interface ConditionTrace {
  /** `all`, `any`, `not`, or the fact test as written: `ageAtArrival lt 18`. */
  test: string;
  result: Truth;
  children?: ConditionTrace[];
}

/**
 * A compiled condition. `evaluate` is the hot path; `matched` (after a yes) and `refuted` (after a
 * no) walk again, over cached facts, only for rules that fired, to name the facts they relied on.
 */
export interface CompiledCondition {
  evaluate(reader: FactReader): Truth;
  matched(reader: FactReader, out: string[]): void;
  refuted(reader: FactReader, out: string[]): void;
  trace(reader: FactReader): ConditionTrace;
  /** Cache slots of every fact the condition reads. */
  readonly facts: readonly number[];
}

class FactNode implements CompiledCondition {
  readonly facts: readonly number[];
  constructor(
    private readonly name: string,
    private readonly index: number,
    private readonly tests: readonly Test[],
    private readonly text: string,
  ) {
    this.facts = [index];
  }

  /** The operators of one condition are a conjunction: any no is no, else any unknown is unknown. */
  evaluate(reader: FactReader): Truth {
    const value = reader.read(this.index);
    let result: Truth = 'yes';
    for (const test of this.tests) {
      const t = test(value);
      if (t === 'no') return 'no';
      if (t === 'unknown') result = 'unknown';
    }
    return result;
  }
  matched(_reader: FactReader, out: string[]): void {
    out.push(this.name);
  }
  refuted(_reader: FactReader, out: string[]): void {
    out.push(this.name);
  }
  trace(reader: FactReader): ConditionTrace {
    return { test: this.text, result: this.evaluate(reader) };
  }
}

class AllNode implements CompiledCondition {
  readonly facts: readonly number[];
  constructor(private readonly children: readonly CompiledCondition[]) {
    this.facts = children.flatMap((c) => c.facts);
  }
  evaluate(reader: FactReader): Truth {
    let result: Truth = 'yes';
    for (const child of this.children) {
      const t = child.evaluate(reader);
      if (t === 'no') return 'no';
      if (t === 'unknown') result = 'unknown';
    }
    return result;
  }
  matched(reader: FactReader, out: string[]): void {
    for (const child of this.children) child.matched(reader, out);
  }
  refuted(reader: FactReader, out: string[]): void {
    for (const child of this.children) if (child.evaluate(reader) === 'no') child.refuted(reader, out);
  }
  trace(reader: FactReader): ConditionTrace {
    return {
      test: 'all',
      result: this.evaluate(reader),
      children: this.children.map((c) => c.trace(reader)),
    };
  }
}

class AnyNode implements CompiledCondition {
  readonly facts: readonly number[];
  constructor(private readonly children: readonly CompiledCondition[]) {
    this.facts = children.flatMap((c) => c.facts);
  }
  evaluate(reader: FactReader): Truth {
    let result: Truth = 'no';
    for (const child of this.children) {
      const t = child.evaluate(reader);
      if (t === 'yes') return 'yes';
      if (t === 'unknown') result = 'unknown';
    }
    return result;
  }
  matched(reader: FactReader, out: string[]): void {
    for (const child of this.children) if (child.evaluate(reader) === 'yes') child.matched(reader, out);
  }
  refuted(reader: FactReader, out: string[]): void {
    for (const child of this.children) child.refuted(reader, out);
  }
  trace(reader: FactReader): ConditionTrace {
    return {
      test: 'any',
      result: this.evaluate(reader),
      children: this.children.map((c) => c.trace(reader)),
    };
  }
}

class NotNode implements CompiledCondition {
  readonly facts: readonly number[];
  constructor(private readonly inner: CompiledCondition) {
    this.facts = inner.facts;
  }
  evaluate(reader: FactReader): Truth {
    return negate(this.inner.evaluate(reader));
  }
  matched(reader: FactReader, out: string[]): void {
    this.inner.refuted(reader, out);
  }
  refuted(reader: FactReader, out: string[]): void {
    this.inner.matched(reader, out);
  }
  trace(reader: FactReader): ConditionTrace {
    return { test: 'not', result: this.evaluate(reader), children: [this.inner.trace(reader)] };
  }
}

function describe(c: FactCondition, ops: readonly Operator[]): string {
  return `${c.fact} ${ops.map((op) => `${op} ${JSON.stringify(c[op])}`).join(' and ')}`;
}

/** Compiles a validated condition tree into closures (sets built, patterns compiled, bounds parsed). */
export function compileCondition(c: Condition): CompiledCondition {
  if ('all' in c) return new AllNode(c.all.map(compileCondition));
  if ('any' in c) return new AnyNode(c.any.map(compileCondition));
  if ('not' in c) return new NotNode(compileCondition(c.not));
  const found = lookupFact(c.fact);
  if (!found) throw new Error('unvalidated condition: unknown fact');
  const ops = OPERATORS.filter((op) => c[op] !== undefined);
  const tests = ops.map((op) => compileOperator(found.definition.kind, op, c));
  return new FactNode(c.fact, found.index, tests, describe(c, ops));
}
