import { Command } from 'commander';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';

export function bucketsCommand(_ctx: Context): Command {
  return new Command('buckets')
    .description('(not available yet)')
    .allowUnknownOption()
    .allowExcessArguments()
    .action(() => {
      throw new UserError('`itb buckets` is not available yet');
    });
}
