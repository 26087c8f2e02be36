// The test movement of a session: chosen from the library's list or typed in the person's own
// words, and, for a movement done on one leg, the leg it is done on.
import { movementKey } from '../core/history.js';
import type { Session, Settings } from '../core/records.js';
import { movementText, scoreAlone } from '../core/settings.js';
import { inSentence } from '../core/text.js';
import { lastLeg, legNamed, legs, onLeg } from '../core/test-leg.js';
import type { Library } from '../library/schema.js';
import type { Prompter } from '../ui/prompter.js';
import { truncate } from '../ui/width.js';
import { wrap } from '../ui/wrap.js';
import type { Plan } from './session-setup.js';

export async function chooseMovement(settings: Settings, library: Library, prompter: Prompter): Promise<string> {
  const other = '\u0000other';
  // A choice stays on one line of 80 columns, after the prompt's pointer. Listed as the library
  // names it, recorded as it reads in "pain during single-leg squat".
  const choices = library.movements.map((movement) => ({ value: inSentence(movement.name), name: truncate(movement.name, 76), description: movement.instructions }));
  // The movement of last time, once: "step-down" typed last time is the library's "Step-down".
  const last = settings.movement === undefined ? undefined : choices.find((c) => movementKey(c.value) === movementKey(settings.movement!));
  if (settings.movement && !last) {
    choices.unshift({ value: settings.movement, name: `${truncate(settings.movement, 60)} (last time)`, description: 'The movement you used last time.' });
  }
  choices.push({ value: other, name: 'Something else (type it)', description: 'Any movement that brings on your symptom the same way each time.' });
  // The score is asked next: a number typed here is most likely that score, typed before it is
  // asked for, and would pick a movement unseen (the arrow-key list does not number them).
  const numberTyped = 'Rate once the movement is chosen: choose it with the arrow keys (or type its name), then Enter; your score is asked next.';
  const numberNotListed = 'Your score is asked once the movement is chosen.';
  // "Something else" picked by mistake: Enter alone at its question goes back to the list, said
  // in the question, where Ctrl-C would end the session. Nothing is kept until a movement is given.
  for (;;) {
    const picked = await prompter.select({ message: 'Which test movement? (The same one all session.)', choices, default: last?.value ?? settings.movement, numberTyped, numberNotListed });
    if (picked !== other) return picked;
    const typed = await prompter.input({
      message: 'Describe the test movement (Enter alone: back to the list):',
      validate: (text) => {
        if (text.trim() === '') return true;
        if (movementText(text) === undefined) return 'Describe it in a few words of plain text (up to 200 characters).';
        // A number alone ("4", "4/10") is most likely the score, typed before it is asked for.
        if (scoreAlone(text)) return 'Your score is asked next. Describe the movement in words first, such as "stairs, two at a time".';
        return true;
      },
      shown: (text) => (text.trim() === '' ? 'back to the list' : text),
    });
    if (typed.trim() !== '') return movementText(typed)!;
  }
}

/**
 * The test movement to record and how to do it; `remember` keeps the one to offer first next
 * time, before the leg is asked. A library movement done on one leg, with both sides painful, is
 * recorded with the leg ("step-down on the left leg"), asked unless named already (`--movement
 * "step-down on the left leg"`), and offered first next time without it, the leg of last time
 * first too. With one side painful, the leg is that side, said after the instructions.
 */
export async function onWhichLeg(
  chosen: string,
  side: Session['side'],
  sessions: readonly Session[],
  library: Library,
  { prompter, say, remember }: { prompter: Prompter; say: (text: string) => void; remember: (movement: string) => Promise<void> },
): Promise<Pick<Plan, 'movement' | 'movementInstructions' | 'movementLeg'>> {
  const find = (name: string) => library.movements.find((known) => movementKey(known.name) === movementKey(name));
  const whole = find(chosen);
  const named = whole ? undefined : legNamed(chosen);
  const base = named && find(named.movement);
  const known = whole ?? base;
  const asIs = { movement: chosen, ...(known ? { movementInstructions: known.instructions } : {}) };
  // A movement done on one leg as the library names it, whatever the leg or the capitals typed:
  // offered first next time so, and recorded so with the leg (within the 200 characters kept).
  const movement = known?.oneLeg ? inSentence(known.name) : chosen;
  await remember(movement);
  if (!known?.oneLeg) return asIs;
  if (side !== 'both') {
    // The painful leg, named or not, goes without saying in the record, as the side says it: one
    // trend for the movement, in the library's words. The other leg, named, is another test,
    // recorded and pointed out, as the movement's instructions mean the leg that hurts.
    if (named === undefined || named.leg === side) return { movement, movementInstructions: known.instructions, movementLeg: `Your ${side} leg: the painful one.` };
    return {
      movement: onLeg(movement, named.leg),
      movementInstructions: known.instructions,
      movementLeg: `Your ${named.leg} leg, as named, though your ${side} side is the painful one: the movement is meant for the leg that hurts.`,
    };
  }
  let leg = named?.leg;
  const last = lastLeg(sessions, movement);
  if (leg === undefined) {
    say(`${wrap('Both sides are painful: do the test movement on the leg that hurts more, and on the same leg every session, so that the scores compare.', 78).join('\n')}\n`);
    leg = await prompter.select({
      message: 'Which leg will you test on?',
      // A score of 1 or 2 typed early picks no leg unasked in a plain terminal's numbered list.
      choices: legs.map((value) => ({ value, name: value === last ? `${value} leg (last time)` : `${value} leg`, confirm: `Test on your ${value} leg?` })),
      default: last,
      numberTyped: 'Rate once the leg is chosen: choose it with the arrow keys (or type left or right), then Enter; your score is asked next.',
      numberNotListed: 'Your score is asked once the leg is chosen.',
    });
  }
  // Another leg than last time is the person's choice (the other may hurt more now): said, so that
  // its scores are not looked for beside last time's.
  const other = last !== undefined && last !== leg ? ` Last time it was your ${last} leg: each leg's scores have a trend of their own.` : '';
  return { movement: onLeg(movement, leg), movementInstructions: known.instructions, movementLeg: `Your ${leg} leg: the one you test on while both sides hurt.${other}` };
}
