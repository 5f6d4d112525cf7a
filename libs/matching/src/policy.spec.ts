import { MatchField } from './model';
import { classify, DEFAULT_THRESHOLDS, entryProgram, ListPolicy, policyFor } from './policy';

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

  describe('per-entry programmes', () => {
    const national = policyFor('NATIONAL-X');
    const strong = (programs: string[], score = 0.95) => ({
      ...candidate(score, 'name', 'dateOfBirth', 'nationality'),
      programs,
    });

    it.each([
      [['TRAVEL_BAN'], national, 'NO_BOARD'],
      [['travel ban'], national, 'NO_BOARD'],
      [['REFER'], travelBan, 'REFER'],
      [['MONITOR'], travelBan, 'ALERT'],
      [['MONITOR', 'TRAVEL_BAN'], national, 'NO_BOARD'],
      [['QDi'], travelBan, 'NO_BOARD'],
      [['QDi'], national, 'REFER'],
    ])('%j on %j → %s', (programs, policy, outcome) => {
      expect(classify(strong(programs), policy)).toBe(outcome);
    });

    it('keeps the thresholds: a programme never raises a weak match', () => {
      expect(classify(strong(['TRAVEL_BAN'], 0.72), national)).toBe('ALERT');
      expect(classify(strong(['TRAVEL_BAN'], 0.5), national)).toBe('NONE');
      expect(classify(strong(['MONITOR'], 0.5), national)).toBe('NONE');
      expect(classify({ ...candidate(0.95, 'name'), programs: ['TRAVEL_BAN'] }, national)).toBe('REFER');
    });

    it("follows the list policy's own mapping, or none", () => {
      const own: ListPolicy = { ...national, programs: { WANTED: 'NO_BOARD' } };
      expect(classify(strong(['WANTED']), own)).toBe('NO_BOARD');
      expect(classify(strong(['TRAVEL_BAN']), own)).toBe('REFER');
      expect(classify(strong(['MONITOR']), { ...travelBan, programs: {} })).toBe('NO_BOARD');
      expect(entryProgram(['X', 'MONITOR'], national)).toEqual({ program: 'MONITOR', action: 'ALERT' });
    });
  });
});
