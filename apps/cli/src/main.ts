import 'reflect-metadata';

import { Command, CommanderError } from 'commander';

import { CliError, EXIT } from './cli-error';
import { registerCommands } from './commands';

const program = new Command('paxscreen')
  .description(
    'paxscreen: read, validate and screen passenger data (API/PNR) offline or against a running stack',
  )
  .version(process.env.npm_package_version ?? '0.1.0')
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
