import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';

import { Kafka, logLevel } from 'kafkajs';

/**
 * The private services an end-to-end benchmark runs against: its own Kafka broker (KRaft, from
 * scripts/kafka.sh), its own redis-server and its own app processes, on ports nobody else uses. They
 * are started by the suite and stopped when the bench run ends (also on Ctrl-C), never the shared
 * broker on 9092 or the shared Redis on 6379.
 */
export const ROOT = join(__dirname, '..', '..');
/**
 * BENCH_PORT_OFFSET (default 0) moves every port (and the broker's data directory with it), so two
 * bench runs on one machine do not stop each other's services.
 */
const OFFSET = Number(process.env.BENCH_PORT_OFFSET ?? 0) || 0;
/** Builds and logs of the bench's apps (their own folder per port offset). */
export const CACHE = join(ROOT, '.cache', OFFSET ? `bench-${OFFSET}` : 'bench');
/** Below the kernel's ephemeral range (32768+), where an outgoing connection could hold one. */
export const BENCH_PORTS = {
  kafka: 28092 + OFFSET,
  redis: 26379 + OFFSET,
  gateway: 28080 + OFFSET,
  parser: 28081 + OFFSET,
  screening: 28082 + OFFSET,
  watchlist: 28083 + OFFSET,
  /** A second screening instance (scale suite). */
  screening2: 28084 + OFFSET,
} as const;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every child this process started, killed on exit whatever happens. */
const children = new Set<{ kill: () => void }>();
let exitHooked = false;
function hookExit(): void {
  if (exitHooked) return;
  exitHooked = true;
  const killAll = () => {
    for (const c of children) c.kill();
    children.clear();
  };
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      killAll();
      process.exit(130);
    });
}

/** A helper process (load target, bare server) killed with the others when the run ends. */
export function track(child: ChildProcess): void {
  hookExit();
  children.add({ kill: () => child.kill('SIGKILL') });
}

/** Resident set size of a process, bytes (0 when it is gone). */
export function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process used so far, seconds. */
export function cpuSecondsOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of /proc/<pid>/stat (11 and 12 after "comm) state").
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** A single-node Kafka broker on its own port and data directory, fresh for each bench run. */
export class PrivateKafka {
  readonly port = BENCH_PORTS.kafka;
  readonly dataDir = join(ROOT, '.cache', 'kafka', `bench-${BENCH_PORTS.kafka}`);
  private started = false;

  get brokers(): string {
    return `127.0.0.1:${this.port}`;
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      KAFKA_PORT: String(this.port),
      KAFKA_DATA_DIR: this.dataDir,
      KAFKA_HEAP: process.env.BENCH_KAFKA_HEAP ?? '1g',
    };
  }

  /** The broker's pid (for its resident size), once started. */
  get pid(): number | undefined {
    try {
      return Number(readFileSync(join(this.dataDir, 'kafka.pid'), 'utf8').trim()) || undefined;
    } catch {
      return undefined;
    }
  }

  async start(): Promise<void> {
    hookExit();
    // A leftover broker of an interrupted run is stopped, and its data removed: every run starts empty.
    execFileSync(join(ROOT, 'scripts', 'kafka.sh'), ['clean'], { env: this.env(), stdio: 'ignore' });
    execFileSync(join(ROOT, 'scripts', 'kafka.sh'), ['start'], { env: this.env(), stdio: 'inherit' });
    this.started = true;
    children.add({ kill: () => this.stopSync() });
    await this.warmUp();
  }

  /**
   * A fresh broker creates __transaction_state (50 partitions) and __consumer_offsets on first use,
   * which takes a while on a busy machine; until then transactional producers are refused. One
   * transaction and one group join here, so that the services start against a broker in service.
   */
  private async warmUp(): Promise<void> {
    const kafka = new Kafka({
      clientId: 'bench-warm-up',
      brokers: [this.brokers],
      logLevel: logLevel.NOTHING,
      retry: { retries: 30, initialRetryTime: 300, maxRetryTime: 3000 },
    });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      topics: [{ topic: 'bench.warm-up', numPartitions: 1 }],
      waitForLeaders: true,
    });
    await admin.disconnect();
    const producer = kafka.producer({
      transactionalId: 'bench-warm-up',
      idempotent: true,
      maxInFlightRequests: 1,
    });
    await producer.connect();
    const tx = await producer.transaction();
    await tx.send({ topic: 'bench.warm-up', messages: [{ value: 'x' }] });
    await tx.commit();
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: 'bench-warm-up' });
    await consumer.connect();
    await consumer.subscribe({ topic: 'bench.warm-up', fromBeginning: true });
    await new Promise<void>((resolve) => void consumer.run({ eachMessage: async () => resolve() }));
    await consumer.disconnect();
  }

  stopSync(): void {
    if (!this.started) return;
    this.started = false;
    try {
      execFileSync(join(ROOT, 'scripts', 'kafka.sh'), ['clean'], { env: this.env(), stdio: 'ignore' });
    } catch {
      // already gone
    }
  }
}

/** A redis-server of our own (no persistence), on its own port. */
export class PrivateRedis {
  readonly port = BENCH_PORTS.redis;
  private child?: ChildProcess;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    hookExit();
    mkdirSync(CACHE, { recursive: true });
    // An instance left by an interrupted run on our port is shut down first.
    try {
      execFileSync('redis-cli', ['-p', String(this.port), 'shutdown', 'nosave'], { stdio: 'ignore' });
    } catch {
      // none running
    }
    this.child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const child = this.child;
    children.add({ kill: () => child.kill('SIGKILL') });
    for (let i = 0; i < 100; i++) {
      try {
        const pong = execFileSync('redis-cli', ['-p', String(this.port), 'ping'], {
          stdio: ['ignore', 'pipe', 'ignore'],
        });
        if (pong.toString().trim() === 'PONG') return;
      } catch {
        // not yet
      }
      await sleep(100);
    }
    throw new Error(`redis-server did not answer on ${this.port}`);
  }

  async stop(): Promise<void> {
    this.child?.kill('SIGTERM');
    this.child = undefined;
  }
}

export type AppName = 'gateway' | 'parser' | 'screening' | 'watchlist';
export const APPS: readonly AppName[] = ['watchlist', 'parser', 'screening', 'gateway'];

/**
 * How apps are run: `dist` builds them once with the Nest CLI into .cache/bench/dist (what a
 * deployment runs, so memory figures are real); `source` runs the TypeScript through swc-node (no
 * build: quick, for smoke runs).
 */
export type AppMode = 'dist' | 'source';

function newestSource(): number {
  let newest = 0;
  const out = execFileSync(
    'find',
    ['apps', 'libs', '-name', '*.ts', '-not', '-name', '*.spec.ts', '-printf', '%T@\n'],
    {
      cwd: ROOT,
    },
  )
    .toString()
    .split('\n');
  for (const line of out) if (line) newest = Math.max(newest, Number(line) * 1000);
  return newest;
}

/** Builds the four services into .cache/bench/dist when a source file is newer than the last build. */
export function buildApps(log: (m: string) => void): void {
  const stamp = join(CACHE, 'dist', '.built');
  const built = existsSync(stamp) ? Number(readFileSync(stamp, 'utf8')) : 0;
  const newest = newestSource();
  if (built >= newest && existsSync(join(CACHE, 'dist', 'apps', 'gateway', 'src', 'main.js'))) return;
  mkdirSync(CACHE, { recursive: true });
  const tsconfig = join(CACHE, 'tsconfig.apps.json');
  writeFileSync(
    tsconfig,
    JSON.stringify(
      {
        extends: '../../tsconfig.build.json',
        compilerOptions: { rootDir: '../..', outDir: 'dist', incremental: false, sourceMap: false },
        include: APPS.map((a) => `../../apps/${a}/src/**/*.ts`),
        exclude: ['../../**/*.spec.ts', '../../node_modules'],
      },
      null,
      2,
    ),
  );
  log('building the services into .cache/bench/dist (nest build)');
  const started = Date.now();
  // The Nest CLI wants the tsconfig path relative to the workspace.
  try {
    execFileSync('npx', ['nest', 'build', 'gateway', '-p', relative(ROOT, tsconfig)], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  } catch (err) {
    // Type errors (someone's change in progress in a shared tree) still emit JavaScript: a
    // benchmark runs what was emitted, and says so; a build that emitted nothing is fatal.
    const emitted = APPS.every((a) => {
      const main = join(CACHE, 'dist', 'apps', a, 'src', 'main.js');
      return existsSync(main) && statSync(main).mtimeMs >= started;
    });
    if (!emitted) throw err;
    log('WARNING: the build reported type errors (above); running the JavaScript it emitted');
  }
  writeFileSync(stamp, String(newest));
  log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** One app process (gateway, parser, screening or watchlist) with its own environment. */
export class AppProcess {
  private child?: ChildProcess;
  private exited?: string;

  constructor(
    readonly name: string,
    readonly app: AppName,
    readonly port: number,
    private readonly mode: AppMode,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  start(env: NodeJS.ProcessEnv, extraNodeArgs: string[] = []): void {
    hookExit();
    const logDir = join(CACHE, 'logs');
    mkdirSync(logDir, { recursive: true });
    const logFd = openSync(join(logDir, `${this.name}.log`), 'w');
    const entry =
      this.mode === 'dist'
        ? [join(CACHE, 'dist', 'apps', this.app, 'src', 'main.js')]
        : ['-r', '@swc-node/register', join(ROOT, 'apps', this.app, 'src', 'main.ts')];
    this.child = spawn(process.execPath, [...extraNodeArgs, ...entry], {
      cwd: ROOT,
      env: {
        ...env,
        // The bench runner's own flags (VM modules for Jest) are not the services'.
        NODE_OPTIONS: '--no-warnings=TimeoutNegativeWarning',
        HOST: '127.0.0.1',
      },
      stdio: ['ignore', logFd, logFd],
    });
    closeSync(logFd);
    const child = this.child;
    child.on('exit', (code, signal) => (this.exited = `exited with ${code ?? signal}`));
    children.add({ kill: () => child.kill('SIGKILL') });
  }

  async waitReady(timeoutMs = 180_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.exited)
        throw new Error(`${this.name} ${this.exited}; see ${relative(ROOT, CACHE)}/logs/${this.name}.log`);
      try {
        if ((await fetch(`${this.url}/ready`)).ok) return;
      } catch {
        // not listening yet
      }
      await sleep(250);
    }
    throw new Error(`${this.name} not ready after ${timeoutMs / 1000} s`);
  }

  rss(): number {
    return rssOf(this.child?.pid);
  }

  cpuSeconds(): number {
    return cpuSecondsOf(this.child?.pid);
  }

  /** SIGTERM (graceful shutdown), then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child || this.exited) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await gone;
    clearTimeout(timer);
  }
}

/** Removes a directory tree quietly (profiles, temporary files). */
export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
