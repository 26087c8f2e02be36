import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function sessionCommand(_ctx: Context): Command {
  return new Command('session')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb session` is not available yet');
    });
}
