import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

import { cpuSecondsOf, killOnExit, rssOf, sleep } from './exit';

const REPO = join(__dirname, '..', '..', '..', '..');
/** A supervisor's pause before restarting an app that exited on its own. */
const SUPERVISOR_RESTART_MS = 2000;

export type AppName = 'gateway' | 'parser' | 'screening' | 'watchlist' | 'casework' | 'records';

export interface AppProcessOptions {
  /** Its name in logs (an app may run twice, e.g. `screening2`). */
  name: string;
  app: AppName;
  port: number;
  env: NodeJS.ProcessEnv;
  /** Output of every start of the app. */
  logFile: string;
  /** Append to the log (a header line per start) instead of starting it anew. */
  appendLog?: boolean;
  /**
   * `source`: the TypeScript through swc-node (no build); `dist`: the Nest build under `distDir`
   * (what a deployment runs, so memory figures are real).
   */
  mode: 'source' | 'dist';
  distDir?: string;
  nodeArgs?: string[];
  /** Restart the app after an exit nobody asked for (counted in `unexpectedExits`), as a supervisor would. */
  supervise?: boolean;
  /** What `waitReady` polls. */
  readyPath?: '/ready' | '/health';
  startTimeoutMs?: number;
  onSpawn?: (pid: number | undefined, marker: string) => void;
  log?: (line: string) => void;
}

/** One paxscreen app as its own OS process, killed when this process exits. */
export class AppProcess {
  private child?: ChildProcess;
  private wanted = false;
  private logFd?: number;
  /** Why the app is gone when it exited without being asked to (unsupervised). */
  private exited?: string;
  /** Exits that were not asked for (crashes), with their exit code or signal. */
  readonly unexpectedExits: string[] = [];
  starts = 0;

  readonly name: string;
  readonly app: AppName;
  readonly port: number;

  constructor(private readonly options: AppProcessOptions) {
    this.name = options.name;
    this.app = options.app;
    this.port = options.port;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the process (with this environment and these Node flags, when given) without waiting. */
  spawn(env?: NodeJS.ProcessEnv, nodeArgs?: string[]): void {
    if (env) this.options.env = env;
    if (nodeArgs) this.options.nodeArgs = nodeArgs;
    this.wanted = true;
    this.exited = undefined;
    this.spawnChild();
  }

  /** Starts the process and waits until it answers. */
  async start(): Promise<void> {
    this.spawn();
    const began = Date.now();
    await this.waitReady();
    this.options.log?.(`${this.name} up (pid ${this.pid}) in ${Date.now() - began} ms`);
  }

  private entry(): { args: string[]; marker: string } {
    if (this.options.mode === 'dist') {
      const main = join(this.options.distDir ?? join(REPO, 'dist'), 'apps', this.app, 'src', 'main.js');
      return { args: [main], marker: main };
    }
    const main = join('apps', this.app, 'src/main.ts');
    return { args: ['-r', '@swc-node/register', main], marker: main };
  }

  private spawnChild(): void {
    if (this.logFd === undefined) {
      mkdirSync(dirname(this.options.logFile), { recursive: true });
      this.logFd = openSync(this.options.logFile, this.options.appendLog ? 'a' : 'w');
    }
    if (this.options.appendLog)
      writeSync(this.logFd, `\n=== start ${this.name} at ${new Date().toISOString()}\n`);
    const { args, marker } = this.entry();
    const child = spawn(process.execPath, [...(this.options.nodeArgs ?? []), ...args], {
      cwd: REPO,
      env: this.options.env,
      stdio: ['ignore', this.logFd, this.logFd],
    });
    this.starts++;
    this.child = child;
    this.options.onSpawn?.(child.pid, marker);
    killOnExit(() => child.kill('SIGKILL'));
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (!this.wanted) return;
      const how = signal ?? `code ${code}`;
      if (!this.options.supervise) {
        this.exited = `exited with ${how}`;
        return;
      }
      this.unexpectedExits.push(how);
      this.options.log?.(`${this.name} exited on its own (${how}); supervisor restarts it`);
      setTimeout(() => {
        if (this.wanted && !this.child) this.spawnChild();
      }, SUPERVISOR_RESTART_MS);
    });
  }

  async healthy(path = this.options.readyPath ?? '/health'): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}${path}`, { signal: AbortSignal.timeout(1000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  /** Waits until the app answers its ready path; fails at once when an unsupervised app exits. */
  async waitReady(timeoutMs = this.options.startTimeoutMs ?? 120_000): Promise<void> {
    const path = this.options.readyPath ?? '/health';
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited) throw new Error(`${this.name} ${this.exited}; see ${this.options.logFile}`);
      if (await this.healthy(path)) return;
      await sleep(250);
    }
    throw new Error(`${this.name} ${path}: not within ${timeoutMs} ms`);
  }

  rss(): number {
    return rssOf(this.pid);
  }

  cpuSeconds(): number {
    return cpuSecondsOf(this.pid);
  }

  /** SIGSTOP: the process freezes mid-work (no heartbeats, open transactions stay open). */
  pause(): void {
    if (this.child?.kill('SIGSTOP')) this.paused = true;
  }

  /** SIGCONT after `pause`: it goes on where it stopped, unaware of the time that passed. */
  resume(): void {
    if (this.paused) this.child?.kill('SIGCONT');
    this.paused = false;
  }

  private paused = false;

  /** kill -9: no shutdown hooks, no flush, open transactions left behind. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. */
  async stop(graceMs = 15_000): Promise<void> {
    await this.signal('SIGTERM', graceMs);
    if (this.logFd !== undefined) closeSync(this.logFd);
    this.logFd = undefined;
  }

  private async signal(sig: NodeJS.Signals, graceMs = 5000): Promise<void> {
    this.wanted = false;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(sig);
    // A paused process acts on SIGTERM only once it runs again.
    this.resume();
    await Promise.race([exited, sleep(graceMs)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}
