import type { Command } from 'commander';

import { registerListsCommand } from './lists.command';
import { registerMatchCommand } from './match.command';
import { registerParseCommand } from './parse.command';
import { registerScreenCommand } from './screen.command';
import { registerTokenCommand } from './token.command';
import { registerValidateCommand } from './validate.command';

/** Every `paxscreen` sub-command registers itself here (one file per command in this folder). */
export function registerCommands(program: Command): void {
  void program;
  registerListsCommand(program);
  registerMatchCommand(program);
  registerParseCommand(program);
  registerScreenCommand(program);
  registerTokenCommand(program);
  registerValidateCommand(program);
}
