import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { Command } from 'commander';

import { CliError, EXIT } from '../cli-error';
import { MatchLine, registerMatchCommand } from './match.command';

const LISTS = join(__dirname, '../../../../data/lists');

function queriesFile(lines: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'paxscreen-match-'));
  const file = join(dir, 'queries.csv');
  writeFileSync(
    file,
    `full_name,first_name,middle_name,last_name,gender,date_of_birth,place_of_birth,nationality\n${lines.join('\n')}\n`,
  );
  return file;
}

async function run(...args: string[]): Promise<MatchLine[]> {
  const program = new Command('paxscreen').exitOverride();
  registerMatchCommand(program);
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'paxscreen', 'match', ...args]);
  } finally {
    write.mockRestore();
  }
  return out
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as MatchLine);
}

describe('paxscreen match', () => {
  it('prints one JSON line per query row, listed persons alerting', async () => {
    const queries = queriesFile([
      'Artem Mikhaylovich Lifshits,,,,male,1992-12-26,,ru',
      ',Daniel,,Moreno,,1972-10-12,"Corozal, Belize",bz',
      'Patricia Lucas Wheeler,Patricia,Lucas,Wheeler,female,2002-07-14,Dar es Salaam,Ethiopia',
    ]);
    const lines = await run('--list', join(LISTS, 'ofac_tiny'), '--queries', queries, '--top', '2');
    expect(lines.map((l) => [l.row, l.alert])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(lines[0].candidates[0]).toMatchObject({
      listId: 'OFAC-SDN',
      entryId: '29702',
      name: 'LIFSHITS, Artem Mikhaylovich',
    });
    expect(lines[0].candidates[0].explanation).toMatch(
      /^name 1\.00 .*born 1992-12-26 matches listed 1992-12-26/,
    );
    expect(lines[1].candidates[0]).toMatchObject({ entryId: '15102' });
    expect(lines.every((l) => l.candidates.length <= 2)).toBe(true);
  });

  it.each([
    ['a missing list', ['--list', join(LISTS, 'missing.xml')], 'UNREADABLE_FILE'],
    ['an unknown list format', ['--list', join(LISTS, 'SOURCES.md')], 'UNKNOWN_FORMAT'],
  ])('%s is a typed error', async (_label, listArgs, code) => {
    const err = await run(...listArgs, '--queries', queriesFile(['x,,,,,,,'])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({ code, exitCode: EXIT.UNREADABLE });
  });

  it('rejects a query file without name columns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'paxscreen-match-'));
    const file = join(dir, 'q.csv');
    writeFileSync(file, 'a,b\n1,2\n');
    const err = await run('--list', join(LISTS, 'ofac_tiny'), '--queries', file).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'BAD_QUERIES' });
  });
});
