import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { GeneratedManifest } from './traffic';

/** The file a generated manifest is written to: `<n>-<carrier><flight>.<edi|json>`, in send order. */
export function manifestFileName(manifest: GeneratedManifest, index: number): string {
  const extension = manifest.format === 'JSON' ? 'json' : 'edi';
  return `${String(index).padStart(5, '0')}-${manifest.carrier}${manifest.flight.number}.${extension}`;
}

/** Writes every manifest's bytes into `dir` (created if missing); returns the file names in order. */
export function writeManifestFiles(manifests: readonly GeneratedManifest[], dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return manifests.map((m, i) => {
    const name = manifestFileName(m, i);
    writeFileSync(join(dir, name), m.bytes);
    return name;
  });
}
