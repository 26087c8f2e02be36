import { Command } from 'commander';
import type { Context } from '../context.js';
import { choiceOption, helpAfter } from './help.js';

const action = () => import('./export-action.js');

export const formats = ['md', 'csv', 'json', 'html', 'fhir'] as const;
export type Format = (typeof formats)[number];

export interface ExportOptions {
  format?: Format;
  output?: string;
  since?: string;
  until?: string;
  force?: boolean;
  name?: string;
  json?: boolean;
}

export function exportCommand(ctx: Context): Command {
  return new Command('export')
    .description('a report of your sessions and buckets to share with your physical therapist')
    .addOption(choiceOption('--format <format>', "the report's format (default: md on the screen; with -o, from the file's extension)", formats, { hintFor: pdfHint }))
    .option('-o, --output <file>', 'write to this file instead of the screen (never replaces a file without --force)')
    .option('--since <date>', 'only records from this day on (YYYY-MM-DD)')
    .option('--until <date>', 'only records up to and including this day (YYYY-MM-DD)')
    .option('--force', 'replace the output file if it already exists')
    .option('--name <name>', 'the patient name to print on the report (md, html, fhir)')
    .option('--json', 'the same as --format json (its shape: schema/itb-export.schema.json)')
    // A file name without -o is answered in the action, with the command that was meant.
    .allowExcessArguments()
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb export', 'a Markdown report on the screen'],
          ['itb export -o report.html', 'a printable page for your therapist'],
          ['itb export -o scores.csv --since 2026-10-01', 'every attempt since 1 October'],
          ['itb export -o backup.json', 'a full backup, for `itb import`'],
          ['itb export -o visit.fhir.json', 'FHIR R4 for a clinic system'],
        ],
        `Files are readable by you only, and an existing file is never replaced unless you add --force. -o - is the screen, as with most tools (a file named - is -o ./- --format md).
Dates are whole days in your local time; --since and --until are both included. A JSON backup limited with them holds that period only.
CSV files start with a byte-order mark, so that spreadsheets show accents right.
FHIR has a Patient (the subject and performer of each score and red-flag screen: the one who gave it) only when --name gives one.`,
      ),
    )
    .action(async (options: ExportOptions, self: Command) => (await action()).exportReport(ctx, options, self));
}

/** A PDF is what a therapist often asks for: the printable page is the way to one (as for -o report.pdf). */
const pdfHint = (typed: string) =>
  typed === 'pdf' ? 'itb writes no PDF: `--format html` writes the printable page; open it in your web browser and print it to a PDF there.' : undefined;
