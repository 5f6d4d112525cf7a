import { MatchField } from './model';
import { classify, DEFAULT_THRESHOLDS, ListPolicy, policyFor } from './policy';

const travelBan: ListPolicy = { listId: 'UN', alert: 0.7, refer: 0.8, noBoard: 0.9 };
const candidate = (score: number, ...matchedFields: MatchField[]) => ({ score, matchedFields });

describe('classify', () => {
  it.each([
    [candidate(0.5, 'name'), 'NONE'],
    [candidate(0.72, 'name'), 'ALERT'],
    [candidate(0.85, 'name'), 'REFER'],
    [candidate(0.95, 'name', 'dateOfBirth', 'nationality'), 'NO_BOARD'],
    [candidate(0.95, 'name', 'dateOfBirth', 'document'), 'NO_BOARD'],
    [candidate(0.95, 'name', 'dateOfBirth'), 'REFER'],
    [candidate(0.95, 'name', 'nationality'), 'REFER'],
  ])('%j → %s', (c, outcome) => {
    expect(classify(c, travelBan)).toBe(outcome);
  });

  it('never says NO_BOARD on a list without a travel ban', () => {
    expect(classify(candidate(1, 'name', 'dateOfBirth', 'document'), policyFor('OFAC-SDN'))).toBe('REFER');
  });

  it('gives unknown lists the default thresholds', () => {
    expect(policyFor('NATIONAL-X')).toEqual({
      listId: 'NATIONAL-X',
      alert: DEFAULT_THRESHOLDS.alert,
      refer: DEFAULT_THRESHOLDS.refer,
    });
  });
});
