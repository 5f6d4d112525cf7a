import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { OPERATORS } from './compile/operators';
import { FACT_NAMES } from './facts/fact-catalogue';
import { RULE_ERROR_CODES } from './model/rule-error';

/** docs/rules.md is the analysts' reference: every fact, operator and error code must appear in it. */
const DOC = readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8');

describe('docs/rules.md', () => {
  it.each([...FACT_NAMES, ...OPERATORS, ...RULE_ERROR_CODES])('documents `%s`', (name) => {
    expect(DOC).toContain(`\`${name}\``);
  });
});
