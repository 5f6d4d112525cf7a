import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { ScreenLine } from './offline/decision-output';
import { ROOT, SAMPLES } from './run-command.fixture';

/**
 * `bin/paxscreen.js` (package.json "bin") as a user runs it: a separate process started from
 * another folder, with no build step.
 */
const BIN = join(ROOT, 'bin/paxscreen.js');
const SPAWN_TIMEOUT_MS = 120_000;
const run = promisify(execFile);
const cwd = mkdtempSync(join(tmpdir(), 'paxscreen-bin-'));
// NODE_OPTIONS from the test runner (VM modules) is not what a user's shell has.
const env = { ...process.env, NODE_OPTIONS: '' };

describe('bin/paxscreen.js', () => {
  it(
    'prints the package version',
    async () => {
      const { stdout } = await run(process.execPath, [BIN, '--version'], { cwd, env });
      const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
      expect(stdout.trim()).toBe(pkg.version);
    },
    SPAWN_TIMEOUT_MS,
  );

  it(
    'screens a manifest from another working directory',
    async () => {
      const list = join(cwd, 'national.csv');
      writeFileSync(
        list,
        'id,kind,surname,given_names,dates_of_birth,nationalities,gender,programs\nNWL-1,PERSON,KARVONEN,Aleksi Juhani,1971-03-14,FIN,M,TRAVEL_BAN\n',
      );
      const { stdout, stderr } = await run(
        process.execPath,
        [BIN, 'screen', join(SAMPLES, 'manifests/sample-hits.edi'), '--list', `NATIONAL=${list}`, '--json'],
        { cwd, env },
      );
      const lines = stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as ScreenLine);
      expect(lines).toHaveLength(7);
      expect(lines[1]).toMatchObject({
        subject: { surname: 'KARVONEN' },
        decision: { outcome: 'NO_BOARD', reasons: [{ source: { listId: 'NATIONAL', entryId: 'NWL-1' } }] },
      });
      expect(stderr).toMatch(/^outcomes CLEAR 6, EXPEDITE 0, REFER 0, NO_BOARD 1$/m);
    },
    SPAWN_TIMEOUT_MS,
  );
});
