import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function settingsCommand(_ctx: Context): Command {
  return new Command('settings')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb settings` is not available yet');
    });
}
