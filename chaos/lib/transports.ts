import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { connect } from 'amqplib';

import type { AppProcess } from './app-process';
import type { FaultRecord } from './faults';
import { sleep, waitUntil } from './infra';
import type { Manifest } from './traffic';

/**
 * Issue 21: kill -9 of the gateway while an AMQP queue and a drop folder are being drained. Half
 * of the transport manifests are published (persistent) to a run-private queue, half written into
 * a run-private drop folder; the gateway is killed once the first of them are in Kafka and
 * restarted after the usual pause. Every one must then be in Kafka under one receipt, and decided
 * once (checked with the HTTP traffic by the same ledger and verdict): 0 lost, 0 doubled.
 */
export interface TransportPlan {
  amqpUrl: string;
  queue: string;
  dropDir: string;
}

export interface TransportContext extends TransportPlan {
  gateway: AppProcess;
  manifests: Manifest[];
  appDownSeconds: number;
  /** Raw-topic records seen so far, by SHA-256 of the bytes (the ledger's raw reader). */
  rawByDigest: Map<string, Set<string>>;
  log: (line: string) => void;
}

export const digestOf = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** The env the gateway needs to consume the run's queue and folder (carrier ZZ). */
export function transportEnv(plan: TransportPlan, carrier: string): Record<string, string> {
  return {
    GATEWAY_AMQP_URL: plan.amqpUrl,
    GATEWAY_AMQP_QUEUES: `${carrier}:${plan.queue}`,
    GATEWAY_DROP_DIRS: `${carrier}:${plan.dropDir}`,
    GATEWAY_DROP_POLL_MS: '100',
  };
}

export async function prepareTransports(plan: TransportPlan): Promise<void> {
  rmSync(plan.dropDir, { recursive: true, force: true });
  mkdirSync(plan.dropDir, { recursive: true });
  const model = await connect(plan.amqpUrl);
  try {
    const ch = await model.createChannel();
    await ch.assertQueue(plan.queue, { durable: true });
    await ch.purgeQueue(plan.queue);
  } finally {
    await model.close();
  }
}

export async function removeTransports(plan: TransportPlan): Promise<void> {
  rmSync(plan.dropDir, { recursive: true, force: true });
  const model = await connect(plan.amqpUrl).catch(() => undefined);
  if (!model) return;
  try {
    const ch = await model.createChannel();
    await ch.deleteQueue(plan.queue);
  } finally {
    await model.close().catch(() => undefined);
  }
}

export async function drainUnderKill(ctx: TransportContext): Promise<FaultRecord> {
  const model = await connect(ctx.amqpUrl);
  const ch = await model.createChannel();
  const half = Math.ceil(ctx.manifests.length / 2);
  const queued = ctx.manifests.slice(0, half);
  const dropped = ctx.manifests.slice(half);
  const digests = ctx.manifests.map((m) => digestOf(m.bytes));
  const inKafka = () => digests.filter((d) => ctx.rawByDigest.has(d)).length;
  const at = new Date();
  for (const m of queued)
    ch.sendToQueue(ctx.queue, m.bytes, { persistent: true, messageId: m.idempotencyKey });
  for (const m of dropped) writeFileSync(join(ctx.dropDir, `manifest-${m.index}.edi`), m.bytes);
  // Strike mid-drain: once the first messages are in Kafka, well before all of them.
  await waitUntil('first transport messages in Kafka', async () => inKafka() > 0, 60_000);
  const beforeKill = inKafka();
  ctx.log(`FAULT kill -9 gateway while draining queue and folder (${beforeKill}/${digests.length} in Kafka)`);
  await ctx.gateway.kill9();
  await sleep(ctx.appDownSeconds * 1000);
  await ctx.gateway.start();
  await waitUntil(
    'queue and folder drained',
    async () => {
      const left = readdirSync(ctx.dropDir, { withFileTypes: true }).filter((e) => e.isFile()).length;
      const { messageCount } = await ch.checkQueue(ctx.queue);
      return left === 0 && messageCount === 0 && inKafka() === digests.length;
    },
    180_000,
  );
  await model.close().catch(() => undefined);
  for (const m of ctx.manifests) {
    m.accepted = true;
    m.attempts = 1;
  }
  const rejected = readdirSync(join(ctx.dropDir, 'rejected')).length;
  ctx.log(`transports drained: ${digests.length} messages in Kafka, ${rejected} rejected files`);
  return {
    fault: 'kill -9 gateway while draining an AMQP queue and a drop folder',
    at: at.toISOString(),
    recoveredAfterMs: Date.now() - at.getTime(),
    details: {
      queued: queued.length,
      dropped: dropped.length,
      inKafkaAtKill: beforeKill,
      rejectedFiles: rejected,
    },
  };
}

/** Gives each transport manifest the receipt ids its bytes got (what a carrier learns from the receipt). */
export function learnReceipts(manifests: Manifest[], rawByDigest: Map<string, Set<string>>): void {
  for (const m of manifests) for (const id of rawByDigest.get(digestOf(m.bytes)) ?? []) m.receiptIds.add(id);
}
