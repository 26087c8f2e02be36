// Columns, not characters: what a terminal shows is what the layout measures.
import { Chalk } from 'chalk';
import { describe, expect, it } from 'vitest';
import { hangingName, hangingPacked, namePacked, packed, table } from '../../src/ui/table.js';
import { fitName, truncate, width } from '../../src/ui/width.js';
import { nameLines, wrap, wrapName, wrapUnder } from '../../src/ui/wrap.js';

const red = new Chalk({ level: 1 }).red;

describe('width', () => {
  it.each([
    ['plain ASCII', 'Clamshells', 10],
    ['colour codes take no room', red('helped'), 6],
    ['the signs itb uses are one column each', '−2 · … → ▁▇', 11],
    ['a letter with an accent typed as two code points', 'Pe\u0301rez', 5],
    ['Japanese: two columns a character', '足首の前後揺らし', 16],
    ['full-width brackets', '（黄色）', 8],
    ['Korean', '스트레칭', 8],
    ['an emoji shown as a picture', '🦵 leg', 6],
    ['a zero-width joiner takes none', 'a\u200db', 2],
  ])('%s', (_what, text, columns) => {
    expect(width(text)).toBe(columns);
  });
});

describe('cutting to fit', () => {
  it('truncate counts columns and never splits a wide character', () => {
    expect(truncate('足首の前後揺らし', 8)).toBe('足首の…');
    expect(width(truncate('足首の前後揺らし', 8))).toBeLessThanOrEqual(8);
    expect(truncate('足首の前後揺らし', 16)).toBe('足首の前後揺らし');
    expect(truncate('Ankle rocks', 6)).toBe('Ankle…');
    // An emoji is two code units: a cut never leaves half of one.
    expect(truncate('🦵🦵🦵🦵', 6)).toBe('🦵🦵…');
  });

  it('fitName drops the note in brackets first, then words, by columns', () => {
    expect(fitName('Hip hikes (slow)', 9)).toBe('Hip hikes');
    expect(fitName('Side-lying hip abduction', 16)).toBe('Side-lying hip…');
    expect(fitName('横向き 股関節外転 ゆっくり', 20)).toBe('横向き 股関節外転…');
    expect(width(fitName('横向きに寝て両膝の上にバンドを巻いた股関節外転', 20))).toBeLessThanOrEqual(20);
    // A short first word is still a whole word: better than a cut through the next.
    expect(fitName('Ab crunches with a band', 10)).toBe('Ab…');
  });

  it('fitName keeps a whole name, its note in brackets too, when it is as wide as the columns or less', () => {
    expect(fitName('Clamshell (band above knees)', 28)).toBe('Clamshell (band above knees)');
    expect(fitName('Clamshell (band above knees)', 80)).toBe('Clamshell (band above knees)');
    expect(fitName('Clamshell (band above knees)', 27)).toBe('Clamshell');
  });

  it('wrap cuts a long word without spaces into pieces that fit, losing nothing', () => {
    const text = 'ハーフマラソン後の数週間のためのクリニックの計画（階段では特に注意して行うこと）';
    const lines = wrap(text, 30, '  ');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) expect(width(line)).toBeLessThanOrEqual(30);
    expect(lines.map((line) => line.slice(2)).join('')).toBe(text);
  });

  it('wrap keeps a change of score ("4 → 8") on one line, coloured or not', () => {
    expect(wrap('✗ Your tightness went up: 4 → 8. That is a flare-up.', 30)).toEqual(['✗ Your tightness went up:', '4 → 8. That is a flare-up.']);
    const bold = (text: string) => `\x1b[1m${text}\x1b[22m`;
    expect(wrap(`tightness during single-leg squat: ${bold('10 → 10')}`, 40, '  ')).toEqual(['  tightness during single-leg squat:', `  ${bold('10 → 10')}`]);
    // Words on either side of an arrow are not a score: they break as any words do.
    expect(wrap('Lateral ankle tilts: untested → rehab', 30)).toEqual(['Lateral ankle tilts: untested', '→ rehab']);
    // In a note in brackets kept whole where it fits ('all'), but too long for a line: broken between its words.
    expect(wrap('Clamshells (its test went 4 → 8 on the second try, a flare-up)', 30, '', 'all')).toEqual([
      'Clamshells (its test went',
      '4 → 8 on the second try, a',
      'flare-up)',
    ]);
  });

  it('wrap cuts a long word after a hyphen where it has one', () => {
    expect(wrap('hip-external-rotation-extension', 30, '      ')).toEqual(['      hip-external-rotation-', '      extension']);
    expect(wrap('opposite-scapular-camshafts', 30, '      ')).toEqual(['      opposite-scapular-', '      camshafts']);
    // A hyphen just after the first letter counts too.
    expect(wrap('t-spineopenersandthoracicrotations', 20)).toEqual(['t-', 'spineopenersandthora', 'cicrotations']);
  });

  it('wrap cuts a coloured word too long for a line, each piece in its colour', () => {
    const dim = (text: string) => `\x1b[2m${text}\x1b[22m`;
    const lines = wrap(`${dim('hip-external-rotation-extension')} · hip`, 30, '      ');
    expect(lines).toEqual([`      ${dim('hip-external-rotation-')}`, `      ${dim('extension')} · hip`]);
    const nested = `\x1b[1mab\x1b[2mcdefghijklmnopqrstuvwxyz\x1b[22m\x1b[22m`;
    expect(wrap(nested, 50, ' '.repeat(30))).toEqual([
      `${' '.repeat(30)}\x1b[1mab\x1b[2mcdefghijklmnopqrst\x1b[22m\x1b[22m`,
      `${' '.repeat(30)}\x1b[1m\x1b[2muvwxyz\x1b[22m\x1b[22m`,
    ]);
  });

  it('wrap keeps the fixed terms a break would make misleading on one line, at every width, with plain spaces', () => {
    const bold = (text: string) => `\x1b[1m${text}\x1b[22m`;
    const said: [string, string[]][] = [
      // "now (1 drill)" at a line's start reads as a sentence of its own.
      ['Emptied rehab (2 drills) and avoid for now (1 drill): every drill is untested again.', ['avoid for now']],
      ['Moved Clamshells to rehab (was: avoid for now).', ['avoid for now']],
      ['Hip hikes is already in avoid for now by your choice. Nothing was changed.', ['avoid for now']],
      // "2 set" reads as sets done; "for no" alone as no answer.
      ['Knee circles: 2 set aside after one careful retry each.', ['set aside']],
      ['Do you have a fever or feel generally unwell? Type y for yes or n for no: ', ['y for yes', 'n for no']],
      // "right" alone reads as "correct"; "due" alone names nothing. Colour codes change nothing.
      ['Hip hikes: last tested 2026-11-01, all 3 with the right side painful', ['right side painful']],
      [`Monster walks · re-test ${bold('due')} (since 2026-11-01) (left side painful)`, ['re-test due', '(left side painful)']],
    ];
    const plain = (text: string) => text.replace(/\x1b\[[\d;]*m/g, '');
    for (const [text, terms] of said) {
      for (let columns = 20; columns <= 80; columns++) {
        const lines = wrap(text, columns);
        // Nothing added or taken: the same text, the same plain spaces.
        expect(lines.join(' ')).toBe(text.trimEnd());
        for (const term of terms) expect(lines.some((line) => plain(line).includes(term)), `${term} at ${columns}`).toBe(true);
      }
    }
    // Where each broke before.
    expect(wrap('Emptied rehab (2 drills) and avoid for now (1 drill): every drill is untested again.', 40)).toEqual([
      'Emptied rehab (2 drills) and',
      'avoid for now (1 drill): every drill is',
      'untested again.',
    ]);
    expect(wrap('Moved Clamshells to rehab (was: avoid for now).', 42)).toEqual(['Moved Clamshells to rehab (was:', 'avoid for now).']);
    // Ordinary words still break anywhere: "plan for now" is no term.
    expect(wrap('Do the gentler plan for now and the strength drills another day.', 24)).toEqual(['Do the gentler plan for', 'now and the strength', 'drills another day.']);
  });

  it('a table lines up a column after wide names', () => {
    const lines = table([
      ['足首の前後揺らし', 'ankle-rocks'],
      ['Clamshells', 'clamshells'],
    ]);
    const before = (line: string, id: string) => width(line.slice(0, line.indexOf(id)));
    expect(before(lines[0]!, 'ankle-rocks')).toBe(before(lines[1]!, 'clamshells'));
    expect(before(lines[1]!, 'clamshells')).toBe(18);
  });

  it('a table given the most a column may take wraps a longer cell at spaces, its further lines indented', () => {
    const lines = table(
      [
        ['name', 'id'],
        ['Hip CARs (controlled articular rotations)', 'hip-cars'],
        ['Bridges', 'bridges'],
      ],
      { most: [20] },
    );
    expect(lines).toEqual([
      'name                  id',
      'Hip CARs (controlled  hip-cars',
      '  articular',
      '  rotations)',
      'Bridges               bridges',
    ]);
  });

  it('a table with no limits lays out as before: every cell whole on one line', () => {
    expect(table([['Hip CARs (controlled articular rotations)', 'hip-cars'], ['Bridges', 'bridges']])).toEqual([
      'Hip CARs (controlled articular rotations)  hip-cars',
      'Bridges                                    bridges',
    ]);
  });

  it('wrapUnder puts the lines after the first two columns in, within the columns, and keeps some room however few they are', () => {
    expect(wrapUnder('pain during walking down the long hill', 20)).toEqual(['pain during walking', '  down the long hill']);
    // As wrap does: 20 columns for the text at the least, however little the columns leave.
    expect(wrapUnder('pain during walking down the long hill', 12)).toEqual(['pain during walking', '  down the long hill']);
  });
});

describe('names broken over lines', () => {
  const lift = 'Hip external rotation with extension (90/90 hip lift)';

  it('break between words but never inside a note in brackets, which reads as one thing', () => {
    expect(nameLines(lift, 44)).toEqual(['Hip external rotation with extension', '(90/90 hip lift)']);
    expect(nameLines('Hip CARs (controlled articular rotations)', 34, 32)).toEqual(['Hip CARs', '(controlled articular rotations)']);
    expect(nameLines('Isometric glute holds (wall press) (loading)', 30)).toEqual(['Isometric glute holds', '(wall press) (loading)']);
    // A note too long for a line leaves the breaking to the caller; a long word is cut, as wrap cuts it.
    expect(nameLines('Hip CARs (controlled articular rotations)', 34, 30)).toBeUndefined();
    expect(nameLines('Hip hikes-and-dips-on-a-step', 12)).toEqual(['Hip', 'hikes-and-', 'dips-on-a-', 'step']);
    // A long word is cut to the narrower of the first line and the rest, so that each piece fits either.
    expect(nameLines('Lateral band-walks-with-squat', 16, 14)).toEqual(['Lateral', 'band-walks-', 'with-squat']);
    // What follows a note with no space before it stays with it, as written.
    expect(nameLines('Isometric glute holds (wall press), easy', 30)).toEqual(['Isometric glute holds', '(wall press), easy']);
  });

  it('wrap, pack and hang as the other texts do, broken as names', () => {
    expect(wrapName(lift, 44, '  ')).toEqual(['  Hip external rotation with extension', '  (90/90 hip lift)']);
    expect(namePacked(lift, ['hip-external-rotation-extension · hip'], 50, '  ')).toEqual(['  Hip external rotation with extension', '  (90/90 hip lift)', '  hip-external-rotation-extension · hip']);
    expect(hangingName('   2. ', lift, ['hip-external-rotation-extension · hip'], 50)).toEqual([
      '   2. Hip external rotation with extension',
      '      (90/90 hip lift)',
      '      hip-external-rotation-extension · hip',
    ]);
    // Beside what follows while they fit one line, as packed.
    expect(hangingName('   1. ', 'Hip CARs (controlled articular rotations)', ['hip-cars · hip'], 64)).toEqual(['   1. Hip CARs (controlled articular rotations)  hip-cars · hip']);
    // A note too long for a line: broken by words, as wrap breaks any text.
    expect(wrapName('Hip CARs (controlled articular rotations)', 30)).toEqual(wrap('Hip CARs (controlled articular rotations)', 30));
    // As wrap does, it keeps some room for the name however little the columns leave.
    expect(wrapName('Clamshells (band)', 12, '    ')).toEqual(['    Clamshells (band)']);
    expect(wrap('Clamshells band', 12, '    ')).toEqual(['    Clamshells band']);
  });

  it('a table keeps a note in brackets whole in a cell too long for its column', () => {
    expect(table([['name', 'id'], [lift, 'hip-external-rotation-extension']], { most: [40] })).toEqual([
      `${'name'.padEnd(40)}  id`,
      `${'Hip external rotation with extension'.padEnd(40)}  hip-external-rotation-extension`,
      '  (90/90 hip lift)',
    ]);
    expect(table([['Lateral thigh foam rolling (light pressure)']], { most: [38] })).toEqual(['Lateral thigh foam rolling', '  (light pressure)']);
  });
});

describe('hangingPacked', () => {
  it('keeps the parts on the marker\'s line while they fit, then puts the next one under the first', () => {
    expect(hangingPacked('   2. ', ['Hip CARs', 'hip-cars · hip'])).toEqual(['   2. Hip CARs  hip-cars · hip']);
    const name = 'Hip external rotation with extension (90/90 hip lift)';
    expect(hangingPacked('   2. ', [name, 'hip-external-rotation-extension · hip'])).toEqual([`   2. ${name}`, '      hip-external-rotation-extension · hip']);
  });

  it('keeps a command in backquotes on one line while it fits one, else breaks it between words', () => {
    expect(wrap('Nothing yet. Run `itb session joint-chain` to start your first one.', 30)).toEqual(['Nothing yet. Run', '`itb session joint-chain` to', 'start your first one.']);
    expect(wrap('(`itb exercises clamshells` shows it)', 30)).toEqual(['(`itb exercises clamshells`', 'shows it)']);
    const long = wrap("Then `itb --data '/Users/me/My PT/routines.yaml' session rehab` runs it.", 34);
    expect(long).toEqual(['Then `itb --data', "'/Users/me/My PT/routines.yaml'", 'session rehab` runs it.']);
    for (const line of long) expect(width(line)).toBeLessThanOrEqual(34);
    // Broken, a command keeps -o with the file name after it: "-o" ending a line reads as a stray dash.
    const hint = 'To write a file, put -o before its name: `itb export -o knee-report.html`';
    expect(wrap(hint, 30)).toEqual(['To write a file, put -o before', 'its name: `itb export', '-o knee-report.html`']);
    expect(wrap("Then `itb export --force -o 'knee report.html'` writes it.", 30)).toEqual(['Then `itb export --force', "-o 'knee report.html'` writes", 'it.']);
    // A word of a command longer than the line stands alone, whole: cut, it would copy as two words.
    expect(wrap('Then `itb --data /home/me/physio/my-own-routines.yaml buckets` shows them.', 30)).toEqual([
      'Then `itb --data',
      '/home/me/physio/my-own-routines.yaml',
      'buckets` shows them.',
    ]);
    // So does a path in the text, and a web address: to copy, as much as to read.
    expect(wrap('The store /home/me/.config/itb-nodejs/store.json belongs to root.', 30)).toEqual(['The store', '/home/me/.config/itb-nodejs/store.json', 'belongs to root.']);
    expect(wrap('Open C:\\Users\\me\\AppData\\Roaming\\itb-nodejs\\Config to see it.', 30)).toEqual(['Open', 'C:\\Users\\me\\AppData\\Roaming\\itb-nodejs\\Config', 'to see it.']);
    // A word that only holds a slash is no path: cut as any other.
    expect(wrap('Named <script>alert(1)</script>here', 20)).toEqual(['Named', '<script>alert(1)</sc', 'ript>here']);
    // A long word of the text around it is still cut, after a hyphen.
    expect(wrap('Typed as hip-external-rotation-extension-on-the-floor, then `itb buckets` shows it.', 30)).toEqual([
      'Typed as',
      'hip-external-rotation-',
      'extension-on-the-floor, then',
      '`itb buckets` shows it.',
    ]);
  });

  it('keeps a short note in brackets whole, so that a number in it does not begin a line of its own', () => {
    expect(wrap('Rate your tightness now (before: 6):', 30)).toEqual(['Rate your tightness now', '(before: 6):']);
    expect(wrap('Type a number from 1 to 3 (Enter alone: 1):', 40)).toEqual(['Type a number from 1 to 3', '(Enter alone: 1):']);
    expect(wrap('Rate your tightness now \x1b[2m(before: 6)\x1b[22m:', 30)).toEqual(['Rate your tightness now', '\x1b[2m(before: 6)\x1b[22m:']);
    expect(wrap('Rate your pain now \x1b[2m(before: 6)\x1b[22m:', 28)).toEqual(['Rate your pain now', '\x1b[2m(before: 6)\x1b[22m:']);
    // A longer note is broken between its words, as any text.
    expect(wrap('Rate it (0 = none, 10 = worst imaginable):', 30)).toEqual(['Rate it (0 = none, 10 = worst', 'imaginable):']);
    expect(wrap('Rate it now (before the first try: 6):', 30)).toEqual(['Rate it now (before the first', 'try: 6):']);
    // Too long to keep whole, a note keeps its last number with the word before it: never "4): 5" at a line's start.
    expect(wrap('Rate your pain now (before the first try: 4): 5', 24, '', 'all')).toEqual(['Rate your pain now', '(before the first', 'try: 4): 5']);
    expect(wrap('Rate your pain now \x1b[2m(before the first try: 4)\x1b[22m: 5', 24, '', 'all')).toEqual(['Rate your pain now', '\x1b[2m(before the first', 'try: 4)\x1b[22m: 5']);
    // A score of 10 too: "10): 9" would begin a line as well.
    expect(wrap('Rate your pain now (before the first try: 10): 9', 24, '', 'all')).toEqual(['Rate your pain now', '(before the first', 'try: 10): 9']);
  });

  it('keeps a number and its unit on one line, in a note too long to keep whole as well', () => {
    expect(wrap('Hold 1 of 6 · set 1, first side: 30 s, starting now.', 36)).toEqual(['Hold 1 of 6 · set 1, first side:', '30 s, starting now.']);
    expect(wrap('Dose: 3 sets × hold 30 s per side, then rest 2 min', 23)).toEqual(['Dose: 3 sets × hold', '30 s per side, then', 'rest 2 min']);
    expect(wrap('Hold it (on each side, as long as 45 s at the most):', 33)).toEqual(['Hold it (on each side, as long as', '45 s at the most):']);
    expect(wrap('Hold it (on each side, as long as 45 s at the most):', 36)).toEqual(['Hold it (on each side, as long as', '45 s at the most):']);
    // A note wider than the line, as a question in a plain terminal keeps notes: broken, its measure still whole.
    expect(wrap('Hold it (on each side, as long as 45 s at the most):', 36, '', 'all')).toEqual(['Hold it (on each side, as long as', '45 s at the most):']);
    // A word that only starts like a unit is no unit.
    expect(wrap('Then do 3 sets of 10 slow reps.', 20)).toEqual(['Then do 3 sets of 10', 'slow reps.']);
  });

  it("keeps a long note in brackets whole where it fits a line, when told to ('all')", () => {
    expect(wrap('Go on with the next drill? (Say no to stop here for today.) Type y for yes or n for no:', 40, '', 'all')).toEqual([
      'Go on with the next drill?',
      '(Say no to stop here for today.) Type',
      'y for yes or n for no:',
    ]);
    expect(wrap('Rate your pain (0 = none, 10 = worst imaginable):', 40, '', 'all')).toEqual(['Rate your pain', '(0 = none, 10 = worst imaginable):']);
    // Too long for a line, it is broken between its words, as any text.
    expect(wrap('Rate it (0 = none, 10 = worst imaginable):', 30, '', 'all')).toEqual(['Rate it (0 = none, 10 = worst', 'imaginable):']);
  });

  it('keeps a file name quoted for the shell on one line, and an apostrophe is no quote', () => {
    const lines = wrap("Run `itb --data '/Users/me/My PT/routines.yaml' session` to start; it doesn't take long.", 40);
    expect(lines).toEqual(['Run `itb --data', "'/Users/me/My PT/routines.yaml' session`", "to start; it doesn't take long."]);
  });

  it('never ends a line with a separating "·": it goes on with the word after it', () => {
    const id = 'lateral-thigh-foam-rolling-lightly-xx';
    expect(hangingPacked('   5. ', ['Foam rolling', `${id} · thigh`], 46)).toEqual(['   5. Foam rolling', `      ${id}`, '      · thigh']);
    expect(wrap('helped 3 of 4 · mean −1 · last −2', 24)).toEqual(['helped 3 of 4 · mean −1', '· last −2']);
  });

  it('keeps parts on one line when they fill it exactly', () => {
    expect(packed(['helped 3 of 4', 'mean −1'], 23)).toEqual(['helped 3 of 4 · mean −1']);
    expect(packed(['helped 3 of 4', 'mean −1', 'last −2'], 23)).toEqual(['helped 3 of 4 · mean −1', 'last −2']);
  });

  it('breaks a part too long for a line as it is told to: wrapName keeps its note in brackets whole where the note fits a line', () => {
    const parts = ['helped 157 of 161 (4 on the retry)', 'mean −1'];
    expect(packed(parts, 26)).toEqual(['helped 157 of 161 (4 on', 'the retry)', 'mean −1']);
    expect(packed(parts, 26, '', ' · ', wrapName)).toEqual(['helped 157 of 161', '(4 on the retry)', 'mean −1']);
    // A note longer than a line breaks between words all the same.
    expect(packed(['22 flares (the last one on 2026-11-02, at home)'], 26, '', ' · ', wrapName)).toEqual(['22 flares (the last one on', '2026-11-02, at home)']);
  });

  it('gives text 20 columns at the least, however deep its indent', () => {
    const indent = ' '.repeat(70);
    expect(wrap('one two three four five six', 80, indent)).toEqual([`${indent}one two three four`, `${indent}five six`]);
    expect(packed(['a', 'b'], 80, ' '.repeat(78))).toEqual([`${' '.repeat(78)}a · b`]);
  });
});
