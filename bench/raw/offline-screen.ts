/**
 * The offline reference of the e2e suite (issue 19), run as its own process like each service:
 *   node -r @swc-node/register bench/raw/offline-screen.ts <manifest dir> <[ID=]list>...
 * What `paxscreen screen <dir> --list … --json` does, through the CLI's own modules (list loader,
 * manifest reader, `Screener` with the CLI's default configuration, one JSON line per decision),
 * in two timed phases:
 * 1. lists: every list loaded into the ScreeningState, then a full collection (counted here, so
 *    that the loading's garbage is not collected on the screening's time);
 * 2. screening: every manifest file read and parsed, every traveller screened and its JSON line
 *    built (the lines are counted, not printed).
 * Prints one JSON line (`OfflineRun`): wall time and CPU time of each phase, CPU from
 * process.cpuUsage (user + system of every thread of the process, as /proc counts the services').
 */
import { DEFAULT_SCREENING_CONFIG, Screener } from '@paxscreen/screening';

import { screenLine } from '../../apps/cli/src/offline/decision-output';
import { loadScreeningState, parseListArgument } from '../../apps/cli/src/offline/load-screening-state';
import { expandManifestPaths, readManifests } from '../../apps/cli/src/offline/read-manifests';
import type { OfflinePhase, OfflineRun } from '../lib/offline';
import { collect } from '../lib/suite';

/** Wall and CPU milliseconds of `work`. */
async function timed<T>(work: () => Promise<T>): Promise<{ result: T; phase: OfflinePhase }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { result, phase: { ms, cpuMs: (used.user + used.system) / 1000 } };
}

async function main(): Promise<void> {
  const [dir, ...listArgs] = process.argv.slice(2);
  if (!dir || listArgs.length === 0) {
    process.stderr.write('usage: bench/raw/offline-screen.ts <manifest dir> <[ID=]list>...\n');
    process.exit(64);
  }
  const requests = await Promise.all(listArgs.map((a) => parseListArgument(a, 'any')));
  const lists = await timed(async () => {
    const loaded = await loadScreeningState(requests);
    collect();
    return loaded;
  });

  const screening = await timed(async () => {
    const { manifests, failures } = await readManifests(await expandManifestPaths([dir]), {});
    const screener = new Screener(lists.result.state, DEFAULT_SCREENING_CONFIG);
    const outcomes: Record<string, number> = {};
    let travellers = 0;
    let outputBytes = 0;
    for (const manifest of manifests) {
      const out: string[] = [];
      manifest.message.travellers.forEach((traveller, index) => {
        const decision = screener.screen(traveller, {});
        outcomes[decision.outcome] = (outcomes[decision.outcome] ?? 0) + 1;
        out.push(`${JSON.stringify(screenLine(manifest, index, traveller, decision))}\n`);
        travellers++;
      });
      outputBytes += out.join('').length;
    }
    return { manifests: manifests.length, failures, outcomes, travellers, outputBytes };
  });

  const s = screening.result;
  const run: OfflineRun = {
    manifests: s.manifests,
    travellers: s.travellers,
    failures: s.failures.map((f) => `${f.file}: ${f.code}`),
    outcomes: s.outcomes,
    outputBytes: s.outputBytes,
    entries: lists.result.lists.reduce((n, l) => n + l.entries, 0),
    lists: lists.phase,
    screening: screening.phase,
  };
  process.stdout.write(`${JSON.stringify(run)}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`offline-screen: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
