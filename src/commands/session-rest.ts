// A session on a day that already had a flare-up: the advice after one is to rest for the rest of
// the day, so the person is reminded of it, and of which drill flared up and when, before anything
// is saved, and chooses. Enter alone rests.
import type { FlareUp } from '../core/advice.js';
import { localDateTime } from '../core/history.js';
import { shownSafely } from '../core/text.js';
import type { Library } from '../library/schema.js';
import type { Colours } from '../ui/colour.js';
import type { Prompter } from '../ui/prompter.js';
import { wrap } from '../ui/wrap.js';

/** True when the person goes on with a session all the same. */
export async function goOnAfterFlareUp(
  flareUps: FlareUp[],
  library: Library,
  prompter: Prompter,
  say: (text: string) => void,
  colour: Colours,
): Promise<boolean> {
  const reminder = `${flaredEarlier(flareUps, library)} The advice after a flare-up is to take it easy for the rest of the day and leave your next session for another day.`;
  say(`\n${wrap(reminder, 78).map((line) => colour.bold(line)).join('\n')}\n`);
  if (await prompter.confirm({ message: 'Start a session today anyway?', default: false })) return true;
  const settled = flareUps.length === 1 ? 'the flare-up has' : 'the flare-ups have';
  // "Nothing was recorded" alone read as if the session of the flare-up were lost: it is kept.
  const rest = `Resting today is a sound choice. Nothing new was recorded; what you did earlier today is kept. If ${settled} not settled by tomorrow, or flare-ups keep coming, talk to your physical therapist.`;
  say(`${wrap(rest, 78).join('\n')}\n`);
  return false;
}

/** "Earlier today, at 09:14, Clamshells flared up.", with each drill and time when there were several. */
function flaredEarlier(flareUps: FlareUp[], library: Library): string {
  const names = new Map(library.exercises.map((exercise) => [exercise.id, exercise.name]));
  // The library's name where it still has the drill, else the name it had that day.
  const said = flareUps.map(({ exerciseId, name, at }) => ({ name: names.get(exerciseId) ?? shownSafely(name), time: localDateTime(new Date(at)).slice(11) }));
  if (said.length === 1) return `Earlier today, at ${said[0]!.time}, ${said[0]!.name} flared up.`;
  const [first, ...rest] = said;
  const others = rest.map(({ name, time }) => `${name} at ${time}`);
  return `Earlier today, ${first!.name} flared up at ${first!.time}, ${others.slice(0, -1).map((text) => `${text}, `).join('')}and ${others.at(-1)}.`;
}
