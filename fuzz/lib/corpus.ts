import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The seed inputs mutations start from: the GTAS sample messages and the project's own ok/not-ok
 * fixtures, sorted by path so that a seed regenerates the same cases on every machine.
 */
export interface Corpus {
  paxlst: Buffer[];
  pnrgov: Buffer[];
  json: Buffer[];
  /** Anything else in the fixture folders (XML, broken interchanges): noise with some structure. */
  other: Buffer[];
  /** Seeds above LARGE_SEED_BYTES: picked rarely, they dominate the run time when mutated often. */
  large: Buffer[];
}

export const FIXTURE_DIRS = ['gtas', 'ok', 'not-ok'];
const LARGE_SEED_BYTES = 32 * 1024;
const SKIPPED = /\.(md|csv)$/i;

export function loadCorpus(root: string): Corpus {
  const corpus: Corpus = { paxlst: [], pnrgov: [], json: [], other: [], large: [] };
  for (const dir of FIXTURE_DIRS) {
    const folder = join(root, 'test', 'fixtures', 'edifact', dir);
    for (const name of readdirSync(folder).sort()) {
      if (SKIPPED.test(name)) continue;
      const bytes = readFileSync(join(folder, name));
      const head = bytes.subarray(0, 512).toString('latin1');
      if (bytes.length > LARGE_SEED_BYTES) corpus.large.push(bytes);
      else if (name.endsWith('.json')) corpus.json.push(bytes);
      else if (head.includes('PNRGOV')) corpus.pnrgov.push(bytes);
      else if (head.includes('PAXLST')) corpus.paxlst.push(bytes);
      else corpus.other.push(bytes);
    }
  }
  for (const [pool, files] of Object.entries(corpus))
    if (pool !== 'other' && files.length === 0) throw new Error(`fuzz corpus: no ${pool} seed found`);
  return corpus;
}
