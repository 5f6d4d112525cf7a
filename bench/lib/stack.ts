import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';

import { issueToken } from '@paxscreen/http';
import { ensureDatabaseExists } from '@paxscreen/postgres';
import { readListFiles, uploadList } from '@paxscreen/testing';

import {
  AppMode,
  AppName,
  AppProcess,
  BENCH_PORTS,
  benchDatabaseUrl,
  benchApp,
  benchAppEnv,
  benchKafka,
  benchRedis,
  buildApps,
  ROOT,
} from './services';

/**
 * The whole paxscreen pipeline on private services, shared by the suites of one bench run (each
 * suite asks for it; the first one starts it; `stopStack` at the end of the run stops everything).
 * Lists are imported through the watchlist service's admin API, manifests go through the gateway,
 * exactly as a deployment is used.
 */
export const BENCH_CARRIERS = ['ZB', 'QB', 'XB', 'JB'] as const;
export type BenchCarrier = (typeof BENCH_CARRIERS)[number];
export const DEFAULT_LISTS: readonly { path: string; listId?: string }[] = [
  { path: 'data/lists/UN_consolidated.xml' },
  { path: 'data/lists/ofac_sdn_2021' },
];
/** Secrets of this run only (the services refuse to start without them). */
const PNR_UNMASK_KEY = randomBytes(32).toString('hex');
const AUTH = {
  AUTH_JWT_SECRET: randomBytes(24).toString('hex'),
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface StackOptions {
  mode: AppMode;
  /** Extra environment for every app (e.g. SCREENING_MAX_BATCH, KAFKA_PARTITIONS). */
  env?: Record<string, string>;
  /** Screening instances in the consumer group (1 or 2). */
  screeningInstances?: number;
  /** Node flags per app, e.g. { screening: ['--cpu-prof', ...] }. */
  nodeArgs?: Partial<Record<AppName, string[]>>;
  log: (m: string) => void;
}

export class BenchStack {
  readonly kafka = benchKafka();
  readonly redis = benchRedis();
  readonly apps = new Map<string, AppProcess>();
  /** A fresh topic / key prefix per start of the apps: every phase begins with empty topics. */
  prefix = '';
  readonly carrierKeys = new Map<BenchCarrier, string>(
    BENCH_CARRIERS.map((c) => [c, `bench-${c}-${randomBytes(12).toString('hex')}`]),
  );
  private servicesUp = false;
  private options?: StackOptions;
  private imported = 0;
  /** The lists the running apps were started with. */
  private lists: readonly { path: string; listId?: string }[] = [];

  get gateway(): AppProcess {
    return this.apps.get('gateway')!;
  }

  get screening(): AppProcess {
    return this.apps.get('screening')!;
  }

  get watchlist(): AppProcess {
    return this.apps.get('watchlist')!;
  }

  /** Environment every app (and the bench's own Kafka / Redis clients) uses. */
  env(): Record<string, string> {
    return {
      KAFKA_BROKERS: this.kafka.brokers,
      KAFKA_TOPIC_PREFIX: this.prefix,
      REDIS_URL: this.redis.url,
      REDIS_KEY_PREFIX: this.prefix,
      // Receipts and the PNR vault: a schema of the bench database per start.
      DATABASE_URL: benchDatabaseUrl(),
      DATABASE_SCHEMA: this.prefix.replace(/[^a-z0-9]/g, '_'),
      LOG_LEVEL: 'warn',
      ...AUTH,
      PNR_UNMASK_KEY,
      GATEWAY_CARRIER_KEYS: [...this.carrierKeys]
        .map(([c, k]) => `${c}:${createHash('sha256').update(k).digest('hex')}`)
        .join(','),
      // The benchmark is every carrier's whole day at once: no per-carrier throttle.
      GATEWAY_RATE_LIMIT: '1000000000',
      GATEWAY_STAFF_RATE_LIMIT: '1000000000',
      GATEWAY_PORT: String(BENCH_PORTS.gateway),
      PARSER_PORT: String(BENCH_PORTS.parser),
      SCREENING_PORT: String(BENCH_PORTS.screening),
      WATCHLIST_PORT: String(BENCH_PORTS.watchlist),
      SCREENING_HOME_ECONOMY: 'USA',
      ...this.options?.env,
    };
  }

  async startServices(log: (m: string) => void): Promise<void> {
    if (this.servicesUp) return;
    log(`starting a private Kafka broker (${this.kafka.brokers}) and redis-server (${this.redis.url})`);
    await this.redis.fresh();
    await this.kafka.fresh();
    this.servicesUp = true;
  }

  /** Starts (or restarts, with new options) every app under a fresh prefix and imports the lists. */
  async startApps(options: StackOptions, lists = DEFAULT_LISTS): Promise<void> {
    await this.startServices(options.log);
    await this.stopApps();
    this.options = options;
    this.prefix = `bench${Date.now().toString(36)}.`;
    if (options.mode === 'dist') buildApps(options.log);
    await ensureDatabaseExists(benchDatabaseUrl());
    const env = { ...process.env, ...this.env() };
    const instances = options.screeningInstances ?? 1;
    const specs: { name: string; app: AppName; port: number; env: NodeJS.ProcessEnv }[] = [
      { name: 'watchlist', app: 'watchlist', port: BENCH_PORTS.watchlist, env },
      { name: 'parser', app: 'parser', port: BENCH_PORTS.parser, env },
      { name: 'screening', app: 'screening', port: BENCH_PORTS.screening, env },
      { name: 'gateway', app: 'gateway', port: BENCH_PORTS.gateway, env },
    ];
    if (instances > 1)
      specs.push({
        name: 'screening2',
        app: 'screening',
        port: BENCH_PORTS.screening2,
        env: { ...env, SCREENING_PORT: String(BENCH_PORTS.screening2), SCREENING_INSTANCE_ID: 'screening-2' },
      });
    // Watchlist first: it creates the topics; the others start together once it answers.
    for (const [i, s] of specs.entries()) {
      const p = benchApp(s.name, s.app, s.port, options.mode);
      p.spawn(benchAppEnv(s.env), options.nodeArgs?.[s.app] ?? []);
      this.apps.set(s.name, p);
      if (i === 0) await p.waitReady();
    }
    await Promise.all([...this.apps.values()].map((p) => p.waitReady()));
    options.log(`apps ready (${options.mode}, prefix ${this.prefix})`);
    this.imported = 0;
    this.lists = lists;
    for (const l of lists) await this.importList(l.path, l.listId);
    await this.waitIndexed();
  }

  /**
   * True when the apps are up as a suite that reuses them expects: the default lists, one screening
   * instance, no extra settings or Node flags. The e2e suite's last phase leaves them running with no
   * list (its empty index), and the repeats suite with the match cache off: a suite that screens
   * travellers there would measure something else than it says.
   */
  get runsDefaults(): boolean {
    const o = this.options;
    return (
      this.apps.has('gateway') &&
      this.lists === DEFAULT_LISTS &&
      Object.keys(o?.env ?? {}).length === 0 &&
      (o?.screeningInstances ?? 1) === 1 &&
      Object.values(o?.nodeArgs ?? {}).every((a) => a.length === 0)
    );
  }

  async adminToken(): Promise<string> {
    return issueToken(AUTH, { subject: 'bench-admin', roles: ['admin'] });
  }

  async officerToken(): Promise<string> {
    return issueToken(AUTH, { subject: 'bench-officer', roles: ['officer'] });
  }

  /** Imports a list file (or an OFAC-style folder of CSVs, or raw bytes) through the admin API. */
  async importList(path: string, listId?: string, bytes?: Buffer): Promise<{ entries: number }> {
    const token = await this.adminToken();
    const files = bytes ? [{ name: path, bytes }] : readListFiles(join(ROOT, path));
    const body = await uploadList(this.watchlist.url, files, token, { listId });
    this.imported += body.entries ?? 0;
    return { entries: body.entries ?? 0 };
  }

  /** Entries in a screening instance's index (its /metrics gauge, summed over lists). */
  async indexed(screening = this.screening): Promise<number> {
    const text = await (await fetch(`${screening.url}/metrics`)).text();
    return [...text.matchAll(/^paxscreen_list_entries\{[^}]*\} (\d+)/gm)].reduce(
      (n, m) => n + Number(m[1]),
      0,
    );
  }

  /** Waits until every screening instance holds every imported entry. */
  async waitIndexed(timeoutMs = 30 * 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const instances = [...this.apps.values()].filter((a) => a.app === 'screening');
    while (Date.now() < deadline) {
      const counts = await Promise.all(instances.map((s) => this.indexed(s)));
      if (counts.every((c) => c >= this.imported)) return;
      await sleep(500);
    }
    throw new Error('the screening index did not catch up with the imported lists');
  }

  async stopApps(): Promise<void> {
    // Gateway first (no new input), screening last.
    const order = ['gateway', 'parser', 'watchlist', 'screening2', 'screening'];
    for (const name of order) {
      await this.apps.get(name)?.stop();
      this.apps.delete(name);
    }
  }

  async stop(): Promise<void> {
    await this.stopApps();
    await this.redis.stop();
    this.kafka.cleanSync();
    this.servicesUp = false;
  }
}

let shared: BenchStack | undefined;

/** The run's stack (created on first use; services started by `startServices` / `startApps`). */
export function benchStack(): BenchStack {
  shared ??= new BenchStack();
  return shared;
}

/** Stops whatever the run started (called once by bench/run.ts at the end). */
export async function stopStack(): Promise<void> {
  if (!shared) return;
  await shared.stop();
  shared = undefined;
}
