import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { RuleError } from '../model/rule-error';
import { MAX_CONDITION_DEPTH } from './validate-rule';
import { MAX_RULE_FILE_CHARS, RuleFileFormat, parseRuleSet } from './parse-rule-set';

const RULES_DIR = join(__dirname, '../../../../data/rules');

const YAML_SET = `
formatVersion: 1
id: sample
rules:
  - id: cash-one-way
    title: Cash and one-way
    action: REFER
    when:
      all:
        - fact: pnr.paymentTypes
          in: [CA]
        - fact: pnr.oneWay
          is: true
`;

const JSON_SET = JSON.stringify({
  formatVersion: 1,
  id: 'sample',
  rules: [
    {
      id: 'cash-one-way',
      title: 'Cash and one-way',
      action: 'REFER',
      when: {
        all: [
          { fact: 'pnr.paymentTypes', in: ['CA'] },
          { fact: 'pnr.oneWay', is: true },
        ],
      },
    },
  ],
});

const deepYaml = (depth: number) =>
  `formatVersion: 1\nid: deep\nrules:\n  - id: d\n    title: d\n    action: REFER\n    when: ${'{not: '.repeat(depth)}{fact: role, eq: CREW}${'}'.repeat(depth)}\n`;
const aliasBomb = [
  'a: &a [x, x, x, x, x, x, x, x, x, x]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
].join('\n');

function errorOf(text: string, format: RuleFileFormat): RuleError {
  try {
    parseRuleSet(text, format);
  } catch (e) {
    if (e instanceof RuleError) return e;
    throw e;
  }
  throw new Error('expected a RuleError');
}

describe('parseRuleSet', () => {
  it('reads the same model from YAML and JSON', () => {
    expect(parseRuleSet(YAML_SET, 'yaml')).toEqual(parseRuleSet(JSON_SET, 'json'));
    expect(parseRuleSet(YAML_SET, 'yaml').rules[0]).toMatchObject({
      id: 'cash-one-way',
      priority: 50,
      enabled: true,
    });
  });

  it.each(readdirSync(RULES_DIR).filter((f) => /\.(ya?ml|json)$/.test(f)))(
    'example rule set %s is valid',
    (file) => {
      const format = file.endsWith('.json') ? 'json' : 'yaml';
      expect(parseRuleSet(readFileSync(join(RULES_DIR, file), 'utf8'), format).rules.length).toBeGreaterThan(
        0,
      );
    },
  );

  it('keeps YAML dates and yes/no as strings (YAML 1.2 core), so they are checked, not coerced', () => {
    const text = YAML_SET.replace('is: true', 'is: yes');
    expect(errorOf(text, 'yaml')).toMatchObject({ code: 'INVALID_TYPE', path: 'rules[0].when.all[1].is' });
  });

  it.each([
    ['broken JSON', '{"formatVersion": 1,', 'json', 'SYNTAX', ''],
    ['broken YAML', 'rules:\n  - id: a\n   title: b', 'yaml', 'SYNTAX', ''],
    ['duplicate YAML key', 'formatVersion: 1\nid: a\nid: b\nrules: []', 'yaml', 'SYNTAX', ''],
    ['two YAML documents', 'formatVersion: 1\n---\nformatVersion: 1', 'yaml', 'SYNTAX', ''],
    ['alias bomb', aliasBomb, 'yaml', 'SYNTAX', ''],
    ['a list at the top', '[]', 'json', 'INVALID_TYPE', ''],
    ['empty YAML', '', 'yaml', 'INVALID_TYPE', ''],
    ['no format version', 'id: a\nrules: []', 'yaml', 'REQUIRED', 'formatVersion'],
    [
      'a future format version',
      'formatVersion: 2\nid: a\nrules: []',
      'yaml',
      'UNSUPPORTED_VERSION',
      'formatVersion',
    ],
    ['no id', 'formatVersion: 1\nrules: []', 'yaml', 'REQUIRED', 'id'],
    ['no rules', 'formatVersion: 1\nid: a', 'yaml', 'REQUIRED', 'rules'],
    ['rules not a list', 'formatVersion: 1\nid: a\nrules: {}', 'yaml', 'INVALID_TYPE', 'rules'],
    [
      'unknown top-level field',
      'formatVersion: 1\nid: a\nrule: []\nrules: []',
      'yaml',
      'UNKNOWN_FIELD',
      'rule',
    ],
    [
      'a bad rule, located in the set',
      YAML_SET.replace('in: [CA]', 'in: CA'),
      'yaml',
      'INVALID_TYPE',
      'rules[0].when.all[0].in',
    ],
    [
      'a repeated rule id',
      JSON.stringify({
        ...JSON.parse(JSON_SET),
        rules: [...JSON.parse(JSON_SET).rules, ...JSON.parse(JSON_SET).rules],
      }),
      'json',
      'DUPLICATE_ID',
      'rules[1].id',
    ],
    [
      'nested too deep in YAML',
      deepYaml(MAX_CONDITION_DEPTH + 5),
      'yaml',
      'TOO_DEEP',
      `rules[0].when${'.not'.repeat(MAX_CONDITION_DEPTH + 1)}`,
    ],
    [
      'nested far too deep in JSON',
      `{"formatVersion":1,"id":"a","rules":[{"id":"a","title":"a","action":"REFER","when":${'{"not":'.repeat(5000)}{}${'}'.repeat(5000)}}]}`,
      'json',
      'TOO_DEEP',
      `rules[0].when${'.not'.repeat(MAX_CONDITION_DEPTH + 1)}`,
    ],
    ['too large', ' '.repeat(MAX_RULE_FILE_CHARS + 1), 'yaml', 'TOO_LARGE', ''],
    ['unknown format', '{}', 'toml' as RuleFileFormat, 'INVALID_VALUE', ''],
  ] as const)('%s → %s at "%s"', (_case, text, format, code, path) => {
    const e = errorOf(text, format);
    expect({ code: e.code, path: e.path }).toEqual({ code, path });
  });

  it('reports where the syntax error is without quoting the file', () => {
    const e = errorOf('formatVersion: 1\nid: [SECRET\n', 'yaml');
    expect(e.message).toMatch(/line \d+, column \d+/);
    expect(e.message).not.toContain('SECRET');
    expect(errorOf('{"id": SECRET}', 'json').message).not.toContain('SECRET');
  });
});
