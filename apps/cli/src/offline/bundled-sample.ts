import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** A list file (or OFAC directory) and the list id it is loaded under (default: the format's own). */
export interface ListSource {
  path: string;
  listId?: string;
}

/** What `paxscreen screen --sample` screens: the files shipped in `data/` (see their SOURCES.md). */
export interface SampleSet {
  manifests: string[];
  lists: ListSource[];
  lostStolen: ListSource[];
  enrolments: ListSource[];
  rules: ListSource[];
}

const PACKAGE_NAME = 'paxscreen';
/** Sample manifests are every file of the folder except its notes. */
const NOT_A_MANIFEST = /(^\.|\.md$)/i;

/**
 * The package's root folder (where `data/` is), found upwards from this file: the same answer from
 * the TypeScript sources, from `dist/apps/cli/...` and from an installed package.
 */
export function packageRoot(from: string = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'data'))) {
      const name = (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name;
      if (name === PACKAGE_NAME) return dir;
    }
    if (dirname(dir) === dir) throw new Error('the paxscreen package folder (with data/) was not found');
  }
}

/**
 * The bundled sample: the same lists `npm run demo` imports into the watchlist service, with the
 * same list ids, so the offline run and the demo decide alike.
 */
export function bundledSample(root: string = packageRoot()): SampleSet {
  const at = (...parts: string[]) => join(root, ...parts);
  return {
    manifests: [at('data/samples/manifests')],
    lists: [
      { path: at('data/lists/UN_consolidated.xml') },
      { path: at('data/lists/ofac_sdn_2021') },
      { path: at('data/samples/national-watchlist.csv'), listId: 'NATIONAL' },
    ],
    lostStolen: [{ path: at('data/samples/lost-stolen-documents.csv'), listId: 'SLTD' }],
    enrolments: [{ path: at('data/samples/enrolments.csv'), listId: 'ENROLMENTS' }],
    rules: [{ path: at('data/rules/default.yaml') }],
  };
}

export function isManifestName(name: string): boolean {
  return !NOT_A_MANIFEST.test(name);
}
