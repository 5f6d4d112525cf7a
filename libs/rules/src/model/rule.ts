import type { FactName } from '../facts/fact-catalogue';

/**
 * What a rule may ask for. Rules only ever raise scrutiny: REFER sends the traveller to an officer;
 * NO_BOARD denies boarding and therefore needs a stated `legalBasis` (an automated denial from a
 * profile must rest on a law, e.g. "passport valid on arrival", never on a risk pattern alone).
 * EXPEDITE is deliberately absent: lowering scrutiny needs a verified enrolment, not a pattern over
 * carrier-reported data. Values are part of the rules topic: add, never rename.
 */
export const RULE_ACTIONS = ['REFER', 'NO_BOARD'] as const;
export type RuleAction = (typeof RULE_ACTIONS)[number];

/** The only rule file format so far; a file states it so that a later format can be told apart. */
export const RULE_FORMAT_VERSION = 1;

/** Rule and rule-set ids become Kafka keys `listId:ruleId`, so they never contain `:`. */
export const RULE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const PRIORITY_MIN = 0;
export const PRIORITY_MAX = 100;
export const DEFAULT_PRIORITY = 50;

/** Operators of a fact condition; which ones a fact accepts depends on its kind (see FACT_KINDS). */
export interface FactCondition {
  fact: FactName;
  /** Whether the fact is known: the only operator that is never "unknown". */
  exists?: boolean;
  eq?: string | number;
  in?: string[];
  notIn?: string[];
  onlyIn?: string[];
  matches?: string;
  lt?: number;
  lte?: number;
  gt?: number;
  gte?: number;
  /** Inclusive bounds: numbers for numeric facts, local dates or date-times for date-time facts. */
  between?: [number, number] | [string, string];
  before?: string;
  after?: string;
  is?: boolean;
}

export interface AllCondition {
  all: Condition[];
}
export interface AnyCondition {
  any: Condition[];
}
export interface NotCondition {
  not: Condition;
}

export type Condition = AllCondition | AnyCondition | NotCondition | FactCondition;

/** A validated, normalised rule (codes upper-cased, defaults applied). Plain JSON: it is what the rules topic carries. */
export interface Rule {
  id: string;
  title: string;
  description?: string;
  action: RuleAction;
  priority: number;
  enabled: boolean;
  /** Instant (ISO 8601 with zone, or a date meaning 00:00 UTC) from which the rule applies, inclusive. */
  validFrom?: string;
  /** Instant until which the rule applies, exclusive; a date means the end of that day (UTC). */
  validUntil?: string;
  /** Required for NO_BOARD: the law or regulation that allows the automated denial. */
  legalBasis?: string;
  when: Condition;
  /** Officer-facing text with `{fact.name}` placeholders; defaults to the title and the matched facts. */
  explanation?: string;
}

export interface RuleSet {
  formatVersion: typeof RULE_FORMAT_VERSION;
  /** Published as the `listId` of each rule on the rules topic. */
  id: string;
  description?: string;
  rules: Rule[];
}

/** Where a compiled rule came from on the rules topic (maps onto contracts `ReasonSource`). */
export interface RuleSource {
  listId: string;
  listVersion?: string;
}

/** A rule that fired on a traveller. Maps onto a contracts `Reason` of kind RULE (see `toReason`). */
export interface RuleHit {
  ruleId: string;
  title: string;
  action: RuleAction;
  /** Rules are exact: a rule either fires or it does not. */
  score: 1;
  priority: number;
  /** Facts of the conditions that made the rule fire, in rule order, e.g. ["pnr.paymentTypes", "pnr.oneWay"]. */
  matchedFields: string[];
  explanation: string;
  source: RuleSource;
}
