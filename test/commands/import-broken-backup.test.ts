// A backup that is not JSON, or was edited by hand: where the problem is, in plain words, with its line.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ExportFile } from '../../src/export/schema.js';
import { useBackupHomes } from '../helpers/backup-homes.js';
import { importInto, lineHolding, NOW } from '../helpers/import-backup.js';

const homes = useBackupHomes(NOW);

describe('itb import', () => {
  it('points at the place where a file stops being JSON', async () => {
    const broken = join(homes.target.home, 'broken.json');
    writeFileSync(broken, '{\n  "schemaVersion": 1,\n  "sessions": [oops]\n}\n');
    const result = await importInto(homes.target.home, [broken]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${broken} is not valid JSON at line 3, column 16`);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('says a file with nothing in it is empty, rather than not JSON', async () => {
    for (const [name, content] of [['empty.json', ''], ['blank.json', '\uFEFF \n\n']] as const) {
      const file = join(homes.target.home, name);
      writeFileSync(file, content);
      const result = await importInto(homes.target.home, [file]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`error: ${file} is empty\n`);
    }
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('refuses a backup saved in another encoding, naming the first byte that is not UTF-8', async () => {
    const text = readFileSync(homes.backup, 'utf8');
    const at = text.indexOf('"movement": "') + '"movement": "'.length;
    const edited = join(homes.target.home, 'latin1.json');
    // An editor saving "Café squat" as Latin-1 writes é as the one byte 0xE9.
    writeFileSync(edited, Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from('Caf'), Buffer.from([0xe9]), Buffer.from(` ${text.slice(at)}`)]));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    const line = text.slice(0, at).split('\n').length;
    const col = at - text.lastIndexOf('\n', at - 1) + 3;
    expect(result.stderr.split('\n')[0]).toBe(`error: ${edited} is not UTF-8 text: byte 0xE9 at line ${line}, column ${col}`);
    expect(result.stderr).toContain('Nothing was imported.');
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('lists what is wrong with a backup changed since itb wrote it, and says it is one', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    file.sessions[0].attempts[0].after = 12;
    delete file.settings;
    file.extra = true;
    const wrong = join(homes.target.home, 'wrong.json');
    writeFileSync(wrong, JSON.stringify(file));
    const result = await importInto(homes.target.home, [wrong]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}settings: missing$/m);
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.attempts\.0\.after: must be at most 10, not 12$/m);
    expect(result.stderr).toMatch(/^ {2}extra: unknown field; an itb backup has: schemaVersion, exportedAt, period, settings, sessions, /m);
    expect(result.stderr).toContain(`error: ${wrong} is an itb backup that cannot be read back as it is (3 problems)`);
    expect(result.stderr.replace(/\s+/g, ' ')).toContain('undo the changes made to it since (listed above), or export again.');
    expect(result.stderr).not.toContain('not an itb export');
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('says that JSON with no time a backup was made is not an itb export', async () => {
    const other = join(homes.target.home, 'other.json');
    writeFileSync(other, JSON.stringify({ name: 'my notes', sessions: [] }));
    const result = await importInto(homes.target.home, [other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}exportedAt: missing$/m);
    expect(result.stderr).toContain(`error: ${other} is not an itb export (`);
    expect(result.stderr).toContain('Use a file written by `itb export -o backup.json`.');
  });

  it('says that another program’s export, with a time it was made but no itb export version, is not an itb export', async () => {
    const other = join(homes.target.home, 'other.json');
    writeFileSync(other, JSON.stringify({ exportedAt: '2026-11-01T08:00:00.000Z', sessions: [] }));
    const result = await importInto(homes.target.home, [other]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}schemaVersion: missing$/m);
    expect(result.stderr).toContain(`error: ${other} is not an itb export (`);
    expect(result.stderr).not.toContain('is an itb backup');
  });

  it('names the line of each problem in a backup edited by hand, so that it can be found in a long file', async () => {
    // The backup as itb writes it, each session on a line of its own, edited there in an editor.
    const text = readFileSync(homes.backup, 'utf8');
    const lines = text.split('\n');
    const edit = (id: string, from: RegExp, to: string) => {
      const at = lines.findIndex((line) => line.includes(`{"id":"${id}"`));
      expect(lines[at]).toMatch(from);
      lines[at] = lines[at]!.replace(from, to);
      return at + 1;
    };
    const scored = edit('session-three', /"after":\d+/, '"after":11');
    const unnamed = edit('session-two', /"routine":"[^"]*",/, '');
    const misspelt = edit('session-one', /"startedAt"/, '"startedat"');
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, lines.join('\n'));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toContain(`  sessions.0.startedat (line ${misspelt}): unknown field; a session has: id, startedAt, endedAt, status, routine, side, symptom, movement, thresholds, loading, baseline, attempts, results`);
    // A field taken out is shown on the line of the session that lacks it.
    expect(problems).toContain(`  sessions.0.startedAt (line ${misspelt}): missing`);
    expect(problems).toContain(`  sessions.1.routine (line ${unnamed}): missing`);
    expect(problems).toContain(`  sessions.2.attempts.0.after (line ${scored}): must be at most 10, not 11`);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('names the line of a problem in a backup an editor laid out afresh, one field a line', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    file.sessions[1]!.attempts[1]!.after = 11;
    const text = JSON.stringify(file, null, 2);
    const edited = join(homes.target.home, 'laid-out.json');
    writeFileSync(edited, text);
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(new RegExp(`^ {2}sessions\\.1\\.attempts\\.1\\.after \\(line ${lineHolding(text, '"after": 11')}\\): must be at most 10, not 11$`, 'm'));
  });

  it('says how a day of the period is written when one was written another way', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8')) as ExportFile;
    file.period = { since: '15/10/2026', until: null };
    const edited = join(homes.target.home, 'period.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}period\.since: must be a day such as 2026-11-20, not "15\/10\/2026"$/m);
    expect(result.stderr).not.toContain('expected way');
  });

  it('names each field it does not know where it stands, with the fields that belong there', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    // Hand edits: a misspelt time, a field of another program, one with a space in its name.
    file.sessions[1].startedat = file.sessions[1].startedAt;
    file.sessions[1].results[0].comment = 'felt good';
    file.settings['flare rise'] = 4;
    file.screenings[0].answers.fall = true;
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toEqual([
      '  settings: unknown field "flare rise"; settings have: minImprovement, flareRise, retestAfterDays, side, symptom, movement',
      '  sessions.1.results.0.comment: unknown field; a result has: exerciseId, name, outcome, flare, at',
      '  sessions.1.startedat: unknown field; a session has: id, startedAt, endedAt, status, routine, side, symptom, movement, thresholds, loading, baseline, attempts, results',
      '  screenings.0.answers.fall: unknown field; the questions are: recent-injury, swelling, locking-or-giving-way, numbness-or-tingling, fever-or-unwell, night-or-rest-pain',
    ]);
    expect(result.stderr).toContain(`error: ${edited} is an itb backup that cannot be read back as it is (4 problems)`);
    expect(result.stderr).not.toMatch(/Unrecognized/);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('refuses thresholds outside the method\'s ranges, where every unchanged score would count as helping or any rise as a flare-up', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    file.settings.minImprovement = 0;
    file.sessions[0].thresholds.flareRise = 1;
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    const problems = result.stderr.split('\n').filter((line) => line.startsWith('  '));
    expect(problems).toEqual([expect.stringMatching(/^  settings\.minImprovement/), expect.stringMatching(/^  sessions\.0\.thresholds\.flareRise/)]);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('names the fields of an attempt and of a manual move beside a field they do not have', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    file.sessions[1].attempts[0].comment = 'slowly';
    file.moves[0].reason = 'sore';
    const edited = join(homes.target.home, 'edited.json');
    writeFileSync(edited, JSON.stringify(file));
    const result = await importInto(homes.target.home, [edited]);
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n').filter((line) => line.startsWith('  '))).toEqual([
      '  sessions.1.attempts.0.comment: unknown field; an attempt has: exerciseId, attempt, before, after, verdict, at, holds',
      '  moves.0.reason: unknown field; a manual move has: exerciseId, bucket, note, at',
    ]);
  });

  it('says in plain words when the file is a list, not a backup', async () => {
    const list = join(homes.target.home, 'list.json');
    writeFileSync(list, '[]');
    const result = await importInto(homes.target.home, [list]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}\(file\): an itb backup is a set of fields, not a list$/m);
    expect(result.stderr).not.toMatch(/expected|received/i);
  });

  it('refuses a movement longer than itb takes when it is typed', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    file.sessions[2].movement = 'x'.repeat(100_000);
    const tampered = join(homes.target.home, 'long.json');
    writeFileSync(tampered, JSON.stringify(file));
    const result = await importInto(homes.target.home, [tampered]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^ {2}sessions\.2\.movement: must be at most 200 characters/m);
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });

  it('refuses text with control characters, which could rewrite a terminal screen, and says where', async () => {
    const file = JSON.parse(readFileSync(homes.backup, 'utf8'));
    file.sessions[0].movement = 'squat\u001b[2J';
    file.sessions[0].results[0].name = 'Clams\u202Ehells';
    const tampered = join(homes.target.home, 'tampered.json');
    writeFileSync(tampered, JSON.stringify(file));
    const result = await importInto(homes.target.home, [tampered]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('holds text with control characters (2 fields)');
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.movement: holds a control character \(U\+001B\)$/m);
    expect(result.stderr).toMatch(/^ {2}sessions\.0\.results\.0\.name: holds a control character \(U\+202E\)$/m);
    expect(result.stderr).not.toContain('\u001b[2J');
    expect(existsSync(join(homes.target.home, 'store.json'))).toBe(false);
  });
});
