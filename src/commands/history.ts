import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function historyCommand(_ctx: Context): Command {
  return new Command('history')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb history` is not available yet');
    });
}
