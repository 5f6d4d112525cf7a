import { FactDefinition, lookupFact } from '../facts/fact-catalogue';
import { localTimeRange } from '../facts/partial-date';
import { OPERATORS, OPERATORS_BY_KIND, Operator, compilePattern } from '../compile/operators';
import { parseTemplate } from '../compile/template';
import {
  Condition,
  DEFAULT_PRIORITY,
  FactCondition,
  PRIORITY_MAX,
  PRIORITY_MIN,
  RULE_ACTIONS,
  RULE_ID_PATTERN,
  Rule,
  RuleAction,
} from '../model/rule';
import { RuleError } from '../model/rule-error';
import { parseInstant } from '../model/validity';

/** Deeper trees are unreadable to officers and a way to exhaust the stack with a crafted file. */
export const MAX_CONDITION_DEPTH = 12;
/** Per list operator; a longer list belongs in a watchlist, not in a rule. */
export const MAX_LIST_VALUES = 5000;
/** Long patterns are where catastrophic backtracking hides. */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_TITLE_LENGTH = 120;
export const MAX_TEXT_LENGTH = 2000;
export const MAX_EXPLANATION_LENGTH = 500;

const RULE_KEYS = [
  'id',
  'title',
  'description',
  'action',
  'priority',
  'enabled',
  'validFrom',
  'validUntil',
  'legalBasis',
  'when',
  'explanation',
] as const;
const COMBINATORS = ['all', 'any', 'not', 'fact'] as const;

type Plain = Record<string, unknown>;

export function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

export function isPlainObject(v: unknown): v is Plain {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeName(v: unknown): string {
  return v === null
    ? 'null'
    : Array.isArray(v)
      ? 'a list'
      : typeof v === 'object'
        ? 'an object'
        : `a ${typeof v}`;
}

export function expectObject(v: unknown, path: string): Plain {
  if (!isPlainObject(v)) throw new RuleError('INVALID_TYPE', path, `expected an object, got ${typeName(v)}`);
  return v;
}

export function rejectUnknownKeys(obj: Plain, allowed: readonly string[], path: string): void {
  for (const key of Object.keys(obj)) {
    if (!allowed.includes(key)) {
      throw new RuleError('UNKNOWN_FIELD', at(path, key), `unknown field (allowed: ${allowed.join(', ')})`);
    }
  }
}

interface TextOptions {
  max: number;
  pattern?: RegExp;
  hint?: string;
}

export function expectText(v: unknown, path: string, opts: TextOptions): string {
  if (typeof v !== 'string')
    throw new RuleError('INVALID_TYPE', path, `expected a string, got ${typeName(v)}`);
  const text = v.trim();
  if (text.length === 0) throw new RuleError('INVALID_VALUE', path, 'must not be empty');
  if (text.length > opts.max)
    throw new RuleError('INVALID_VALUE', path, `longer than ${opts.max} characters`);
  if (opts.pattern && !opts.pattern.test(text)) {
    throw new RuleError('INVALID_VALUE', path, opts.hint ?? `does not match ${opts.pattern.source}`);
  }
  return text;
}

function required(obj: Plain, key: string, path: string): unknown {
  if (obj[key] === undefined || obj[key] === null) throw new RuleError('REQUIRED', at(path, key), 'required');
  return obj[key];
}

function optional<T>(
  obj: Plain,
  key: string,
  read: (v: unknown, path: string) => T,
  path: string,
): T | undefined {
  const v = obj[key];
  return v === undefined || v === null ? undefined : read(v, at(path, key));
}

function expectBoolean(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean')
    throw new RuleError('INVALID_TYPE', path, `expected true or false, got ${typeName(v)}`);
  return v;
}

function expectNumber(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new RuleError('INVALID_TYPE', path, `expected a number, got ${typeName(v)}`);
  }
  return v;
}

/** A code as the fact reads it: trimmed, upper case, normalised, and of the fact's shape. */
function expectCode(v: unknown, path: string, fact: FactDefinition): string {
  if (typeof v !== 'string') {
    throw new RuleError('INVALID_TYPE', path, `expected a string, got ${typeName(v)} (quote codes in YAML)`);
  }
  const code = fact.normalise ? fact.normalise(v) : v.trim().toUpperCase();
  if (code.length === 0) throw new RuleError('INVALID_VALUE', path, 'must not be empty');
  if (fact.valuePattern && !fact.valuePattern.test(code)) {
    throw new RuleError(
      'INVALID_VALUE',
      path,
      `not a valid value for ${fact.name} (expected ${fact.valuePattern.source})`,
    );
  }
  return code;
}

function expectCodeList(v: unknown, path: string, fact: FactDefinition): string[] {
  if (!Array.isArray(v)) throw new RuleError('INVALID_TYPE', path, `expected a list, got ${typeName(v)}`);
  if (v.length === 0) throw new RuleError('INVALID_VALUE', path, 'must list at least one value');
  if (v.length > MAX_LIST_VALUES)
    throw new RuleError('INVALID_VALUE', path, `more than ${MAX_LIST_VALUES} values`);
  return [...new Set(v.map((item, i) => expectCode(item, at(path, i), fact)))];
}

function expectLocalTime(v: unknown, path: string): string {
  const text = expectText(v, path, { max: 40 });
  if (!localTimeRange(text)) {
    throw new RuleError(
      'INVALID_VALUE',
      path,
      'expected a local date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM)',
    );
  }
  return text;
}

function expectPair<T>(v: unknown, path: string, item: (x: unknown, p: string) => T): [T, T] {
  if (!Array.isArray(v) || v.length !== 2) {
    throw new RuleError('INVALID_TYPE', path, 'expected a list of two bounds [from, to]');
  }
  return [item(v[0], at(path, 0)), item(v[1], at(path, 1))];
}

function expectPattern(v: unknown, path: string): string {
  const source = expectText(v, path, { max: MAX_PATTERN_LENGTH });
  try {
    compilePattern(source);
  } catch {
    throw new RuleError('INVALID_PATTERN', path, 'not a valid regular expression');
  }
  return source;
}

function checkOperand(op: Operator, v: unknown, path: string, fact: FactDefinition): FactCondition[Operator] {
  switch (op) {
    case 'exists':
    case 'is':
      return expectBoolean(v, path);
    case 'eq':
      return fact.kind === 'number' ? expectNumber(v, path) : expectCode(v, path, fact);
    case 'in':
    case 'notIn':
    case 'onlyIn':
      return expectCodeList(v, path, fact);
    case 'matches':
      return expectPattern(v, path);
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
      return expectNumber(v, path);
    case 'before':
    case 'after':
      return expectLocalTime(v, path);
    case 'between': {
      if (fact.kind === 'number') {
        const pair = expectPair(v, path, expectNumber);
        if (pair[0] > pair[1]) throw new RuleError('INVALID_WINDOW', path, 'from is greater than to');
        return pair;
      }
      const pair = expectPair(v, path, expectLocalTime);
      const from = localTimeRange(pair[0]);
      const to = localTimeRange(pair[1]);
      if (from && to && from.lo > to.hi) throw new RuleError('INVALID_WINDOW', path, 'from is later than to');
      return pair;
    }
  }
}

function checkFactCondition(obj: Plain, path: string): FactCondition {
  const name = expectText(obj.fact, at(path, 'fact'), { max: 64 });
  const found = lookupFact(name);
  if (!found)
    throw new RuleError('UNKNOWN_FACT', at(path, 'fact'), 'unknown fact (see docs/rules.md for the list)');
  const fact = found.definition;
  const allowed = OPERATORS_BY_KIND[fact.kind];
  const out: Plain = { fact: fact.name };
  let operators = 0;
  for (const key of Object.keys(obj)) {
    if (key === 'fact') continue;
    if (!(OPERATORS as readonly string[]).includes(key)) {
      throw new RuleError(
        'UNKNOWN_FIELD',
        at(path, key),
        `unknown operator (allowed on ${fact.name}: ${allowed.join(', ')})`,
      );
    }
    const op = key as Operator;
    if (!allowed.includes(op)) {
      throw new RuleError(
        'OPERATOR_NOT_ALLOWED',
        at(path, key),
        `not an operator of ${fact.kind} fact ${fact.name} (allowed: ${allowed.join(', ')})`,
      );
    }
    out[op] = checkOperand(op, obj[key], at(path, key), fact);
    operators++;
  }
  if (operators === 0)
    throw new RuleError('REQUIRED', path, `an operator is required (one of ${allowed.join(', ')})`);
  return out as unknown as FactCondition;
}

function checkConditionList(v: unknown, path: string, depth: number): Condition[] {
  if (!Array.isArray(v))
    throw new RuleError('INVALID_TYPE', path, `expected a list of conditions, got ${typeName(v)}`);
  if (v.length === 0) throw new RuleError('INVALID_VALUE', path, 'must hold at least one condition');
  return v.map((c, i) => checkCondition(c, at(path, i), depth + 1));
}

/** A condition: exactly one of `all: [...]`, `any: [...]`, `not: {...}`, or `fact:` with operators. */
export function checkCondition(v: unknown, path: string, depth = 0): Condition {
  if (depth > MAX_CONDITION_DEPTH) {
    throw new RuleError('TOO_DEEP', path, `conditions nested deeper than ${MAX_CONDITION_DEPTH}`);
  }
  const obj = expectObject(v, path);
  const kinds = COMBINATORS.filter((k) => obj[k] !== undefined);
  if (kinds.length === 0)
    throw new RuleError('REQUIRED', path, `a condition needs one of ${COMBINATORS.join(', ')}`);
  if (kinds.length > 1)
    throw new RuleError('INVALID_VALUE', path, `a condition takes only one of ${kinds.join(', ')}`);
  const kind = kinds[0];
  if (kind === 'fact') return checkFactCondition(obj, path);
  rejectUnknownKeys(obj, [kind], path);
  if (kind === 'not') return { not: checkCondition(obj.not, at(path, 'not'), depth + 1) };
  const list = checkConditionList(obj[kind], at(path, kind), depth);
  return kind === 'all' ? { all: list } : { any: list };
}

function checkAction(v: unknown, path: string): RuleAction {
  if (typeof v !== 'string' || !(RULE_ACTIONS as readonly string[]).includes(v)) {
    throw new RuleError(
      'INVALID_VALUE',
      path,
      `expected one of ${RULE_ACTIONS.join(', ')} (rules never expedite: that needs a verified enrolment)`,
    );
  }
  return v as RuleAction;
}

function checkPriority(v: unknown, path: string): number {
  const n = expectNumber(v, path);
  if (!Number.isInteger(n) || n < PRIORITY_MIN || n > PRIORITY_MAX) {
    throw new RuleError(
      'INVALID_VALUE',
      path,
      `expected a whole number from ${PRIORITY_MIN} to ${PRIORITY_MAX}`,
    );
  }
  return n;
}

function checkInstant(bound: 'from' | 'until') {
  return (v: unknown, path: string): string => {
    const text = expectText(v, path, { max: 40 });
    if (parseInstant(text, bound) === undefined) {
      throw new RuleError('INVALID_VALUE', path, 'expected a date (UTC) or a date-time with zone, ISO 8601');
    }
    return text;
  };
}

function checkExplanation(v: unknown, path: string): string {
  const text = expectText(v, path, { max: MAX_EXPLANATION_LENGTH });
  try {
    parseTemplate(text);
  } catch (e) {
    throw e instanceof RuleError ? e.under(path) : e;
  }
  return text;
}

/**
 * Checks one rule at `path` and returns it normalised (codes upper-cased, lists de-duplicated,
 * defaults applied). Throws the first RuleError found. Idempotent: a normalised rule validates
 * to an equal rule, so compiling may validate again without changing anything.
 */
export function checkRule(input: unknown, path: string): Rule {
  const obj = expectObject(input, path);
  rejectUnknownKeys(obj, RULE_KEYS, path);
  const id = expectText(required(obj, 'id', path), at(path, 'id'), {
    max: 64,
    pattern: RULE_ID_PATTERN,
    hint: 'letters, digits, `.`, `_`, `-`, starting with a letter or digit, at most 64',
  });
  const title = expectText(required(obj, 'title', path), at(path, 'title'), { max: MAX_TITLE_LENGTH });
  const description = optional(
    obj,
    'description',
    (v, p) => expectText(v, p, { max: MAX_TEXT_LENGTH }),
    path,
  );
  const action = checkAction(required(obj, 'action', path), at(path, 'action'));
  const priority = optional(obj, 'priority', checkPriority, path) ?? DEFAULT_PRIORITY;
  const enabled = optional(obj, 'enabled', expectBoolean, path) ?? true;
  const validFrom = optional(obj, 'validFrom', checkInstant('from'), path);
  const validUntil = optional(obj, 'validUntil', checkInstant('until'), path);
  const from = validFrom === undefined ? undefined : parseInstant(validFrom, 'from');
  const until = validUntil === undefined ? undefined : parseInstant(validUntil, 'until');
  if (from !== undefined && until !== undefined && from >= until) {
    throw new RuleError('INVALID_WINDOW', at(path, 'validUntil'), 'must be later than validFrom');
  }
  const legalBasis = optional(obj, 'legalBasis', (v, p) => expectText(v, p, { max: MAX_TEXT_LENGTH }), path);
  if (action === 'NO_BOARD' && !legalBasis) {
    throw new RuleError(
      'REQUIRED',
      at(path, 'legalBasis'),
      'required for NO_BOARD: the law allowing an automated denial',
    );
  }
  const when = checkCondition(required(obj, 'when', path), at(path, 'when'));
  const explanation = optional(obj, 'explanation', checkExplanation, path);
  return {
    id,
    title,
    ...(description !== undefined && { description }),
    action,
    priority,
    enabled,
    ...(validFrom !== undefined && { validFrom }),
    ...(validUntil !== undefined && { validUntil }),
    ...(legalBasis !== undefined && { legalBasis }),
    when,
    ...(explanation !== undefined && { explanation }),
  };
}

/** Validates one rule (e.g. the `rule` of a rules-topic record). Throws RuleError with the field path. */
export function validateRule(input: unknown): Rule {
  return checkRule(input, '');
}
