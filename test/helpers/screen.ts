// What a terminal shows once it has drawn all it was sent: its lines as a person sees them, with
// the prompts' redrawing and the cursor's moves done, where a stream of output shows every draft.
import xterm from '@xterm/headless';

/** The lines on a terminal `columns` wide after `output`, each without its trailing blanks. */
export async function screenLines(output: string, columns: number): Promise<string[]> {
  const terminal = new xterm.Terminal({ cols: columns, rows: 50, scrollback: 5000, allowProposedApi: true });
  await new Promise<void>((resolve) => terminal.write(output, resolve));
  const buffer = terminal.buffer.active;
  const lines = Array.from({ length: buffer.length }, (_, i) => buffer.getLine(i)?.translateToString(true) ?? '');
  terminal.dispose();
  return lines;
}
