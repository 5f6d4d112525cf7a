import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateTraffic, manifestFileName, writeManifestFiles } from '../generator';
import {
  OFFLINE_CAPACITY_TARGET,
  OFFLINE_CPU_TARGET,
  offlineFigures,
  offlineRatioRows,
  offlineRows,
  type OfflineRun,
  runOffline,
} from './offline';

const temporary: string[] = [];
const tmp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bench-offline-'));
  temporary.push(dir);
  return dir;
};
afterAll(() => temporary.forEach((d) => rmSync(d, { recursive: true, force: true })));

const run = (o: Partial<OfflineRun> = {}): OfflineRun => ({
  manifests: 4,
  travellers: 1000,
  failures: [],
  outcomes: { CLEAR: 1000 },
  outputBytes: 1,
  entries: 26_798,
  lists: { ms: 3000, cpuMs: 4000 },
  screening: { ms: 2000, cpuMs: 1000 },
  ...o,
});

describe('offline reference figures', () => {
  it('per traveller from the screening phase only: list loading is its own row', () => {
    expect(offlineFigures(run())).toEqual({ travellersPerS: 500, cpuMsPerTraveller: 1, cores: 0.5 });
    const [screening, lists] = offlineRows(run(), 'UN + OFAC');
    expect(screening.values).toEqual({
      travellers: 1000,
      'travellers/s': 500,
      seconds: 2,
      cores: 0.5,
      'CPU ms/traveller': 1,
    });
    expect(lists.name).toContain('26,798 entries');
    expect(lists.values).toEqual({ seconds: 3, 'CPU s': 4 });
  });

  it.each([
    // pipeline travellers/s, pipeline CPU ms/traveller, capacity ratio, met, CPU ratio, met
    [750, 1.3, 1.5, true, 1.3, true],
    [749, 1.31, 1.498, false, 1.31, false],
    [1500, 0.5, 3, true, 0.5, true],
  ])(
    'pipeline at %s travellers/s and %s CPU ms/traveller against 500/s and 1 ms offline',
    (travellersPerS, cpuMsPerTraveller, capacity, capacityMet, cpu, cpuMet) => {
      const [c, p] = offlineRatioRows({ travellersPerS, cpuMsPerTraveller }, run());
      expect(c.ratio?.value).toBeCloseTo(capacity, 3);
      expect(c.target).toEqual({ text: `≥ ${OFFLINE_CAPACITY_TARGET}× offline`, met: capacityMet });
      expect(c.values).toEqual({ 'travellers/s': travellersPerS, 'offline travellers/s': 500 });
      expect(p.ratio?.value).toBeCloseTo(cpu, 3);
      expect(p.target).toEqual({ text: `≤ ${OFFLINE_CPU_TARGET}× offline`, met: cpuMet });
      expect(p.values).toEqual({ 'CPU ms/traveller': cpuMsPerTraveller, 'offline CPU ms/traveller': 1 });
    },
  );
});

describe('writeManifestFiles', () => {
  it('writes each manifest under its send-order name', async () => {
    const traffic = await generateTraffic({
      seed: 3,
      manifests: 3,
      travellers: 2,
      hitRate: 0,
      carriers: ['ZB'],
    });
    const dir = join(tmp(), 'out');
    const names = writeManifestFiles(traffic.manifests, dir);
    expect(names).toEqual(traffic.manifests.map((m, i) => manifestFileName(m, i)));
    expect(names[0]).toMatch(/^00000-ZB\d+\.(edi|json)$/);
    expect(readdirSync(dir).sort()).toEqual([...names].sort());
  });
});

describe('runOffline', () => {
  it('screens every generated traveller in a child process against the lists given', async () => {
    const traffic = await generateTraffic({
      seed: 5,
      manifests: 3,
      travellers: 6,
      hitRate: 0,
      carriers: ['ZB', 'QB'],
      formats: { PAXLST: 1, PNRGOV: 1, JSON: 1 },
    });
    // One traveller (Latin script, so the list's CSV needs no care) listed by name and birth date.
    const listed = traffic.manifests
      .flatMap((m) => m.travellers)
      .find((t) => /^[A-Z]+$/.test(t.surname) && t.dateOfBirth)!;
    const folder = tmp();
    const list = join(folder, 'watch.csv');
    writeFileSync(
      list,
      `id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs\nW-1,PERSON,${listed.surname},${listed.givenNames},${listed.dateOfBirth},,,TEST\n`,
    );
    const dir = join(folder, 'manifests');

    const result = await runOffline(
      traffic.manifests,
      [{ path: 'data/lists/ofac_tiny' }, { path: list, listId: 'WATCH' }],
      dir,
    );

    expect(result.failures).toEqual([]);
    expect(result.manifests).toBe(3);
    expect(result.travellers).toBe(traffic.travellers);
    expect(Object.values(result.outcomes).reduce((a, b) => a + b, 0)).toBe(traffic.travellers);
    expect(result.outcomes.CLEAR).toBeLessThan(traffic.travellers);
    expect(result.entries).toBeGreaterThan(1);
    expect(result.outputBytes).toBeGreaterThan(0);
    for (const phase of [result.lists, result.screening]) {
      expect(phase.ms).toBeGreaterThan(0);
      expect(phase.cpuMs).toBeGreaterThan(0);
    }
    expect(existsSync(dir)).toBe(false);
  }, 120_000);

  it('fails with the child process error when a list cannot be read', async () => {
    const traffic = await generateTraffic({
      seed: 5,
      manifests: 1,
      travellers: 1,
      hitRate: 0,
      carriers: ['ZB'],
    });
    const dir = join(tmp(), 'manifests');
    await expect(runOffline(traffic.manifests, [{ path: 'data/lists/missing.xml' }], dir)).rejects.toThrow(
      /offline reference exited with 1: .*missing\.xml/,
    );
  }, 120_000);
});
