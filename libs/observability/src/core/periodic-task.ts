import type { Logger } from 'pino';

export interface PeriodicTaskOptions {
  /** Names the task in log lines ('retention run', 'hot-path check'); never personal data. */
  name: string;
  /** Time between two timer ticks. */
  everyMs: number;
  /** The work of one tick. */
  tick: () => Promise<unknown>;
  logger: Logger;
}

/**
 * Work an app does on a timer (retention, hot-path refill, casework scans, carriers' watch…):
 * every `everyMs`, one run at a time in this process. A timer tick while a run is in progress (or
 * waits) is skipped, so slow runs never pile up; a run that fails is logged (error type, message
 * and code only: fields an error carries, such as a database error's `detail`, may hold personal
 * data and are left out) and the next tick runs as usual. `stop()` clears the timer and waits
 * for the run in progress, so shutdown never closes a connection under it.
 *
 * `run(work)` runs other work (a test's run at a fixed clock, a publish kicked by a request) in
 * the same single lane, after whatever runs now; it resolves or rejects with that work.
 */
export class PeriodicTask {
  private timer?: NodeJS.Timeout;
  private lane: Promise<unknown> = Promise.resolve();
  private pending = 0;

  constructor(private readonly options: PeriodicTaskOptions) {}

  /** Starts the timer (unref'd: it never keeps a process alive on its own). */
  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      if (this.pending === 0) void this.tick();
    }, this.options.everyMs);
    this.timer.unref();
  }

  /** One tick now (after the run in progress); a failure is logged, never thrown. */
  tick(): Promise<void> {
    return this.run(this.options.tick).then(
      () => undefined,
      (err: unknown) => this.logFailure(err),
    );
  }

  /** Runs `work` in this task's lane: never alongside a tick or another `run`. */
  run<T>(work: () => Promise<T>): Promise<T> {
    this.pending += 1;
    const result = this.lane.then(() => work());
    this.lane = result.then(
      () => (this.pending -= 1),
      () => (this.pending -= 1),
    );
    return result;
  }

  /** Whether a run is in progress or waiting. */
  get busy(): boolean {
    return this.pending > 0;
  }

  /** Clears the timer and resolves once the runs already started or queued have ended. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.lane;
  }

  private logFailure(err: unknown): void {
    this.options.logger.warn(
      { task: this.options.name, err: errorSummary(err) },
      `${this.options.name} failed; the next run retries`,
    );
  }
}

/** What of a thrown value may be logged: its type, message and code, nothing it carries besides. */
export function errorSummary(err: unknown): { type: string; message?: string; code?: unknown } {
  if (err instanceof Error) {
    const code = (err as { code?: unknown }).code;
    return { type: err.name, message: err.message, ...(code === undefined ? {} : { code }) };
  }
  return { type: typeof err };
}
