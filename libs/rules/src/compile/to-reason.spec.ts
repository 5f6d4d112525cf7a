import { Reason, validateContract } from '@paxscreen/contracts';

import type { RuleHit } from '../model/rule';
import { toReason } from './to-reason';

const hit = (over: Partial<RuleHit> = {}): RuleHit => ({
  ruleId: 'cash-one-way-late',
  title: 'Cash, one-way, late booking',
  action: 'REFER',
  score: 1,
  priority: 60,
  matchedFields: ['pnr.paymentTypes', 'pnr.oneWay'],
  explanation: 'cash payment and one-way ticket booked 6 h before departure to JFK',
  source: { listId: 'default', listVersion: '3' },
  ...over,
});

describe('toReason', () => {
  it.each([
    ['with a list version', hit(), { listId: 'default', entryId: 'cash-one-way-late', listVersion: '3' }],
    [
      'without a list version',
      hit({ source: { listId: 'rules' } }),
      { listId: 'rules', entryId: 'cash-one-way-late' },
    ],
  ])('maps a rule hit %s onto a valid RULE reason', (_case, h, source) => {
    const reason = toReason(h);
    expect(reason).toEqual({
      kind: 'RULE',
      action: 'REFER',
      source,
      score: 1,
      matchedFields: ['pnr.paymentTypes', 'pnr.oneWay'],
      explanation: h.explanation,
      label: h.title,
    });
    expect(() => validateContract(Reason, reason)).not.toThrow();
  });
});
