import { ChildProcess, execFile, spawn } from 'node:child_process';
import {
  closeSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { portAnswers as answers } from '@paxscreen/testing';

const run = promisify(execFile);

export const ROOT = join(__dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const portAnswers = (port: number, timeoutMs = 500) => answers('127.0.0.1', port, timeoutMs);

/**
 * What must not outlive the run (apps, redis-server, the broker), killed synchronously when this
 * process exits for whatever reason: the end of the run, a failure, an uncaught error, a signal.
 */
const killers = new Set<() => void>();
process.on('exit', () => {
  for (const kill of killers) {
    try {
      kill();
    } catch {
      // already gone
    }
  }
});
export function killOnExit(kill: () => void): void {
  killers.add(kill);
}

/**
 * The pids of the processes a run started, each with what its command line must contain, so that a
 * run that was itself killed (kill -9, a lost terminal) leaves nothing behind the next run would
 * trip over: `reapLeftovers` kills them at the start, by pid, only when the command line matches.
 */
const PID_DIR = join(ROOT, '.cache/chaos/pids');

export function rememberPid(name: string, pid: number | undefined, marker: string): void {
  if (!pid) return;
  mkdirSync(PID_DIR, { recursive: true });
  writeFileSync(join(PID_DIR, `${name}.pid`), `${pid}\n${marker}\n`);
}

export function reapLeftovers(log: (line: string) => void): void {
  if (!existsSync(PID_DIR)) return;
  for (const file of readdirSync(PID_DIR)) {
    const [pid, marker] = readFileSync(join(PID_DIR, file), 'utf8').split('\n');
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (marker && cmdline.includes(marker)) {
        process.kill(Number(pid), 'SIGKILL');
        log(`killed ${file.replace(/\.pid$/, '')} (pid ${pid}) left by an interrupted run`);
      }
    } catch {
      // gone already
    }
    rmSync(join(PID_DIR, file), { force: true });
  }
}

export async function waitUntil(
  what: string,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await sleep(200);
  }
  throw new Error(`${what}: not within ${timeoutMs} ms`);
}

/**
 * A private single-node KRaft broker through `scripts/kafka.sh` (its own port and data directory,
 * wiped at start): never the shared one on 9092.
 */
export class PrivateKafka {
  readonly dataDir: string;

  constructor(
    readonly port: number,
    private readonly log: (line: string) => void,
  ) {
    this.dataDir = join(ROOT, '.cache/kafka', `chaos-${port}`);
    // A run that ends without its clean stop (an error, a signal) still takes the broker down.
    killOnExit(() => {
      const pid = Number(readFileSync(join(this.dataDir, 'kafka.pid'), 'utf8').trim());
      if (pid) process.kill(pid, 'SIGKILL');
    });
  }

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_DATA_DIR: this.dataDir,
      KAFKA_HEAP: process.env.CHAOS_KAFKA_HEAP ?? '768m',
      KAFKA_START_TIMEOUT: '240',
    };
  }

  private async script(command: 'start' | 'stop'): Promise<void> {
    try {
      await run(join(ROOT, 'scripts/kafka.sh'), [command], { env: this.env(), timeout: 300_000 });
    } catch (err) {
      const e = err as { stderr?: string; signal?: string; message: string };
      throw new Error(
        `kafka.sh ${command} failed (${e.signal ?? 'exit'}): ${e.stderr?.trim() || e.message}`,
        {
          cause: err,
        },
      );
    }
  }

  async fresh(): Promise<void> {
    if (this.port === 9092) throw new Error('refusing to use the shared broker port 9092');
    await this.stop();
    if (await portAnswers(this.port)) throw new Error(`port ${this.port} is taken by another process`);
    rmSync(this.dataDir, { recursive: true, force: true });
    await this.start();
  }

  async start(): Promise<void> {
    const began = Date.now();
    await this.script('start');
    this.log(`kafka up on ${this.brokers} in ${Date.now() - began} ms`);
  }

  /** A clean stop (SIGTERM, controlled shutdown), as an operator's restart does. */
  async stop(): Promise<void> {
    await this.script('stop');
  }

  /** Stops the broker, keeps its logs next to the apps' (`logDir`), removes its data. */
  async clean(logDir: string): Promise<void> {
    await this.stop().catch(() => undefined);
    for (const name of ['server.log', 'stdout.log'])
      if (existsSync(join(this.dataDir, 'logs', name)))
        copyFileSync(join(this.dataDir, 'logs', name), join(logDir, `kafka-${name}`));
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

export type RedisPersistence = 'aof' | 'none';

/**
 * A private redis-server (own port and directory). With `aof` every acknowledged write is fsynced
 * before the reply (appendfsync always), so a crash loses nothing acknowledged; with `none` a
 * restart starts empty.
 */
export class PrivateRedis {
  private child?: ChildProcess;
  readonly dir: string;

  constructor(
    readonly port: number,
    private readonly persistence: RedisPersistence,
    private readonly logFile: string,
    private readonly log: (line: string) => void,
  ) {
    this.dir = join(ROOT, '.cache', `chaos-redis-${port}`);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async fresh(): Promise<void> {
    if (this.port === 6379) throw new Error('refusing to use the shared Redis port 6379');
    if (await portAnswers(this.port)) throw new Error(`port ${this.port} is taken by another process`);
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
      ...(this.persistence === 'aof'
        ? ['--appendonly', 'yes', '--appendfsync', 'always']
        : ['--appendonly', 'no']),
    ];
    const out = openSync(this.logFile, 'a');
    const child = spawn('redis-server', args, { stdio: ['ignore', out, out], detached: false });
    this.child = child;
    rememberPid('redis', child.pid, 'redis-server');
    closeSync(out);
    killOnExit(() => child.kill('SIGKILL'));
    await waitUntil('redis', () => portAnswers(this.port), 10_000);
    this.log(`redis up on ${this.url} (pid ${this.child.pid}, persistence ${this.persistence})`);
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
    await Promise.race([exited, sleep(10_000)]);
    if (child.exitCode === null) child.kill('SIGKILL');
    this.child = undefined;
  }

  clean(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
