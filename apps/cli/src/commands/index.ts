import type { Command } from 'commander';

/** Every `paxscreen` sub-command registers itself here (one file per command in this folder). */
export function registerCommands(program: Command): void {
  void program;
}
