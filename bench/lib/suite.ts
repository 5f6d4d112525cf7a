import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** One row of a suite's results table. */
export interface BenchRow {
  /** What was measured, e.g. "parse 10,000-passenger PAXLST". */
  name: string;
  /** Figures, e.g. { "travellers/s": 123456, "p99 ms": 1.2 }. */
  values: Record<string, number | string>;
  /** Ratio to the raw limit measured in the same run, when there is one. */
  ratio?: { to: string; value: number };
  /** Target from the issue, e.g. "≥ 100,000 travellers/s", and whether it held. */
  target?: { text: string; met: boolean };
}

export interface BenchContext {
  /** Smoke mode (CI): seconds, not minutes; numbers are not meaningful. */
  smoke: boolean;
  /** Extra arguments after the suite name. */
  args: string[];
  log: (message: string) => void;
}

export interface BenchSuite {
  name: string;
  description: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

export interface SuiteResult {
  suite: string;
  description: string;
  smoke: boolean;
  startedAt: string;
  durationMs: number;
  machine: { cpus: number; cpuModel: string; memoryGiB: number; node: string };
  rows: BenchRow[];
}

export const RESULTS_DIR = join(__dirname, '..', 'results');

export function machine(): SuiteResult['machine'] {
  const c = cpus();
  return {
    cpus: c.length,
    cpuModel: c[0]?.model ?? 'unknown',
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

export function writeResult(result: SuiteResult): string {
  const dir = result.smoke ? join(RESULTS_DIR, 'tmp') : RESULTS_DIR;
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${result.suite}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

/** A full collection so the heap measure holds only what is live (gc exposed at run time). */
export function collect(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

/** Percentile of a numeric sample (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank];
}

export function markdownTable(result: SuiteResult): string {
  const columns = [...new Set(result.rows.flatMap((r) => Object.keys(r.values)))];
  const header = ['case', ...columns, 'ratio to raw', 'target'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of result.rows) {
    const cells = columns.map((c) => {
      const v = r.values[c];
      return typeof v === 'number' ? formatNumber(v) : (v ?? '');
    });
    const ratio = r.ratio ? `${formatNumber(r.ratio.value)}× ${r.ratio.to}` : '';
    const target = r.target ? `${r.target.met ? '✅' : '❌'} ${r.target.text}` : '';
    lines.push(`| ${[r.name, ...cells, ratio, target].join(' | ')} |`);
  }
  return lines.join('\n');
}

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 1000) return Math.round(v).toLocaleString('en-GB');
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(3).replace(/\.?0+$/, '') || '0';
}
