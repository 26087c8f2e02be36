// The README's examples, as the program prints them today: a newcomer copies them and compares.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { columnsOf } from '../../src/ui/screen.js';
import { run, tempHome } from '../helpers/run.js';
import { libraryFile } from '../helpers/libraries.js';

const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');

/** The lines of the README's first ```text block after `after`. */
function block(after: string): string[] {
  const from = readme.indexOf(after);
  expect(from, after).toBeGreaterThan(-1);
  return /```text\n([\s\S]*?)```/.exec(readme.slice(from))![1]!.trimEnd().split('\n');
}

/** The words of a command line as a shell splits them, double quotes kept together. */
function words(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]!);
}

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

describe('the README', () => {
  it('shows a short session as it runs: every line it quotes is printed, in order, and every question it quotes with its answer', async () => {
    const lines = block('Here is a short session, as you see it');
    const argv = words(lines[0]!.replace(/^\$ itb /, ''));
    const safetyScreen = [false, false, false, false, false, false];
    const answers = [6, 'done', 4, 'done', 4, 'done', 5, 'stop'];
    const result = await run(argv, { home, tty: true, now: new Date('2026-11-21T09:00:00Z'), answers: [...safetyScreen, ...answers] });
    expect(result.code).toBe(0);

    // The questions, as the terminal leaves them once answered (the safety questions come before the example).
    const asked = result.prompter.asked
      .filter((q) => q.kind !== 'confirm')
      .map((q) => `✔ ${q.message} ${q.kind === 'select' ? q.choiceNames![q.choices!.indexOf(String(q.answer))] : q.answer}`);
    let next = 0;
    for (const line of lines.filter((shown) => shown.startsWith('✔ '))) {
      const found = asked.indexOf(line, next);
      expect(found, `README question not asked (in this order): ${line}`).toBeGreaterThan(-1);
      next = found + 1;
    }

    // Every other line is printed, in the same order; a line ending in "..." is the start of one.
    // Lines left out are marked by "...": without it, the next line quoted is the next printed,
    // blank lines and all, so that the example leaves out nothing unsaid.
    const printed = result.stdout.split('\n');
    let at = 0;
    let gap = true;
    for (const line of lines.slice(1)) {
      // The safety questions of a first run come before the example's first line.
      if (line.startsWith('✔ ') || (line.trim() === '' && at === 0)) continue;
      if (line.trim() === '...') {
        gap = true;
        continue;
      }
      const start = line.endsWith(' ...') ? line.slice(0, -' ...'.length) : undefined;
      const found = printed.findIndex((shown, i) => i >= at && (start === undefined ? shown === line : shown.startsWith(start)));
      expect(found, `README line not printed (in this order): ${line}`).toBeGreaterThan(-1);
      if (!gap) expect(printed.slice(at, found), `README leaves out, unmarked by "...", what is printed before: ${line}`).toEqual([]);
      at = found + 1;
      gap = start !== undefined;
    }
    // What a drill's screen shows, each of its labelled lines named as the steps above the example say it.
    const card = printed.slice(printed.indexOf('Exercise 1 of 5 · ankle'), printed.indexOf('Do your test movement (single-leg squat) again, the same way as before.'));
    const labels = card.filter((shown) => /^ {2}[A-Z]/.test(shown)).flatMap((shown) => [...shown.matchAll(/(?:^ {2}| {3})([A-Z][a-z]*(?: [a-z]+)*): /g)].map((m) => m[1]!.toLowerCase()));
    expect(labels).toEqual(['dose', 'side', 'you need']);
    const oneExercise = readme.slice(readme.indexOf('3. **One exercise**'), readme.indexOf('4. **Re-test**')).replace(/\s+/g, ' ').toLowerCase();
    for (const label of labels) expect(oneExercise, `"${label}" in the steps of How a session goes`).toContain(label);
    // From the summary on, nothing is left out.
    const summary = lines.indexOf('Session summary');
    expect(result.stdout.slice(result.stdout.indexOf('Session summary')).trimEnd()).toBe(lines.slice(summary).join('\n'));
  });

  it('shows the move that corrects a score typed wrong as itb prints it, after a session with that slip', async () => {
    const lines = block('If a wrong number got');
    const argv = words(lines[0]!.replace(/^\$ itb /, ''));
    const [drill, , note] = [argv[2]!, argv[3], argv[5]!];
    const now = new Date('2026-11-22T09:00:00Z');
    // The slip: 9 typed for 3, a flare-up by the default rise of 3, let through at the question about it.
    const session = ['session', 'joint-chain', '--side', 'left', '--symptom', 'pain', '--movement', 'single-leg squat'];
    const slipped = await run(session, { home, tty: true, now, answers: [false, false, false, false, false, false, 3, 'done', 9, true, false] });
    expect(slipped.stdout).toContain('That is a flare-up, so Lateral ankle tilts stops');
    // The question about it, as the README quotes it.
    const question = slipped.prompter.asked.find((asked) => asked.kind === 'confirm' && asked.message.startsWith('Up'))!.message;
    expect(question).toBe('Up 6 points, from 3 to 9: a flare-up. Is 9 right?');
    expect(readme.replace(/\s+/g, ' ')).toContain(`("${question}")`);
    const moved = await run(argv, { home, now: new Date('2026-11-22T09:05:00Z') });
    expect(moved.code).toBe(0);
    expect(moved.stderr.trimEnd().split('\n')).toEqual(lines.slice(1));
    // What the README then says: the note under the drill with the date of the move, its flare-up flag kept.
    const buckets = await run(['buckets'], { home, now: new Date('2026-11-22T09:06:00Z') });
    expect(buckets.stdout).toMatch(new RegExp(`Lateral ankle tilts +${drill} +flare\\n`));
    const shownNote = `moved by hand on 2026-11-22: ${note}`;
    expect(buckets.stdout).toContain(shownNote);
    expect(readme.replace(/\s+/g, ' ')).toContain(`("${shownNote}";`);
  });

  it('lists under "JSON for scripts" every command that prints JSON with --json, and each key of the settings it prints', async () => {
    const section = readme.slice(readme.indexOf('### JSON for scripts'), readme.indexOf('### The trend'));
    const commands = [...(await run(['--help'], { home })).stdout.matchAll(/^ {2}([a-z]+) \[?/gm)].map((m) => m[1]!);
    expect(commands.length).toBeGreaterThan(5);
    const library = join(import.meta.dirname, '../../data/library.yaml');
    // export has a section of its own: its --json is the JSON backup.
    for (const command of commands.filter((c) => c !== 'export' && c !== 'help')) {
      const result = await run(command === 'validate' ? [command, library, '--json'] : [command, '--json'], { home });
      if (result.code !== 0) continue;
      JSON.parse(result.stdout);
      expect(section, command).toContain(`| \`itb ${command}`);
    }
    const settings = JSON.parse((await run(['settings', '--json'], { home })).stdout);
    expect(section).toContain(`\`{ ${Object.keys(settings).join(', ')} }\``);
  });

  it('gives the defaults and ranges of the settings as itb settings shows them, and their changes as it prints them', async () => {
    const section = readme.slice(readme.indexOf('### Settings'), readme.indexOf('## Your own exercise library'));
    const shown = (await run(['settings'], { home })).stdout.replace(/\s+/g, ' ');
    const rows = [...section.matchAll(/^\| `(\w+)` \| (\d+) \((\d+)–(\d+)\) \|/gm)];
    expect(rows.map((row) => row[1])).toEqual(['minImprovement', 'flareRise', 'retestAfterDays']);
    for (const [, key, byDefault, low, high] of rows) {
      expect(shown).toMatch(new RegExp(`${key} ${byDefault} .*?from ${low} to ${high}(?: [a-z]+)?; ${byDefault} by default`));
    }
    const changed = await run(['settings', 'minImprovement', '2'], { home });
    expect(changed.stderr + changed.stdout).toContain(/\(`(minImprovement: 1 → 2)`\)/.exec(section)![1]);
    const movement = /`itb settings (movement walking downhill)`/.exec(section)![1]!.split(' ');
    expect((await run(['settings', ...movement], { home })).code).toBe(0);
    expect(JSON.parse((await run(['settings', 'movement', '--json'], { home })).stdout)).toEqual({ movement: 'walking downhill' });
  });

  it('shows problems of a library as itb validate prints them', async () => {
    const [reps, side, routine] = block('`FILE:LINE:COL  path.to.field  message`');
    // A library with a dose written "ten" at line 14, a drill without its side at line 21 and a
    // misspelt drill in a routine at line 40.
    const drill = (id: string, side = ', side: painful') => `  - { id: ${id}, name: ${id}, region: hip, category: strength, steps: [x], dose: { reps: 10 }${side}, loading: true }`;
    const notes = (count: number) => Array.from({ length: count }, () => '# a note');
    const lines = [
      'version: 1', 'exercises:', drill('clamshells'), drill('bridges'),
      '  - id: hip-hikes', '    name: Hip hikes', '    region: hip', '    category: strength', '    steps: [x]',
      '    side: painful', '    loading: true', '    dose:', '      sets: 2', '      reps: ten',
      ...notes(6), drill('side-steps', ''), ...notes(10),
      'routines:', '  - id: r', '    name: R', '    description: D', '    exercises:',
      '      - bridges', '      - hip-hikes', '      - clamshells', '      - clamshell',
    ];
    const file = join(home, 'my-library.yaml');
    writeFileSync(file, lines.join('\n') + '\n');
    const result = await run(['validate', file], { home });
    expect(result.code).toBe(2);
    expect(result.stdout.replaceAll(file, 'my-library.yaml').trimEnd().split('\n')).toEqual([reps, side, routine]);
  });

  it('says a step written over several lines is shown as one paragraph, as itb exercises shows it', async () => {
    const said = readme.replace(/\s+/g, ' ');
    expect(said).toContain('each step shown as one paragraph, numbered and wrapped to the screen: a step written over several lines (after a `|` or `>`) is read with a space at each line break.');
    const good = readFileSync(libraryFile('good.yaml'), 'utf8');
    const file = join(home, 'steps.yaml');
    writeFileSync(file, good.replace('      - Rock your knee gently forward over your toes and back.\n', '      - |\n        Rock your knee gently forward over your toes.\n        Then back.\n'));
    const shown = await run(['--data', file, 'exercises', 'ankle-rocks'], { home });
    expect(shown.stdout).toContain('\n   1. Rock your knee gently forward over your toes. Then back.\n\n');
  });

  it('shows a drill in full with every `itb exercises ID` it gives, by an id the built-in library has', async () => {
    // An id alone: a name given instead (`itb exercises lateral ankle tilts`) is there to get its id in reply.
    const shown = [...readme.matchAll(/`itb exercises ([a-z0-9]+(?:-[a-z0-9]+)*)`/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(1);
    for (const id of shown) expect((await run(['exercises', id], { home })).code, `itb exercises ${id}`).toBe(0);
  });

  it('gives the exit codes and the help for a command typed wrong as itb gives them', async () => {
    const section = readme.slice(readme.indexOf('## Exit codes'), readme.indexOf('## Speed')).replace(/\s+/g, ' ');
    const asFlag = await run(['session', '--routine', 'rehab'], { home });
    expect(asFlag.code).toBe(2);
    expect(section).toContain('a word written as a flag (`itb session --routine rehab`) is told to go without it (`itb session rehab`)');
    expect(asFlag.stderr).toContain('without --routine: itb session rehab\n');
    const withValue = await run(['history', '--json=yes'], { home });
    expect(withValue.code).toBe(2);
    expect(withValue.stderr).toContain('--json takes no value');
    expect(withValue.stderr).toContain('`itb history --help` shows what it takes.');
    const mistyped = await run(['bukets'], { home });
    expect(mistyped.code).toBe(2);
    expect(section).toContain(`$ itb bukets ${mistyped.stderr.replace(/\s+/g, ' ').trim()}`);
    const before = await run(['--json', 'history'], { home });
    expect(before.code).toBe(2);
    expect(section).toContain('(`itb --json history`, `itb -n5 history`) gets the command as it is typed (`itb history --json`, `itb history -n5`)');
    expect(before.stderr).toContain('itb history --json');
    expect((await run(['-n5', 'history'], { home })).stderr).toContain('itb history -n5');
    const noTerminal = await run(['session'], { home });
    expect(noTerminal.code).toBe(2);
    expect(section).toContain('no terminal for `session`');
  });

  it('quotes the help for a word left out or too many as itb prints it, and gives exit 2 for the refusals it lists', async () => {
    const section = readme.slice(readme.indexOf('## Exit codes'), readme.indexOf('## Speed')).replace(/\s+/g, ' ');
    const missing = /\(`itb (buckets move clamshells)`\) is named with what it takes, after what was typed: `([^`]+)`/.exec(section)!;
    const left = await run(missing[1]!.split(' '), { home });
    expect(left.code).toBe(2);
    expect(left.stderr).toContain(`error: ${missing[2]}\n`);
    const extra = /\(`itb (import a\.json b\.json)`: `([^`]+)`\)/.exec(section)!;
    const many = await run(extra[1]!.split(' '), { home });
    expect(many.code).toBe(2);
    expect(many.stderr).toContain(`error: ${extra[2]}`);
    expect(section).toContain('a file `import` refuses, a report that would replace a file without `--force`');
    const report = join(home, 'report.md');
    expect((await run(['export', '-o', report], { home })).code).toBe(0);
    const written = readFileSync(report, 'utf8');
    const replace = await run(['export', '-o', report], { home, now: new Date('2099-01-01T09:00:00Z') });
    expect(replace.code).toBe(2);
    expect(readFileSync(report, 'utf8')).toBe(written);
    const refused = await run(['import', report], { home });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('cannot read back');
    const noValue = await run(['export', '-o', '--force'], { home });
    expect(noValue.code).toBe(2);
    expect(existsSync('--force')).toBe(false);
    expect(noValue.stderr).toContain('needs a value after it');
  });

  it('gives the narrowest terminal that gets lines at its own width as itb has it, in a plain terminal too', () => {
    const flat = readme.replace(/\s+/g, ' ');
    const narrowest = Number(/A narrower terminal of (\d+) columns or more/.exec(flat)![1]);
    expect(columnsOf({ isTTY: true, columns: narrowest })).toBe(narrowest);
    // One column fewer gets the 80 columns of a file or a pipe: the terminal folds them.
    expect(columnsOf({ isTTY: true, columns: narrowest - 1 })).toBe(80);
    const plain = flat.slice(flat.indexOf('### A plain terminal, or a screen reader'), flat.indexOf('### Drills set aside come back'));
    expect(plain).toContain(`to fit the terminal, down to ${narrowest} columns.`);
  });

  it('names under Development only files, folders and npm scripts the project has', () => {
    const section = readme.slice(readme.indexOf('## Development'));
    const root = join(import.meta.dirname, '../..');
    const paths = [...section.matchAll(/`((?:src|test|scripts|schema)\/[\w./-]*|[\w-]+\.(?:ts|json))`/g)].map((m) => m[1]!);
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths.filter((p) => !p.includes('NAME'))) expect(existsSync(join(root, path)), path).toBe(true);
    const scripts = Object.keys(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts);
    for (const [, script] of section.matchAll(/^npm run (\w+)/gm)) expect(scripts, script).toContain(script);
  });

  it('names the Node versions itb runs on as itb itself names them when it cannot run', () => {
    const start = readFileSync(join(import.meta.dirname, '../../bin/itb.js'), 'utf8');
    const versions = /'(20\.17 or a later 20.*?)\.\\n'/.exec(start)![1]!;
    expect(readme.slice(readme.indexOf('## Quick start'), readme.indexOf('## Installing and running')).replace(/\s+/g, ' ')).toContain(versions);
  });

  it('gives the defaults a newcomer reads about sessions and history as itb has them', async () => {
    const flat = readme.replace(/\s+/g, ' ');
    const section = (from: string, to: string) => flat.slice(flat.indexOf(from), flat.indexOf(to));
    const sessions = section('## How a session goes', '## The routines');
    const { minImprovement, flareRise, retestAfterDays } = JSON.parse((await run(['settings', '--json'], { home })).stdout);
    expect(sessions).toContain(`Lower by at least ${minImprovement} point${minImprovement === 1 ? '' : 's'} (you can change this`);
    expect(sessions).toContain(`Up by ${flareRise} points or more (this too you can change)`);
    expect(sessions).toContain(`${retestAfterDays} days after the day it was set aside`);
    // The lowest score a flare-up cannot rise from within the 0–10 scale.
    expect(sessions).toContain(`from ${11 - flareRise} up (with flare-ups at ${flareRise} points)`);
    const listed = Number(/your (\d+) latest sessions/.exec((await run(['history', '--help'], { home })).stdout)![1]);
    expect(section('## Commands', '### JSON for scripts')).toContain(`| your ${listed} latest sessions, newest first`);
    expect(section('### Your history', '### The trend')).toContain(`**Which sessions.** The ${listed} latest, unless you give \`--all\``);
  });

  it('links only to headings it has and files the project holds', () => {
    const slug = (heading: string) => heading.toLowerCase().replace(/[^a-z0-9 -]/g, '').replace(/ /g, '-');
    // GitHub numbers a heading's slug when an earlier heading has it: the second "Notes" is #notes-1.
    const seen = new Map<string, number>();
    const anchors = new Set(
      [...readme.replace(/```[\s\S]*?```/g, '').matchAll(/^#+ (.+)$/gm)].map((m) => {
        const plain = slug(m[1]!);
        const times = seen.get(plain) ?? 0;
        seen.set(plain, times + 1);
        return times === 0 ? plain : `${plain}-${times}`;
      }),
    );
    const links = [...readme.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((link) => !/^https?:/.test(link));
    expect(links.length).toBeGreaterThan(3);
    for (const link of links) {
      if (link.startsWith('#')) expect(anchors, link).toContain(link.slice(1));
      else expect(() => readFileSync(join(import.meta.dirname, '../..', link)), link).not.toThrow();
    }
  });
});
