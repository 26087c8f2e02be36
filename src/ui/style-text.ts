// The prompts colour their questions with Node's util.styleText, as do list-prompt.ts and
// prompts.ts. From Node 20.18 on it leaves colour out where NO_COLOR, FORCE_COLOR=0 or output
// that is not a terminal says to (and promptsFor sets NO_COLOR for --no-color); Node 20.17
// colours whatever they say, so there a session asked its questions in colour under --no-color.
// On such a Node, styleText colours only where itb's other output would (colour.ts). Imported
// before the prompts, which colour their "?" as they load.
import util from 'node:util';
import { syncBuiltinESMExports } from 'node:module';
import { colourEnabled } from './colour.js';

/** Whether Node `version`'s styleText colours whatever the terminal and NO_COLOR say. */
function coloursRegardless(version: string): boolean {
  const [major, minor] = version.split('.').map(Number);
  return major === 20 && minor! < 18;
}

/** On a Node whose styleText colours regardless (see above), has it colour only where colour is on. */
export function styleTextAsLaterNodes(version = process.versions.node): void {
  if (!coloursRegardless(version)) return;
  const styleText = util.styleText;
  const colourOnly: typeof styleText = (format, text) => (colourEnabled(process.env, process.stdout, undefined) ? styleText(format, text) : text);
  Object.assign(util, { styleText: colourOnly });
  // Modules that import { styleText } as an ES module see the change too.
  syncBuiltinESMExports();
}

styleTextAsLaterNodes();
