import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

import { type GeneratedManifest, writeManifestFiles } from '../generator';
import { removeTree, ROOT, track } from './services';
import type { BenchRow } from './suite';

/**
 * Issue 19's reference for the pipeline: the same manifests screened against the same lists
 * offline, in one process, by `paxscreen screen`'s code (bench/raw/offline-screen.ts). The e2e
 * suite runs it on its capacity traffic and judges two ratios against it:
 * - capacity: the pipeline's travellers/s (every service, the broker and Redis on the machine's
 *   cores) ≥ 1.5 × the offline process's travellers/s;
 * - CPU: the pipeline's CPU per traveller over every process ≤ 1.3 × the offline CPU per traveller.
 * The offline figures are parse + screen only: loading the lists is its own phase and row, as the
 * pipeline's lists are imported before its capacity run is timed.
 */
export const OFFLINE_CAPACITY_TARGET = 1.5;
export const OFFLINE_CPU_TARGET = 1.3;
const MS_PER_S = 1000;

/** Wall and CPU time of one phase of the offline run, ms. */
export interface OfflinePhase {
  ms: number;
  cpuMs: number;
}

/** What bench/raw/offline-screen.ts prints. */
export interface OfflineRun {
  manifests: number;
  travellers: number;
  /** Manifest files it could not read (`file: CODE`). */
  failures: string[];
  /** Decisions by outcome. */
  outcomes: Record<string, number>;
  /** Bytes of the JSON lines built (not printed). */
  outputBytes: number;
  /** List entries loaded. */
  entries: number;
  lists: OfflinePhase;
  /** Reading, parsing and screening every manifest. */
  screening: OfflinePhase;
}

/** The pipeline's figures the offline run is compared with (capacity run of the same traffic). */
export interface PipelineFigures {
  travellersPerS: number;
  /** CPU ms per traveller summed over every process (services, broker, Redis). */
  cpuMsPerTraveller: number;
}

/** Travellers/s and CPU ms per traveller of the offline screening phase (lists excluded). */
export function offlineFigures(run: OfflineRun): PipelineFigures & { cores: number } {
  return {
    travellersPerS: (run.travellers * MS_PER_S) / run.screening.ms,
    cpuMsPerTraveller: run.screening.cpuMs / run.travellers,
    cores: run.screening.cpuMs / run.screening.ms,
  };
}

/** Two rows: the offline screening (per-traveller figures) and the list loading apart from it. */
export function offlineRows(run: OfflineRun, lists: string): BenchRow[] {
  const f = offlineFigures(run);
  return [
    {
      name: `offline reference: paxscreen screen's code in one process, the capacity run's manifests, ${lists} (parse + screen; lists loaded before)`,
      values: {
        travellers: run.travellers,
        'travellers/s': f.travellersPerS,
        seconds: run.screening.ms / MS_PER_S,
        cores: f.cores,
        'CPU ms/traveller': f.cpuMsPerTraveller,
      },
    },
    {
      name: `offline reference: loading ${lists} (${run.entries.toLocaleString('en-GB')} entries; not in the per-traveller figures)`,
      values: { seconds: run.lists.ms / MS_PER_S, 'CPU s': run.lists.cpuMs / MS_PER_S },
    },
  ];
}

/** Issue 19's two ratios to the offline reference, with their targets. */
export function offlineRatioRows(pipeline: PipelineFigures, run: OfflineRun): BenchRow[] {
  const offline = offlineFigures(run);
  const capacity = pipeline.travellersPerS / offline.travellersPerS;
  const cpu = pipeline.cpuMsPerTraveller / offline.cpuMsPerTraveller;
  const to = 'offline, one process';
  return [
    {
      name: 'issue 19: pipeline capacity ÷ offline travellers/s (same traffic, same lists, same run)',
      values: { 'travellers/s': pipeline.travellersPerS, 'offline travellers/s': offline.travellersPerS },
      ratio: { to, value: capacity },
      target: { text: `≥ ${OFFLINE_CAPACITY_TARGET}× offline`, met: capacity >= OFFLINE_CAPACITY_TARGET },
    },
    {
      name: 'issue 19: CPU per traveller, all processes ÷ offline CPU per traveller',
      values: {
        'CPU ms/traveller': pipeline.cpuMsPerTraveller,
        'offline CPU ms/traveller': offline.cpuMsPerTraveller,
      },
      ratio: { to, value: cpu },
      target: { text: `≤ ${OFFLINE_CPU_TARGET}× offline`, met: cpu <= OFFLINE_CPU_TARGET },
    },
  ];
}

/** A list as the stack imports it: a path relative to the repository (stack.ts `DEFAULT_LISTS`) or absolute. */
export interface ListFile {
  path: string;
  listId?: string;
}

/**
 * Writes the manifests into `dir` (emptied first, removed after) and screens them against the
 * lists in a child process (bench/raw/offline-screen.ts through swc-node, as the smoke runs
 * start the services; same ES2023 target as the services' build).
 */
export async function runOffline(
  manifests: readonly GeneratedManifest[],
  lists: readonly ListFile[],
  dir: string,
): Promise<OfflineRun> {
  removeTree(dir);
  writeManifestFiles(manifests, dir);
  const listArgs = lists.map((l) => `${l.listId ? `${l.listId}=` : ''}${resolve(ROOT, l.path)}`);
  try {
    return await child([join(ROOT, 'bench', 'raw', 'offline-screen.ts'), dir, ...listArgs]);
  } finally {
    removeTree(dir);
  }
}

function child(args: string[]): Promise<OfflineRun> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['-r', '@swc-node/register', ...args], {
      cwd: ROOT,
      env: { ...process.env, NODE_OPTIONS: '--no-warnings' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    track(p);
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.stderr.on('data', (d: Buffer) => (err += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`offline reference exited with ${code}: ${err.trim()}`));
      resolve(JSON.parse(out.trim().split('\n').pop()!) as OfflineRun);
    });
  });
}
