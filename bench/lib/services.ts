import { ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import {
  type AppName,
  AppProcess,
  exitOnSignals,
  killOnExit,
  PrivateKafka,
  PrivateRedis,
} from '@paxscreen/testing';

export { AppProcess, cpuSecondsOf, rssOf } from '@paxscreen/testing';
export type { AppName } from '@paxscreen/testing';

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

/** A helper process (load target, bare server) killed with the others when the run ends (also on Ctrl-C). */
export function track(child: ChildProcess): void {
  exitOnSignals();
  killOnExit(() => child.kill('SIGKILL'));
}

/** The bench's broker (libs/testing `PrivateKafka`), warmed up after each start. */
export function benchKafka(): PrivateKafka {
  exitOnSignals();
  return new PrivateKafka({
    port: BENCH_PORTS.kafka,
    dataDir: join(ROOT, '.cache', 'kafka', `bench-${BENCH_PORTS.kafka}`),
    heap: process.env.BENCH_KAFKA_HEAP ?? '1g',
    warmUp: true,
  });
}

/** The bench's redis-server (libs/testing `PrivateRedis`): no persistence. */
export function benchRedis(): PrivateRedis {
  exitOnSignals();
  return new PrivateRedis({
    port: BENCH_PORTS.redis,
    dir: join(CACHE, 'redis'),
    persistence: 'none',
    reclaimPort: true,
  });
}

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

/** One app process (gateway, parser, screening or watchlist): its log in the bench's cache. */
export function benchApp(name: string, app: AppName, port: number, mode: AppMode): AppProcess {
  exitOnSignals();
  return new AppProcess({
    name,
    app,
    port,
    mode,
    distDir: join(CACHE, 'dist'),
    env: process.env,
    logFile: join(CACHE, 'logs', `${name}.log`),
    readyPath: '/ready',
    startTimeoutMs: 180_000,
  });
}

/** The environment of a bench app: the runner's own flags (VM modules for Jest) are not the services'. */
export function benchAppEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...env, NODE_OPTIONS: '--no-warnings=TimeoutNegativeWarning', HOST: '127.0.0.1' };
}

/** Removes a directory tree quietly (profiles, temporary files). */
export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/**
 * The benchmarks' PostgreSQL database: BENCH_DATABASE_URL, else DATABASE_URL's server, else the
 * local one; database `paxscreen_bench` (each run uses its own schema in it).
 */
export function benchDatabaseUrl(): string {
  const server =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const u = new URL(server);
  u.pathname = '/paxscreen_bench';
  return u.toString();
}
