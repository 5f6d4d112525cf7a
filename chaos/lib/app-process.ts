import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';

import { killOnExit, rememberPid, ROOT, sleep, waitUntil } from './infra';

export type AppName = 'gateway' | 'parser' | 'screening' | 'watchlist';

/** How long an app may take from spawn to answering /health (swc compiles on the fly). */
const START_TIMEOUT_MS = 120_000;
/** A supervisor's pause before restarting an app that exited on its own. */
const SUPERVISOR_RESTART_MS = 2000;

/**
 * One paxscreen app as its own OS process (`node -r @swc-node/register apps/<app>/src/main.ts`),
 * output appended to a log file. Acts as a supervisor would: an exit nobody asked for is counted
 * and the app is started again.
 */
export class AppProcess {
  private child?: ChildProcess;
  private wanted = false;
  private logFd?: number;
  /** Exits that were not asked for (crashes), with their exit code or signal. */
  readonly unexpectedExits: string[] = [];
  starts = 0;

  constructor(
    readonly name: AppName,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
    private readonly log: (line: string) => void,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.wanted = true;
    this.spawnChild();
    const began = Date.now();
    await waitUntil(`${this.name} /health`, () => this.healthy(), START_TIMEOUT_MS);
    this.log(`${this.name} up (pid ${this.pid}) in ${Date.now() - began} ms`);
  }

  private spawnChild(): void {
    this.logFd ??= openSync(this.logFile, 'a');
    writeSync(this.logFd, `\n=== chaos: start ${this.name} at ${new Date().toISOString()}\n`);
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join('apps', this.name, 'src/main.ts')],
      { cwd: ROOT, env: this.env, stdio: ['ignore', this.logFd, this.logFd] },
    );
    this.starts++;
    this.child = child;
    rememberPid(this.name, child.pid, join('apps', this.name, 'src/main.ts'));
    killOnExit(() => child.kill('SIGKILL'));
    child.once('exit', (code, signal) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (!this.wanted) return;
      const how = signal ?? `code ${code}`;
      this.unexpectedExits.push(how);
      this.log(`${this.name} exited on its own (${how}); supervisor restarts it`);
      setTimeout(() => {
        if (this.wanted && !this.child) this.spawnChild();
      }, SUPERVISOR_RESTART_MS);
    });
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/health`, { signal: AbortSignal.timeout(1000) });
      return res.ok;
    } catch {
      return false;
    }
  }

  /** kill -9: no shutdown hooks, no flush, open transactions left behind. */
  async kill9(): Promise<void> {
    await this.signal('SIGKILL');
  }

  async stop(): Promise<void> {
    await this.signal('SIGTERM', 15_000);
    if (this.logFd !== undefined) closeSync(this.logFd);
    this.logFd = undefined;
  }

  private async signal(sig: NodeJS.Signals, graceMs = 5000): Promise<void> {
    this.wanted = false;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill(sig);
    await Promise.race([exited, sleep(graceMs)]);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exited;
    }
  }
}
