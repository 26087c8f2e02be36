// What `itb settings` does (declared in settings.ts).
import type { Command } from 'commander';
import { findSettingKey, parseSetting, settingDefault, settingDefinitions, settingKeys, type SettingKey } from '../core/settings.js';
import { movementKey } from '../core/history.js';
import { legNamed } from '../core/test-leg.js';
import { inSentence } from '../core/text.js';
import type { Context } from '../context.js';
import { UserError } from '../errors.js';
import { Store } from '../store/store.js';
import { packed } from '../ui/table.js';
import { hanging, onScreen, wrap } from '../ui/wrap.js';
import { plural } from '../export/words.js';
import { itbWithLibrary, libraryOrStop, notice, numberAsMovement, paint, printJson, settingChange, settingWords } from './shared.js';

/**
 * What a setting is, with the values it takes: "your painful side (left, right or both): a
 * session's list starts at it, …". The values come before what Enter does, where they could not
 * be read as what Enter alone takes. A remembered answer only points a list at it, not reordered.
 */
function described(key: SettingKey): string {
  const { meaning, allowed, remembered } = settingDefinitions[key];
  const standard = settingDefault(key);
  const values = `${meaning} (${allowed}${standard === undefined ? '' : `; ${standard} by default`})`;
  return remembered ? `${values}: a session's list starts at it, and Enter alone takes it` : values;
}

export async function showOrChangeSettings(ctx: Context, keyText: string | undefined, valueText: string | undefined, options: { unset?: boolean; json?: boolean }, command: Command) {
  const store = Store.open(ctx.env, ctx);
  const colour = paint(ctx, command);
  if (keyText === undefined) {
    if (options.unset) throw new UserError('--unset needs the name of a setting, such as `itb settings movement --unset`');
    const { settings } = store.read();
    // Every key, null when not set: a script finds the same keys whatever has been answered.
    if (options.json) return printJson(ctx, Object.fromEntries(settingKeys.map((key) => [key, settings[key] ?? null])));
    // The value beside its key, or under it on a terminal too narrow for both.
    const valueOf = (key: SettingKey) => (settings[key] === undefined ? colour.dim('not set') : String(settings[key]));
    const lines = settingKeys.flatMap((key) => [
      ...(16 + 20 <= onScreen(80) ? hanging(colour.bold(key.padEnd(16)), valueOf(key), 80) : [colour.bold(key), ...wrap(valueOf(key), 80, '  ')]),
      ...wrap(described(key), 80, '  ').map((line) => colour.dim(line)),
    ]);
    // And how to change one: the list alone does not say.
    const itb = itbWithLibrary(ctx, command);
    // An example that changes something: not the side already set.
    const side = settings.side === 'right' ? 'left' : 'right';
    const change = wrap(`Change one with \`${itb} settings KEY VALUE\`, such as \`${itb} settings side ${side}\`.`);
    const footer = [...packed(['Kept in', store.path], 80, '', ' '), ...change].map((line) => colour.dim(line));
    ctx.stdout.write(`${lines.join('\n')}\n\n${footer.join('\n')}\n`);
    return;
  }
  const found = findSettingKey(keyText);
  if (!found.ok) throw new UserError(found.reason, found.hint);
  const key: SettingKey = found.key;
  // `itb settings movement walking downhill`: the words after the key are one value, the
  // movement "walking downhill" (a value of several words for another key is refused below).
  if (command.args.length > 2) valueText = command.args.slice(1).join(' ');
  if (valueText === undefined && !options.unset) {
    const value = store.read().settings[key];
    if (options.json) return printJson(ctx, { [key]: value ?? null });
    // Nothing on stdout for a value that is not there, so a script reads an empty answer.
    if (value === undefined) ctx.stderr.write(`${key} is not set.\n`);
    else ctx.stdout.write(`${value}\n`);
    return;
  }
  if (options.unset && valueText !== undefined) throw new UserError('give either a new value or --unset, not both');
  // Refused rather than ignored: a script waiting for JSON would be left with nothing to read.
  if (options.json) throw new UserError('--json is for showing a setting: a change prints no JSON', `Leave --json out; \`${itbWithLibrary(ctx, command)} settings ${key} --json\` shows it after.`);
  // A threshold goes back to its default by being set to it: say which value that is.
  if (options.unset && !settingDefinitions[key].remembered) {
    throw new UserError(`${key} always has a value; set it to ${settingDefinitions[key].allowed}`, `To go back to the default: \`${itbWithLibrary(ctx, command)} settings ${key} ${settingDefault(key)}\`.`);
  }
  const parsed = options.unset ? undefined : parseSetting(key, valueText!);
  if (parsed && !parsed.ok) throw new UserError(parsed.reason);
  // A library movement given by its id is kept by its name, as `itb session --movement` records
  // it: the session then offers it as the movement of last time, and its scores share one trend.
  // A movement done on one leg, given with its leg ("step-down on the left leg"), is kept without
  // it, as a session keeps it: the leg is asked in each session while both sides hurt (the one of
  // last time offered first) and is the painful one otherwise.
  // Any other number alone ("4", "4/10") is refused, as a session refuses it: a score, or a place
  // in a list, never a movement.
  let legLeftOut: string | undefined;
  if (key === 'movement' && parsed) {
    const library = await libraryOrStop(ctx, command);
    const byId = library.movements.find((known) => known.id === String(parsed.value).toLowerCase());
    const named = legNamed(String(parsed.value));
    const oneLeg = named && library.movements.find((known) => known.oneLeg && (known.id === named.movement.toLowerCase() || movementKey(known.name) === movementKey(named.movement)));
    if (byId) parsed.value = inSentence(byId.name);
    else if (oneLeg) {
      parsed.value = inSentence(oneLeg.name);
      legLeftOut = "The leg is not kept with it: while both sides hurt, each session asks which leg you test on, its list starting at last time's; with one side painful, it is that side's leg.";
    } else {
      const asNumber = numberAsMovement(ctx, command, library, String(parsed.value), 'settings');
      if (asNumber) throw asNumber;
    }
  }
  // Saving what is already there would rewrite the whole store (years of sessions) for nothing.
  if (store.read().settings[key] === parsed?.value) {
    ctx.stderr.write(`${key} ${parsed ? `is already ${settingWords(parsed.value)}` : 'is not set'}; nothing changed.\n`);
    if (legLeftOut !== undefined) notice(ctx, legLeftOut);
    return;
  }
  let previous: unknown;
  await store.update((data) => {
    previous = data.settings[key];
    if (parsed) Object.assign(data.settings, { [key]: parsed.value });
    else delete data.settings[key];
  });
  const lines = [settingChange(key, previous, parsed?.value)];
  // Re-test dates are worked out from this setting whenever they are shown, not kept.
  if (key === 'retestAfterDays' && typeof parsed?.value === 'number') {
    lines.push(
      `Every drill set aside, including those set aside before this change, is now offered for a re-test ${plural(parsed.value, 'day')} after the day it was set aside; \`${itbWithLibrary(ctx, command)} buckets\` shows the dates.`,
    );
  }
  // Verdicts, unlike re-test dates, are kept as given: a new threshold does not judge past drills again.
  if ((key === 'minImprovement' || key === 'flareRise') && parsed) {
    lines.push('Your next session judges drills by it; earlier sessions keep their verdicts.');
  }
  if (legLeftOut !== undefined) lines.push(legLeftOut);
  for (const line of lines) notice(ctx, line);
}
