import { closeSync, openSync, readSync, statSync } from 'node:fs';

import { poisonMessage } from '@paxscreen/testing';

import type { AppName, AppProcess } from './app-process';
import { PrivateKafka, PrivateRedis, sleep, waitUntil } from './infra';

export interface FaultRecord {
  fault: string;
  at: string;
  /** From the fault to the faulty part answering again, ms. */
  recoveredAfterMs: number;
  details?: Record<string, unknown>;
}

export interface PoeLookup {
  document: string;
  status: number | string;
  answered: boolean;
  outcome?: string;
  advanceData?: boolean;
  note?: string;
  unavailable?: string;
  ms: number;
}

export interface FaultContext {
  apps: Map<AppName, AppProcess>;
  /** A second screening instance (own port and instance name), up only during the SIGSTOP fault. */
  secondScreening: AppProcess;
  /** The apps' Kafka session timeout: a frozen member loses its partitions after this long. */
  sessionTimeoutMs: number;
  /** The API key of the second carrier, the one that sends the poison message. */
  poisonApiKey: string;
  kafka: PrivateKafka;
  redis: PrivateRedis;
  redisStop: 'kill' | 'term';
  appDownSeconds: number;
  kafkaDownSeconds: number;
  redisOutageSeconds: number;
  /** Port-of-entry look-ups run while Redis is down; returns what each one got. */
  probeDuringOutage: (until: () => boolean) => Promise<PoeLookup[]>;
  /** Called as soon as the fault has struck (the carrier's traffic for this phase starts). */
  onInjected: () => void;
  log: (line: string) => void;
}

export type Fault = (ctx: FaultContext) => Promise<FaultRecord>;

const killApp =
  (name: AppName): Fault =>
  async (ctx) => {
    const app = ctx.apps.get(name)!;
    const at = new Date();
    ctx.log(`FAULT kill -9 ${name} (pid ${app.pid})`);
    await app.kill9();
    ctx.onInjected();
    await sleep(ctx.appDownSeconds * 1000);
    await app.start();
    return { fault: `kill -9 ${name}`, at: at.toISOString(), recoveredAfterMs: Date.now() - at.getTime() };
  };

const restartKafka: Fault = async (ctx) => {
  const at = new Date();
  ctx.log('FAULT Kafka broker stop + start');
  await ctx.kafka.stop();
  ctx.onInjected();
  const stoppedMs = Date.now() - at.getTime();
  await sleep(ctx.kafkaDownSeconds * 1000);
  await ctx.kafka.start();
  return {
    fault: 'Kafka broker restart',
    at: at.toISOString(),
    recoveredAfterMs: Date.now() - at.getTime(),
    details: { stopTookMs: stoppedMs, downSeconds: ctx.kafkaDownSeconds },
  };
};

const redisOutage: Fault = async (ctx) => {
  const at = new Date();
  ctx.log(`FAULT Redis ${ctx.redisStop === 'kill' ? 'kill -9' : 'stop'} for ${ctx.redisOutageSeconds} s`);
  if (ctx.redisStop === 'kill') await ctx.redis.crash();
  else await ctx.redis.stop();
  ctx.onInjected();
  let down = true;
  const probing = ctx.probeDuringOutage(() => down);
  await sleep(ctx.redisOutageSeconds * 1000);
  down = false;
  const lookups = await probing;
  await ctx.redis.start();
  const answered = lookups.filter((l) => l.answered).length;
  ctx.log(`port-of-entry look-ups during the outage: ${answered}/${lookups.length} answered`);
  // The apps reconnect by themselves; the gateway answering /ready means it sees Redis again.
  await waitUntil(
    'gateway ready after Redis',
    async () => (await fetch(`${ctx.apps.get('gateway')!.url}/ready`)).ok,
    60_000,
  ).catch(() => ctx.log('gateway /ready did not turn green within 60 s after Redis came back'));
  return {
    fault: `Redis ${ctx.redisStop === 'kill' ? 'kill -9' : 'stop'} ${ctx.redisOutageSeconds} s`,
    at: at.toISOString(),
    recoveredAfterMs: Date.now() - at.getTime(),
    details: { lookups },
  };
};

/** What was appended to `file` since it was `from` bytes long. */
function appendedSince(file: string, from: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = statSync(file).size;
    const buf = Buffer.alloc(Math.max(0, size - from));
    readSync(fd, buf, 0, buf.length, from);
    return buf.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Issue 19, fencing: a second screening instance joins, and while travellers stream the first one
 * is frozen (SIGSTOP) in the middle of its work, for longer than its session timeout, so the
 * group gives its partitions to the second; then it runs on (SIGCONT) and tries to commit the
 * batch it was working on. kafkajs has no KIP-447: with a transactional id per instance that batch
 * would be published twice (the verdict's duplicated count); with one per input partition the
 * second instance's claim fenced it, and its commit is refused (counted from its log).
 */
const stallScreening: Fault = async (ctx) => {
  const first = ctx.apps.get('screening')!;
  const second = ctx.secondScreening;
  ctx.log('FAULT SIGSTOP screening: a second instance joins first');
  await second.start();
  // The first instance learns of the rebalance at its next heartbeat (3 s) and gives up partitions.
  await sleep(6000);
  ctx.onInjected();
  // Travellers in flight: freeze the first instance while it is busy (over a third of a core in
  // the last 200 ms), so that it is screening or committing a batch; after 10 s, whatever it does.
  const busySince = Date.now();
  for (let cpu = first.cpuSeconds(); Date.now() - busySince < 10_000;) {
    await sleep(200);
    const now = first.cpuSeconds();
    if (now - cpu > 0.066) break;
    cpu = now;
  }
  const at = new Date();
  const logFrom = statSync(first.logFile).size;
  ctx.log(`FAULT SIGSTOP screening (pid ${first.pid}) for ${(ctx.sessionTimeoutMs + 5000) / 1000} s`);
  first.pause();
  await sleep(ctx.sessionTimeoutMs + 5000);
  first.resume();
  ctx.log('SIGCONT screening: it runs on with the batch it had');
  // It wakes, tries to commit, is fenced, rejoins the group; then the second instance leaves.
  await sleep(8000);
  const woke = appendedSince(first.logFile, logFrom);
  const fencedCommits = woke.match(/old epoch|PRODUCER_FENCED|INVALID_PRODUCER_EPOCH/g)?.length ?? 0;
  // A batch it was handling when frozen fails on waking (Redis command timeouts count the pause):
  // proof it was mid-batch. It is then either dropped as stale or fenced at its commit.
  const batchFailures = woke.match(/batch failed; retrying/g)?.length ?? 0;
  ctx.log(
    `after SIGCONT the frozen instance had ${batchFailures} batch failure(s) and ${fencedCommits} commit(s) refused as fenced`,
  );
  await second.stop();
  return {
    fault: 'SIGSTOP screening (second instance takes over)',
    at: at.toISOString(),
    recoveredAfterMs: Date.now() - at.getTime(),
    details: { frozenSeconds: (ctx.sessionTimeoutMs + 5000) / 1000, batchFailures, fencedCommits },
  };
};

/** Issue 20's poison (libs/testing): its dead letter is more than one dead-letter record holds. */
export const POISON = poisonMessage();

/**
 * A second carrier sends the poison while the first one's manifests stream through the same
 * partitions: it must end REJECTED while every traveller of the other carrier is still decided
 * (the verdict's lost count) and its dead letter must give back its bytes (checked at the end).
 */
const sendPoison: Fault = async (ctx) => {
  const at = new Date();
  const gateway = ctx.apps.get('gateway')!.url;
  ctx.log(`FAULT poison message (${POISON.length} bytes) from a second carrier`);
  const res = await fetch(`${gateway}/v1/messages`, {
    method: 'POST',
    body: POISON,
    headers: { 'content-type': 'application/edifact', 'x-api-key': ctx.poisonApiKey },
    signal: AbortSignal.timeout(30_000),
  });
  const body = (await res.json()) as { receiptId?: string; code?: string };
  ctx.onInjected();
  let status = `HTTP ${res.status} ${body.code ?? ''}`.trim();
  let rejection: string | undefined;
  if (res.status === 202 && body.receiptId) {
    await waitUntil(
      'the poison message rejected',
      async () => {
        const r = await fetch(`${gateway}/v1/messages/${body.receiptId}`, {
          headers: { 'x-api-key': ctx.poisonApiKey },
        });
        const receipt = (await r.json()) as { status?: string; rejection?: { code: string } };
        status = receipt.status ?? status;
        rejection = receipt.rejection?.code;
        return status === 'REJECTED';
      },
      120_000,
    ).catch(() => ctx.log(`the poison message is still ${status} after 120 s`));
  }
  ctx.log(`poison message: ${status}${rejection ? ` ${rejection}` : ''}`);
  return {
    fault: 'poison message',
    at: at.toISOString(),
    recoveredAfterMs: Date.now() - at.getTime(),
    details: { receiptId: body.receiptId, status, rejection },
  };
};

/**
 * The faults, in turn: each app killed, a screening instance frozen while a second takes over, the
 * broker restarted, Redis down, a poison message.
 */
export const FAULT_SEQUENCE: { name: string; run: Fault }[] = [
  { name: 'poison message', run: sendPoison },
  { name: 'kill -9 parser', run: killApp('parser') },
  { name: 'kill -9 screening', run: killApp('screening') },
  { name: 'SIGSTOP screening', run: stallScreening },
  { name: 'kill -9 gateway', run: killApp('gateway') },
  { name: 'Kafka broker restart', run: restartKafka },
  { name: 'Redis outage', run: redisOutage },
];
