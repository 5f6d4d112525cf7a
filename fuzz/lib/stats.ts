/** Counters a fuzz worker keeps and the runner merges; the shape of fuzz/results/fuzz.json rows. */
export interface StrategyStats {
  family: string;
  cases: number;
  results: number;
  typedErrors: number;
  failures: number;
  bytes: number;
  /** Most CPU time one case of this strategy took (its worker thread's time, not wall time), ms. */
  maxMs: number;
  /** Cases above SLOW_CASE_MS of CPU time: reported, not failures (legitimate large inputs are slow). */
  slow: number;
}

export interface FailureRecord {
  seed: number;
  index: number;
  strategy: string;
  kind: 'untyped-error' | 'sniff-error' | 'bad-result' | 'hang' | 'out-of-memory' | 'worker-error';
  error: string;
  /** Where the input was saved (relative to the repository root). */
  file?: string;
}

export interface WorkerStats {
  cases: number;
  byStrategy: Record<string, StrategyStats>;
  errorCodes: Record<string, number>;
  slowest: { index: number; strategy: string; ms: number; bytes: number };
}

export function emptyStats(): WorkerStats {
  return { cases: 0, byStrategy: {}, errorCodes: {}, slowest: { index: -1, strategy: '', ms: 0, bytes: 0 } };
}

export function emptyRow(family: string): StrategyStats {
  return { family, cases: 0, results: 0, typedErrors: 0, failures: 0, bytes: 0, maxMs: 0, slow: 0 };
}

export function mergeStats(into: WorkerStats, from: WorkerStats): void {
  into.cases += from.cases;
  for (const [name, s] of Object.entries(from.byStrategy)) {
    const t = (into.byStrategy[name] ??= emptyRow(s.family));
    t.slow += s.slow;
    t.cases += s.cases;
    t.results += s.results;
    t.typedErrors += s.typedErrors;
    t.failures += s.failures;
    t.bytes += s.bytes;
    t.maxMs = Math.max(t.maxMs, s.maxMs);
  }
  for (const [code, n] of Object.entries(from.errorCodes))
    into.errorCodes[code] = (into.errorCodes[code] ?? 0) + n;
  if (from.slowest.ms > into.slowest.ms) into.slowest = { ...from.slowest };
}

/** Messages from a worker to the runner. */
export type WorkerMessage =
  | {
      type: 'progress';
      worker: number;
      stats: WorkerStats;
      next: number;
      /** Live V8 heap and memory held outside it (Buffers), bytes, right after a forced GC. */
      heapAfterGc?: number;
      externalAfterGc?: number;
    }
  | { type: 'failure'; worker: number; failure: FailureRecord; bytesBase64: string }
  | { type: 'done'; worker: number; stats: WorkerStats; next: number };

export interface WorkerJob {
  worker: number;
  seed: number;
  from: number;
  to: number;
  root: string;
  /** Int32Array over it: [0] case index running (-1 idle), [1] its start, ms since `base`. */
  slot: SharedArrayBuffer;
  base: number;
  /** Cases between progress messages (and heap samples, which force a GC when one is exposed). */
  progressEvery: number;
  sampleEvery: number;
  slowCaseMs: number;
  injectHang?: number;
  injectCrash?: number;
  /** Cases not to run: they stopped an earlier thread (hang, out of memory) and are already counted. */
  skip: number[];
}
