import { join } from 'node:path';

import { Command } from 'commander';

import { CliError, EXIT } from '../cli-error';
import { registerListsCommand } from './lists.command';

const LISTS = join(__dirname, '../../../../data/lists');
const GTAS = join(__dirname, '../../../../test/fixtures/edifact/gtas/wl-NS.csv');

async function run(...args: string[]): Promise<{ out: string; exitCode: number | undefined }> {
  const program = new Command('paxscreen').exitOverride();
  registerListsCommand(program);
  let out = '';
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const before = process.exitCode;
  try {
    await program.parseAsync(['node', 'paxscreen', 'lists', 'inspect', ...args]);
    return { out, exitCode: process.exitCode === before ? undefined : Number(process.exitCode) };
  } finally {
    write.mockRestore();
    process.exitCode = before;
  }
}

describe('paxscreen lists inspect', () => {
  it('prints format, counts and findings for an OFAC directory', async () => {
    const { out, exitCode } = await run(join(LISTS, 'ofac_tiny'));
    expect(out).toMatch(/^format +OFAC_SDN_CSV$/m);
    expect(out).toMatch(/^entries +17$/m);
    expect(out).toMatch(/^persons +4$/m);
    expect(out).toMatch(/UNMATCHED_ROWS \(alt\.csv line 1\)/);
    expect(exitCode).toBeUndefined();
  });

  it('--json prints the report without entries unless asked', async () => {
    const plain = JSON.parse((await run(GTAS, '--json')).out);
    expect(plain).toMatchObject({ format: 'GTAS_WATCHLIST_CSV', stats: { entries: 7 } });
    expect(plain.entries).toBeUndefined();
    const full = JSON.parse((await run(GTAS, '--json', '--entries', '--date-order', 'MDY')).out);
    expect(full.entries).toHaveLength(7);
    expect(full.findings.map((f: { code: string }) => f.code)).toEqual(['UNKNOWN_COUNTRY']);
  });

  it('several files are one list', async () => {
    const { out } = await run(join(LISTS, 'ofac_tiny/sdn.csv'), join(LISTS, 'ofac_tiny/alt.csv'), '--json');
    expect(JSON.parse(out)).toMatchObject({ format: 'OFAC_SDN_CSV', stats: { entries: 17 } });
  });

  it.each([
    ['an unknown format', join(LISTS, 'SOURCES.md'), 'UNKNOWN_FORMAT'],
    ['a missing file', join(LISTS, 'missing.csv'), 'UNREADABLE_FILE'],
  ])('%s exits 2 with a typed error', async (_label, path, code) => {
    const err = await run(path).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect(err).toMatchObject({ code, exitCode: EXIT.UNREADABLE });
  });
});
