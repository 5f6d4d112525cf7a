import { parseListPolicies, POLICY_FILE_SHAPE } from './config';

describe('parseListPolicies', () => {
  it('reads a valid policy file', () => {
    expect(
      parseListPolicies(
        '[{"listId":"UN","alert":0.6,"refer":0.8,"noBoard":0.95},{"listId":"X","alert":0.5,"refer":0.5}]',
      ),
    ).toEqual([
      { listId: 'UN', alert: 0.6, refer: 0.8, noBoard: 0.95 },
      { listId: 'X', alert: 0.5, refer: 0.5 },
    ]);
  });

  it('reads a programme mapping', () => {
    expect(
      parseListPolicies(
        '[{"listId":"N","alert":0.7,"refer":0.8,"programs":{"WANTED":"NO_BOARD","WATCH":"ALERT"}}]',
      ),
    ).toEqual([{ listId: 'N', alert: 0.7, refer: 0.8, programs: { WANTED: 'NO_BOARD', WATCH: 'ALERT' } }]);
  });

  it.each([
    ['not JSON', '[{'],
    ['not a list', '{"listId":"UN"}'],
    ['no list id', '[{"alert":0.5,"refer":0.6}]'],
    ['a score above 1', '[{"listId":"UN","alert":0.5,"refer":1.5}]'],
    ['alert above refer', '[{"listId":"UN","alert":0.9,"refer":0.6}]'],
    ['an unknown programme action', '[{"listId":"N","alert":0.5,"refer":0.8,"programs":{"X":"BAN"}}]'],
    ['programmes as a list', '[{"listId":"N","alert":0.5,"refer":0.8,"programs":["TRAVEL_BAN"]}]'],
    ['no-board below refer', '[{"listId":"UN","alert":0.5,"refer":0.8,"noBoard":0.7}]'],
  ])('refuses %s', (_label, json) => {
    expect(() => parseListPolicies(json)).toThrow(POLICY_FILE_SHAPE);
  });
});
