// The help after each command's options, laid out to the terminal when it is shown.
import { describe, expect, it } from 'vitest';
import { choiceOption, fitLine, helpAfter } from '../../src/commands/help.js';
import { shellPath, shellWord, unsetVariable, withVariable } from '../../src/shell-word.js';
import { asOnWindows } from '../helpers/as-on-windows.js';
import { libraryFile } from '../helpers/libraries.js';
import { SHOWN_PROBLEMS } from '../../src/library/problems.js';
import { run } from '../helpers/run.js';
import { onTerminal } from '../helpers/terminal.js';

describe('fitLine', () => {
  it('breaks a paragraph between words, going on under its start', () => {
    expect(fitLine('one two three four five', 10)).toEqual(['one two', 'three four', 'five']);
  });

  it('goes on two columns further under an indented line (a JSON shape), or as far as asked', () => {
    expect(fitLine('  { id, name, steps }', 12)).toEqual(['  { id,', '    name,', '    steps }']);
    expect(fitLine('      a short line', 12, 6)).toEqual(['      a', '      short', '      line']);
  });

  it('keeps the spaces between words where the line goes on, and a word longer than the room whole', () => {
    expect(fitLine('FILE:LINE:COL  path  message', 80)).toEqual(['FILE:LINE:COL  path  message']);
    expect(fitLine('see schema/itb-export.schema.json now', 12)).toEqual(['see', 'schema/itb-export.schema.json', 'now']);
  });

  it('keeps a command in backquotes whole on one line, so that it can be copied; a stray backquote inside a word glues nothing', () => {
    expect(fitLine('Did you mean --force? `itb buckets reset --help` shows what it takes.', 40)).toEqual([
      'Did you mean --force?',
      '`itb buckets reset --help` shows what it',
      'takes.',
    ]);
    expect(fitLine("error: unknown command 'bu`ckets' typed here today", 20)).toEqual(['error: unknown', "command 'bu`ckets'", 'typed here today']);
  });

  it('keeps a short option with its value, and never starts a line with a lone "-", which would read as a list item', () => {
    const note = 'add --force. -o - is the screen, as with most tools (a file named - is -o ./-).';
    // Where the plain rule broke "-o | - is the screen" and "named | - is -o | ./-)".
    for (const columns of [20, 30, 45, 50, 53, 60, 77]) {
      const lines = fitLine(note, columns);
      expect(lines.join(' ')).toBe(note);
      expect(lines.filter((line) => /^- |(^| )-[a-z]$/.test(line))).toEqual([]);
    }
    expect(fitLine(note, 50)).toEqual(['add --force. -o - is the screen, as with most', 'tools (a file named - is -o ./-).']);
    expect(fitLine('a file named - is', 13)).toEqual(['a file', 'named - is']);
  });
});

describe('helpAfter', () => {
  const help = helpAfter(
    [
      ['itb buckets', 'your rehab routine'],
      ['itb export -o report.html', 'a page for your therapist'],
    ],
    'Files are readable by you only.\n  { id }',
  );

  it('puts the examples side by side when every one fits, then the notes', async () => {
    expect(await onTerminal(80, async () => help())).toBe(
      '\nExamples:\n  $ itb buckets                your rehab routine\n  $ itb export -o report.html  a page for your therapist\n\nFiles are readable by you only.\n  { id }\n',
    );
  });

  it('puts each description under its command when one does not fit', async () => {
    const narrow = await onTerminal(40, async () => help());
    expect(narrow).toContain('  $ itb export -o report.html\n      a page for your therapist\n');
    expect(narrow).toContain('  $ itb buckets\n      your rehab routine\n');
  });

  it('keeps an example side by side when it fills the line exactly', async () => {
    const exact = await onTerminal(40, async () => helpAfter([['itb x', 'a'.repeat(29)]])());
    expect(exact).toBe(`\nExamples:\n  $ itb x  ${'a'.repeat(29)}\n`);
  });

  it('leaves out blank lines around the notes', async () => {
    const padded = await onTerminal(80, async () => helpAfter([['itb x', 'y']], '\n\nA note.\n\n')());
    expect(padded).toBe('\nExamples:\n  $ itb x  y\n\nA note.\n');
  });

  it('goes on with a long description under its own start, below the command', async () => {
    const long = await onTerminal(30, async () => helpAfter([['itb history', 'every session you have rated so far, newest first']])());
    expect(long).toBe('\nExamples:\n  $ itb history\n      every session you have\n      rated so far, newest\n      first\n');
  });

  it('breaks a long example command between options, each with its value, so that it still runs', async () => {
    const long = await onTerminal(30, async () => helpAfter([['itb export --since 2026-11-01 -o report.html', 'a month']])());
    expect(long).toBe('\nExamples:\n  $ itb export \\\n        --since 2026-11-01 \\\n        -o report.html\n      a month\n');
    // A word after an option's value is not part of it, nor is an option after one without a value.
    const words = await onTerminal(30, async () => helpAfter([['itb import --data ./store.json backup.json', 'x']])());
    expect(words).toBe('\nExamples:\n  $ itb import \\\n        --data ./store.json \\\n        backup.json\n      x\n');
    const quoted = await onTerminal(30, async () => helpAfter([['itb session --movement "slow step down"', 'x']])());
    // Too long for a line together, an option and its value take a line each, rather than one the
    // terminal breaks inside the value.
    expect(quoted).toBe('\nExamples:\n  $ itb session --movement \\\n        "slow step down"\n      x\n');
    const flag = await onTerminal(30, async () => helpAfter([['itb export --force -o report.html', 'x']])());
    expect(flag).toBe('\nExamples:\n  $ itb export --force \\\n        -o report.html\n      x\n');
  });

  it('on Windows, ends each line but the last with PowerShell\'s backquote, which goes on to the next as sh\'s "\\" does', async () => {
    asOnWindows();
    const long = await onTerminal(30, async () => helpAfter([['itb export --since 2026-11-01 -o report.html', 'a month']])());
    expect(long).toBe('\nExamples:\n  $ itb export `\n        --since 2026-11-01 `\n        -o report.html\n      a month\n');
  });
});

describe('a help on a narrow terminal', () => {
  it('goes on with a long usage line under the command, after "Usage: "', async () => {
    const help = (await onTerminal(36, () => run(['session', '--help']))).stdout;
    expect(help.startsWith('Usage: itb session [options]\n       [routine]\n')).toBe(true);
  });

  it('keeps each option beside its description while the description has 30 columns, and puts it under below that', async () => {
    // "--symptom <symptom>" is the longest term: 19 columns, 2 before it and 2 after.
    const wide = (await onTerminal(53, () => run(['session', '--help']))).stdout;
    expect(wide).toMatch(/^ {2}--symptom <symptom> {2}what you rate/m);
    const narrow = (await onTerminal(52, () => run(['session', '--help']))).stdout;
    expect(narrow).toMatch(/^ {2}--symptom <symptom>\n {6}what you rate/m);
  });

  it('keeps "avoid for now" and "set aside" whole on a line, beside an option or under it, at every width', async () => {
    for (let columns = 30; columns <= 80; columns++) {
      for (const argv of [['--help'], ['buckets', '--help'], ['history', '--help'], ['session', '--help']]) {
        const help = (await onTerminal(columns, () => run(argv))).stdout;
        // "now" at a line's start reads as a sentence of its own; "set" at a line's end as sets done.
        expect(help, `itb ${argv.join(' ')} at ${columns}`).not.toMatch(/avoid( for)?\n *(for )?now|set\n *aside/);
      }
    }
    // Where `itb --help` broke them beside the command, and under it.
    expect((await onTerminal(75, () => run(['--help']))).stdout).toMatch(/^ {2}buckets \[options\] +what helps \(rehab\), what to\n +avoid for now, and what is untested/m);
    expect((await onTerminal(30, () => run(['--help']))).stdout).toContain('\n      avoid for now\n');
  });

  it('keeps a command in backquotes whole beside an argument, as under it', async () => {
    const help = (await onTerminal(53, () => run(['import', '--help']))).stdout;
    expect(help).toMatch(/^ {2}file +a file written by\n +`itb export -o backup.json`$/m);
  });
});

describe('choiceOption', () => {
  it('takes a value typed in any case, with spaces around it', () => {
    const side = choiceOption('--side <side>', 'your painful side', ['left', 'right', 'both']);
    expect(side.parseArg?.(' Left ', undefined)).toBe('left');
    expect(side.parseArg?.('BOTH', undefined)).toBe('both');
    expect(() => side.parseArg?.('middle', undefined)).toThrow('"middle" is not a valid side: use left, right or both');
  });
});

describe('a --json shape in a help', () => {
  it('says that exercises with an id prints that drill alone, as it does, not a list of one', async () => {
    const help = (await run(['exercises', '--help'])).stdout.replace(/\s+/g, ' ');
    expect(help).toContain('With --json, prints [drill], or with an ID that drill alone (not in a list)');
    const one = JSON.parse((await run(['exercises', 'clamshells', '--json'])).stdout);
    expect(Array.isArray(one)).toBe(false);
    expect(one.id).toBe('clamshells');
    expect(Array.isArray(JSON.parse((await run(['exercises', '--json'])).stdout))).toBe(true);
  });
});

describe('the numbers and examples a help gives', () => {
  const helpOf = async (...command: string[]) => (await run([...command, '--help'])).stdout.replace(/\s+/g, ' ');

  it('gives how many sessions itb history lists when not told, in its option and its example', async () => {
    const help = await helpOf('history');
    expect(help).toContain('list only the newest sessions (text: 20 unless --all)');
    expect(help).toContain('$ itb history your 20 latest sessions and the trends of your scores');
  });

  it('gives how many problems itb validate lists, as many as it lists', async () => {
    expect(await helpOf('validate')).toContain(`The first ${SHOWN_PROBLEMS} are listed: fix them and check again for the rest.`);
  });

  it("lists in each command's help the options every command takes, --data and --no-color, and only those", async () => {
    const commands = [['session'], ['buckets'], ['buckets', 'move'], ['buckets', 'reset'], ['history'], ['export'], ['import'], ['exercises'], ['routines'], ['validate'], ['settings']];
    for (const command of commands) {
      const help = (await run([...command, '--help'])).stdout;
      const global = help.slice(help.indexOf('\nGlobal Options:\n'), help.indexOf('\n\n', help.indexOf('\nGlobal Options:\n') + 1));
      expect(global.match(/^ {2}-\S+/gm), command.join(' ')).toEqual(['  --data', '  --no-color']);
    }
    // Given after the command, as the help now says it may be, --data is the library used.
    expect((await run(['exercises', '--json', '--data', libraryFile('good.yaml')])).stdout).toContain('"wall-clamshells"');
    // itb's own help lists them among its options, once.
    expect((await run(['--help'])).stdout).not.toContain('Global Options');
  });

  it('shows in itb settings how to forget a remembered answer', async () => {
    expect(await helpOf('settings')).toContain('$ itb settings movement --unset forget the remembered test movement');
  });
});

describe('itb typed alone', () => {
  it('prints the help on stdout with exit 0, as itb --help does, so that `itb | less` shows it', async () => {
    const alone = await run([]);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toBe('');
    expect(alone.stdout).toBe((await run(['--help'])).stdout);
    expect(alone.stdout).toContain('Usage: itb [options] [command]');
    // After itb's own options too; a --data without its file is still said to need one.
    expect((await run(['--no-color'])).stdout).toBe(alone.stdout);
    const data = await run(['--data']);
    expect(data.code).toBe(2);
    expect(data.stderr).toContain('--data needs a value after it');
  });
});

describe('itb -v', () => {
  it('prints the version as --version does, as node -v and npm -v print theirs', async () => {
    const version = await run(['--version']);
    const short = await run(['-v']);
    expect(short.code).toBe(0);
    expect(short.stderr).toBe('');
    expect(short.stdout).toBe(version.stdout);
    expect(short.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    // Only alone: after a command, -v is no option of it, and is said so.
    const after = await run(['buckets', '-v']);
    expect(after.code).toBe(2);
    expect(after.stdout).toBe('');
  });
});

describe('itb help', () => {
  it('shows the help of a command under another, as its --help does', async () => {
    const move = await run(['help', 'buckets', 'move']);
    expect(move.code).toBe(0);
    expect(move.stdout).toContain('Usage: itb buckets move [options] <id> <bucket>');
    expect(move.stdout).toBe((await run(['buckets', 'move', '--help'])).stdout);
  });

  it('with help after it, or a command\'s arguments, shows that help', async () => {
    expect((await run(['help', 'help'])).stdout).toBe((await run(['--help'])).stdout);
    const drill = await run(['help', 'exercises', 'clamshells']);
    expect(drill.code).toBe(0);
    expect(drill.stdout).toBe((await run(['exercises', '--help'])).stdout);
  });

  it('names a word that is not a command, with the command near it and the help that lists them', async () => {
    const top = await run(['help', 'bukets']);
    expect(top.code).toBe(2);
    expect(top.stdout).toBe('');
    expect(top.stderr).toBe('error: there is no command "bukets"\nDid you mean `itb help buckets`? `itb --help` lists them.\n');
    const under = await run(['help', 'buckets', 'mvoe']);
    expect(under.code).toBe(2);
    expect(under.stderr).toBe('error: there is no command "buckets mvoe"\nDid you mean `itb help buckets move`? `itb buckets --help` lists them.\n');
  });
});

describe('shellWord', () => {
  it('quotes a file name the shell would split, and an apostrophe in it so that it still reads as one word', () => {
    expect(shellWord('my-library.yaml')).toBe('my-library.yaml');
    expect(shellWord('my library.yaml')).toBe("'my library.yaml'");
    expect(shellWord('me@home/backup,2026.json')).toBe('me@home/backup,2026.json');
    expect(shellWord("O'Brien's list.yaml")).toBe("'O'\\''Brien'\\''s list.yaml'");
  });
});

describe('shellPath', () => {
  it('types a file whose name starts with - as ./-name, so that a command does not read it as an option', () => {
    expect(shellPath('-ok.json')).toBe('./-ok.json');
    expect(shellPath('-my backup.json')).toBe("'./-my backup.json'");
    expect(shellPath('/tmp/-ok.json')).toBe('/tmp/-ok.json');
    expect(shellPath('backup.json')).toBe('backup.json');
  });
});

describe('withVariable and unsetVariable', () => {
  it('set a variable for one command, and unset one, as sh does', () => {
    expect(withVariable('ITB_HOME', '/home/sam/old laptop', 'itb buckets', '/home/sam/itb')).toBe("ITB_HOME='/home/sam/old laptop' itb buckets");
    expect(withVariable('ITB_DATA', '', 'itb export', '/home/sam/my.yaml')).toBe('ITB_DATA= itb export');
    expect(unsetVariable('ITB_DATA')).toBe('unset ITB_DATA');
  });
});

// Windows' shell is PowerShell, as the README says: sh's `'\''` is no quote inside quotes there,
// and "$" in a word names a variable.
describe('commands typed on Windows', () => {
  it('leave a word PowerShell reads as it is bare, a Windows path too', () => {
    asOnWindows();
    expect(shellWord('my-library.yaml')).toBe('my-library.yaml');
    expect(shellWord('C:\\Users\\Sam\\itb\\backup.json')).toBe('C:\\Users\\Sam\\itb\\backup.json');
    expect(shellWord('--since')).toBe('--since');
    expect(shellWord('2026-03-01')).toBe('2026-03-01');
  });

  it("quote in PowerShell's single quotes, doubling a quote inside, the curly ones too", () => {
    asOnWindows();
    expect(shellWord('my library.yaml')).toBe("'my library.yaml'");
    expect(shellWord("O'Brien's list.yaml")).toBe("'O''Brien''s list.yaml'");
    expect(shellWord('Sam\u2019s list.yaml')).toBe("'Sam\u2019\u2019s list.yaml'");
    expect(shellWord('\u2018draft\u2019.yaml')).toBe("'\u2018\u2018draft\u2019\u2019.yaml'");
  });

  it('quote what PowerShell would read into: a variable, a list, a splat, a backquote', () => {
    asOnWindows();
    expect(shellWord('\\\\server\\c$\\itb')).toBe("'\\\\server\\c$\\itb'");
    expect(shellWord('D:\\$data\\store.json')).toBe("'D:\\$data\\store.json'");
    expect(shellWord('backup,2026.json')).toBe("'backup,2026.json'");
    expect(shellWord('@home.json')).toBe("'@home.json'");
    expect(shellWord('a`b.json')).toBe("'a`b.json'");
  });

  it('quote a word starting with "-" that PowerShell would cut in two at "." or ":", and guard a path starting with "-"', () => {
    asOnWindows();
    expect(shellWord('--output=report.html')).toBe("'--output=report.html'");
    expect(shellWord('-o:x')).toBe("'-o:x'");
    expect(shellPath('-ok.json')).toBe('./-ok.json');
    expect(shellPath('-my backup.json')).toBe("'./-my backup.json'");
  });

  it('set a variable for one command and put it back as it was, since PowerShell has no VAR=value command', () => {
    asOnWindows();
    expect(withVariable('ITB_HOME', 'C:\\Users\\Sam\\old', 'itb buckets', undefined)).toBe("$env:ITB_HOME = 'C:\\Users\\Sam\\old'; itb buckets; $env:ITB_HOME = $null");
    expect(withVariable('ITB_HOME', "D:\\Sam's $data", 'itb buckets', 'C:\\itb')).toBe("$env:ITB_HOME = 'D:\\Sam''s $data'; itb buckets; $env:ITB_HOME = 'C:\\itb'");
    expect(withVariable('ITB_DATA', '', 'itb export', 'C:\\my.yaml')).toBe("$env:ITB_DATA = ''; itb export; $env:ITB_DATA = 'C:\\my.yaml'");
    expect(unsetVariable('ITB_DATA')).toBe('$env:ITB_DATA = $null');
  });
});
