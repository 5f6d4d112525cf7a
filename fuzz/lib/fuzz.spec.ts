import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { check, OracleFailure } from './check';
import { loadCorpus } from './corpus';
import { Rng } from './rng';
import { generateCase, STRATEGIES } from './strategies';

const ROOT = join(__dirname, '..', '..');
const corpus = loadCorpus(ROOT);
const fixture = (path: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'edifact', path));

describe('Rng', () => {
  it('is a pure function of its seed', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.u32()
        )(new Rng(seed)),
      );
    expect(draw(42)).toEqual(draw(42));
    expect(draw(42)).not.toEqual(draw(43));
  });

  it('gives every case of a run its own stream', () => {
    const first = new Set(Array.from({ length: 1000 }, (_, i) => Rng.forCase(7, i).u32()));
    expect(first.size).toBeGreaterThan(995);
  });

  it.each([
    [0, 0],
    [1, 1],
    [5, 9],
    [-3, 3],
  ])('int(%i, %i) stays in range', (min, max) => {
    const rng = new Rng(1);
    for (let i = 0; i < 2000; i++) {
      const n = rng.int(min, max);
      expect(n).toBeGreaterThanOrEqual(min);
      expect(n).toBeLessThanOrEqual(max);
    }
  });
});

describe('generateCase', () => {
  it('regenerates any case from (seed, index) alone', () => {
    for (const index of [0, 1, 17, 999, 123_456, 999_999]) {
      const a = generateCase(2024, index, corpus);
      const b = generateCase(2024, index, loadCorpus(ROOT));
      expect(b.strategy.name).toBe(a.strategy.name);
      expect(b.bytes.equals(a.bytes)).toBe(true);
    }
  });

  it('draws every strategy in a run of 20,000 cases', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20_000; i++) seen.add(Rng.forCase(5, i).weighted(STRATEGIES).name);
    expect([...seen].sort()).toEqual(STRATEGIES.map((s) => s.name).sort());
  });

  it.each(STRATEGIES.map((s) => [s.name, s] as const))('%s makes bytes', (_name, strategy) => {
    for (let i = 0; i < 5; i++) expect(Buffer.isBuffer(strategy.make(new Rng(i), corpus))).toBe(true);
  });
});

describe('check (the oracle)', () => {
  it.each([
    ['a PAXLST', fixture('ok/paxlst-d12b.edi'), 'result'],
    ['a JSON manifest', fixture('ok/manifest.json'), 'result'],
    ['plain text', Buffer.from('hello'), 'NOT_EDIFACT'],
    ['broken JSON', Buffer.from('{"format":'), 'INVALID_JSON_MANIFEST'],
    [
      'a part numbered above 99',
      Buffer.from("UNB+UNOA:4+S+R+250101:0000+1'UNH+1+PAXLST:D:05B:UN:IATA+R+100:C'"),
      'INVALID_PARTS',
    ],
  ])('classifies %s', (_label, bytes, expected) => {
    const verdict = check(bytes);
    expect(verdict.outcome === 'result' ? 'result' : verdict.code).toBe(expected);
  });

  it('turns anything thrown but a typed error into an OracleFailure', () => {
    // 200,000 nested arrays: class-transformer overflowed the stack on this before the depth limit.
    const deep = Buffer.from(`{"a":${'['.repeat(200_000)}${']'.repeat(200_000)}}`);
    expect(check(deep)).toMatchObject({ outcome: 'typed-error', code: 'INVALID_JSON_MANIFEST' });
    expect(new OracleFailure('untyped-error', 'x')).toBeInstanceOf(Error);
  });

  it('holds for the first 300 cases of a fixed seed (`npm run fuzz` runs the real numbers)', () => {
    for (let i = 0; i < 300; i++) {
      const c = generateCase(20_251_125, i, corpus);
      expect(() => check(c.bytes)).not.toThrow();
    }
  });
});
