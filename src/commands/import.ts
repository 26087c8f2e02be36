import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./import-action.js');

export function importCommand(ctx: Context): Command {
  return new Command('import')
    .description('bring back a JSON export: restore a backup, or merge sessions from another computer')
    .argument('<file>', 'a file written by `itb export -o backup.json`')
    .option('--dry-run', 'say what would be imported, and change nothing')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb import backup.json', 'restore or merge a backup'],
          ['itb import backup.json --dry-run', 'see what it would add first'],
        ],
        `Importing is safe to repeat: sessions already in your store are kept once.
Your settings are only taken from the file when your store has no sessions yet (a restore).`,
      ),
    )
    .action(async (file: string, options: { dryRun?: boolean }, self: Command) => (await action()).importExport(ctx, file, options, self));
}
