import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { envelope, Traveller } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { Kafka, logLevel } from 'kafkajs';

import { generateTraffic } from '../generator';
import { ROOT } from './services';

/**
 * The raw limits of Kafka and Redis on this machine, measured against the run's private services:
 * Kafka's own ProducerPerformance / ConsumerPerformance (Java client), a bare kafkajs loop with the
 * traveller events' size, and redis-benchmark GET. The pipeline's figures are ratios to these.
 */
const execFileP = promisify(execFile);
const KAFKA_VERSION = '3.9.1';
export const TOOLS_DIR = join(ROOT, '.cache', 'kafka', `tools-${KAFKA_VERSION}`);

/** Fetches kafka-tools (Maven profile `tools` of tools/kafka/pom.xml) once. */
export function ensureKafkaTools(log: (m: string) => void): void {
  if (existsSync(join(TOOLS_DIR, '.complete'))) return;
  log('fetching org.apache.kafka:kafka-tools from Maven Central (once)');
  mkdirSync(TOOLS_DIR, { recursive: true });
  execFileSync(
    'mvn',
    [
      '-q',
      '-B',
      '-f',
      join(ROOT, 'tools', 'kafka', 'pom.xml'),
      '-P',
      'tools',
      'dependency:copy-dependencies',
      `-DoutputDirectory=${TOOLS_DIR}`,
      '-DincludeScope=runtime',
    ],
    { stdio: 'inherit' },
  );
  writeFileSync(join(TOOLS_DIR, '.complete'), '');
}

export async function createTopic(brokers: string, topic: string, partitions: number): Promise<void> {
  const kafka = new Kafka({ clientId: 'bench-admin', brokers: [brokers], logLevel: logLevel.ERROR });
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({
    topics: [{ topic, numPartitions: partitions, replicationFactor: 1 }],
    waitForLeaders: true,
  });
  await admin.disconnect();
}

/** Mean size of a traveller event (TravellerParsed JSON) over generated traffic, bytes. */
export async function travellerEventBytes(): Promise<number> {
  const traffic = await generateTraffic({
    seed: 7,
    manifests: 12,
    travellers: 100,
    hitRate: 0,
    carriers: ['ZB'],
  });
  let bytes = 0;
  let n = 0;
  for (const m of traffic.manifests) {
    for (const [index, traveller] of readMessage(m.bytes).messages[0].travellers.entries()) {
      const event = {
        ...envelope(
          '0196f1c2-7d55-7c4e-9f0a-3a0f1d2c4b5a',
          '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
        ),
        manifestId: 'ZB0001:2025-03-01:IN:PASSENGERS',
        manifestVersion: 1,
        messageType: 'PAXLST',
        carrier: 'ZB',
        index,
        total: 100,
        receivedAt: Date.now(),
        traveller: traveller as Traveller,
      };
      bytes += Buffer.byteLength(JSON.stringify(event));
      n++;
    }
  }
  return Math.round(bytes / n);
}

function java(cls: string, args: string[], timeoutMs: number): Promise<string> {
  return execFileP(
    'java',
    ['-Xmx512m', '-Dlog4j.configuration=file:/dev/null', '-cp', `${TOOLS_DIR}/*`, cls, ...args],
    { maxBuffer: 16 * 1024 * 1024, timeout: timeoutMs },
  ).then((r) => r.stdout);
}

export interface PerfResult {
  recordsPerS: number;
  mbPerS: number;
  p50Ms?: number;
  p99Ms?: number;
}

/** Kafka's ProducerPerformance: `records` of `bytes` bytes, acks = all, idempotent, as fast as it can. */
export async function producerPerformance(
  brokers: string,
  topic: string,
  records: number,
  bytes: number,
): Promise<PerfResult> {
  const out = await java(
    'org.apache.kafka.tools.ProducerPerformance',
    [
      '--topic',
      topic,
      '--num-records',
      String(records),
      '--record-size',
      String(bytes),
      '--throughput',
      '-1',
      '--producer-props',
      `bootstrap.servers=${brokers}`,
      'acks=all',
      'enable.idempotence=true',
      // Batches as large as the kafkajs loop's requests (the default 16 KiB batch would make
      // the Java client the slower one for no reason of its own).
      'linger.ms=10',
      'batch.size=1048576',
      'buffer.memory=134217728',
    ],
    300_000,
  );
  // "N records sent, X records/sec (Y MB/sec), A ms avg latency, M ms max latency, p50 ms 50th, p95 ms 95th, p99 ms 99th, …"
  const line = out.trim().split('\n').pop() ?? '';
  const m =
    /records sent, ([\d.]+) records\/sec \(([\d.]+) MB\/sec\).*?(\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th/.exec(
      line,
    );
  if (!m) throw new Error(`unexpected ProducerPerformance output: ${line}`);
  return { recordsPerS: Number(m[1]), mbPerS: Number(m[2]), p50Ms: Number(m[3]), p99Ms: Number(m[5]) };
}

/** Kafka's ConsumerPerformance: reads `records` from the topic (fetch rate, joining excluded). */
export async function consumerPerformance(
  brokers: string,
  topic: string,
  records: number,
): Promise<PerfResult> {
  const out = await java(
    'org.apache.kafka.tools.ConsumerPerformance',
    [
      '--bootstrap-server',
      brokers,
      '--topic',
      topic,
      '--messages',
      String(records),
      '--timeout',
      '60000',
      '--fetch-size',
      String(4 * 1024 * 1024),
    ],
    300_000,
  );
  // header: start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec,
  // rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
  const line = out
    .trim()
    .split('\n')
    .filter((l) => /^\d{4}-/.test(l))
    .pop();
  const f = line?.split(',').map((s) => s.trim());
  if (!f || f.length < 10) throw new Error(`unexpected ConsumerPerformance output: ${out}`);
  return { recordsPerS: Number(f[9]), mbPerS: Number(f[8]) };
}

export interface LoopResult {
  records: number;
  ms: number;
  firstAt: number;
  lastAt: number;
}

function loop(args: string[]): Promise<LoopResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(ROOT, 'bench', 'raw', 'kafkajs-loop.ts'), ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NODE_OPTIONS: '--no-warnings', KAFKAJS_NO_PARTITIONER_WARNING: '1' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`kafkajs loop ${args[0]} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as LoopResult);
    });
  });
}

/** A bare kafkajs producer process: records/s over the whole send. */
export async function kafkajsProduce(brokers: string, topic: string, records: number, bytes: number) {
  const r = await loop(['produce', brokers, topic, String(records), String(bytes)]);
  return { ...r, recordsPerS: (r.records * 1000) / r.ms };
}

/** A bare kafkajs consumer process reading a topic already full. */
export async function kafkajsConsume(brokers: string, topic: string, records: number) {
  const r = await loop(['consume', brokers, topic, String(records)]);
  return { ...r, recordsPerS: (r.records * 1000) / r.ms };
}

/**
 * Produce and consume at once (two processes, a fresh topic): the rate at which records pass
 * through Kafka from one Node process to another, first produced to last consumed. This is the
 * raw rate the pipeline's hops are compared with.
 */
export async function kafkajsPipe(brokers: string, topic: string, records: number, bytes: number) {
  const consumer = loop(['consume', brokers, topic, String(records)]);
  // Let the consumer join its group before records flow (joining is not throughput).
  await new Promise((r) => setTimeout(r, 3000));
  const produced = await loop(['produce', brokers, topic, String(records), String(bytes)]);
  const consumed = await consumer;
  const ms = consumed.lastAt - produced.firstAt;
  return { records, ms, recordsPerS: (records * 1000) / ms };
}

export interface RedisBenchResult {
  requestsPerS: number;
  p50Ms: number;
  p99Ms: number;
}

/** redis-benchmark GET with `clients` connections and values of `bytes` bytes. */
export async function redisBenchmarkGet(
  port: number,
  requests: number,
  clients: number,
  bytes: number,
): Promise<RedisBenchResult> {
  const { stdout } = await execFileP('redis-benchmark', [
    '-p',
    String(port),
    '-t',
    'get',
    '-n',
    String(requests),
    '-c',
    String(clients),
    '-d',
    String(bytes),
    '--csv',
  ]);
  // "test","rps","avg_latency_ms","min_latency_ms","p50_latency_ms","p95_latency_ms","p99_latency_ms","max_latency_ms"
  const row = stdout
    .trim()
    .split('\n')
    .find((l) => l.startsWith('"GET"'));
  if (!row) throw new Error(`unexpected redis-benchmark output: ${stdout}`);
  const f = row.split(',').map((s) => Number(s.replace(/"/g, '')));
  return { requestsPerS: f[1], p50Ms: f[4], p99Ms: f[6] };
}
