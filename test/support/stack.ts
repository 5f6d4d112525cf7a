import { randomBytes } from 'node:crypto';

import type { NestFastifyApplication } from '@nestjs/platform-fastify';

import { issueToken, Role } from '@paxscreen/http';
import { type ListFile, testEnv, testSchema, uniquePrefix, uploadList } from '@paxscreen/testing';

import { startCasework } from '../../apps/casework/src/casework.app';
import { startDashboard } from '../../apps/dashboard/src/dashboard.app';
import { hashApiKey } from '@paxscreen/carrier-keys';
import { startGateway } from '../../apps/gateway/src/gateway.app';
import { startParser } from '../../apps/parser/src/parser.app';
import { startRecords } from '../../apps/records/src/records.app';
import { startScreening } from '../../apps/screening/src/screening.app';
import { startWatchlist } from '../../apps/watchlist/src/watchlist.app';
import { startWorkbench } from '../../apps/workbench/src/workbench.app';

export const TEST_JWT_SECRET = 'e2e-secret-for-staff-tokens-0123456789';
const AUTH = {
  AUTH_JWT_SECRET: TEST_JWT_SECRET,
  AUTH_JWT_ISSUER: 'paxscreen',
  AUTH_JWT_AUDIENCE: 'paxscreen',
};

export type AppName =
  'watchlist' | 'parser' | 'screening' | 'gateway' | 'dashboard' | 'casework' | 'records' | 'workbench';

const STARTERS: Record<AppName, (env: NodeJS.ProcessEnv) => Promise<NestFastifyApplication>> = {
  watchlist: startWatchlist,
  parser: startParser,
  screening: startScreening,
  gateway: startGateway,
  dashboard: startDashboard,
  casework: startCasework,
  records: startRecords,
  workbench: startWorkbench,
};

/** Every app of paxscreen in this process, on one prefix of the test Kafka and Redis. */
export class TestStack {
  readonly apps = new Map<string, NestFastifyApplication>();
  readonly keys = new Map<string, string>();
  readonly env: NodeJS.ProcessEnv;
  /** This stack's own PostgreSQL schema (receipts, the PNR vault): dropped by close(). */
  private readonly schema: ReturnType<typeof testSchema>;

  constructor(
    readonly prefix: string,
    carriers: string[],
    extra: Record<string, string> = {},
  ) {
    for (const c of carriers) this.keys.set(c, `test-${c}-${randomBytes(12).toString('hex')}`);
    this.schema = testSchema(prefix);
    this.env = testEnv(prefix, {
      DATABASE_URL: this.schema.databaseUrl,
      DATABASE_SCHEMA: this.schema.schema,
      GATEWAY_PORT: '0',
      PARSER_PORT: '0',
      SCREENING_PORT: '0',
      WATCHLIST_PORT: '0',
      DASHBOARD_PORT: '0',
      CASEWORK_PORT: '0',
      RECORDS_PORT: '0',
      WORKBENCH_PORT: '0',
      GATEWAY_CARRIER_KEYS: [...this.keys].map(([c, k]) => `${c}:${hashApiKey(k)}`).join(','),
      ...AUTH,
      PNR_UNMASK_KEY: randomBytes(32).toString('hex'),
      REVET_DEBOUNCE_MS: '200',
      SCREENING_HOME_ECONOMY: 'USA',
      ...extra,
    });
  }

  static create(suite: string, carriers: string[], extra?: Record<string, string>): TestStack {
    return new TestStack(uniquePrefix(suite), carriers, extra);
  }

  /** Starts an app (a second screening instance takes a name and an instance id). */
  async start(
    app: AppName,
    as: string = app,
    extra: Record<string, string> = {},
  ): Promise<NestFastifyApplication> {
    const started = await STARTERS[app]({ ...this.env, ...extra });
    this.apps.set(as, started);
    return started;
  }

  async url(app: string): Promise<string> {
    const a = this.apps.get(app);
    if (!a) throw new Error(`${app} is not started`);
    return a.getUrl();
  }

  async stop(app: string): Promise<void> {
    await this.apps.get(app)?.close();
    this.apps.delete(app);
  }

  async close(): Promise<void> {
    for (const name of [...this.apps.keys()].reverse()) await this.stop(name);
    await this.schema.drop();
  }

  token(role: Role, subject = `${role}-1`): Promise<string> {
    return issueToken(AUTH, { subject, roles: [role] });
  }

  /** Imports a list file through the watchlist service's admin API. */
  async importList(name: string, bytes: Buffer | string, listId?: string): Promise<Record<string, unknown>> {
    return this.importFiles([{ name, bytes: Buffer.from(bytes) }], listId);
  }

  /** Imports a list of one or several files (an OFAC set) through the watchlist admin API. */
  async importFiles(files: ListFile[], listId?: string): Promise<Record<string, unknown>> {
    return uploadList(await this.url('watchlist'), files, await this.token('admin'), { listId });
  }

  /** Submits a carrier message through the gateway with the carrier's key. */
  async submit(
    carrier: string,
    bytes: Buffer | string,
  ): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(`${await this.url('gateway')}/v1/messages`, {
      method: 'POST',
      body: bytes,
      headers: { 'content-type': 'application/edifact', 'x-api-key': this.keys.get(carrier) ?? 'none' },
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  async receipt(carrier: string, receiptId: string): Promise<Record<string, unknown>> {
    const res = await fetch(`${await this.url('gateway')}/v1/messages/${receiptId}`, {
      headers: { 'x-api-key': this.keys.get(carrier) ?? '' },
    });
    return (await res.json()) as Record<string, unknown>;
  }
}
