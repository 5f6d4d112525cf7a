import 'reflect-metadata';

import { Topic } from '../../topics';
import { ContractViolation, envelope } from '../../validate';
import { decodeEntry, ENTRY_TOPICS, kindOfTopic } from './decode';

describe('list-entry records', () => {
  const base = { ...envelope('import-1'), listId: 'SLTD', listVersion: 'v1' };

  it('names the topic of every list kind, and the kind of every entry topic', () => {
    for (const [kind, topic] of Object.entries(ENTRY_TOPICS)) expect(kindOfTopic(topic)).toBe(kind);
    expect(kindOfTopic(Topic.Decisions)).toBeUndefined();
  });

  it('decodes an entry as its kind’s contract, a rule as its definition', () => {
    const document = { listId: 'SLTD', entryId: 'L1', number: 'X1', issuer: 'GBR', status: 'STOLEN' };
    expect(decodeEntry('documents', JSON.stringify({ ...base, entry: document }))).toMatchObject({
      entry: document,
      listVersion: 'v1',
    });
    const rule = { id: 'r1', action: 'REFER' };
    expect(
      decodeEntry('rules', JSON.stringify({ ...base, listId: 'rules', ruleId: 'r1', revision: 1, rule })),
    ).toEqual({ entry: rule, listVersion: 'v1' });
  });

  it('refuses a record that is not its topic’s contract', () => {
    expect(() => decodeEntry('documents', JSON.stringify({ ...base, entry: { number: 7 } }))).toThrow(
      ContractViolation,
    );
    expect(() => decodeEntry('watchlist', 'not json')).toThrow(ContractViolation);
  });
});
