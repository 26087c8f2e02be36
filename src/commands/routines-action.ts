// What `itb routines` does (declared in routines.ts).
import type { Command } from 'commander';
import type { Context } from '../context.js';
import { closest, namedAs } from '../core/closest.js';
import { UserError } from '../errors.js';
import { findExercise } from '../library/library.js';
import type { Library } from '../library/schema.js';
import { hanging, hangingPacked, onScreen, width, wrap } from '../ui/table.js';
import { itbWithLibrary, libraryFor, paint, printJson } from './shared.js';

export async function showRoutines(ctx: Context, options: { json?: boolean }, command: Command) {
  const library = await libraryFor(ctx, command);
  // A routine's name may come as several words: `itb routines joint chain`.
  if (command.args.length > 0) throw strayWord(ctx, command.args.join(' '), library, command);
  if (options.json) return printJson(ctx, library.routines);
  const colour = paint(ctx, command);
  // The name beside the id, or under it when a long id leaves it too little room.
  const titled = (id: string, name: string) =>
    width(id) + 2 + 20 <= onScreen(80) ? hanging(`${colour.bold(id)}  `, name, 80) : [...wrap(id).map((line) => colour.bold(line)), ...wrap(name, 80, '  ')];
  const blocks = library.routines.map((routine) => {
    const drills = routine.exercises.flatMap((id, i) => {
      const exercise = findExercise(library, id);
      const number = `  ${String(i + 1).padStart(2)}. `;
      if (!exercise) return hanging(number, id, 80);
      // The name in full and the id beside it, or under it when they do not fit one line.
      return hangingPacked(number, [exercise.name, colour.dim(`${exercise.id} · ${exercise.region}`)]);
    });
    return [...titled(routine.id, routine.name), ...wrap(routine.description, 78, '  ').map((l) => colour.dim(l)), ...drills].join('\n');
  });
  const builtIn = (id: string, name: string, description: string) => [
    ...titled(id, name),
    ...wrap(description, 78, '  ').map((line) => colour.dim(line)),
  ];
  blocks.push(
    [
      ...builtIn('rehab', 'Your rehab routine (built in)', `The drills in your rehab bucket, in routine order. See \`${itbWithLibrary(ctx, command)} buckets\`.`),
      ...builtIn('retest', 'Re-test (built in)', 'Drills set aside for now whose re-test date has come.'),
    ].join('\n'),
  );
  // The test movements a session offers, by the id `--movement` also takes.
  const { movements } = library;
  if (movements.length > 0) {
    const widest = Math.max(...movements.map((movement) => width(movement.id)));
    const lines = movements.flatMap((movement) =>
      // The name beside the id, or under it, further in, on a narrow terminal.
      widest + 4 + 20 <= onScreen(80) ? hanging(`  ${colour.bold(movement.id.padEnd(widest))}  `, movement.name, 80) : [`  ${colour.bold(movement.id)}`, ...wrap(movement.name, 80, '    ')],
    );
    blocks.push([colour.bold('Test movements'), ...wrap(`Offered by a session, or given with \`${itbWithLibrary(ctx, command)} session --movement ID\`; any movement in your own words works too.`, 78, '  ').map((line) => colour.dim(line)), ...lines].join('\n'));
  }
  // What to do with the list, as `itb exercises` ends with how to show one drill.
  const itb = itbWithLibrary(ctx, command);
  const run = wrap(`Run one: \`${itb} session ID\`, or \`${itb} session\` to choose from a list.`).map((line) => colour.dim(line));
  ctx.stdout.write(`${blocks.join('\n\n')}\n\n${run.join('\n')}\n`);
}

/**
 * `itb routines` takes no routine: a word after it is most likely one to look at, or to run. The
 * commands named keep a --data given, so that they show the same library.
 */
function strayWord(ctx: Context, word: string, library: Library, command: Command): UserError {
  const itb = itbWithLibrary(ctx, command);
  const ids = library.routines.map((routine) => routine.id).concat('rehab', 'retest');
  const id = ids.find((known) => known === word.toLowerCase()) ?? library.routines.find((routine) => namedAs(word, routine.name, routine.id))?.id;
  if (id !== undefined) {
    return new UserError(`${itb} routines takes no routine name: it lists them all`, `\`${itb} routines\` shows ${id} among them; \`${itb} session ${id}\` runs it.`);
  }
  const near = closest(word, ids);
  return new UserError(`there is no routine "${word}"`, `${near.length > 0 ? `Did you mean ${near.join(' or ')}? ` : ''}\`${itb} routines\` lists them all, with their drills.`);
}
