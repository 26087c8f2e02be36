import { Command } from 'commander';
import type { Context } from '../context.js';
import { helpAfter } from './help.js';

const action = () => import('./buckets-action.js');

const JSON_SHAPE = `With --json, prints (schemaVersion 1; new fields may be added, none renamed):
  { "schemaVersion": 1, "generatedAt": ISO time,
    "rehab": [drill], "avoid": [drill], "untested": [drill],
    "advice": [{ id, message, readyAt?, goesOnToday?, side?, persistent? }],
    "resetAt": ISO time or null, "ratingsMix": true or false,
    "sidesApart": true or false,
    "thresholdsUsed": { "minImprovement": [number], "flareRise": [number] } }
  drill: { exerciseId, name, bucket ("rehab" | "avoid" | "untested"),
    decidedAt?, source? ("session" | "manual"), flare, note?,
    earlierMove? { bucket ("rehab" | "avoid"), at, note, testedSince },
    retestDueAt? (avoid only), retestDue, inLibrary,
    evidence: { tested, helped, helpedOnRetry, meanChange, lastChange,
      lastTestedAt, flares, lastFlareAt,
      lastFlareSide: "left" | "right" | "both" or null, tooLowToShowHelp,
      lastCouldNotShow: { what ("help" | "flare-up"), from, points } or null,
      lastFallNeeded: number or null,
      sides: [{ side ("left" | "right" | "both"), tested, helped,
        meanChange }],
      lastSide: "left" | "right" | "both" or null,
      lastSymptom: "pain" | "tightness" | "discomfort" or null,
      lastMovement: text or null, partlyTimed,
      lastHolds: [{ attempt (1 | 2), timed, of }] } }
untested: the drills of the library in use with no decision (none since a reset), in library order, then those it does not have (inLibrary false) that were tested only before the lists were cleared, so that their evidence stays in view.
decidedAt and source: the latest decision, by a session or by a move by hand (none for an untested drill); note: yours, given with that move. earlierMove: for a drill a session has decided since, the latest move by hand before that, when it had a note (none from before a reset; at: when it was made; testedSince: the tests of the drill since it, and the text shows it only while there are 1 or 2). flare: set aside after a flare-up. retestDueAt: when a drill set aside is offered for a re-test (none for one not in the library in use, inLibrary false); retestDue: that time has come.
evidence counts every test (a session that decided the drill), before a reset too: tested, helped, helpedOnRetry (those that helped only on the retry), meanChange (to a tenth), lastChange and lastTestedAt (these three null before a test), flares (flare-ups), lastFlareAt (when the last flare-up was, the time its rise was rated; null without one), lastFlareSide (the painful side of the last flare-up's session; null without one), tooLowToShowHelp (tests set aside that started below the fall that counts as helping, so no score could show help), lastCouldNotShow (the last test, set aside, could not show "help" as it started too low, or a "flare-up" as it rose to 10 by less than a flare's rise; from: the score it started at; points: that fall or rise), lastFallNeeded (the last test, set aside, fell by less than the fall that counted as helping in its session, a setting above 1: that fall in points; null otherwise), sides (the tests and those that helped by the painful side of their session, for each side tested, with the meanChange of that side's tests alone), lastSide (the painful side of the last test; null before a test), lastSymptom and lastMovement (what the last test rated: the symptom and the test movement as typed; null before a test), partlyTimed (tests with a try done after the countdown timed only some of the drill's holds, so its score may be for those alone), lastHolds (the last test's tries done so: the holds timed, of the dose's; empty when none). A change is the score after the drill minus the score before it: negative is better.
resetAt: when \`itb buckets reset\` last cleared the lists (decisions before it no longer count; null if never). ratingsMix: the evidence counts sessions that rated more than one symptom or test movement, so a meanChange may mix scores that do not compare. sidesApart: the evidence counts tests done with more than one painful side, so the text names the side of a drill tested on one only (its evidence's sides give it). thresholdsUsed: the values of each threshold the tests of the evidence were judged by (those set when each session ran), smallest first; more than one of either, and the evidence counts verdicts of different rules, as the text says.
advice id: "rest-after-flare-up" (a drill flared up today), "loading-spacing" (under 48 hours since the last strength session; readyAt: when they are up; goesOnToday: a routine left part way today whose drills left can go on today without the wait) or "see-a-professional" (symptoms that have kept up for weeks, all named in its one message, the one with the highest mean starting score in its latest week first; side: the painful side of the first one's scores, which the message names only when your scores were given for more than one side; persistent: each of them in that order, as { rated (what was rated, as "pain during walking"), side, weeks (in a row), firstMean, latestMean (the mean starting scores of the first of those weeks and of the latest week, after a break too, to 0.1 as the message gives them) }).
`;

export function bucketsCommand(ctx: Context): Command {
  const command = new Command('buckets')
    .description('what helps (rehab), what to avoid for now, and what is untested, with the evidence')
    .option('--json', 'print JSON instead of text')
    .addHelpText(
      'after',
      helpAfter(
        [
          ['itb buckets', 'your rehab routine, drills set aside for now, untested drills'],
          ['itb buckets --json', 'the same as JSON (shape below)'],
          ['itb buckets move clamshells avoid --note "sore today"', 'move a drill yourself'],
          ['itb buckets reset', 'start the buckets afresh (your history is kept)'],
        ],
        JSON_SHAPE,
      ),
    )
    // A word after `buckets` that is not move or reset reaches the action, which names the closest.
    .allowExcessArguments()
    .action(async (options: { json?: boolean }, self: Command) => (await action()).showBuckets(ctx, options, self));
  command.addCommand(moveCommand(ctx));
  command.addCommand(resetCommand(ctx));
  return command;
}

function moveCommand(ctx: Context): Command {
  return new Command('move')
    .description('put a drill in rehab or avoid yourself; it stays there until a session tests it again')
    .argument('<id>', "the drill's id, as `itb exercises` shows it")
    .argument('<bucket>', 'rehab or avoid')
    .option('--note <text>', 'why, in your own words (shown in buckets and in reports)')
    // A drill's name typed as several words reaches the action, which answers it with its id.
    .allowExcessArguments()
    .addHelpText(
      'after',
      helpAfter([
        ['itb buckets move clamshells rehab', 'keep clamshells in your rehab routine'],
        ['itb buckets move monster-walks avoid --note "knee sore"', 'set a drill aside for now'],
      ]),
    )
    .action(async (id: string, bucket: string, options: { note?: string }, self: Command) => (await action()).moveDrill(ctx, id, bucket, options, self));
}

function resetCommand(ctx: Context): Command {
  return new Command('reset')
    .description('make every drill untested again; your session history is kept')
    .option('--force', 'do not ask for confirmation')
    .addHelpText(
      'after',
      helpAfter([
        ['itb buckets reset', 'asks first, then makes every drill untested; sessions and moves by hand stay in your history'],
        ['itb buckets reset --force', 'the same without asking (for scripts)'],
      ]),
    )
    .action(async (options: { force?: boolean }, self: Command) => (await action()).resetBuckets(ctx, options, self));
}
