import { Kysely, sql } from 'kysely';

import type { CaseworkDatabase } from '@paxscreen/casework';
import { type Disposition, type HitPage, Topic, topicName } from '@paxscreen/contracts';
import { createDatabase, postgresSettingsFromEnv } from '@paxscreen/postgres';

import type { DecisionsOnTopic } from './decisions';
import type { Fault, FaultRecord } from './faults';
import { sleep, waitUntil } from './infra';
import { TopicCounter } from './topic-counter';

/** Hits decided FALSE_POSITIVE right before casework is killed: their dispositions must survive. */
const DISPOSITIONS_BEFORE_KILL = 5;

/**
 * Issue 16: `kill -9` of casework right after it acknowledged dispositions (200), while decisions
 * stream in. Nothing acknowledged may be lost: the dispositions reach their topic (outbox), and
 * every referring decision consumed before or after the kill has its hit (checked at the end).
 */
export function killCasework(token: () => Promise<string>): Fault {
  return async (ctx) => {
    const app = ctx.apps.get('casework')!;
    const bearer = { authorization: `Bearer ${await token()}` };
    const page = (await (
      await fetch(`${app.url}/v1/casework/hits?status=NEW&limit=${DISPOSITIONS_BEFORE_KILL}`, {
        headers: bearer,
      })
    ).json()) as HitPage;
    const decided = await Promise.all(
      page.items.map(async (hit) => {
        const detail = (await (
          await fetch(`${app.url}/v1/casework/hits/${hit.hitId}`, { headers: bearer })
        ).json()) as {
          reasons: { reasonKey: string }[];
        };
        const res = await fetch(`${app.url}/v1/casework/hits/${hit.hitId}/disposition`, {
          method: 'POST',
          headers: { ...bearer, 'content-type': 'application/json' },
          body: JSON.stringify({
            version: hit.version,
            reasons: detail.reasons.map((r) => ({ reasonKey: r.reasonKey, verdict: 'FALSE_POSITIVE' })),
            outcome: 'CLEARED',
            note: 'chaos: decided right before kill -9',
          }),
        });
        return res.status === 200
          ? ((await res.json()) as { dispositionId: string }).dispositionId
          : undefined;
      }),
    );
    const at = new Date();
    ctx.log(
      `FAULT kill -9 casework (pid ${app.pid}) right after ${decided.filter(Boolean).length} dispositions`,
    );
    await app.kill9();
    ctx.onInjected();
    await sleep(ctx.appDownSeconds * 1000);
    await app.start();
    return {
      fault: 'kill -9 casework',
      at: at.toISOString(),
      recoveredAfterMs: Date.now() - at.getTime(),
      details: { dispositionsAcknowledged: decided.filter((d): d is string => !!d) },
    };
  };
}

export interface CaseworkVerdict {
  decisionsOnTopic: number;
  decisionsApplied: number;
  decisionsMissing: number;
  hitsExpected: number;
  hitsMissing: number;
  dispositionsAcknowledged: number;
  dispositionsPublished: number;
  dispositionsLost: number;
}

/**
 * Reads every disposition on the private broker, waits until the decisions reader has read the
 * whole topic and casework has applied every decision (its `hit_decisions` ledger), then
 * compares: each decision applied once (primary key), each referring traveller-and-flight with its
 * hit, each acknowledged disposition published.
 */
export async function verifyCasework(
  brokers: string,
  env: NodeJS.ProcessEnv,
  faults: FaultRecord[],
  timeoutMs: number,
  log: (line: string) => void,
  decisions: DecisionsOnTopic,
  /** Decision records the run itself found on the topic: the whole topic is read before comparing. */
  decisionsFound: number,
): Promise<CaseworkVerdict> {
  const { ids: decisionIds, hits: expectedHits } = decisions;
  const published = new Set<string>();
  const dispositions = await new TopicCounter(brokers, topicName(Topic.Dispositions, ''), (value) => {
    published.add((JSON.parse(value.toString('utf8')) as Disposition.Value).dispositionId);
  }).start();
  const db: Kysely<CaseworkDatabase> = createDatabase(
    postgresSettingsFromEnv({ ...env, DATABASE_SCHEMA: env.CASEWORK_DATABASE_SCHEMA }),
    'chaos-casework',
  );
  const acknowledged = faults.flatMap(
    (f) => (f.details?.dispositionsAcknowledged as string[] | undefined) ?? [],
  );
  try {
    let applied = new Set<string>();
    await waitUntil(
      'casework caught up with the decisions',
      async () => {
        applied = new Set(
          (await db.selectFrom('hit_decisions').select('decision_id').execute()).map((r) => r.decision_id),
        );
        return (
          decisions.caughtUp(decisionsFound) &&
          [...decisionIds].every((id) => applied.has(id)) &&
          acknowledged.every((id) => published.has(id))
        );
      },
      timeoutMs,
    ).catch(() => log('casework did not catch up with every decision / disposition in time'));
    const hits = new Set((await db.selectFrom('hits').select('hit_id').execute()).map((r) => r.hit_id));
    return {
      decisionsOnTopic: decisionIds.size,
      decisionsApplied: applied.size,
      decisionsMissing: [...decisionIds].filter((id) => !applied.has(id)).length,
      hitsExpected: expectedHits.size,
      hitsMissing: [...expectedHits].filter((id) => !hits.has(id)).length,
      dispositionsAcknowledged: acknowledged.length,
      dispositionsPublished: acknowledged.filter((id) => published.has(id)).length,
      dispositionsLost: acknowledged.filter((id) => !published.has(id)).length,
    };
  } finally {
    await dispositions.stop();
    await sql`drop schema if exists ${sql.id(env.CASEWORK_DATABASE_SCHEMA!)} cascade`
      .execute(db)
      .catch(() => undefined);
    await db.destroy();
  }
}
