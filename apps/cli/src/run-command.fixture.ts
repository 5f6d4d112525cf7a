import { join } from 'node:path';

import { Command } from 'commander';

/** Test helper only (imported by specs, never by the CLI): paths and an in-process runner. */

export const ROOT = join(__dirname, '../../..');
export const LISTS = join(ROOT, 'data/lists');
export const SAMPLES = join(ROOT, 'data/samples');
export const FIXTURES = join(ROOT, 'test/fixtures/edifact');

export interface CommandRun {
  out: string;
  err: string;
  /** process.exitCode as the command left it (undefined: success). */
  exitCode: number | undefined;
}

/**
 * Runs `paxscreen <args>` in this process with the given commands registered, capturing stdout and
 * stderr. Errors the command throws (CliError, CommanderError) are thrown to the caller.
 */
export async function runCommand(register: (program: Command) => void, args: string[]): Promise<CommandRun> {
  const program = new Command('paxscreen').exitOverride();
  register(program);
  let out = '';
  let err = '';
  const stdout = process.stdout.write;
  const stderr = process.stderr.write;
  process.stdout.write = ((chunk: string | Uint8Array) => ((out += String(chunk)), true)) as typeof stdout;
  process.stderr.write = ((chunk: string | Uint8Array) => ((err += String(chunk)), true)) as typeof stderr;
  const before = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'paxscreen', ...args]);
    const code = process.exitCode;
    return { out, err, exitCode: code === undefined ? undefined : Number(code) };
  } finally {
    process.stdout.write = stdout;
    process.stderr.write = stderr;
    process.exitCode = before;
  }
}
