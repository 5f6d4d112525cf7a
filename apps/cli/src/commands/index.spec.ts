import { Command } from 'commander';

import { registerCommands } from './index';

/** Every command and sub-command, with its full name (`lists inspect`). */
function commandsOf(cmd: Command, prefix = ''): [string, Command][] {
  return cmd.commands.flatMap((c) => {
    const name = `${prefix}${c.name()}`;
    return [[name, c] as [string, Command], ...commandsOf(c, `${name} `)];
  });
}

describe('paxscreen commands', () => {
  const program = new Command('paxscreen');
  registerCommands(program);
  const all = commandsOf(program);

  it('registers the offline commands', () => {
    expect(all.map(([name]) => name)).toEqual(
      expect.arrayContaining(['lists', 'lists inspect', 'parse', 'screen', 'token', 'validate']),
    );
  });

  it.each(all)('%s has a description and --help', (name, cmd) => {
    expect(cmd.description().length).toBeGreaterThan(10);
    const help = cmd.helpInformation();
    expect(help).toMatch(new RegExp(`^Usage: paxscreen ${name}`));
    expect(help).toMatch(/-h, --help/);
  });
});
