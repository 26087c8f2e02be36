// The prompts colour their questions with util.styleText, which Node 20.17 colours whatever
// NO_COLOR says: there a session's questions are to be plain under --no-color too.
import { makeTheme } from '@inquirer/core';
import { syncBuiltinESMExports } from 'node:module';
import util, { styleText } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { styleTextAsLaterNodes } from '../../src/ui/style-text.js';

const bold = (text: string): string => `\x1b[1m${text}\x1b[22m`;

describe('the colours of the prompts on Node 20.17', () => {
  const styleTextOfThisNode = util.styleText;
  beforeEach(() => {
    // Node 20.17's styleText, which colours whatever the terminal and NO_COLOR say.
    Object.assign(util, { styleText: (_format: unknown, text: string) => bold(text) });
    syncBuiltinESMExports();
  });
  afterEach(() => {
    Object.assign(util, { styleText: styleTextOfThisNode });
    syncBuiltinESMExports();
    vi.unstubAllEnvs();
  });

  it('are left out under NO_COLOR and FORCE_COLOR=0, which --no-color sets for them, and kept where colour is on', () => {
    styleTextAsLaterNodes('20.17.0');
    vi.stubEnv('NO_COLOR', '1');
    vi.stubEnv('FORCE_COLOR', '0');
    expect(makeTheme().style.message('Which routine?', 'idle')).toBe('Which routine?');
    expect(styleText('cyan', 'Yes')).toBe('Yes');
    vi.stubEnv('NO_COLOR', '');
    vi.stubEnv('FORCE_COLOR', '1');
    expect(makeTheme().style.message('Which routine?', 'idle')).toBe(bold('Which routine?'));
  });

  it('are left to styleText itself from Node 20.18 on, which reads NO_COLOR and the terminal there', () => {
    for (const version of ['20.18.0', '22.13.0', '23.5.0']) styleTextAsLaterNodes(version);
    vi.stubEnv('NO_COLOR', '1');
    expect(styleText('bold', 'x')).toBe(bold('x'));
  });
});
