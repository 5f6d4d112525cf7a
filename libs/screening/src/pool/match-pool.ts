import { Worker } from 'node:worker_threads';

import type { MatchCandidate, MatchIndex, MatchQuery, SearchOptions } from '@paxscreen/matching';

import type { FoundCandidates } from '../checks/context';
import {
  type FromThread,
  MATCH_THREAD_FILE,
  MATCH_THREAD_MARK,
  type ToThread,
  type WatchlistChange,
} from './match-thread';

export type { WatchlistChange } from './match-thread';

/**
 * Most travellers in one message to a thread: a 250-traveller manifest is spread over every thread,
 * and a thread that falls behind holds back little.
 */
const MAX_CHUNK = 32;
/** Chunks given to one thread before it answers: one searched, one waiting, so it never idles between them. */
const IN_FLIGHT_PER_THREAD = 2;
/** Changes per message when a new thread replays the watchlist changes so far. */
const REPLAY_CHUNK = 2000;
/** A chunk unanswered this long: its thread is taken as stalled, replaced, and the chunk searched in process. */
const DEFAULT_TIMEOUT_MS = 30_000;
/** A failed thread is replaced after this long (a thread that fails at once is not restarted in a tight loop). */
const DEFAULT_RESTART_DELAY_MS = 1000;

export interface MatchPoolOptions {
  /** Matching threads (≥ 1). */
  threads: number;
  /** The main thread's watchlist index: its `generation` names the changes a search must see. */
  index: MatchIndex;
  timeoutMs?: number;
  restartDelayMs?: number;
  /** Told when a thread failed or stalled and is being replaced (the error holds no personal data). */
  onThreadFailure?: (error: Error) => void;
}

export interface MatchPoolStats {
  threads: number;
  /** Threads that have applied every watchlist change so far (only these are given searches). */
  caughtUp: number;
  /** Threads that failed or stalled (each was replaced). */
  failures: number;
  /** Travellers handed back unsearched (no thread caught up, a failed thread, a changed index): searched in process. */
  handedBack: number;
}

/** Per traveller: its candidates and the index generation they were searched at, or undefined (search in process). */
export type PoolAnswer = FoundCandidates | undefined;

interface Chunk {
  queries: MatchQuery[];
  options: SearchOptions;
  generation: number;
  done: (found: MatchCandidate[][] | undefined, generation: number) => void;
}

interface Thread {
  worker: Worker;
  /** The last ping posted after watchlist changes; the thread is caught up once it answers it. */
  ping: number;
  caughtUp: boolean;
  inFlight: Map<number, { chunk: Chunk; timer: NodeJS.Timeout }>;
}

/**
 * Watchlist matching on worker threads (`node:worker_threads`), each with its own `MatchIndex`.
 * The main thread applies every watchlist change to its own `ScreeningState` and hands the same
 * changes, in the same order, to `apply`: every thread's index goes through the same changes, so at
 * a given `generation` it returns exactly what the main index would. A search names the generation
 * of the main index when it was asked; its candidates come back tagged with it, and the `Screener`
 * uses them only while its index is still at that generation (a list change meanwhile: it searches
 * again itself). A thread is given searches only once it has applied every change posted so far.
 *
 * Never loses or holds work: a thread that exits, fails or leaves a chunk unanswered for `timeoutMs`
 * is terminated and replaced (the new thread replays every change so far before it is given
 * searches), and its unanswered travellers are handed back unsearched, for the screener to search
 * in process; with no thread caught up, searches are handed back at once. The log of changes kept
 * for replacements grows with list changes (entries, not travellers).
 */
export class MatchPool {
  private readonly log: WatchlistChange[] = [];
  private readonly threads = new Set<Thread>();
  private readonly queue: Chunk[] = [];
  private readonly restarts = new Set<NodeJS.Timeout>();
  /** Callers of `caughtUp` still waiting: each told true by the ping answer that completes the pool. */
  private readonly waiting = new Set<(caughtUp: boolean) => void>();
  private nextId = 1;
  private closed = false;
  private failures = 0;
  private handedBack = 0;

  constructor(private readonly options: MatchPoolOptions) {
    if (!Number.isInteger(options.threads) || options.threads < 1)
      throw new Error('a match pool has a whole number ≥ 1 of threads');
    for (let i = 0; i < options.threads; i++) this.start();
  }

  /** Watchlist changes the main thread has just applied, in the order it applied them. */
  apply(changes: readonly WatchlistChange[]): void {
    if (changes.length === 0 || this.closed) return;
    for (const c of changes) this.log.push(c);
    for (const t of this.threads) {
      this.post(t, { type: 'apply', changes });
      this.askCaughtUp(t);
    }
  }

  /**
   * Searches each query on the threads, against the main index's current generation. Resolves once
   * every query is answered or handed back (undefined); never rejects.
   */
  search(queries: readonly MatchQuery[], options: SearchOptions): Promise<PoolAnswer[]> {
    const generation = this.options.index.generation;
    const size = Math.max(1, Math.min(MAX_CHUNK, Math.ceil(queries.length / this.options.threads)));
    const parts: Promise<PoolAnswer[]>[] = [];
    for (let from = 0; from < queries.length; from += size) {
      const slice = queries.slice(from, from + size);
      parts.push(
        new Promise((resolve) =>
          this.queue.push({
            queries: slice,
            options,
            generation,
            done: (found, at) => {
              if (!found) this.handedBack += slice.length;
              resolve(slice.map((_, i) => (found ? { generation: at, found: found[i] } : undefined)));
            },
          }),
        ),
      );
    }
    this.dispatch();
    return Promise.all(parts).then((p) => p.flat());
  }

  stats(): MatchPoolStats {
    let caughtUp = 0;
    for (const t of this.threads) if (t.caughtUp) caughtUp++;
    return { threads: this.threads.size, caughtUp, failures: this.failures, handedBack: this.handedBack };
  }

  /** The threads' workers, for specs that make one fail (`terminate()`). */
  get workers(): Worker[] {
    return [...this.threads].map((t) => t.worker);
  }

  /**
   * Resolves true once every thread has applied every change so far (as soon as the last thread
   * answers its ping), false after `withinMs` (threads failing over and over, or a slow machine:
   * searches are then handed back meanwhile) or when the pool is closed.
   */
  caughtUp(withinMs: number): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.allCaughtUp()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const settle = (caughtUp: boolean) => {
        clearTimeout(timer);
        this.waiting.delete(settle);
        resolve(caughtUp);
      };
      const timer = setTimeout(() => settle(false), withinMs);
      this.waiting.add(settle);
    });
  }

  /** Stops every thread; searches still waiting are handed back. */
  async close(): Promise<void> {
    this.closed = true;
    for (const settle of [...this.waiting]) settle(false);
    for (const timer of this.restarts) clearTimeout(timer);
    this.restarts.clear();
    const threads = [...this.threads];
    this.threads.clear();
    for (const t of threads) this.handBack(t);
    for (const c of this.queue.splice(0)) c.done(undefined, c.generation);
    await Promise.all(threads.map((t) => t.worker.terminate()));
  }

  private start(): void {
    // Run from TypeScript sources (specs, `--smoke` benches), a thread needs swc-node like the process.
    const execArgv = MATCH_THREAD_FILE.endsWith('.ts') ? ['-r', '@swc-node/register'] : undefined;
    const worker = new Worker(MATCH_THREAD_FILE, { workerData: MATCH_THREAD_MARK, execArgv });
    const thread: Thread = { worker, ping: 0, caughtUp: false, inFlight: new Map() };
    this.threads.add(thread);
    worker.on('message', (m: FromThread) => this.answered(thread, m));
    worker.on('error', (err) => this.fail(thread, err));
    worker.on('messageerror', (err) => this.fail(thread, err));
    worker.on('exit', (code) => this.fail(thread, new Error(`match thread exited (code ${code})`)));
    for (let from = 0; from < this.log.length; from += REPLAY_CHUNK)
      this.post(thread, { type: 'apply', changes: this.log.slice(from, from + REPLAY_CHUNK) });
    this.askCaughtUp(thread);
  }

  /** Every thread started (none failed and waiting to be replaced) and caught up. */
  private allCaughtUp(): boolean {
    if (this.threads.size !== this.options.threads) return false;
    for (const t of this.threads) if (!t.caughtUp) return false;
    return true;
  }

  private post(t: Thread, m: ToThread): void {
    t.worker.postMessage(m);
  }

  private askCaughtUp(t: Thread): void {
    t.ping = this.nextId++;
    t.caughtUp = false;
    this.post(t, { type: 'ping', id: t.ping });
  }

  private answered(t: Thread, m: FromThread): void {
    if (m.type === 'ready') {
      if (m.id === t.ping && this.threads.has(t)) {
        t.caughtUp = true;
        this.dispatch();
        if (this.waiting.size > 0 && this.allCaughtUp()) for (const settle of [...this.waiting]) settle(true);
      }
      return;
    }
    const waiting = t.inFlight.get(m.id);
    if (!waiting) return;
    t.inFlight.delete(m.id);
    clearTimeout(waiting.timer);
    waiting.chunk.done(m.found, m.generation);
    this.dispatch();
  }

  private dispatch(): void {
    for (const t of this.threads)
      while (t.caughtUp && t.inFlight.size < IN_FLIGHT_PER_THREAD && this.queue.length > 0)
        this.give(t, this.queue.shift()!);
    // No thread able to search (failed, being replaced, catching up with a list change): the
    // screener searches in process rather than wait.
    if (this.queue.length > 0 && ![...this.threads].some((t) => t.caughtUp))
      for (const c of this.queue.splice(0)) c.done(undefined, c.generation);
  }

  private give(t: Thread, chunk: Chunk): void {
    const id = this.nextId++;
    const timer = setTimeout(
      () => this.fail(t, new Error(`match thread stalled: no answer within ${this.timeoutMs} ms`)),
      this.timeoutMs,
    );
    t.inFlight.set(id, { chunk, timer });
    this.post(t, {
      type: 'search',
      id,
      generation: chunk.generation,
      queries: chunk.queries,
      options: chunk.options,
    });
  }

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  private handBack(t: Thread): void {
    for (const { chunk, timer } of t.inFlight.values()) {
      clearTimeout(timer);
      chunk.done(undefined, chunk.generation);
    }
    t.inFlight.clear();
  }

  private fail(t: Thread, error: Error): void {
    if (this.closed || !this.threads.delete(t)) return;
    this.failures++;
    this.handBack(t);
    void t.worker.terminate();
    this.options.onThreadFailure?.(error);
    const restart = setTimeout(() => {
      this.restarts.delete(restart);
      if (!this.closed) this.start();
    }, this.options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS);
    this.restarts.add(restart);
    this.dispatch();
  }
}
