/**
 * Writes generated traffic to files, with its ground truth:
 *   scripts/run.sh node -r @swc-node/register bench/generator/main.ts <out dir> \
 *     [--seed 1] [--manifests 10] [--travellers 250] [--hit-rate 0.01] [--carriers ZB,QB] \
 *     [--format PAXLST|PNRGOV|JSON]
 * One file per manifest (`<n>-<carrier><flight>.<edi|json>`) and `truth.csv` (document, ref,
 * manifest file, planted list and entry, perturbations).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { writeManifestFiles } from './files';
import { generateTraffic, type ManifestFormat } from './traffic';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const out = process.argv[2];
  if (!out || out.startsWith('--')) {
    process.stderr.write(
      'usage: bench/generator/main.ts <out dir> [--seed n] [--manifests n] [--travellers n] [--hit-rate x] [--carriers A,B] [--format F]\n',
    );
    process.exit(64);
  }
  const format = arg('format', '') as ManifestFormat | '';
  const traffic = await generateTraffic({
    seed: Number(arg('seed', '1')),
    manifests: Number(arg('manifests', '10')),
    travellers: Number(arg('travellers', '250')),
    hitRate: Number(arg('hit-rate', '0.01')),
    carriers: arg('carriers', 'ZB,QB').split(','),
    ...(format ? { formats: { PAXLST: 0, PNRGOV: 0, JSON: 0, [format]: 1 } } : {}),
  });
  const files = writeManifestFiles(traffic.manifests, out);
  const truth = ['document,ref,file,planted_list,planted_entry,perturbations'];
  traffic.manifests.forEach((m, i) => {
    const file = files[i];
    for (const t of m.travellers)
      truth.push(
        [
          `${t.document.issuer}:${t.document.number}`,
          t.ref,
          file,
          t.planted?.listId ?? '',
          t.planted?.entryId ?? '',
          t.planted?.perturbations.join(' ') ?? '',
        ].join(','),
      );
  });
  writeFileSync(join(out, 'truth.csv'), `${truth.join('\n')}\n`);
  process.stdout.write(
    `${traffic.manifests.length} manifests, ${traffic.travellers} travellers, ${traffic.planted} planted hits → ${out}\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${String(err)}\n`);
  process.exit(1);
});
