import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, rmSync } from 'node:fs';

import { portAnswers } from '../services';
import { killOnExit, sleep, waitUntil } from './exit';

/** Ports of Redis servers other people use: a private one never takes them. */
const SHARED_PORTS = new Set([6379]);
const START_TIMEOUT_MS = 10_000;
const STOP_GRACE_MS = 10_000;

export type RedisPersistence = 'aof' | 'none';

export interface PrivateRedisOptions {
  port: number;
  /** Its own working directory (append-only file), wiped by `fresh()`. */
  dir: string;
  /**
   * `aof`: every acknowledged write is fsynced before the reply (appendfsync always), so a crash
   * loses nothing acknowledged; `none`: a restart starts empty.
   */
  persistence: RedisPersistence;
  /** Where redis-server writes its output (discarded when absent). */
  logFile?: string;
  /** Shut down a redis-server left on the port by an interrupted run instead of refusing the port. */
  reclaimPort?: boolean;
  /** Called with each started server's pid (e.g. to reap it after a run that was itself killed). */
  onSpawn?: (pid: number | undefined) => void;
  log?: (line: string) => void;
}

/** A redis-server of our own (own port and directory), killed when this process exits. */
export class PrivateRedis {
  readonly port: number;
  readonly dir: string;
  private child?: ChildProcess;

  constructor(private readonly options: PrivateRedisOptions) {
    this.port = options.port;
    this.dir = options.dir;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async fresh(): Promise<void> {
    if (SHARED_PORTS.has(this.port)) throw new Error(`refusing to use the shared Redis port ${this.port}`);
    if (this.options.reclaimPort) {
      try {
        execFileSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { stdio: 'ignore' });
      } catch {
        // none running
      }
      await waitUntil(
        `port ${this.port} freed`,
        async () => !(await portAnswers('127.0.0.1', this.port)),
        5000,
      );
    }
    if (await portAnswers('127.0.0.1', this.port))
      throw new Error(`port ${this.port} is taken by another process`);
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
    await this.start();
  }

  async start(): Promise<void> {
    const args = [
      '--port',
      String(this.port),
      '--bind',
      '127.0.0.1',
      '--dir',
      this.dir,
      '--save',
      '',
      '--protected-mode',
      'no',
      ...(this.options.persistence === 'aof'
        ? ['--appendonly', 'yes', '--appendfsync', 'always']
        : ['--appendonly', 'no']),
    ];
    const out = this.options.logFile ? openSync(this.options.logFile, 'a') : 'ignore';
    const child = spawn('redis-server', args, { stdio: ['ignore', out, out] });
    if (typeof out === 'number') closeSync(out);
    this.child = child;
    this.options.onSpawn?.(child.pid);
    killOnExit(() => child.kill('SIGKILL'));
    await waitUntil('redis', () => portAnswers('127.0.0.1', this.port), START_TIMEOUT_MS);
    this.options.log?.(`redis up on ${this.url} (pid ${child.pid}, persistence ${this.options.persistence})`);
  }

  /** kill -9: an unclean crash; whatever was acknowledged survives only with persistence. */
  async crash(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
    this.child = undefined;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(STOP_GRACE_MS)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    this.child = undefined;
  }

  clean(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
