import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import {
  PrivateKafka as SharedKafka,
  PrivatePostgres,
  PrivateRedis as SharedRedis,
  portAnswers as answers,
  type RedisPersistence,
} from '@paxscreen/testing';

export { killOnExit, sleep, waitUntil } from '@paxscreen/testing';
export type { RedisPersistence } from '@paxscreen/testing';

export const ROOT = join(__dirname, '../..');

export const portAnswers = (port: number, timeoutMs = 500) => answers('127.0.0.1', port, timeoutMs);

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

/** The chaos run's broker (libs/testing `PrivateKafka`): `.cache/kafka/chaos-<port>`. */
export class PrivateKafka extends SharedKafka {
  constructor(port: number, log: (line: string) => void) {
    super({
      port,
      dataDir: join(ROOT, '.cache/kafka', `chaos-${port}`),
      heap: process.env.CHAOS_KAFKA_HEAP ?? '768m',
      startTimeoutSeconds: 240,
      log,
    });
  }
}

/** The chaos run's redis-server (libs/testing `PrivateRedis`): `.cache/chaos-redis-<port>`. */
export class PrivateRedis extends SharedRedis {
  constructor(port: number, persistence: RedisPersistence, logFile: string, log: (line: string) => void) {
    super({
      port,
      dir: join(ROOT, '.cache', `chaos-redis-${port}`),
      persistence,
      logFile,
      onSpawn: (pid) => rememberPid('redis', pid, 'redis-server'),
      log,
    });
  }
}

/**
 * The chaos run's PostgreSQL cluster (libs/testing `PrivatePostgres`, local binaries): data in
 * `.cache/chaos/postgres-<port>`, or under /tmp as root (the cluster then belongs to the
 * `postgres` user, who may not reach the checkout). Without local binaries: no cluster, and why.
 */
export function chaosPostgres(
  port: number,
  log: (line: string) => void,
): { cluster?: PrivatePostgres; why?: string } {
  const dataDir =
    process.getuid?.() === 0
      ? `/tmp/paxscreen-chaos-postgres-${port}`
      : join(ROOT, '.cache/chaos', `postgres-${port}`);
  try {
    return {
      cluster: new PrivatePostgres({
        port,
        dataDir,
        onStart: (pid) => rememberPid('postgres', pid, 'postgres'),
        log,
      }),
    };
  } catch (err) {
    return { why: (err as Error).message };
  }
}
