import { parseDocument } from 'yaml';

import { RULE_FORMAT_VERSION, RULE_ID_PATTERN, Rule, RuleSet } from '../model/rule';
import { RuleError } from '../model/rule-error';
import { at, checkRule, expectObject, expectText, rejectUnknownKeys } from './validate-rule';

/** Rule sets are hand-written and small; anything larger is a wrong file or an attack. */
export const MAX_RULE_FILE_CHARS = 1_000_000;
/** YAML aliases expand; a few dozen is plenty for a rule file and keeps "billion laughs" out. */
export const MAX_YAML_ALIASES = 50;
export const RULE_FILE_FORMATS = ['json', 'yaml'] as const;
export type RuleFileFormat = (typeof RULE_FILE_FORMATS)[number];

const RULE_SET_KEYS = ['formatVersion', 'id', 'description', 'rules'] as const;

/** Where a JSON.parse error points, without the snippet of input V8 puts in its message. */
function jsonErrorPlace(e: unknown): string {
  const m = e instanceof Error ? /line (\d+) column (\d+)/.exec(e.message) : null;
  return m ? ` at line ${m[1]}, column ${m[2]}` : '';
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new RuleError('SYNTAX', '', `not valid JSON${jsonErrorPlace(e)}`);
  }
}

/**
 * YAML 1.2 core schema: `yes`/`no` stay strings and dates stay strings, so a file means the same
 * in YAML and in JSON. Duplicate keys are errors (a repeated `when:` would silently drop a condition).
 */
function parseYaml(text: string): unknown {
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, schema: 'core' });
  } catch {
    throw new RuleError('SYNTAX', '', 'not valid YAML');
  }
  const error = doc.errors[0];
  if (error) {
    const place = error.linePos ? ` at line ${error.linePos[0].line}, column ${error.linePos[0].col}` : '';
    throw new RuleError('SYNTAX', '', `not valid YAML (${error.code})${place}`);
  }
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch {
    throw new RuleError('SYNTAX', '', 'not valid YAML (too many alias expansions)');
  }
}

/** Validates a parsed rule set: format version, id, and every rule; rule ids unique in the set. */
export function validateRuleSet(input: unknown): RuleSet {
  const obj = expectObject(input, '');
  rejectUnknownKeys(obj, RULE_SET_KEYS, '');
  if (obj.formatVersion === undefined)
    throw new RuleError('REQUIRED', 'formatVersion', `required (${RULE_FORMAT_VERSION})`);
  if (obj.formatVersion !== RULE_FORMAT_VERSION) {
    throw new RuleError(
      'UNSUPPORTED_VERSION',
      'formatVersion',
      `only format version ${RULE_FORMAT_VERSION} is supported`,
    );
  }
  if (obj.id === undefined) throw new RuleError('REQUIRED', 'id', 'required');
  const id = expectText(obj.id, 'id', {
    max: 64,
    pattern: RULE_ID_PATTERN,
    hint: 'letters, digits, `.`, `_`, `-`',
  });
  const description =
    obj.description === undefined ? undefined : expectText(obj.description, 'description', { max: 2000 });
  if (obj.rules === undefined) throw new RuleError('REQUIRED', 'rules', 'required (may be an empty list)');
  if (!Array.isArray(obj.rules)) throw new RuleError('INVALID_TYPE', 'rules', 'expected a list of rules');
  const seen = new Set<string>();
  const rules: Rule[] = obj.rules.map((r: unknown, i: number) => {
    const rule = checkRule(r, at('rules', i));
    if (seen.has(rule.id))
      throw new RuleError('DUPLICATE_ID', at(at('rules', i), 'id'), 'a rule with this id comes earlier');
    seen.add(rule.id);
    return rule;
  });
  return { formatVersion: RULE_FORMAT_VERSION, id, ...(description !== undefined && { description }), rules };
}

/**
 * Parses and validates a rule file. JSON and YAML hold the same model. Throws RuleError (with the
 * path of the offending field) for anything that is not a usable rule set; never another error.
 */
export function parseRuleSet(text: string, format: RuleFileFormat): RuleSet {
  if (typeof text !== 'string') throw new RuleError('INVALID_TYPE', '', 'expected the text of a rule file');
  if (text.length > MAX_RULE_FILE_CHARS) {
    throw new RuleError('TOO_LARGE', '', `rule file longer than ${MAX_RULE_FILE_CHARS} characters`);
  }
  if (format !== 'json' && format !== 'yaml') {
    throw new RuleError(
      'INVALID_VALUE',
      '',
      `unknown rule file format (expected ${RULE_FILE_FORMATS.join(' or ')})`,
    );
  }
  return validateRuleSet(format === 'json' ? parseJson(text) : parseYaml(text));
}
