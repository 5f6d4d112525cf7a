import { Kysely, sql } from 'kysely';

import { createDatabase, postgresSettingsFromEnv } from '@paxscreen/postgres';
import type { RecordsDatabase } from '@paxscreen/records';
import type { PrivatePostgres } from '@paxscreen/testing';

import type { DecisionsOnTopic } from './decisions';
import type { Fault } from './faults';
import { sleep, waitUntil } from './infra';

/**
 * Issue 15: PostgreSQL goes away under the records consumer (an immediate stop: every server
 * process quits, no checkpoint, as a crash), records is killed with `kill -9` while it is down
 * (whatever it had read but not committed is read again by the next instance), PostgreSQL starts
 * again (crash recovery), then records. Every decision must land in the database exactly once.
 * Every app of the run shares the private cluster, so the gateway, the parser and casework meet
 * the outage too.
 */
export function killRecordsAndRestartPostgres(pg: PrivatePostgres, pgDownSeconds: number): Fault {
  return async (ctx) => {
    const records = ctx.apps.get('records')!;
    const at = new Date();
    ctx.log(`FAULT PostgreSQL stop (immediate) for ${pgDownSeconds} s; kill -9 records while it is down`);
    await pg.stop('immediate');
    ctx.onInjected();
    await sleep((pgDownSeconds * 1000) / 2);
    ctx.log(`FAULT kill -9 records (pid ${records.pid})`);
    await records.kill9();
    await sleep((pgDownSeconds * 1000) / 2);
    await pg.start();
    await sleep(ctx.appDownSeconds * 1000);
    await records.start();
    return {
      fault: 'PostgreSQL restart + kill -9 records',
      at: at.toISOString(),
      recoveredAfterMs: Date.now() - at.getTime(),
      details: { pgDownSeconds },
    };
  };
}

export interface RecordsVerdict {
  /** `run`, or why the case was not run (no private PostgreSQL could be started). */
  ran: boolean;
  why?: string;
  decisionsOnTopic: number;
  /** Distinct decision ids in the records database. */
  decisionsFiled: number;
  missing: number;
  /** Rows beyond one per decision id. */
  duplicated: number;
  missingSample: string[];
}

export const recordsNotRun = (why: string): RecordsVerdict => ({
  ran: false,
  why,
  decisionsOnTopic: 0,
  decisionsFiled: 0,
  missing: 0,
  duplicated: 0,
  missingSample: [],
});

/**
 * Waits until the decisions reader has read the whole topic (read_committed) and the records
 * database holds every decision on it, then counts by decision id: none missing, none filed twice.
 */
export async function verifyRecords(
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  log: (line: string) => void,
  decisions: DecisionsOnTopic,
  /** Decision records the run itself found on the topic: the whole topic is read before comparing. */
  decisionsFound: number,
): Promise<RecordsVerdict> {
  const onTopic = decisions.ids;
  const db: Kysely<RecordsDatabase> = createDatabase(postgresSettingsFromEnv(env), 'chaos-records');
  try {
    let filed = new Set<string>();
    const read = async () => {
      filed = new Set(
        (await db.selectFrom('decisions').select('decision_id').distinct().execute()).map(
          (r) => r.decision_id,
        ),
      );
      return decisions.caughtUp(decisionsFound) && [...onTopic].every((id) => filed.has(id));
    };
    await waitUntil('records filed every decision', read, timeoutMs, 2000).catch(() =>
      log('records did not file every decision in time'),
    );
    await read().catch(() => undefined);
    const { rows, ids } = await sql<{ rows: string; ids: string }>`
      select count(*) as rows, count(distinct decision_id) as ids from decisions`
      .execute(db)
      .then((r) => r.rows[0]!);
    const missing = [...onTopic].filter((id) => !filed.has(id));
    return {
      ran: true,
      decisionsOnTopic: onTopic.size,
      decisionsFiled: Number(ids),
      missing: missing.length,
      duplicated: Number(rows) - Number(ids),
      missingSample: missing.slice(0, 5),
    };
  } finally {
    await db.destroy();
  }
}
