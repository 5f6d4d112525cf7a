import { latestDecision } from './later';

describe('latestDecision: the supersedes chain first, the clock only between unchained decisions', () => {
  it('takes a superseding decision decided "earlier" on a slow clock over the one it replaces', () => {
    const first = { decisionId: 'd1', decidedAt: 2_000 };
    const revet = { decisionId: 'd2', supersedes: 'd1', decidedAt: 1_000 };
    expect(latestDecision([first, revet])).toBe(revet);
    expect(latestDecision([revet, first])).toBe(revet);
  });

  it('follows a chain of any length', () => {
    const chain = [
      { decisionId: 'd3', supersedes: 'd2', decidedAt: 1 },
      { decisionId: 'd1', decidedAt: 9 },
      { decisionId: 'd2', supersedes: 'd1', decidedAt: 5 },
    ];
    expect(latestDecision(chain)?.decisionId).toBe('d3');
  });

  it('judges unchained decisions by the time decided, then by the greater id', () => {
    expect(
      latestDecision([
        { decisionId: 'b', decidedAt: 2 },
        { decisionId: 'a', decidedAt: 3 },
      ])?.decisionId,
    ).toBe('a');
    expect(
      latestDecision([
        { decisionId: 'b', decidedAt: 3 },
        { decisionId: 'a', decidedAt: 3 },
      ])?.decisionId,
    ).toBe('b');
    expect(latestDecision([])).toBeUndefined();
  });
});
