import 'reflect-metadata';

import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { Command, CommanderError } from 'commander';

import { CliError, EXIT } from './cli-error';
import { registerCommands } from './commands';
import { packageRoot } from './offline/bundled-sample';

/** The installed package's version (npm sets npm_package_version only under `npm run`). */
function version(): string {
  try {
    return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return process.env.npm_package_version ?? 'unknown';
  }
}

// `paxscreen screen … | head` closes stdout early: that ends the run quietly, not with a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(EXIT.OK);
  throw err;
});

const program = new Command('paxscreen')
  .description(
    'paxscreen: read, validate and screen passenger data (API/PNR) offline or against a running stack',
  )
  .version(version())
  .exitOverride()
  .showHelpAfterError('(run with --help for usage)');
registerCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  if (err instanceof CommanderError) {
    process.exit(err.exitCode === 0 ? EXIT.OK : EXIT.USAGE);
  }
  if (err instanceof CliError) {
    process.stderr.write(`paxscreen: ${err.code}: ${err.message}\n`);
    process.exit(err.exitCode);
  }
  process.stderr.write(`paxscreen: INTERNAL: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT.UNREADABLE);
});
