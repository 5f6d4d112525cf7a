import type { RuleFileFormat } from './parse-rule-set';

/** Rule sets are YAML or JSON files; only the content tells them from a JSON watchlist. */
const RULE_FILE_NAME = /\.(ya?ml|json)$/i;
/** Where a rule set's `formatVersion` key must appear (rule files start with it). */
const RULE_SNIFF_BYTES = 4096;
/** `formatVersion` as a key: at a line start (YAML, pretty JSON) or after `{` / `,` (one-line JSON). */
const FORMAT_VERSION_KEY = /(^|[\n{,])\s*"?formatVersion"?\s*:/;

/**
 * Whether a file is a rule set rather than a list: a YAML or JSON file declaring `formatVersion`
 * near its start. The one answer the CLI and the watchlist service both use (the service once
 * missed a rule set written as one line of JSON).
 */
export function isRuleSetFile(name: string, bytes: Buffer): boolean {
  return (
    isRuleFileName(name) && FORMAT_VERSION_KEY.test(bytes.subarray(0, RULE_SNIFF_BYTES).toString('utf8'))
  );
}

/** Whether a file name is one a rule set can have (YAML or JSON). */
export function isRuleFileName(name: string): boolean {
  return RULE_FILE_NAME.test(name);
}

/** The format of a rule file, by its name (`.json`, else YAML). */
export function ruleFileFormat(name: string): RuleFileFormat {
  return /\.json$/i.test(name) ? 'json' : 'yaml';
}
