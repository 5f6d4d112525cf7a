import { type CpuProfile, splitProfile, timeline } from './profile-split';

const frame = (functionName: string, url = '') => ({ functionName, url });

/**
 * root → execute (use case) → screen (screener) → search (matching); execute → putMany (decision
 * store) → stringify (builtin); root → (garbage collector); root → (idle).
 */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 6, 7] },
    {
      id: 2,
      callFrame: frame('execute', 'dist/apps/screening/src/screen-travellers/screen-travellers.usecase.js'),
      children: [3, 5],
    },
    { id: 3, callFrame: frame('screen', 'dist/libs/screening/src/screener.js'), children: [4] },
    { id: 4, callFrame: frame('search', 'dist/libs/matching/src/index/match-index.js') },
    { id: 5, callFrame: frame('putMany', 'dist/libs/redis/src/stores/decision.store.js'), children: [8] },
    { id: 6, callFrame: frame('(garbage collector)') },
    { id: 7, callFrame: frame('(idle)') },
    { id: 8, callFrame: frame('stringify') },
  ],
  startTime: 0,
  endTime: 5_000_000,
  // One sample a second: search, search, stringify, GC, idle.
  samples: [4, 4, 8, 6, 7],
  timeDeltas: [0, 1_000_000, 1_000_000, 1_000_000, 1_000_000],
};

describe('splitProfile', () => {
  it('gives each sample to the deepest stage on its stack and its leaf to a code group; idle apart', () => {
    const s = splitProfile(profile);
    expect(s.busyMs).toBe(4000);
    expect(s.idleMs).toBe(1000);
    expect(Object.fromEntries(s.byStage)).toEqual({
      'screen: matching + rules (Screener.screen)': 2000,
      'Redis writes: hot path (putMany)': 1000,
      '(garbage collector)': 1000,
    });
    // A builtin without a script counts for its caller's code.
    expect(Object.fromEntries(s.byGroup)).toEqual({
      'matching (libs/matching)': 2000,
      'redis (libs/redis)': 1000,
      '(garbage collector)': 1000,
    });
    expect(Object.fromEntries(s.builtins)).toEqual({ stringify: 1000 });
  });

  it('keeps only the samples that start inside the window', () => {
    const s = splitProfile(profile, { fromS: 1, toS: 3 });
    expect(s.busyMs).toBe(2000);
    expect(Object.fromEntries(s.byStage)).toEqual({
      'screen: matching + rules (Screener.screen)': 1000,
      'Redis writes: hot path (putMany)': 1000,
    });
  });
});

describe('timeline', () => {
  it('busy and marked milliseconds per second', () => {
    const rows = timeline(profile, { name: 'screen', fn: 'screen', url: 'screening/src/screener' });
    expect(rows.map((r) => [r.busyMs, r.markedMs])).toEqual([
      [1000, 1000],
      [1000, 1000],
      [1000, 0],
      [1000, 0],
      [0, 0],
    ]);
  });
});
