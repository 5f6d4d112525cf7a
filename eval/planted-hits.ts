/**
 * The e2e benchmark's traffic without the pipeline (issue 18): the same generator (bench/generator,
 * PAXLST / PNRGOV / JSON manifests with 1 % planted UN / OFAC SDN people, perturbed), parsed with
 * `readMessage` and screened in process by the Screener against UN + OFAC SDN, scored against the
 * generator's ground truth the way `bench/lib/pipeline.ts` scoreHits does (a planted hit is found
 * when a reason names its entry; an alert is REFER / NO_BOARD on anyone else).
 *
 *   scripts/run.sh node -r @swc-node/register eval/planted-hits.ts [--seeds 11,125,150,175] \
 *     [--manifests 160] [--misses] [--planted-only]
 * `--misses` prints every missed planted hit (name as sent, listed names, perturbations, the best
 * reason) and every alert on a non-planted traveller, for categorising.
 */

import type { WatchlistEntry } from '@paxscreen/contracts';
import { readMessage } from '@paxscreen/edifact';
import { readListFile } from '@paxscreen/lists';
import {
  applyListResult,
  DEFAULT_SCREENING_CONFIG,
  offlineListVersion,
  Screener,
  ScreeningState,
} from '@paxscreen/screening';

import { HIT_LISTS } from '../bench/generator/hits';
import { generateTraffic, type GeneratedTraveller } from '../bench/generator/traffic';

const PER_MANIFEST = 250;
const HIT_RATE = 0.01;
const CARRIERS = ['ZB', 'QB'];

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

export interface PlantedScore {
  travellers: number;
  planted: number;
  found: number;
  negatives: number;
  alerts: number;
  undecided: number;
  byPerturbation: Record<string, [number, number]>;
  misses: { sent: string; dob?: string; perturbations: string[]; listed: string[]; best?: string }[];
  alertsOn: { sent: string; outcome: string; reason: string }[];
}

async function main(): Promise<void> {
  const seeds = arg('seeds', '11,125,150,175').split(',').map(Number);
  const manifests = Number(arg('manifests', '160'));
  const plantedOnly = process.argv.includes('--planted-only');
  const state = new ScreeningState();
  const entries = new Map<string, WatchlistEntry>();
  for (const file of HIT_LISTS) {
    const r = await readListFile(file);
    applyListResult(state, r, offlineListVersion(r.digest));
    if (r.kind === 'watchlist') for (const e of r.entries) entries.set(`${e.listId}/${e.entryId}`, e);
  }
  const screener = new Screener(state, DEFAULT_SCREENING_CONFIG);
  const s: PlantedScore = {
    travellers: 0,
    planted: 0,
    found: 0,
    negatives: 0,
    alerts: 0,
    undecided: 0,
    byPerturbation: {},
    misses: [],
    alertsOn: [],
  };
  let offset = 0;
  const started = performance.now();
  for (const seed of seeds) {
    const traffic = await generateTraffic({
      seed,
      manifests,
      travellers: PER_MANIFEST,
      hitRate: HIT_RATE,
      carriers: CARRIERS,
      offset,
    });
    offset += traffic.manifests.length;
    for (const m of traffic.manifests) {
      const read = readMessage(m.bytes);
      const byDoc = new Map<string, GeneratedTraveller>();
      for (const t of m.travellers) byDoc.set(`${t.document.issuer}:${t.document.number}`, t);
      const seen = new Set<string>();
      // `--planted-only`: only the planted travellers are screened (for iterating on misses; no alert rate).
      if (plantedOnly && !m.travellers.some((t) => t.planted)) continue;
      for (const message of read.messages)
        for (const traveller of message.travellers) {
          const doc = traveller.documents.map((d) => `${d.issuer}:${d.number}`).find((k) => byDoc.has(k));
          if (!doc || seen.has(doc)) continue;
          seen.add(doc);
          const t = byDoc.get(doc)!;
          if (plantedOnly && !t.planted) continue;
          const decision = screener.screen(traveller);
          const flagged = decision.outcome === 'REFER' || decision.outcome === 'NO_BOARD';
          s.travellers++;
          const sent = `${t.surname} / ${t.givenNames}`;
          if (t.planted) {
            s.planted++;
            const p = t.planted;
            const exact = decision.reasons.some(
              (r) => r.source.listId === p.listId && r.source.entryId === p.entryId,
            );
            if (exact) s.found++;
            else {
              const best = decision.reasons[0];
              s.misses.push({
                sent,
                dob: p.dateOfBirth,
                perturbations: p.perturbations,
                listed: (entries.get(`${p.listId}/${p.entryId}`)?.names ?? []).map(
                  (n) => `${n.type}: ${n.full}`,
                ),
                best: best
                  ? `${best.source.listId}/${best.source.entryId} ${best.action} ${best.score.toFixed(2)}`
                  : undefined,
              });
            }
            for (const k of p.perturbations.length ? p.perturbations : ['none']) {
              const cell = (s.byPerturbation[k] ??= [0, 0]);
              cell[1]++;
              if (exact) cell[0]++;
            }
          } else {
            s.negatives++;
            if (flagged) {
              s.alerts++;
              const r = decision.reasons[0];
              s.alertsOn.push({
                sent,
                outcome: decision.outcome,
                reason: r ? `${r.source.listId}/${r.source.entryId} ${r.score.toFixed(2)}` : '',
              });
            }
          }
        }
      if (!plantedOnly)
        for (const t of m.travellers)
          if (!seen.has(`${t.document.issuer}:${t.document.number}`)) s.undecided++;
    }
  }
  const ms = performance.now() - started;
  const summary = {
    seeds,
    manifestsPerSeed: manifests,
    travellers: s.travellers,
    planted: s.planted,
    found: s.found,
    'found %': Math.round((10000 * s.found) / Math.max(1, s.planted)) / 100,
    negatives: s.negatives,
    alerts: s.alerts,
    'alert %': Math.round((100000 * s.alerts) / Math.max(1, s.negatives)) / 1000,
    undecided: s.undecided,
    byPerturbation: s.byPerturbation,
    seconds: Math.round(ms / 100) / 10,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  if (process.argv.includes('--misses')) {
    for (const m of s.misses) process.stdout.write(`MISS ${JSON.stringify(m)}\n`);
    for (const a of s.alertsOn) process.stdout.write(`ALERT ${JSON.stringify(a)}\n`);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`planted-hits: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
