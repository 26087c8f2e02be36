import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function exportCommand(_ctx: Context): Command {
  return new Command('export')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb export` is not available yet');
    });
}
