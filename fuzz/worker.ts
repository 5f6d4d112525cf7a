import { getHeapStatistics } from 'node:v8';
import { parentPort, workerData } from 'node:worker_threads';

import { check, OracleFailure } from './lib/check';
import { loadCorpus } from './lib/corpus';
import { emptyRow, emptyStats, WorkerJob, WorkerMessage, WorkerStats } from './lib/stats';
import { generateCase } from './lib/strategies';

/**
 * One fuzz worker: runs cases [from, to) of the run's seed and reports counts, heap samples and
 * failures. Before each case it writes the case index and start time to the shared slot, so the
 * runner's watchdog can name (and regenerate) the input of a hang even after killing the thread.
 */
const job = workerData as WorkerJob;
const slot = new Int32Array(job.slot);
const corpus = loadCorpus(job.root);
const gc = (globalThis as { gc?: () => void }).gc;
const post = (m: WorkerMessage) => parentPort!.postMessage(m);

let stats: WorkerStats = emptyStats();
for (let index = job.from; index < job.to; index++) {
  if (job.skip.includes(index)) continue;
  const c = generateCase(job.seed, index, corpus);
  const row = (stats.byStrategy[c.strategy.name] ??= emptyRow(c.strategy.family));
  Atomics.store(slot, 1, Date.now() - job.base);
  Atomics.store(slot, 0, index);
  // CPU time of this thread: wall time would count the other processes sharing the machine.
  const started = process.threadCpuUsage();
  try {
    if (index === job.injectHang) for (;;);
    if (index === job.injectCrash) throw new TypeError('injected crash');
    const verdict = check(c.bytes);
    if (verdict.outcome === 'result') row.results++;
    else {
      row.typedErrors++;
      stats.errorCodes[verdict.code] = (stats.errorCodes[verdict.code] ?? 0) + 1;
    }
  } catch (err) {
    row.failures++;
    const failure = err instanceof OracleFailure ? err : new OracleFailure('untyped-error', String(err));
    post({
      type: 'failure',
      worker: job.worker,
      failure: {
        seed: job.seed,
        index,
        strategy: c.strategy.name,
        kind: failure.kind,
        error: failure.message,
      },
      bytesBase64: c.bytes.toString('base64'),
    });
  }
  const used = process.threadCpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  if (ms > job.slowCaseMs) row.slow++;
  Atomics.store(slot, 0, -1);
  row.cases++;
  row.bytes += c.bytes.length;
  row.maxMs = Math.max(row.maxMs, ms);
  if (ms > stats.slowest.ms) stats.slowest = { index, strategy: c.strategy.name, ms, bytes: c.bytes.length };
  stats.cases++;
  const done = index + 1 - job.from;
  if (done % job.sampleEvery === 0) {
    gc?.();
    const heap = getHeapStatistics();
    post({
      type: 'progress',
      worker: job.worker,
      stats,
      next: index + 1,
      heapAfterGc: heap.used_heap_size,
      externalAfterGc: heap.external_memory,
    });
    stats = emptyStats();
  } else if (done % job.progressEvery === 0) {
    post({ type: 'progress', worker: job.worker, stats, next: index + 1 });
    stats = emptyStats();
  }
}
post({ type: 'done', worker: job.worker, stats, next: job.to });
