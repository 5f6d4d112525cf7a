import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Once any `class … extends String` exists in a process, V8 runs `charCodeAt` about 6× and `slice`
 * about 3× slower everywhere in it; name matching and the EDIFACT reader live on those calls, and
 * every service loads the Redis client. ioredis 6 declares one (`VerbatimString`), which is why
 * paxscreen pins ioredis 5 (README, Benchmarks). This keeps an upgrade from bringing it back
 * unnoticed.
 */
describe('the Redis client library', () => {
  const root = dirname(require.resolve('ioredis/package.json'));

  function scripts(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
    );
  }

  it('declares no String subclass', () => {
    const files = scripts(join(root, 'built'));
    expect(files.length).toBeGreaterThan(10);
    const offenders = files.filter((f) => /\bextends\s+String\b/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => f.slice(root.length + 1))).toEqual([]);
  });
});
