import { DashboardState } from './dashboard-state';
import { decisionRecord } from './records.fixture';
import { ViewStream, sseFrame } from './view-stream';

const NOW = 1_700_000_000_000;

const stateAt = (now = NOW, recentLimit = 3) =>
  new DashboardState({ windowSeconds: 300, recentLimit, now: () => now });

const decided = (outcome: string, decidedAt = NOW - 2000, receivedAt = decidedAt - 120) =>
  decisionRecord(outcome, { timings: { receivedAt, decidedAt, screeningMs: 1 } });

describe('DashboardState', () => {
  it('turns decisions into figures, series and a masked list of the flagged ones', () => {
    const state = stateAt();
    for (const outcome of ['CLEAR', 'CLEAR', 'EXPEDITE', 'REFER', 'NO_BOARD'])
      state.onDecision(decided(outcome));
    state.onDecision(Buffer.from('not json'));
    const view = state.view();
    expect(view.figures).toMatchObject({
      decisionsTotal: 5,
      unreadable: 1,
      outcomes: { CLEAR: 2, EXPEDITE: 1, REFER: 1, NO_BOARD: 1 },
      throughput: 0.5,
      latency: { count: 5, p50: expect.closeTo(120, -1) },
    });
    expect(view.flagged.map((f) => f.outcome)).toEqual(['NO_BOARD', 'REFER']);
    expect(JSON.stringify(view)).not.toMatch(/KARVONEN|ALEKSI|1971-03-14|XF1111111/);
  });

  it('keeps only the newest flagged decisions', () => {
    const state = stateAt(NOW, 2);
    for (let i = 0; i < 5; i++) state.onDecision(decided('REFER', NOW - 5000 + i));
    expect(state.view().flagged.map((f) => f.decidedAt)).toEqual([NOW - 4996, NOW - 4997]);
  });

  it('counts dead letters by stage and code', () => {
    const state = stateAt();
    const dead = (code: string) =>
      Buffer.from(
        JSON.stringify({ stage: 'parser', code, sourceTopic: 't', occurredAt: new Date(NOW).toISOString() }),
      );
    for (const code of ['EDIFACT_SYNTAX', 'CARRIER_MISMATCH', 'EDIFACT_SYNTAX'])
      state.onDeadLetter(dead(code));
    const view = state.view();
    expect(view.figures).toMatchObject({ deadLettersTotal: 3, deadLetters: 3 });
    expect(view.deadLetters.byCode).toEqual([
      { stage: 'parser', code: 'EDIFACT_SYNTAX', count: 2 },
      { stage: 'parser', code: 'CARRIER_MISMATCH', count: 1 },
    ]);
  });

  it('keeps the current version of each list and forgets a removed list', () => {
    const state = stateAt();
    const version = (listId: string, v: string) =>
      Buffer.from(JSON.stringify({ listId, kind: 'watchlist', version: v, entries: 1, diff: {} }));
    state.onListVersion('UN', version('UN', 'v1'));
    state.onListVersion('UN', version('UN', 'v2'));
    state.onListVersion('OFAC', version('OFAC', 'v1'));
    expect(state.view().lists.map((l) => `${l.listId}:${l.version}`)).toEqual(['OFAC:v1', 'UN:v2']);
    state.onListVersion('OFAC', null);
    expect(state.view().lists.map((l) => l.listId)).toEqual(['UN']);
  });
});

describe('ViewStream', () => {
  it('sends the whole view first, then figures, the newest seconds and only what changed', () => {
    const state = stateAt();
    const stream = new ViewStream(state);
    const first = stream.next();
    expect(first.event).toBe('snapshot');
    expect(first.data.series).toHaveLength(300);

    const quiet = stream.next();
    expect(quiet.event).toBe('update');
    expect(Object.keys(quiet.data).sort()).toEqual(['at', 'figures', 'series']);
    expect(quiet.data.series.length).toBeLessThanOrEqual(5);

    state.onDecision(decided('REFER'));
    state.onLag([{ group: 'g', topic: 't', partition: 0, lag: 4 }]);
    const changed = stream.next();
    expect(Object.keys(changed.data).sort()).toEqual(['at', 'figures', 'flagged', 'lag', 'series']);
    expect(changed.data.series.find((p) => p.t === (NOW - 2000) / 1000)?.outcomes.REFER).toBe(1);
  });

  it('starts over with a snapshot after a reset (a client that fell behind)', () => {
    const stream = new ViewStream(stateAt());
    stream.next();
    stream.reset();
    expect(stream.next().event).toBe('snapshot');
  });
});

describe('sseFrame', () => {
  it('writes one event with one data line', () => {
    expect(sseFrame('update', { a: 'x\ny' })).toBe('event: update\ndata: {"a":"x\\ny"}\n\n');
  });

  it('refuses an event name that could break the framing', () => {
    expect(() => sseFrame('a\ndata: x', {})).toThrow();
  });
});
