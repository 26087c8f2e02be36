import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function importCommand(_ctx: Context): Command {
  return new Command('import')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb import` is not available yet');
    });
}
