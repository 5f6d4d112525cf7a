import { OUTCOME_SEVERITY } from '@paxscreen/contracts';
import type { Traveller } from '@paxscreen/contracts';

import type { CoTravellerLink } from '../facts/co-travellers';
import { FACTS, lookupFact } from '../facts/fact-catalogue';
import { FactReader } from '../facts/fact-reader';
import { Rule, RuleHit, RuleSource } from '../model/rule';
import { RuleError } from '../model/rule-error';
import { parseInstant } from '../model/validity';
import { checkRule } from '../validate/validate-rule';
import { CompiledCondition, ConditionTrace, compileCondition } from './compile-condition';
import { TemplatePart, parseTemplate, renderTemplate, renderValue } from './template';

/** The list id of rules compiled without a source (a rule file loaded directly, tests). */
export const DEFAULT_RULE_LIST_ID = 'rules';

export interface EvaluationContext {
  /** The instant of screening: decides which rules are inside their validity window. */
  now: Date;
  /**
   * Links the traveller shares with a flagged traveller of the same flight (`FlaggedCoTravellers.linksOf`);
   * absent when the caller does not track co-travellers (the fact then reads as unknown).
   */
  coTravellers?: readonly CoTravellerLink[];
}

export const RULE_STATUSES = ['hit', 'no-match', 'unknown', 'disabled', 'not-yet-valid', 'expired'] as const;
export type RuleStatus = (typeof RULE_STATUSES)[number];

/** Why a rule did or did not fire on a traveller. Names facts and rule values, never traveller values. */
export interface RuleExplanation {
  ruleId: string;
  listId: string;
  title: string;
  status: RuleStatus;
  /** Facts the rule reads that the traveller does not carry (or carries too imprecisely to decide). */
  unknownFacts: string[];
  /** Absent for rules skipped before evaluation (disabled, outside their window). */
  trace?: ConditionTrace;
}

interface CompiledRule {
  readonly key: string;
  readonly source: RuleSource;
  readonly rule: Rule;
  readonly from: number;
  readonly until: number;
  readonly condition: CompiledCondition;
  readonly template: readonly TemplatePart[] | undefined;
}

function keyOf(listId: string, ruleId: string): string {
  return `${listId}:${ruleId}`;
}

/** Officer-facing order: NO_BOARD before REFER, then higher priority, then a stable tie-break. */
function byPrecedence(a: CompiledRule, b: CompiledRule): number {
  return (
    OUTCOME_SEVERITY[b.rule.action] - OUTCOME_SEVERITY[a.rule.action] ||
    b.rule.priority - a.rule.priority ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Frozen so that `rules()` callers cannot change a compiled rule behind the evaluator's back. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

function compileOne(rule: Rule, source: RuleSource): CompiledRule {
  const valid = deepFreeze(checkRule(rule, ''));
  return {
    key: keyOf(source.listId, valid.id),
    source: { ...source },
    rule: valid,
    from: valid.validFrom === undefined ? -Infinity : (parseInstant(valid.validFrom, 'from') as number),
    until: valid.validUntil === undefined ? Infinity : (parseInstant(valid.validUntil, 'until') as number),
    condition: compileCondition(valid.when),
    template: valid.explanation === undefined ? undefined : parseTemplate(valid.explanation),
  };
}

/** Validity checks written so that an invalid clock (NaN) leaves only rules without a window active. */
function afterStart(c: CompiledRule, now: number): boolean {
  return c.from === -Infinity || now >= c.from;
}

function beforeEnd(c: CompiledRule, now: number): boolean {
  return c.until === Infinity || now < c.until;
}

function unique(names: string[]): string[] {
  return [...new Set(names)];
}

/** Default explanation: the title and the values of the facts that made the rule fire. */
function defaultExplanation(title: string, matched: readonly string[], reader: FactReader): string {
  const values = matched.map((name) => {
    const found = lookupFact(name);
    return found ? `${name} ${renderValue(found.definition.kind, reader.read(found.index))}` : name;
  });
  return values.length > 0 ? `${title}: ${values.join('; ')}` : title;
}

/**
 * Rules compiled once and evaluated per traveller with no parsing: sets, patterns, bounds and
 * templates are built at compile time; each fact is read at most once per traveller. Rules are
 * keyed `listId:ruleId` like the rules topic, and changed one at a time as its records arrive.
 */
export class CompiledRuleSet {
  private readonly byKey = new Map<string, CompiledRule>();
  /** byKey's rules in precedence order, rebuilt on change (rare) so that hits come out sorted. */
  private ordered: CompiledRule[] = [];

  get size(): number {
    return this.ordered.length;
  }

  /**
   * Adds a rule, or replaces the rule with the same id from the same list. The rule is validated
   * and compiled first: on RuleError the set is left unchanged.
   */
  upsert(rule: Rule, source: RuleSource = { listId: DEFAULT_RULE_LIST_ID }): void {
    const compiled = compileOne(rule, source);
    this.byKey.set(compiled.key, compiled);
    this.reorder();
  }

  /**
   * Adds or replaces several rules of one list at once (a rule file, or the rules topic replayed at
   * start). All or nothing: the first bad rule throws RuleError located at `[i]…`, or DUPLICATE_ID
   * when an id repeats, and the set is left unchanged.
   */
  upsertAll(rules: readonly Rule[], source: RuleSource = { listId: DEFAULT_RULE_LIST_ID }): void {
    const batch = new Map<string, CompiledRule>();
    rules.forEach((rule, i) => {
      let compiled: CompiledRule;
      try {
        compiled = compileOne(rule, source);
      } catch (e) {
        throw e instanceof RuleError ? e.under(`[${i}]`) : e;
      }
      if (batch.has(compiled.key))
        throw new RuleError('DUPLICATE_ID', `[${i}].id`, 'a rule with this id comes earlier');
      batch.set(compiled.key, compiled);
    });
    for (const [key, compiled] of batch) this.byKey.set(key, compiled);
    this.reorder();
  }

  /** Removes a rule (a tombstone on the rules topic). Returns whether it was there. */
  remove(ruleId: string, listId: string = DEFAULT_RULE_LIST_ID): boolean {
    const removed = this.byKey.delete(keyOf(listId, ruleId));
    if (removed) this.reorder();
    return removed;
  }

  has(ruleId: string, listId: string = DEFAULT_RULE_LIST_ID): boolean {
    return this.byKey.has(keyOf(listId, ruleId));
  }

  /** The rules held, in precedence order. */
  rules(): { source: RuleSource; rule: Rule }[] {
    return this.ordered.map((c) => ({ source: { ...c.source }, rule: c.rule }));
  }

  /** The rules that fire on `traveller`, NO_BOARD first, then by priority. */
  evaluate(traveller: Traveller, context: EvaluationContext): RuleHit[] {
    const now = context.now.getTime();
    const reader = new FactReader(traveller, context.coTravellers);
    const hits: RuleHit[] = [];
    for (const c of this.ordered) {
      if (!c.rule.enabled || !afterStart(c, now) || !beforeEnd(c, now)) continue;
      if (c.condition.evaluate(reader) !== 'yes') continue;
      hits.push(this.hit(c, reader));
    }
    return hits;
  }

  /** Every rule and why it did or did not fire (for officers and rule authors; not the hot path). */
  explain(traveller: Traveller, context: EvaluationContext): RuleExplanation[] {
    const now = context.now.getTime();
    const reader = new FactReader(traveller, context.coTravellers);
    return this.ordered.map((c) => {
      const base = { ruleId: c.rule.id, listId: c.source.listId, title: c.rule.title };
      const unknownFacts = unique(
        c.condition.facts.filter((i) => reader.read(i) === undefined).map((i) => FACTS[i].name),
      );
      const skipped: RuleStatus | undefined = !c.rule.enabled
        ? 'disabled'
        : !afterStart(c, now)
          ? 'not-yet-valid'
          : !beforeEnd(c, now)
            ? 'expired'
            : undefined;
      if (skipped) return { ...base, status: skipped, unknownFacts };
      const trace = c.condition.trace(reader);
      const status: RuleStatus =
        trace.result === 'yes' ? 'hit' : trace.result === 'no' ? 'no-match' : 'unknown';
      return { ...base, status, unknownFacts, trace };
    });
  }

  private hit(c: CompiledRule, reader: FactReader): RuleHit {
    const matched: string[] = [];
    c.condition.matched(reader, matched);
    const matchedFields = unique(matched);
    const read = (index: number) => reader.read(index);
    return {
      ruleId: c.rule.id,
      title: c.rule.title,
      action: c.rule.action,
      score: 1,
      priority: c.rule.priority,
      matchedFields,
      explanation: c.template
        ? renderTemplate(c.template, read)
        : defaultExplanation(c.rule.title, matchedFields, reader),
      source: { ...c.source },
    };
  }

  private reorder(): void {
    this.ordered = [...this.byKey.values()].sort(byPrecedence);
  }
}

/**
 * Compiles rules into a set (all from one list, e.g. a rule file's `id`). Throws RuleError located
 * at `[i]…` for the first bad rule, or DUPLICATE_ID when an id repeats.
 */
export function compileRules(
  rules: readonly Rule[],
  source: RuleSource = { listId: DEFAULT_RULE_LIST_ID },
): CompiledRuleSet {
  const set = new CompiledRuleSet();
  set.upsertAll(rules, source);
  return set;
}
