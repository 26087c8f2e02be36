// The first-run note and red-flag screen: self-care support is not a diagnosis, and some signs
// call for a clinician before any exercise. The answers are kept with the results.
import type { Context } from '../context.js';
import { Interrupted } from '../errors.js';
import type { RedFlag, Screening, StoreData } from '../core/records.js';
import { screenDue } from '../core/screening.js';
import { StoppedWaiting } from '../store/store.js';
import type { Colours } from '../ui/colour.js';
import { isPromptExit, type Prompter } from '../ui/prompter.js';
import { hanging, wrap } from '../ui/wrap.js';
import type { SaveInSession } from './session-saving.js';

export const redFlagQuestions: Record<RedFlag, string> = {
  'recent-injury': 'Any recent fall, knock or other injury to the painful leg?',
  swelling: 'Is the knee or thigh clearly swollen?',
  'locking-or-giving-way': 'Does the knee lock, catch or give way under you?',
  'numbness-or-tingling': 'Do you have numbness, tingling or pins and needles in the leg or foot?',
  'fever-or-unwell': 'Do you have a fever or feel generally unwell?',
  'night-or-rest-pain': 'Does the pain wake you at night, or stay strong while you rest?',
};

/** Asks the screen when the latest one did not let the user go on (screenDue); false when they should not go on. */
export async function screenIfNeeded(ctx: Context, save: SaveInSession, data: StoreData, prompter: Prompter, colour: Colours): Promise<boolean> {
  if (!screenDue(data.screenings)) return true;
  const say = (text: string) => ctx.stdout.write(text);
  say(
    `\n${colour.bold('Before you start')}\n` +
      wrap(
        'itb helps you find out which exercises ease your IT band symptoms, by rating them before and after each drill. ' +
          'It supports self-care; it does not diagnose anything and does not replace a physical therapist or doctor. ' +
          'First, a few quick safety questions.',
        78,
      ).join('\n') +
      '\n\n',
  );
  const at = ctx.now().toISOString();
  const questions = Object.entries(redFlagQuestions) as [RedFlag, string][];
  const answers: Screening['answers'] = {};
  let anyYes = false;
  // Ctrl-C once something is answered, up to "Go on anyway?": what was answered is kept, and said so.
  const stopped = (error: unknown): never => {
    if (!isPromptExit(error) || Object.keys(answers).length === 0) throw error;
    // Stopped while the last answer's save waited for another itb: that one is not saved.
    const kept =
      error instanceof StoppedWaiting
        ? `Stopped while waiting to save: another itb was saving to your store (in another window, perhaps). Your answer to the last question was not saved${Object.keys(answers).length > 1 ? '; the ones before it are' : ''}. itb will ask them all again next time.`
        : 'Stopped during the safety questions. The answers you gave are saved; itb will ask them all again next time.';
    throw new Interrupted(`\n${wrap(kept, 78).join('\n')}`);
  };
  try {
    for (const [i, [flag, question]] of questions.entries()) {
      // No default: Enter alone answers nothing, so every answer kept for the therapist was given.
      answers[flag] = await prompter.confirm({ message: question });
      anyYes ||= answers[flag];
      // Each answer is saved as it is given: a yes must reach the reports even when the person
      // stops at the next question. Until the last one, the screen has not let them go on.
      await keepScreening(save, { at, answers: { ...answers }, proceeded: i === questions.length - 1 && !anyYes });
    }
  } catch (error) {
    stopped(error);
  }
  let proceeded = !anyYes;
  if (anyYes) {
    // Named, so the person knows what to tell the clinician, and which answer to check if it was a
    // slip: each question as it was asked, not as the therapist's report names it ("Marked
    // swelling" for "Is the knee or thigh clearly swollen?"), which they would not recognise.
    const yes = questions.filter(([flag]) => answers[flag]).map(([, question]) => question);
    const advice = `${yes.length === 1 ? 'That is a reason' : 'These are reasons'} to see a doctor or physical therapist before doing these exercises, to rule out something that needs other care.`;
    const lines = ['You answered yes to:', ...yes.flatMap((question) => hanging('  · ', question, 78)), ...wrap(advice, 78)];
    say(`\n${lines.map((line) => colour.bold(line)).join('\n')}\n`);
    proceeded = await prompter.confirm({ message: 'Go on with a session anyway?', default: false }).catch(stopped);
    if (proceeded) await keepScreening(save, { at, answers, proceeded });
  }
  if (!proceeded) say(`${wrap('Your answers are saved. Please get checked first; itb will ask these questions again next time.', 78).join('\n')}\n`);
  return proceeded;
}

/** Saves `screening` in place of the one begun at the same instant, or as a new one. */
async function keepScreening(save: SaveInSession, screening: Screening): Promise<void> {
  await save((stored) => {
    // Records read from the store are frozen: the new one takes the old one's place.
    const index = stored.screenings.findLastIndex((earlier) => earlier.at === screening.at);
    if (index >= 0) stored.screenings[index] = screening;
    else stored.screenings.push(screening);
  });
}
