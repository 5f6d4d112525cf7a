import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ROOT } from '../run-command.fixture';
import { bundledSample, isManifestName, packageRoot } from './bundled-sample';

describe('bundled sample', () => {
  it('finds the package root from the sources', () => {
    expect(packageRoot()).toBe(ROOT);
  });

  it('finds the package root from a compiled layout (dist/apps/cli/apps/cli/src/offline)', () => {
    const root = mkdtempSync(join(tmpdir(), 'paxscreen-root-'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'paxscreen' }));
    mkdirSync(join(root, 'data'));
    const deep = join(root, 'dist/apps/cli/apps/cli/src/offline');
    mkdirSync(deep, { recursive: true });
    expect(packageRoot(deep)).toBe(root);
  });

  it('names files that exist, with the list ids the demo uses', () => {
    const sample = bundledSample();
    const all = [...sample.lists, ...sample.lostStolen, ...sample.enrolments, ...sample.rules];
    for (const s of [...all.map((l) => l.path), ...sample.manifests]) expect(existsSync(s)).toBe(true);
    expect(all.map((l) => l.listId).filter(Boolean)).toEqual(['NATIONAL', 'SLTD', 'ENROLMENTS']);
  });

  it.each([
    ['flight1.txt', true],
    ['3_pnrs.edi', true],
    ['SOURCES.md', false],
    ['.DS_Store', false],
  ])('%s is a manifest: %s', (name, expected) => {
    expect(isManifestName(name)).toBe(expected);
  });
});
