// What `itb buckets move` answers to a drill or bucket typed wrong, or words it would take otherwise: the move to copy, moving nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StoreData } from '../../src/core/records.js';
import { Store } from '../../src/store/store.js';
import { run, tempHome } from '../helpers/run.js';
import { buildSession } from '../helpers/sessions.js';
import { libraryFile } from '../helpers/libraries.js';
import { now, withSessionsIn } from '../helpers/bucket-sessions.js';

let home: string;
let cleanup: () => void;
beforeEach(() => ({ home, cleanup } = tempHome()));
afterEach(() => cleanup());

const save = (mutate: (data: StoreData) => void) => Store.open({ ITB_HOME: home }).update(mutate);
const stored = () => Store.open({ ITB_HOME: home }).read();
const withSessions = () => withSessionsIn(home);

describe('itb buckets move', () => {
  it('suggests the closest id for an unknown drill', async () => {
    const result = await run(['buckets', 'move', 'clamshell', 'rehab'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no drill with id "clamshell"');
    expect(result.stderr).toContain('Did you mean clamshells');
    expect(stored().moves).toEqual([]);
  });

  it('answers an id with a slip near one drill alone with the move by that id to copy, once, when sessions have tested it too', async () => {
    await withSessions();
    const result = await run(['buckets', 'move', 'clamshell', 'rehab', '--note', 'PT says ok'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ').trim()).toBe(
      "error: no drill with id \"clamshell\" Did you mean clamshells? `itb buckets move clamshells rehab --note 'PT says ok'` moves it.",
    );
    // Near two drills: both named, and no move to copy.
    const two = await run(['buckets', 'move', 'bridge', 'rehab'], { home, now });
    expect(two.stderr.replace(/\s+/g, ' ').trim()).toBe('error: no drill with id "bridge" Did you mean bridges or elevated-bridges? `itb exercises` lists them all.');
    expect(stored().moves).toEqual([]);
  });

  it('suggests the closest id among the drills only the log still holds, too, for an unknown drill', async () => {
    await save((data) => {
      data.sessions.push(buildSession({ startedAt: '2026-02-20T09:00:00Z', baseline: 5, drills: [{ id: 'old-knee-drill', name: 'Old knee drill', scores: [3] }] }));
    });
    const result = await run(['buckets', 'move', 'old-knee-dril', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('no drill with id "old-knee-dril"');
    expect(result.stderr).toContain('Did you mean old-knee-drill');
    expect(stored().moves).toEqual([]);
  });

  it("answers a drill's name, quoted or typed as several words, with the move by its id, moving nothing", async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const cases: [string[], string][] = [
      [['Lateral ankle tilts', 'rehab'], 'error: no drill with id "Lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts rehab` moves it.'],
      [['lateral', 'ankle', 'tilts', 'Avoid'], 'error: no drill with id "lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts avoid` moves it.'],
      // The note goes along, quoted for the shell.
      [['hip', 'hikes', 'avoid', '--note', "knee's sore"], `error: no drill with id "hip hikes" "Hip hikes" has the id hip-hikes: \`itb buckets move hip-hikes avoid --note 'knee'\\''s sore'\` moves it.`],
      // The bucket copied as itb buckets heads it: the move by its first word, with the note.
      [['hip-hikes', 'Avoid', 'for', 'now', '--note', 'sore'], 'error: in a move, the bucket "avoid for now" is written avoid `itb buckets move hip-hikes avoid --note sore` moves Hip hikes there.'],
      [['lateral', 'ankle', 'tilts', 'avoid', 'for', 'now'], 'error: in a move, the bucket "avoid for now" is written avoid `itb buckets move lateral-ankle-tilts avoid` moves Lateral ankle tilts there.'],
      // Words that name no drill, or a bucket too many: what move takes.
      [['clamshells', 'rehab', 'avoid'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 3 words: clamshells rehab avoid For example: `itb buckets move clamshells rehab`. `itb exercises` lists the ids.'],
      [['lateral', 'ankle', 'tiltz', 'rehab'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 4 words: lateral ankle tiltz rehab For example: `itb buckets move clamshells rehab`. `itb exercises` lists the ids.'],
      [['hip-hikez', 'avoid', 'for', 'now'], 'error: itb buckets move takes a drill\'s id and a bucket, and was given 4 words: hip-hikez avoid for now For example: `itb buckets move clamshells avoid`. `itb exercises` lists the ids.'],
    ];
    for (const [words, message] of cases) {
      const result = await run(['buckets', 'move', ...words], { home, now });
      expect(result.code, words.join(' ')).toBe(2);
      expect(said(result.stderr)).toBe(message);
    }
    expect(stored().moves).toEqual([]);
  });

  it('answers a drill\'s name typed as several words before rehab with the move to rehab by its id, as itb was started', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const named = await run(['buckets', 'move', 'lateral', 'ankle', 'tilts', 'Rehab', '--note', 'PT says ok'], { home, now });
    expect(named.code).toBe(2);
    expect(said(named.stderr)).toBe(
      'error: no drill with id "lateral ankle tilts" "Lateral ankle tilts" has the id lateral-ankle-tilts: `itb buckets move lateral-ankle-tilts rehab --note \'PT says ok\'` moves it.',
    );
    // Words that name no drill: both commands to copy run as itb was started, with the library given.
    const library = libraryFile('good.yaml');
    const unknown = await run(['--data', library, 'buckets', 'move', 'no', 'such', 'drill', 'rehab'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(unknown.code).toBe(2);
    expect(said(unknown.stderr)).toBe(
      `error: itb buckets move takes a drill's id and a bucket, and was given 4 words: no such drill rehab ` +
        `For example: \`npx itb --data ${library} buckets move clamshells rehab\`. \`npx itb --data ${library} exercises\` lists the ids.`,
    );
    expect(stored().moves).toEqual([]);
  });

  it('answers words typed after the bucket without --note with the move that keeps them as a note, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const result = await run(['buckets', 'move', 'clamshells', 'Rehab', 'my', 'physio', 'says', 'ok'], { home, now });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: a note goes after --note, in quotes: itb buckets move was given "my physio says ok" after the bucket ' +
        "Did you mean `itb buckets move clamshells rehab --note 'my physio says ok'`?",
    );
    // The drill by its name: the move by its id.
    const named = await run(['buckets', 'move', 'Lateral ankle tilts', 'avoid', 'sore', 'today'], { home, now });
    expect(said(named.stderr)).toContain("Did you mean `itb buckets move lateral-ankle-tilts avoid --note 'sore today'`?");
    expect(stored().moves).toEqual([]);
  });

  it('answers a note of several words typed after --note without quotes with the move that keeps them all, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const result = await run(['buckets', 'move', 'clamshells', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(result.code).toBe(2);
    expect(said(result.stderr)).toBe(
      'error: a note of several words goes in quotes: itb buckets move was given "said so" after the note "PT" ' +
        "Did you mean `itb buckets move clamshells rehab --note 'PT said so'`?",
    );
    const joined = await run(['buckets', 'move', 'clamshells', 'avoid', '--note=sore', 'today'], { home, now });
    expect(said(joined.stderr)).toContain("Did you mean `itb buckets move clamshells avoid --note 'sore today'`?");
    expect(stored().moves).toEqual([]);
  });

  it('mends an id typed with a slip near one drill and an unquoted note in one move to copy, moving nothing', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    const both = await run(['buckets', 'move', 'clamshels', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(both.code).toBe(2);
    expect(said(both.stderr)).toContain("Did you mean `itb buckets move clamshells rehab --note 'PT said so'`?");
    // Near no drill: the example moves to the bucket typed, not the other one.
    const unknown = await run(['buckets', 'move', 'xyzzy', 'rehab', '--note', 'PT', 'said', 'so'], { home, now });
    expect(said(unknown.stderr)).toContain('For example: `itb buckets move clamshells rehab`.');
    expect(stored().moves).toEqual([]);
  });

  it('offers no move with a note when the word before it is no bucket, or a note was given with --note', async () => {
    const said = (stderr: string) => stderr.replace(/\s*\n\s*/g, ' ').trim();
    // "later" is no bucket: a move to copy with it would only be refused in turn.
    const notBucket = await run(['buckets', 'move', 'clamshells', 'later', 'sore', 'today'], { home, now });
    expect(notBucket.code).toBe(2);
    expect(said(notBucket.stderr)).toBe(
      "error: itb buckets move takes a drill's id and a bucket, and was given 4 words: clamshells later sore today " +
        'For example: `itb buckets move clamshells avoid`. `itb exercises` lists the ids.',
    );
    // A note already given with --note: the words after the bucket are not it.
    const withNote = await run(['buckets', 'move', 'clamshells', 'rehab', 'sore', 'today', '--note', 'knee calm'], { home, now });
    expect(withNote.code).toBe(2);
    expect(said(withNote.stderr)).toContain('itb buckets move takes a drill\'s id and a bucket, and was given 4 words: clamshells rehab sore today');
    expect(stored().moves).toEqual([]);
  });

  it('refuses a bucket that does not exist', async () => {
    const result = await run(['buckets', 'move', 'clamshells', 'later'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('"later" is not a bucket: use rehab or avoid');
    // The example to copy runs as itb was started, with the library given.
    const started = await run(['--data', 'my library.yaml', 'buckets', 'move', 'clamshells', 'later'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(started.stderr.replace(/\s+/g, ' ')).toContain(`For example: \`npx itb --data 'my library.yaml' buckets move clamshells avoid --note "sore today"\``);
    // A slip in the bucket's name gets the move to the bucket meant, with the note given.
    const slip = await run(['buckets', 'move', 'clamshells', 'rehb', '--note', 'knee calm'], { home, now });
    expect(slip.code).toBe(2);
    expect(slip.stderr).toBe('error: "rehb" is not a bucket: use rehab or avoid\nDid you mean `itb buckets move clamshells rehab --note \'knee calm\'`?\n');
    expect((await run(['buckets', 'move', 'clamshells', 'aviod'], { home, now })).stderr).toContain('Did you mean `itb buckets move clamshells avoid`?');
  });

  it('answers the bucket "avoid for now" in quotes, as itb buckets heads it, with the move to avoid, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'Lateral ankle tilts', 'Avoid for now', '--note', 'knee sore'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s+/g, ' ').trim()).toBe(
      `error: in a move, the bucket "avoid for now" is written avoid \`itb buckets move lateral-ankle-tilts avoid --note 'knee sore'\` moves it there.`,
    );
    // Copied with the spaces of a line of text between its words: the same answer.
    const spaced = await run(['buckets', 'move', 'clamshells', 'avoid  for\tnow'], { home, now });
    expect(spaced.stderr.replace(/\s+/g, ' ').trim()).toBe('error: in a move, the bucket "avoid for now" is written avoid `itb buckets move clamshells avoid` moves it there.');
    expect(stored().moves).toEqual([]);
  });

  it('answers a move back to untested with the move that says why in its note, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'clamshells', 'Untested'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      'error: a drill cannot be moved back to untested: it stays untested only until a session tests it ' +
        'Put it where you judge right with a note saying why, and the next session that tests it decides again: ' +
        '`itb buckets move clamshells avoid --note "score typed wrong"`. (`itb buckets reset` makes every drill untested.)',
    );
    expect(stored().moves).toEqual([]);
    // The drill as typed, quoted for the shell, so that the move can be copied as it is.
    const spaced = await run(['buckets', 'move', 'clam shells', 'untested'], { home, now });
    expect(spaced.stderr.replace(/\s+/g, ' ')).toContain(`\`itb buckets move 'clam shells' avoid --note "score typed wrong"\``);
    // Both commands as itb was started, with the library given.
    const started = await run(['--data', 'my library.yaml', 'buckets', 'move', 'clamshells', 'untested'], { home, now, env: { npm_lifecycle_event: 'npx' } });
    expect(started.stderr.replace(/\s+/g, ' ')).toContain(
      `\`npx itb --data 'my library.yaml' buckets move clamshells avoid --note "score typed wrong"\`. (\`npx itb --data 'my library.yaml' buckets reset\` makes every drill untested.)`,
    );
  });

  it('gives the move to copy with the drill id when the drill was given by its name and the bucket is not one', async () => {
    // A move by name is refused, so the command offered must name the drill by its id.
    for (const [bucket, move] of [
      ['untested', '`itb buckets move lateral-ankle-tilts avoid --note "score typed wrong"`'],
      ['later', 'For example: `itb buckets move lateral-ankle-tilts avoid --note "sore today"`'],
    ]) {
      const result = await run(['buckets', 'move', 'Lateral ankle tilts', bucket!], { home, now });
      expect(result.code).toBe(2);
      expect(result.stderr.replace(/\s+/g, ' ')).toContain(move);
    }
    expect(stored().moves).toEqual([]);
  });

  it('takes a bucket word given as the drill, before a bucket, as an unknown drill', async () => {
    const result = await run(['buckets', 'move', 'rehab', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')[0]).toBe('error: no drill with id "rehab"');
    expect(result.stderr).not.toContain('the drill comes first');
  });

  it('answers a bucket typed before the drill with the move in its order, moving nothing', async () => {
    const result = await run(['buckets', 'move', 'Avoid', 'clamshells', '--note', "knee's sore"], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.replace(/\s*\n\s*/g, ' ').trim()).toBe(
      `error: "clamshells" is not a bucket: the drill comes first, then the bucket Did you mean \`itb buckets move clamshells avoid --note 'knee'\\''s sore'\`?`,
    );
    expect(stored().moves).toEqual([]);
    // A drill given by its name: the move names it by its id, as a move by name is refused.
    const named = await run(['buckets', 'move', 'rehab', 'Lateral ankle tilts'], { home, now });
    expect(named.stderr.replace(/\s+/g, ' ')).toContain('Did you mean `itb buckets move lateral-ankle-tilts rehab`?');
    // A drill the library does not have, quoted for the shell as typed.
    const unknown = await run(['buckets', 'move', 'avoid', 'my drill'], { home, now });
    expect(unknown.stderr.replace(/\s+/g, ' ')).toContain("Did you mean `itb buckets move 'my drill' avoid`?");
  });

  it("names a therapist's library file, and the command that lists its drills, for a drill neither it nor the log has", async () => {
    const library = libraryFile('good.yaml');
    const result = await run(['--data', library, 'buckets', 'move', 'clamshells', 'avoid'], { home, now });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().replace(/\s*\n\s*/g, ' ')).toBe(
      `error: no drill with id "clamshells" in the exercise library ${library} ` +
        `Did you mean wall-clamshells? \`itb --data ${library} exercises\` lists its drills. The built-in library has it, "Clamshells": \`itb exercises clamshells\` shows it.`,
    );
    expect(stored().moves).toEqual([]);
  });
});
