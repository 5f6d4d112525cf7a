/**
 * `npm run fuzz [-- --cases N | --smoke] [--seed S] [--workers W] [--timeout-ms T]`: feeds N
 * generated and mutated EDIFACT (PAXLST, PNRGOV) and JSON manifest inputs to what the gateway and
 * the parser run on carrier bytes (sniffMessage, readMessage) in worker threads, and fails on any
 * input that gives neither a ReadResult nor a typed EdifactError, on a hang, or on a heap that
 * keeps growing. `--case I --seed S` regenerates one case, saves it and checks it in-process.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

import { check } from './lib/check';
import { loadCorpus } from './lib/corpus';
import {
  emptyRow,
  emptyStats,
  FailureRecord,
  mergeStats,
  WorkerJob,
  WorkerMessage,
  WorkerStats,
} from './lib/stats';
import { generateCase, Strategy } from './lib/strategies';

const ROOT = resolve(__dirname, '..');
const RESULTS = join(ROOT, 'fuzz', 'results');
const FAILURES = join(RESULTS, 'failures');
const DEFAULT_CASES = 1_000_000;
const SMOKE_CASES = 10_000;
/**
 * A case that has used this much CPU time (its worker thread's, read by the watchdog) without a
 * verdict is a hang: the worker is killed and the case saved. CPU time, not wall time, so that a
 * busy shared machine does not turn slow into hung. Generous because legitimate inputs can be
 * slow: a 10,000-traveller JSON manifest (the format's limit) takes seconds in class-validator.
 */
const DEFAULT_TIMEOUT_MS = 10_000;
/** A case without a verdict after this many times the CPU bound in wall time is hung without spinning. */
const WALL_BOUND_FACTOR = 6;
/** Cases above this much CPU time are counted (and the slowest named) in the results. */
const SLOW_CASE_MS = 2_000;
/** Live heap (after a forced GC) may grow this much over a worker's run before it counts as a leak. */
const DEFAULT_HEAP_GROWTH_MIB = 64;
/** A worker thread past this old-generation size dies with ERR_WORKER_OUT_OF_MEMORY: a failure. */
const WORKER_HEAP_MB = 1536;
const HEAP_SAMPLES_PER_WORKER = 20;
const WATCHDOG_MS = 100;
const REPORT_EVERY_MS = 10_000;
const MAX_SAVED_FAILURES = 25;
const MIB = 1024 * 1024;

interface Options {
  cases: number;
  seed: number;
  workers: number;
  timeoutMs: number;
  heapGrowthMiB: number;
  smoke: boolean;
  out: string;
  replay?: number;
  /** Self-test of the watchdog and the crash path: this case spins forever / throws a TypeError. */
  injectHang?: number;
  injectCrash?: number;
}

function parseArgs(argv: string[]): Options {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const num = (flag: string, fallback: number): number => {
    const raw = value(flag);
    if (raw === undefined) return fallback;
    const n = Number(raw.replace(/_/g, ''));
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`${flag} needs a non-negative integer, got "${raw}"`);
    return n;
  };
  const smoke = argv.includes('--smoke');
  const cases = num('--cases', smoke ? SMOKE_CASES : DEFAULT_CASES);
  return {
    smoke,
    cases,
    seed: num('--seed', randomBytes(4).readUInt32BE(0)) >>> 0,
    workers: Math.max(1, num('--workers', availableParallelism())),
    timeoutMs: num('--timeout-ms', DEFAULT_TIMEOUT_MS),
    heapGrowthMiB: num('--heap-growth-mib', DEFAULT_HEAP_GROWTH_MIB),
    out: resolve(
      value('--out') ?? join(RESULTS, smoke || cases < DEFAULT_CASES ? 'tmp/fuzz-smoke.json' : 'fuzz.json'),
    ),
    replay: value('--case') === undefined ? undefined : num('--case', 0),
    injectHang: value('--inject-hang') === undefined ? undefined : num('--inject-hang', 0),
    injectCrash: value('--inject-crash') === undefined ? undefined : num('--inject-crash', 0),
  };
}

function saveFailure(failure: FailureRecord, bytes: Buffer, saved: { count: number }): FailureRecord {
  if (saved.count >= MAX_SAVED_FAILURES) return failure;
  saved.count++;
  mkdirSync(FAILURES, { recursive: true });
  const base = join(FAILURES, `seed-${failure.seed}-case-${failure.index}`);
  writeFileSync(`${base}.bin`, bytes);
  const withFile = { ...failure, file: relative(ROOT, `${base}.bin`) };
  writeFileSync(`${base}.json`, `${JSON.stringify(withFile, null, 2)}\n`);
  return withFile;
}

function replay(options: Options): void {
  const corpus = loadCorpus(ROOT);
  const c = generateCase(options.seed, options.replay!, corpus);
  mkdirSync(FAILURES, { recursive: true });
  const file = join(FAILURES, `seed-${options.seed}-case-${c.index}.bin`);
  writeFileSync(file, c.bytes);
  console.log(
    `case ${c.index} of seed ${options.seed}: ${c.strategy.name}, ${c.bytes.length} bytes → ${relative(ROOT, file)}`,
  );
  const started = performance.now();
  try {
    console.log(
      `verdict: ${JSON.stringify(check(c.bytes))} in ${(performance.now() - started).toFixed(1)} ms`,
    );
  } catch (err) {
    console.log(`FAILURE: ${err instanceof Error ? err.message : String(err)}`);
    process.exitCode = 1;
  }
}

/** One worker thread running a range of cases; a crash or hang ends it and a new one takes the rest. */
interface Segment {
  slot: Int32Array;
  /** Live heap, and memory outside it (Buffers), after a forced GC, sampled through the run. */
  heap: number[];
  external: number[];
  /** Events of this thread are ignored from now on (it finished, or it was stopped and replaced). */
  finished: boolean;
  /** Counted out of the live set (the run ends when no segment is live). */
  closed: boolean;
  /** Kills the thread when its current case has run past the hang bound. */
  checkHang: () => void;
  /** The first case whose counts have not been reported yet. */
  next: number;
  /** The case being watched and the thread's CPU time (µs) when the watchdog first saw it. */
  watched?: { index: number; cpuAtStart?: number };
}

async function fuzz(options: Options): Promise<void> {
  const started = Date.now();
  const base = started;
  const total = emptyStats();
  const failures: FailureRecord[] = [];
  const saved = { count: 0 };
  const heapGrowths: number[] = [];
  const externalGrowths: number[] = [];
  const heapFinal: number[] = [];
  let peakRss = process.memoryUsage.rss();
  let corpus: ReturnType<typeof loadCorpus> | undefined;
  const regenerate = (index: number) => generateCase(options.seed, index, (corpus ??= loadCorpus(ROOT)));

  console.error(
    `fuzz: seed ${options.seed}, ${options.cases.toLocaleString('en')} cases, ${options.workers} workers` +
      ` (reproduce: npm run fuzz -- --seed ${options.seed} --cases ${options.cases})`,
  );

  const live = new Set<Segment>();
  await new Promise<void>((allDone) => {
    /** Runs cases [from, to) but `skip` (cases that hung or crashed a thread before) in a new thread. */
    const start = (worker: number, from: number, to: number, skip: number[] = []): void => {
      if (from >= to) return;
      const slotBuffer = new SharedArrayBuffer(8);
      const slot = new Int32Array(slotBuffer);
      slot[0] = -1;
      const perWorker = Math.ceil(options.cases / options.workers);
      const sampleEvery = Math.max(250, Math.floor(perWorker / HEAP_SAMPLES_PER_WORKER));
      const job: WorkerJob = {
        worker,
        seed: options.seed,
        from,
        to,
        root: ROOT,
        slot: slotBuffer,
        base,
        progressEvery: Math.min(1000, sampleEvery),
        sampleEvery,
        slowCaseMs: SLOW_CASE_MS,
        injectHang: options.injectHang,
        injectCrash: options.injectCrash,
        skip,
      };
      const thread = new Worker(join(__dirname, 'worker.ts'), {
        workerData: job,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      });
      const seg: Segment = {
        slot,
        heap: [],
        external: [],
        finished: false,
        closed: false,
        checkHang: () => undefined,
        next: from,
      };
      /** The case that stopped a thread counts as run (and failed); the rest of the range runs again. */
      const replace = (index: number, strategy: Strategy) => {
        const row = (total.byStrategy[strategy.name] ??= emptyRow(strategy.family));
        row.cases++;
        row.failures++;
        total.cases++;
        // Cases the stopped thread ran but had not reported yet run again (same seed, same verdicts).
        start(worker, seg.next, to, [...skip, index]);
      };
      live.add(seg);
      /** Closes the segment; a replacement, if any, must have been started before (or the run ends). */
      const finish = () => {
        if (seg.closed) return;
        seg.finished = seg.closed = true;
        live.delete(seg);
        if (seg.heap.length >= 2) heapGrowths.push(seg.heap[seg.heap.length - 1] - seg.heap[0]);
        if (seg.external.length >= 2)
          externalGrowths.push(seg.external[seg.external.length - 1] - seg.external[0]);
        if (seg.heap.length) heapFinal.push(seg.heap[seg.heap.length - 1]);
        if (live.size === 0) allDone();
      };
      const crashed = (kind: FailureRecord['kind'], error: string) => {
        if (seg.finished) return;
        const index = Atomics.load(slot, 0);
        const failure: FailureRecord = { seed: options.seed, index, strategy: '', kind, error };
        seg.finished = true;
        if (index < 0) {
          // Not inside a case: nothing to skip, so the rest of the range is not retried.
          failures.push(failure);
        } else {
          const c = regenerate(index);
          failure.strategy = c.strategy.name;
          failures.push(saveFailure(failure, c.bytes, saved));
          replace(index, c.strategy);
        }
        finish();
      };
      thread.on('message', (m: WorkerMessage) => {
        if (m.type === 'failure')
          failures.push(saveFailure(m.failure, Buffer.from(m.bytesBase64, 'base64'), saved));
        else {
          mergeStats(total, m.stats);
          seg.next = m.next;
          if (m.type === 'progress' && m.heapAfterGc !== undefined) seg.heap.push(m.heapAfterGc);
          if (m.type === 'progress' && m.externalAfterGc !== undefined) seg.external.push(m.externalAfterGc);
          if (m.type === 'done') finish();
        }
      });
      thread.on('error', (err: Error & { code?: string }) =>
        crashed(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'out-of-memory' : 'worker-error',
          `${err.name}: ${err.message}`,
        ),
      );
      thread.on('exit', (code) => {
        if (!seg.finished && code !== 0) crashed('worker-error', `worker exited with code ${code}`);
        else finish();
      });
      const hung = (index: number, why: string) => {
        if (seg.finished) return;
        seg.finished = true; // first: the exit event of the terminated thread is not a second failure
        void thread.terminate();
        const c = regenerate(index);
        failures.push(
          saveFailure(
            {
              seed: options.seed,
              index,
              strategy: c.strategy.name,
              kind: 'hang',
              error: why,
            },
            c.bytes,
            saved,
          ),
        );
        replace(index, c.strategy);
        finish();
      };
      seg.checkHang = () => {
        const index = Atomics.load(slot, 0);
        if (index < 0 || seg.finished) return;
        const wallMs = Date.now() - base - Atomics.load(slot, 1);
        if (wallMs > options.timeoutMs * WALL_BOUND_FACTOR)
          return hung(index, `no verdict after ${wallMs} ms of wall time`);
        if (seg.watched?.index !== index) seg.watched = { index };
        const watched = seg.watched;
        thread
          .cpuUsage()
          .then((u) => {
            const cpu = u.user + u.system;
            if (seg.finished || seg.watched !== watched || Atomics.load(slot, 0) !== index) return;
            watched.cpuAtStart ??= cpu;
            const cpuMs = (cpu - watched.cpuAtStart) / 1000;
            if (cpuMs > options.timeoutMs)
              hung(index, `no verdict after ${Math.round(cpuMs)} ms of CPU time`);
          })
          .catch(() => undefined); // the thread ended meanwhile
      };
    };

    const per = Math.ceil(options.cases / options.workers);
    for (let w = 0; w < options.workers; w++) start(w, w * per, Math.min(options.cases, (w + 1) * per));
    if (live.size === 0) allDone();

    let lastReport = Date.now();
    const watchdog = setInterval(() => {
      peakRss = Math.max(peakRss, process.memoryUsage.rss());
      for (const seg of [...live]) seg.checkHang();
      if (Date.now() - lastReport >= REPORT_EVERY_MS) {
        lastReport = Date.now();
        const s = (Date.now() - started) / 1000;
        console.error(
          `fuzz: ${total.cases.toLocaleString('en')}/${options.cases.toLocaleString('en')} cases, ` +
            `${Math.round(total.cases / s).toLocaleString('en')}/s, ${failures.length} failures, RSS ${Math.round(peakRss / MIB)} MiB`,
        );
      }
    }, WATCHDOG_MS);
    watchdog.unref();
  });

  const durationMs = Date.now() - started;
  const heapGrowthMiB = heapGrowths.length ? Math.max(...heapGrowths) / MIB : 0;
  const externalGrowthMiB = externalGrowths.length ? Math.max(...externalGrowths) / MIB : 0;
  for (const [what, grew] of [
    ['live heap', heapGrowthMiB],
    ['memory outside the heap (Buffers)', externalGrowthMiB],
  ] as const) {
    if (grew > options.heapGrowthMiB)
      failures.push({
        seed: options.seed,
        index: -1,
        strategy: '',
        kind: 'out-of-memory',
        error: `${what} grew ${grew.toFixed(1)} MiB over a worker's run (bound ${options.heapGrowthMiB} MiB)`,
      });
  }
  const result = {
    seed: options.seed,
    smoke: options.smoke,
    requestedCases: options.cases,
    cases: total.cases,
    workers: options.workers,
    startedAt: new Date(started).toISOString(),
    durationMs,
    inputsPerSecond: Math.round(total.cases / (durationMs / 1000)),
    megabytesRead: Number(
      (Object.values(total.byStrategy).reduce((s, r) => s + r.bytes, 0) / MIB).toFixed(1),
    ),
    peakRssMiB: Math.round(peakRss / MIB),
    heap: {
      growthMiB: Number(heapGrowthMiB.toFixed(2)),
      externalGrowthMiB: Number(externalGrowthMiB.toFixed(2)),
      boundMiB: options.heapGrowthMiB,
      finalAfterGcMiB: heapFinal.map((b) => Number((b / MIB).toFixed(1))),
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
    },
    hangBoundMs: options.timeoutMs,
    slowCaseBoundMs: SLOW_CASE_MS,
    slowCases: Object.values(total.byStrategy).reduce((s, r) => s + r.slow, 0),
    slowestCase: {
      index: total.slowest.index,
      strategy: total.slowest.strategy,
      bytes: total.slowest.bytes,
      cpuMs: Number(total.slowest.ms.toFixed(1)),
    },
    outcomes: {
      results: Object.values(total.byStrategy).reduce((s, r) => s + r.results, 0),
      typedErrors: total.errorCodes,
    },
    byStrategy: Object.fromEntries(
      Object.entries(total.byStrategy)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, { ...v, maxMs: Number(v.maxMs.toFixed(1)) }]),
    ),
    failures,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 1024 ** 3),
      node: process.version,
    },
  };
  mkdirSync(dirname(options.out), { recursive: true });
  writeFileSync(options.out, `${JSON.stringify(result, null, 2)}\n`);
  console.log(table(result.byStrategy, total));
  console.log(
    `\n${result.cases.toLocaleString('en')} cases (seed ${result.seed}) in ${(durationMs / 1000).toFixed(1)} s: ` +
      `${result.inputsPerSecond.toLocaleString('en')} inputs/s on ${result.workers} workers, ${result.megabytesRead} MB read, ` +
      `peak RSS ${result.peakRssMiB} MiB, live-heap growth ${result.heap.growthMiB} MiB and outside-heap ${result.heap.externalGrowthMiB} MiB (bound ${result.heap.boundMiB}), ` +
      `slowest case ${result.slowestCase.cpuMs} ms CPU (#${result.slowestCase.index}, ${result.slowestCase.strategy}, ${result.slowestCase.bytes} bytes), ` +
      `${result.slowCases} cases above ${SLOW_CASE_MS} ms CPU`,
  );
  console.log(
    `typed errors: ${Object.entries(total.errorCodes)
      .map(([c, n]) => `${c} ${n}`)
      .join(', ')}`,
  );
  console.error(`fuzz: wrote ${relative(ROOT, options.out)}`);
  if (result.cases < options.cases && failures.length === 0) {
    failures.push({
      seed: options.seed,
      index: -1,
      strategy: '',
      kind: 'worker-error',
      error: `ran ${result.cases} of ${options.cases} cases`,
    });
  }
  if (failures.length > 0) {
    console.log(`\nFAILED: ${failures.length} failures`);
    for (const f of failures.slice(0, 10))
      console.log(
        `  #${f.index} ${f.strategy} ${f.kind}: ${f.error.split('\n')[0]}${f.file ? ` (${f.file}; npm run fuzz -- --seed ${f.seed} --case ${f.index})` : ''}`,
      );
    process.exitCode = 1;
  } else console.log('no failures');
}

function table(
  rows: Record<
    string,
    { family: string; cases: number; results: number; typedErrors: number; failures: number; maxMs: number }
  >,
  total: WorkerStats,
): string {
  const fmt = (n: number) => n.toLocaleString('en');
  const lines = [
    '| strategy | family | cases | results | typed errors | failures | slowest (ms CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...Object.entries(rows).map(
      ([name, r]) =>
        `| ${name} | ${r.family} | ${fmt(r.cases)} | ${fmt(r.results)} | ${fmt(r.typedErrors)} | ${fmt(r.failures)} | ${r.maxMs} |`,
    ),
  ];
  const sum = (k: 'results' | 'typedErrors' | 'failures') =>
    Object.values(rows).reduce((s, r) => s + r[k], 0);
  lines.push(
    `| **total** | | ${fmt(total.cases)} | ${fmt(sum('results'))} | ${fmt(sum('typedErrors'))} | ${fmt(sum('failures'))} | |`,
  );
  return lines.join('\n');
}

const options = parseArgs(process.argv.slice(2));
if (options.replay !== undefined) replay(options);
else
  fuzz(options).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
