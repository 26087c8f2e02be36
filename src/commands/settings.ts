import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./settings-action.js');

export function settingsCommand(ctx: Context): Command {
  return new Command('settings')
    .description("show or change the method's thresholds and your remembered answers")
    .argument('[key]', 'the setting to show or change (`itb settings` lists them all)')
    .argument('[value]', 'the new value')
    .option('--unset', 'forget a remembered answer (side, symptom or movement)')
    .option('--json', 'print JSON instead of text')
    // A movement of several words typed without quotes reaches the action as several words.
    .allowExcessArguments()
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb settings', 'every setting with its value and meaning'],
          ['itb settings minImprovement 2', 'a drill helps only when the score falls by 2 or more'],
          ['itb settings flareRise', 'print one value'],
          ['itb settings movement --unset', 'forget the remembered test movement'],
        ],
        `With --json, prints every setting, null when not set:
  { "minImprovement": 1, "flareRise": 3, "retestAfterDays": 14,
    "side": "left" | "right" | "both" | null,
    "symptom": "pain" | "tightness" | "discomfort" | null,
    "movement": text | null }
  and with a KEY, that setting alone: { "flareRise": 3 }`,
      ),
    )
    .action(async (keyText: string | undefined, valueText: string | undefined, options: { unset?: boolean; json?: boolean }, command: Command) => (await action()).showOrChangeSettings(ctx, keyText, valueText, options, command));
}
