import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { portAnswers } from '../services';
import { killOnExit, waitUntil } from './exit';

/** Ports of PostgreSQL servers other people use: a private cluster never takes them. */
const SHARED_PORTS = new Set([5432]);
const START_TIMEOUT_MS = 60_000;

export interface PrivatePostgresOptions {
  port: number;
  /** The cluster's data directory (initdb), wiped by `fresh()` and `clean()`. */
  dataDir: string;
  /** Directory of initdb / pg_ctl; default: the first of `pg_ctl` on PATH, /usr/lib/postgresql/<v>/bin. */
  binDir?: string;
  /** Called with the postmaster's pid after each start (e.g. to reap it after a run that was killed). */
  onStart?: (pid: number | undefined) => void;
  log?: (line: string) => void;
}

/** The directory of the local PostgreSQL binaries (initdb, pg_ctl), newest version first; else undefined. */
export function localPostgresBin(): string | undefined {
  const candidates: string[] = [];
  try {
    candidates.push(
      execFileSync('sh', ['-c', 'dirname "$(command -v pg_ctl)"'], { encoding: 'utf8' }).trim(),
    );
  } catch {
    // not on PATH
  }
  try {
    const versions = execFileSync('ls', ['/usr/lib/postgresql'], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => `/usr/lib/postgresql/${v}/bin`));
  } catch {
    // none installed there
  }
  return candidates.find((dir) => dir && existsSync(join(dir, 'pg_ctl')) && existsSync(join(dir, 'initdb')));
}

/**
 * A PostgreSQL cluster of our own (initdb into its own directory, its own port, trust auth on
 * 127.0.0.1), for experiments that stop and restart the server: the shared one on 5432 is never
 * touched. As root, the cluster belongs to the `postgres` user (PostgreSQL refuses root). Stopped
 * (immediately) when this process exits.
 */
export class PrivatePostgres {
  readonly port: number;
  readonly dataDir: string;
  private readonly bin: string;
  private running = false;

  constructor(private readonly options: PrivatePostgresOptions) {
    const bin = options.binDir ?? localPostgresBin();
    if (!bin) throw new Error('no local PostgreSQL binaries (initdb, pg_ctl) for a private cluster');
    this.bin = bin;
    this.port = options.port;
    this.dataDir = options.dataDir;
  }

  /** `postgres://postgres@127.0.0.1:<port>/postgres` (trust auth). */
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/postgres`;
  }

  /** The postmaster's pid while it runs. */
  get pid(): number | undefined {
    try {
      return Number(readFileSync(join(this.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]) || undefined;
    } catch {
      return undefined;
    }
  }

  private ownerCommand(cmd: string, args: string[]): [string, string[]] {
    const root = process.getuid?.() === 0;
    return [root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args];
  }

  /** Runs a PostgreSQL tool as the cluster's owner, without blocking the event loop (timers of other waits run on). */
  private async asOwner(cmd: string, args: string[]): Promise<void> {
    await promisify(execFile)(...this.ownerCommand(cmd, args));
  }

  /** A new, empty cluster in `dataDir`, started. */
  async fresh(): Promise<void> {
    if (SHARED_PORTS.has(this.port))
      throw new Error(`refusing to use the shared PostgreSQL port ${this.port}`);
    if (await portAnswers('127.0.0.1', this.port))
      throw new Error(`port ${this.port} is taken by another process`);
    rmSync(this.dataDir, { recursive: true, force: true });
    mkdirSync(this.dataDir, { recursive: true, mode: 0o700 });
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres', this.dataDir]);
    await this.asOwner(join(this.bin, 'initdb'), [
      '-D',
      this.dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '-N',
    ]);
    await this.start();
  }

  async start(): Promise<void> {
    await this.asOwner(join(this.bin, 'pg_ctl'), [
      '-D',
      this.dataDir,
      '-l',
      join(this.dataDir, 'postgres.log'),
      '-w',
      '-t',
      String(START_TIMEOUT_MS / 1000),
      '-o',
      // No fsync: a test cluster; an immediate stop still restarts through crash recovery (WAL).
      `-c listen_addresses=127.0.0.1 -p ${this.port} -k ${this.dataDir} -c fsync=off -c max_connections=200`,
      'start',
    ]);
    this.running = true;
    killOnExit(() => this.stopSync('immediate'));
    await waitUntil('postgres', () => portAnswers('127.0.0.1', this.port), START_TIMEOUT_MS);
    this.options.onStart?.(this.pid);
    this.options.log?.(`postgres up on 127.0.0.1:${this.port} (pid ${this.pid}, data in ${this.dataDir})`);
  }

  /** At exit (synchronous, as exit hooks must be). */
  private stopSync(mode: 'immediate' | 'fast'): void {
    if (!this.running) return;
    try {
      execFileSync(
        ...this.ownerCommand(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']),
        {
          stdio: 'ignore',
        },
      );
    } catch {
      // not running
    }
    this.running = false;
  }

  /**
   * `immediate`: every server process is quit at once, no checkpoint (a crash; the next start
   * recovers from the WAL); `fast`: clients are disconnected and the server shuts down cleanly.
   */
  async stop(mode: 'immediate' | 'fast' = 'fast'): Promise<void> {
    if (!this.running) return;
    this.running = false;
    await this.asOwner(join(this.bin, 'pg_ctl'), ['-D', this.dataDir, '-m', mode, '-w', 'stop']).catch(
      () => undefined,
    );
  }

  clean(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
