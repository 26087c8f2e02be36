// Saving during a session while another itb keeps the store busy, or the disk is full or read-only:
// asked whether to try again, and when given up or stopped, what was kept and what to run once
// the other itb is done, or the disk has room or may be written to again.
import { basename } from 'node:path';
import type { Session, StoreData } from '../core/records.js';
import { Interrupted } from '../errors.js';
import type { Library } from '../library/schema.js';
import { StoreBusy, StoreDamagedSince, StoreDiskRefused, StoreError, StoreHeldOpen } from '../store/store-errors.js';
import type { Store } from '../store/store.js';
import type { Colours } from '../ui/colour.js';
import type { Prompter } from '../ui/prompter.js';
import { wrap } from '../ui/wrap.js';
import { shellWord } from './shared.js';

// The store's lock held by another itb for longer than a save waits: a large import, most likely.
const BUSY =
  'Your last answer is not saved yet: another itb has kept your store busy for a while (a large import, perhaps, in another window). Everything you answered before it is saved.';
// On Windows, another program holding the store file open (see StoreHeldOpen).
const HELD_OPEN =
  'Your last answer is not saved yet: Windows would not let your store be replaced, most likely because another program has it open (a backup, sync or virus-scanning program). Everything you answered before it is saved.';
// The disk the store is on refused the save (StoreDiskRefused): nothing of it was written.
const DISK = {
  full: 'Your last answer is not saved yet: the disk your store is on is full. Everything you answered before it is saved. Free some space on the disk (empty the trash, or move or delete large files you no longer need), then try again.',
  'read-only':
    'Your last answer is not saved yet: the disk your store is on may only be read now (a drive or memory card locked against writing, say, or a disk the computer made read-only after a fault). Everything you answered before it is saved. Make the disk writable again, then try again.',
};
// What to do before running the session again, when it stopped there.
const DISK_AGAIN = { full: 'Once there is room on the disk,', 'read-only': 'Once the disk may be written to again,' };

/**
 * A save made by the session before its first score (the safety answers, the setup remembered):
 * `change` applied to the store, and what the save found had become of the store file since said
 * as every save of the session says it.
 */
export type SaveInSession = (change: (stored: StoreData) => void) => Promise<void>;

// What a session's save found had become of the store file since its last save (Store.changedOutside).
const CHANGED_OUTSIDE = {
  removed:
    "Your store file was deleted while this session ran (by hand, or by a cleanup program): it was saved again as it was, with this session's answers, so nothing is lost.",
  replaced:
    "Your store file was replaced while this session ran (by an older copy, or another person's store): this session's answers so far were added to the store now in its place.",
};

/** Said after a save that found the store file deleted or replaced by something other than itb; undefined when it was as saved. */
export function changedOutsideNote(changed: Store['changedOutside'], colour: Colours): string | undefined {
  return changed && `\n${wrap(CHANGED_OUTSIDE[changed], 78).map((line) => colour.bold(line)).join('\n')}\n`;
}

/**
 * `damaged`, a store file a session's save found damaged since its last save (cut short, or
 * written over by another program), as the session says it: the file was left as it is, and
 * where everything answered was kept instead, with how to go on with it; or, when that file could
 * not be written either, which answers were not saved.
 */
export function damagedInSession(damaged: StoreDamagedSince, file: string, session: Session | undefined, saved: Session | undefined, library: Library, itb: string, routineArg?: string): StoreError {
  const message = `${damaged.message}: it was damaged while this session ran, and was left as it is`;
  const routine = session?.routine ?? routineArg;
  const again = `\`${itb} session${routine === undefined ? '' : ` ${shellWord(routine)}`}\``;
  if (damaged.kept === undefined) {
    const scores = session === undefined ? [] : unsavedScores(session, saved, library);
    const lost = scores.length === 0 ? 'Your last answer was not saved.' : `Your last score was not saved: ${scores.join('; ')}.`;
    return new StoreError(message, `${lost} ${damaged.hint ?? ''}`.trim());
  }
  return new StoreError(
    message,
    `Everything you answered, with all you had saved before, is kept in ${damaged.kept}. To go on with it, move the damaged file away, ` +
      `rename that one ${basename(file)}, and run ${again} again.`,
  );
}

/**
 * `save()`, and while another itb keeps the store busy longer than a save waits (StoreBusy), or the
 * disk refuses it (StoreDiskRefused), says so and asks whether to try again, so that the answer
 * just given is not lost unsaid: yes tries again, and the session goes on once it is saved; no
 * throws the error, for the session to say what was kept.
 */
export async function savedOrAsked<T>(save: () => Promise<T>, prompter: Prompter, say: (text: string) => void, colour: Colours): Promise<T> {
  for (;;) {
    try {
      return await save();
    } catch (error) {
      if (!(error instanceof StoreBusy || error instanceof StoreDiskRefused)) throw error;
      const why = error instanceof StoreDiskRefused ? DISK[error.disk] : error instanceof StoreHeldOpen ? HELD_OPEN : BUSY;
      say(`\n${wrap(why, 78).map((line) => colour.bold(line)).join('\n')}\n`);
      if (!(await prompter.confirm({ message: 'Try saving it again? (Say no to stop here, without it.)', default: true }))) throw error;
    }
  }
}

/**
 * `busy`, a save given up in a session, as the session says it: what was not saved, what was kept,
 * and what to run once the other itb is done. `session`: as answered, undefined before it began;
 * `saved`: as its last save left it, undefined when none did.
 */
export function busyInSession(busy: StoreBusy, session: Session | undefined, saved: Session | undefined, library: Library, itb: string, routineArg?: string): StoreBusy {
  const again = busy instanceof StoreHeldOpen ? 'In a moment, or once that program is closed,' : 'Once the other itb is done,';
  return new StoreBusy(busy.message, keptOfSession(session, saved, library, itb, routineArg, again));
}

/** `refused`, a save the disk refused in a session, as the session says it: what was not saved, what was kept, and what to run once the disk allows (see busyInSession). */
export function diskRefusedInSession(refused: StoreDiskRefused, session: Session | undefined, saved: Session | undefined, library: Library, itb: string, routineArg?: string): StoreDiskRefused {
  return new StoreDiskRefused(refused.message, keptOfSession(session, saved, library, itb, routineArg, DISK_AGAIN[refused.disk]), refused.disk);
}

/**
 * Ctrl-C (or a kill, or the window closed) while a session's save waited for another itb: the
 * session ends there, without waiting again to mark itself interrupted, and says what was not
 * saved, what was kept and what to run once the other itb is done (see busyInSession).
 */
export function stoppedWaitingInSession(session: Session | undefined, saved: Session | undefined, library: Library, itb: string, routineArg?: string): Interrupted {
  const notes = ['Stopped while waiting to save: another itb was saving to your store (in another window, perhaps).', keptOfSession(session, saved, library, itb, routineArg)];
  return new Interrupted(`\n${notes.map((note) => wrap(note, 78).join('\n')).join('\n')}`);
}

/** What a session's save given up leaves (see busyInSession): everything answered, when the last save took it all. */
function keptOfSession(session: Session | undefined, saved: Session | undefined, library: Library, itb: string, routineArg?: string, when = 'Once the other itb is done,'): string {
  const routine = session?.routine ?? routineArg;
  const again = `${when} run \`${itb} session${routine === undefined ? '' : ` ${shellWord(routine)}`}\` again.`;
  if (session === undefined) return `The session had not begun, so no new session was recorded; your answer to the last question was not saved. ${again}`;
  if (saved === undefined) return `Your baseline score (${session.baseline}) was not saved, so no new session was recorded. ${again}`;
  // Stopped at a question, every answer saved: only the mark "interrupted" was to be saved, and
  // the session shows as interrupted without it once this itb has ended.
  if (saved === session) return `Everything you answered is saved, and the session shows as interrupted. ${again}`;
  const scores = unsavedScores(session, saved, library);
  const lost = scores.length === 0 ? 'Your last answer was not saved.' : `Your last score was not saved: ${scores.join('; ')}.`;
  return `${lost} Everything you answered before it is saved, and the session shows as interrupted. ${again}`;
}

/** The scores of `session` its last save (`saved`) did not take, as "pain 3 after Clamshells (before: 4)". */
function unsavedScores(session: Session, saved: Session | undefined, library: Library): string[] {
  const nameOf = (id: string) => library.exercises.find((exercise) => exercise.id === id)?.name ?? id;
  return session.attempts.slice(saved?.attempts.length ?? 0).map((attempt) => `${session.symptom} ${attempt.after} after ${nameOf(attempt.exerciseId)} (before: ${attempt.before})`);
}
