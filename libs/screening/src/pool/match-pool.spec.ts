import { join } from 'node:path';

import type { Decision, Traveller, WatchlistEntry } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { readListFile } from '@paxscreen/lists';

import { generateTraffic } from '../../../../bench/generator/traffic';
import { DEFAULT_SCREENING_CONFIG } from '../config';
import { matchQueryOf, watchlistSearchOptions } from '../checks/watchlist.check';
import { Screener } from '../screener';
import { offlineListVersion } from '../state/list-loader';
import { ScreeningState } from '../state/screening-state';
import { MatchPool, type WatchlistChange } from './match-pool';
import { pooledCandidates } from './pooled-candidates';

// Real list data and the e2e benchmark's traffic (bench/generator): the lists the planted hits come from.
const LISTS = [
  join(__dirname, '../../../../data/lists/UN_consolidated.xml'),
  join(__dirname, '../../../../data/lists/ofac_sdn_2021'),
];
const NOW = new Date('2026-12-08T06:00:00Z');
const TRAVELLERS = 1200;
/** Repeats of a name in a query that takes a thread well over the 1 ms stall limit of the spec below. */
const SLOW_REPEATS = 3000;

async function trafficTravellers(): Promise<Traveller[]> {
  const traffic = await generateTraffic({
    seed: 19,
    manifests: TRAVELLERS / 200,
    travellers: 200,
    hitRate: 0.05,
    carriers: ['ZB', 'QB'],
    day: '2026-12-08',
  });
  return traffic.manifests.flatMap((m) => readMessage(m.bytes).messages.flatMap((x) => x.travellers));
}

/** What a decision says, without the time it took (the only part that differs between two runs). */
function said(d: Decision): Omit<Decision, 'timings'> & { decidedAt?: number } {
  const { timings, ...rest } = d;
  return { ...rest, decidedAt: timings?.decidedAt };
}

/** Every traveller screened in process, one after another, as SCREENING_MATCH_THREADS=0 does. */
function inProcess(state: ScreeningState, travellers: readonly Traveller[]) {
  const screener = new Screener(state, DEFAULT_SCREENING_CONFIG);
  return travellers.map((t, i) => said(screener.screen(t, { now: NOW, decisionId: `d${i}` })));
}

/** The same through the pool: candidates searched on the threads, the rest of screening here. */
async function pooled(screener: Screener, pool: MatchPool, travellers: readonly Traveller[]) {
  const candidates = await pooledCandidates(screener, pool, travellers);
  return travellers.map((t, i) =>
    said(screener.screen(t, { now: NOW, decisionId: `d${i}`, candidates: candidates[i] })),
  );
}

function apply(state: ScreeningState, pool: MatchPool, changes: WatchlistChange[]): void {
  for (const c of changes) state.applyWatchlist(c.listId, c.entryId, c.entry, c.version);
  pool.apply(changes);
}

describe('MatchPool: watchlist matching on worker threads (issue 19)', () => {
  const state = new ScreeningState();
  let pool: MatchPool;
  let travellers: Traveller[];
  let reference: ReturnType<typeof inProcess>;
  const failures: Error[] = [];

  beforeAll(async () => {
    pool = new MatchPool({ threads: 2, index: state.watchlists, onThreadFailure: (e) => failures.push(e) });
    for (const file of LISTS) {
      const list = await readListFile(file);
      const version = offlineListVersion(list.digest);
      apply(
        state,
        pool,
        list.entries.map((e) => ({
          listId: list.listId,
          entryId: e.entryId,
          entry: e as WatchlistEntry,
          version,
        })),
      );
      state.setListVersion(list.listId, version);
    }
    travellers = await trafficTravellers();
    reference = inProcess(state, travellers);
    expect(await pool.caughtUp(120_000)).toBe(true);
  }, 240_000);

  afterAll(() => pool.close());

  it('finds exactly the candidates the main thread finds, on real lists', async () => {
    const queries = travellers.map(matchQueryOf);
    const options = watchlistSearchOptions(DEFAULT_SCREENING_CONFIG);
    const answers = await pool.search(queries, options);
    expect(answers.every((a) => a?.generation === state.watchlists.generation)).toBe(true);
    expect(answers.map((a) => a?.found)).toEqual(queries.map((q) => state.watchlists.search(q, options)));
  }, 120_000);

  it('screens a batch to the same decisions as matching in process (hits included), with or without the match cache', async () => {
    const hits = reference.filter((d) => d.reasons.some((r) => r.kind === 'WATCHLIST')).length;
    expect(hits).toBeGreaterThan(20);
    expect(await pooled(new Screener(state, DEFAULT_SCREENING_CONFIG), pool, travellers)).toEqual(reference);
    const cached = new Screener(state, DEFAULT_SCREENING_CONFIG, { matchCacheSize: 10_000 });
    expect(await pooled(cached, pool, travellers)).toEqual(reference);
    // Again: every identity is now remembered, none is searched on a thread.
    const handedBack = pool.stats().handedBack;
    expect(await pooled(cached, pool, travellers)).toEqual(reference);
    expect(cached.matchCache.stats().hits).toBeGreaterThanOrEqual(travellers.length);
    expect(pool.stats().handedBack).toBe(handedBack);
    expect(pool.stats()).toMatchObject({ threads: 2, caughtUp: 2, failures: 0 });
  }, 120_000);

  it('a list change while the threads search: the decision is made against the changed lists, naming their versions', async () => {
    const i = reference.findIndex((d) =>
      d.reasons.some((r) => r.kind === 'WATCHLIST' && r.action !== 'CLEAR'),
    );
    const hit = reference[i].reasons.find((r) => r.kind === 'WATCHLIST')!.source;
    const screener = new Screener(state, DEFAULT_SCREENING_CONFIG);
    const searching = pooledCandidates(screener, pool, [travellers[i]]);
    // The entry that matched is withdrawn (a new list version) before the threads answer.
    apply(state, pool, [{ listId: hit.listId, entryId: hit.entryId, entry: null, version: 'withdrawn' }]);
    state.setListVersion(hit.listId, 'withdrawn');
    const [candidates] = await searching;
    const decision = said(screener.screen(travellers[i], { now: NOW, decisionId: 'd0', candidates }));
    expect(decision).toEqual(inProcess(state, [travellers[i]])[0]);
    expect(decision.reasons.some((r) => r.source.entryId === hit.entryId)).toBe(false);
    expect(decision.listVersions[hit.listId]).toBe('withdrawn');
    expect(pool.stats().failures).toBe(0);
  }, 120_000);

  it('a thread that dies mid-batch loses nothing: its travellers are matched in process, and it is replaced', async () => {
    const now = inProcess(state, travellers);
    const screener = new Screener(state, DEFAULT_SCREENING_CONFIG);
    // Caught up with the withdrawal above (until then the threads are not given searches).
    expect(await pool.caughtUp(60_000)).toBe(true);
    const batch = pooled(screener, pool, travellers);
    void pool.workers[0].terminate();
    expect(await batch).toEqual(now);
    expect(pool.stats().failures).toBe(1);
    expect(failures).toHaveLength(1);
    expect(pool.stats().handedBack).toBeGreaterThan(0);
    // The replacement replays every change so far (the withdrawal included) before it is given searches.
    expect(await pool.caughtUp(120_000)).toBe(true);
    const handedBack = pool.stats().handedBack;
    expect(await pooled(screener, pool, travellers)).toEqual(now);
    expect(pool.stats()).toMatchObject({ threads: 2, caughtUp: 2, failures: 1, handedBack });
  }, 240_000);
});

describe('MatchPool: stalled threads and closing', () => {
  const entry = (entryId: string, full: string): WatchlistEntry => ({
    listId: 'TEST',
    entryId,
    kind: 'PERSON',
    names: [{ full, type: 'primary' }],
    datesOfBirth: [],
    nationalities: [],
    documents: [],
    placesOfBirth: [],
    programs: [],
  });
  const changes: WatchlistChange[] = [
    { listId: 'TEST', entryId: 'E1', entry: entry('E1', 'Ivan Petrovich Sidorov'), version: 'v1' },
    { listId: 'TEST', entryId: 'E2', entry: entry('E2', 'Amina Yusuf Bello'), version: 'v1' },
  ];
  const queries = [
    { fullName: 'Ivan Sidorov', kind: 'PERSON' as const },
    { fullName: 'Amina Bello', kind: 'PERSON' as const },
  ];

  it('a chunk unanswered within the time limit is handed back (searched in process) and its thread replaced', async () => {
    const state = new ScreeningState();
    const failures: Error[] = [];
    const pool = new MatchPool({
      threads: 1,
      index: state.watchlists,
      timeoutMs: 1,
      restartDelayMs: 10,
      onThreadFailure: (e) => failures.push(e),
    });
    try {
      apply(state, pool, changes);
      expect(await pool.caughtUp(60_000)).toBe(true);
      // Names this long take the thread far longer than a millisecond to normalise and look up.
      const slow = queries.map((q) => ({ ...q, fullName: `${q.fullName} `.repeat(SLOW_REPEATS) }));
      expect(await pool.search(slow, {})).toEqual([undefined, undefined]);
      expect(failures[0].message).toMatch(/stalled/);
      expect(await pool.caughtUp(60_000)).toBe(true);
      expect(pool.stats()).toMatchObject({ threads: 1, caughtUp: 1, failures: 1, handedBack: 2 });
    } finally {
      await pool.close();
    }
  }, 120_000);

  it('answers at the generation asked; closing hands back what still waits', async () => {
    const state = new ScreeningState();
    const pool = new MatchPool({ threads: 1, index: state.watchlists });
    try {
      apply(state, pool, changes);
      expect(await pool.caughtUp(60_000)).toBe(true);
      const answers = await pool.search(queries, {});
      expect(answers).toEqual(
        queries.map((q) => ({
          generation: state.watchlists.generation,
          found: state.watchlists.search(q, {}),
        })),
      );
      expect(answers.every((a) => a!.found.length > 0)).toBe(true);
      const waiting = pool.search(queries, {});
      await pool.close();
      expect(await waiting).toHaveLength(2);
    } finally {
      await pool.close();
    }
  }, 120_000);

  describe('caughtUp, settled by the threads and the pool, not by a polling clock', () => {
    // Only setTimeout, setInterval and Date are stopped: worker messages still arrive.
    const stopTheClock = () =>
      jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask', 'performance'] });
    afterEach(() => jest.useRealTimers());

    it('resolves true when the last thread reports it applied the changes, with no timer left', async () => {
      const realSetTimeout = setTimeout;
      const realClearTimeout = clearTimeout;
      stopTheClock();
      const state = new ScreeningState();
      const pool = new MatchPool({ threads: 2, index: state.watchlists });
      let guard: NodeJS.Timeout | undefined;
      try {
        apply(state, pool, changes);
        // The clock stands still: a poll on it would never look again, the threads' answers must settle it.
        const outcome = await Promise.race([
          pool.caughtUp(60_000),
          new Promise<string>((resolve) => (guard = realSetTimeout(() => resolve('never told'), 60_000))),
        ]);
        expect(outcome).toBe(true);
        expect(pool.stats()).toMatchObject({ threads: 2, caughtUp: 2 });
        expect(jest.getTimerCount()).toBe(0);
        expect(await pool.caughtUp(0)).toBe(true);
      } finally {
        realClearTimeout(guard);
        await pool.close();
      }
    }, 120_000);

    it('resolves false after `withinMs`, and when the pool closes, leaving no timer', async () => {
      stopTheClock();
      const pool = new MatchPool({ threads: 1, index: new ScreeningState().watchlists });
      try {
        // The thread cannot have answered its first ping yet: that takes a turn of the event loop.
        const late = pool.caughtUp(1000);
        jest.advanceTimersByTime(1000);
        expect(await late).toBe(false);
        const closing = pool.caughtUp(60_000);
        await pool.close();
        expect(await closing).toBe(false);
        expect(await pool.caughtUp(60_000)).toBe(false);
        expect(jest.getTimerCount()).toBe(0);
      } finally {
        await pool.close();
      }
    }, 120_000);
  });

  it('refuses a pool without threads', () => {
    expect(() => new MatchPool({ threads: 0, index: new ScreeningState().watchlists })).toThrow(/≥ 1/);
  });
});
