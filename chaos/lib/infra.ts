import { ChildProcess, execFile, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, openSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export const ROOT = join(__dirname, '../..');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function portAnswers(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (ok: boolean) => {
      socket.destroy();
      done(ok);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
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
    this.child = spawn('redis-server', args, { stdio: ['ignore', out, out], detached: false });
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
