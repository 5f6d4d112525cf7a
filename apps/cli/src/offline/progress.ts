/** Where progress goes: stderr in the command, a buffer in tests. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** A terminal redraws its one status line at most this often. */
const TTY_INTERVAL_MS = 100;
/** A log (not a terminal) gets a progress line only for long runs, and at most this often. */
const LOG_INTERVAL_MS = 5000;

/**
 * Progress on stderr that never mixes with the decisions on stdout: on a terminal one status line
 * redrawn in place and erased at the end; elsewhere (CI logs, files) a plain line every few seconds
 * and nothing at all for runs shorter than that.
 */
export class Progress {
  private lastAt: number;
  private shown = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled = true,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.lastAt = clock();
  }

  /** Starts timing a phase: a log gets its first line only once the phase has run for a while. */
  start(): void {
    this.lastAt = this.clock();
  }

  private get tty(): boolean {
    return this.stream.isTTY === true;
  }

  /** A transient note (e.g. which list is loading): terminals only. */
  note(text: string): void {
    if (!this.enabled || !this.tty) return;
    this.stream.write(`\r\x1b[K${text}`);
    this.shown = true;
  }

  /** `done` of `total` travellers screened; throttled. */
  update(done: number, total: number): void {
    if (!this.enabled) return;
    const now = this.clock();
    const interval = this.tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS;
    if (now - this.lastAt < interval) return;
    this.lastAt = now;
    const percent = total > 0 ? Math.floor((done / total) * 100) : 100;
    const text = `screening: ${done}/${total} travellers (${percent}%)`;
    if (this.tty) {
      this.stream.write(`\r\x1b[K${text}`);
      this.shown = true;
    } else this.stream.write(`paxscreen: ${text}\n`);
  }

  /** Erases the status line so the summary starts on a clean line. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
