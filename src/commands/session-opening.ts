// The beginning of a session: the routine it runs and what it is rated on, what to keep in mind
// (its description, its cues, a warm-up before strength drills), and what is left out today and why.
import { loadingSpacingCue, saysLoadingSpacing } from '../core/advice.js';
import { localDate, localDateTime } from '../core/history.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import { packed } from '../ui/table.js';
import { hanging, wrap, wrapUnder } from '../ui/wrap.js';
import { plural, yourSide } from '../export/words.js';
import type { leftOutHere } from './session-routines.js';
import type { Plan } from './session-setup.js';

/**
 * `flaredToday`: the person chose to go on after a flare-up earlier the same day. `notHere`: what
 * the rehab or re-test routine leaves out as this library does not have it (leftOutHere).
 */
export function introduction(plan: Plan, library: Library, flaredToday: boolean, colour: Colours, notHere?: ReturnType<typeof leftOutHere>): string {
  const routine = library.routines.find((r) => r.id === plan.routine);
  // The built-in routines gather drills from several routines: the cues of each of those, once.
  const drawnFrom = routine ? [routine] : library.routines.filter((r) => plan.exercises.some((exercise) => r.exercises.includes(exercise.id)));
  const cueIds = [...new Set(drawnFrom.flatMap((r) => r.cues))];
  const cues = cueIds.map((id) => library.cues.find((cue) => cue.id === id)?.text).filter((text): text is string => text !== undefined);
  // The built-in routines have no description of their own to say it, and may hold strength
  // drills: what the strength routine advises before them is said here.
  if (!routine && plan.exercises.some((exercise) => exercise.loading)) {
    cues.unshift('Warm up for a few easy minutes before the strength drills. Two or three strength drills are enough for one day.');
  }
  // The 48 hours between strength sessions, said once: here, unless the reminder before the
  // session said them with the time they are up; going on with a routine left part way today,
  // its first part said them.
  // A library whose cues or routine say them in its own words has them said there; the rehab and
  // re-test routines show no routine's description.
  const ownWords = [...cues, ...(routine ? [routine.description] : [])].some(saysLoadingSpacing);
  if (plan.exercises.some((exercise) => exercise.loading) && plan.strengthReadyAt === undefined && !plan.goingOn && !ownWords) cues.push(loadingSpacingCue);
  if (plan.routine === 'retest') {
    const setAside = plan.exercises.length === 1 ? 'This drill was' : 'These drills were';
    cues.unshift(`${setAside} set aside before. Start gently, with a smaller range, and stop at once if your ${plan.symptom} rises.`);
  }
  if (flaredToday) cues.unshift(`After today's flare-up, start gently, with a smaller range, and stop at once if your ${plan.symptom} rises.`);
  const title = `${routine?.name ?? (plan.routine === 'rehab' ? 'Your rehab routine' : 'Re-test')} · ${plural(plan.exercises.length, 'drill')}`;
  const lines = ['', ...wrap(title, 80).map((line) => colour.bold(line))];
  // Broken between its two parts where it must: "painful" at a line's end would lose its "side";
  // a movement too long for the line goes on under it, two columns in, as the rest of its part.
  const parts = [`Rating ${plan.symptom} during: ${plan.movement}`, `painful side: ${plan.side}`];
  lines.push(...packed(parts, 80, '', ' · ', (part, columns) => wrapUnder(part, columns)).map((line) => colour.dim(line)));
  // Typed with the command, a routine's description was never shown, as the list shows the one
  // chosen: its advice (warm up first, how many drills a day) is said here, once. Going on with
  // the routine left part way today, it was said as that part began.
  if (routine && !plan.chosenFromList && !plan.goingOn) lines.push('', ...wrap(routine.description, 78));
  if (cues.length > 0) lines.push('', 'Keep in mind:', ...cues.flatMap((cue) => hanging('  · ', cue, 78)));
  if (plan.resting.length > 0) {
    // The reminder just before gave the reason: the heading says when they come back.
    const from = `, for your next strength session${plan.strengthReadyAt === undefined ? '' : ` from ${localDateTime(new Date(plan.strengthReadyAt))}`}`;
    lines.push('', ...wrap(`Left out today${from}:`, 78).map((line) => colour.bold(line)));
    for (const exercise of plan.resting) lines.push(...hanging('  · ', exercise.name, 78));
  }
  if (plan.setAside.length > 0) {
    lines.push('', colour.bold('Left out today, as set aside for now:'));
    for (const status of plan.setAside) {
      // Set aside by a test while another side hurt: today's painful side has not been tried with it.
      const { lastSide } = status.evidence;
      const then = status.source === 'session' && lastSide !== null && lastSide !== plan.side ? ` when ${yourSide(lastSide)} hurt` : '';
      const how = status.flare ? `after a flare-up${then}` : then === '' ? '' : `set aside${then}`;
      const why = [how, `re-test from ${localDate(new Date(status.retestDueAt!))}`].filter(Boolean).join('; ');
      // After a colon, not in brackets: many names end in a note in brackets of their own.
      lines.push(...hanging('  · ', `${status.name}: ${why}`, 78));
    }
  }
  if (notHere !== undefined) {
    lines.push('', ...wrap(notHere.heading, 78).map((line) => colour.bold(line)));
    for (const words of notHere.renamed) lines.push(...hanging('  · ', words, 78));
    lines.push(...wrap(notHere.see, 78));
  }
  return `${lines.join('\n')}\n\n`;
}
