// Words after `itb buckets` that are no command of it (`itb buckets mvoe`, `itb buckets
// clamshells avoid`): answered with the command meant.
import type { Command } from 'commander';
import { closest, namedAs } from '../core/closest.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { itbAsStarted, itbWithLibrary, libraryOrStop, shellWord } from './shared.js';

/**
 * Words after `itb buckets` that are no command of it: the closest of move and reset, else, for a
 * bucket typed with or without a drill (`itb buckets clamshells avoid`), the move that was meant.
 */
export async function strayWords(ctx: Context, self: Command): Promise<UserError> {
  const word = self.args[0]!;
  const itb = itbAsStarted(ctx);
  // The commands to run keep the --data typed: the buckets and drills they show are of that library.
  const withLibrary = itbWithLibrary(ctx, self);
  const error = (hint: string) => new UserError(`there is no "itb buckets ${word}"`, hint);
  const near = closest(word, ['move', 'reset']);
  const help = `\`${itb} buckets --help\` shows what it takes.`;
  // A move keeps the drill and bucket typed after it (`itb buckets mvoe clamshells rehab`).
  const after = (each: string) => (each === 'move' ? self.args.slice(1).map((arg) => ` ${shellWord(arg)}`).join('') : '');
  if (near.length > 0) return error(`Did you mean ${near.map((each) => `\`${withLibrary} buckets ${each}${after(each)}\``).join(' or ')}? ${help}`);
  // A whole "Next:" line of a session's summary copied: `itb buckets  what helps and what to avoid
  // for now`. Its "avoid" is no bucket a drill was meant for.
  if (/^what helps\b/i.test(self.args.join(' '))) {
    return error(`The words after \`${withLibrary} buckets\` are not part of the command: \`${withLibrary} buckets\` alone shows what helps and what to avoid for now.`);
  }
  const isBucket = (typed: string) => ['rehab', 'avoid'].includes(typed.toLowerCase());
  const buckets = self.args.filter(isBucket);
  if (buckets.length !== 1) return error(help);
  const bucket = buckets[0]!.toLowerCase();
  const drillWords = self.args.filter((typed) => !isBucket(typed)).join(' ');
  if (drillWords === '') return error(`\`${withLibrary} buckets\` shows rehab and avoid for now together; \`${withLibrary} buckets move ID ${bucket}\` moves a drill there.`);
  const library = await libraryOrStop(ctx, self);
  const drill = library.exercises.find((exercise) => exercise.id === drillWords || namedAs(drillWords, exercise.name, exercise.id));
  if (drill === undefined) return error(`To move a drill: \`${withLibrary} buckets move ID ${bucket}\`, with the id \`${withLibrary} exercises\` shows.`);
  return error(`Did you mean \`${withLibrary} buckets move ${drill.id} ${bucket}\`?`);
}
