import { isRuleFileName, isRuleSetFile, ruleFileFormat } from './rule-file';

describe('rule files', () => {
  it.each([
    ['default.yaml', 'formatVersion: 1\nid: x\nrules: []\n', true],
    ['default.yml', '# rules\nformatVersion: 1\n', true],
    ['rules.json', '{"formatVersion":1,"id":"x","rules":[]}', true],
    ['rules.json', '{ "id": "x", "formatVersion": 1, "rules": [] }', true],
    ['rules.json', '{\n  "formatVersion": 1\n}', true],
    ['national.json', '[{"id":"1","name":"A B"}]', false],
    ['national.json', '[{"id":"1","note":"formatVersion: none"}]', false],
    ['rules.csv', 'formatVersion: 1\n', false],
  ])('isRuleSetFile(%s, %j) is %s', (name, text, expected) => {
    expect(isRuleSetFile(name, Buffer.from(text))).toBe(expected);
  });

  it.each([
    ['rules.json', 'json'],
    ['RULES.JSON', 'json'],
    ['rules.yaml', 'yaml'],
    ['rules.yml', 'yaml'],
  ])('%s is %s', (name, format) => {
    expect(isRuleFileName(name)).toBe(true);
    expect(ruleFileFormat(name)).toBe(format);
  });
});
