import type { Command } from 'commander';

import { registerListsCommand } from './lists.command';
import { registerMatchCommand } from './match.command';
import { registerParseCommand } from './parse.command';
import { registerValidateCommand } from './validate.command';

/** Every `paxscreen` sub-command registers itself here (one file per command in this folder). */
export function registerCommands(program: Command): void {
  void program;
  registerListsCommand(program);
  registerMatchCommand(program);
  registerParseCommand(program);
  registerValidateCommand(program);
}
