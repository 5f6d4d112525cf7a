export * from './model/rule';
export * from './model/rule-error';
export { FACT_KINDS, FACT_NAMES, FACTS } from './facts/fact-catalogue';
export type { FactDefinition, FactKind, FactName } from './facts/fact-catalogue';
export { MAX_CONNECTION_HOURS } from './facts/journey';
export { OPERATORS, OPERATORS_BY_KIND } from './compile/operators';
export type { Operator } from './compile/operators';
export type { ConditionTrace } from './compile/compile-condition';
export type { Truth } from './compile/truth';
export * from './compile/compiled-rule-set';
export { toReason } from './compile/to-reason';
export {
  validateRule,
  MAX_CONDITION_DEPTH,
  MAX_LIST_VALUES,
  MAX_PATTERN_LENGTH,
} from './validate/validate-rule';
export * from './validate/parse-rule-set';
export * from './validate/rule-file';
export { CO_TRAVELLER_LINKS, FlaggedCoTravellers, linkKeys } from './facts/co-travellers';
export type { CoTravellerLink } from './facts/co-travellers';
