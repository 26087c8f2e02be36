// Tab at a question answered by typing: nothing is completed there, and the line took it as a tab,
// shown as a gap up to the next tab stop with the cursor jumping there ("4" then a gap at a
// score), and a test movement typed with one was refused as not plain text, the tab unseen. A
// Tab is a space instead. Not nothing: in a paste (a row of a spreadsheet) a tab parts two
// numbers, and "1", tab, "0" must stay two numbers, refused, not be read as 10.

/** Passes a Tab key on as a space. */
export function tabAsSpace(input: NodeJS.EventEmitter = process.stdin): void {
  const emit = input.emit;
  input.emit = function (this: NodeJS.EventEmitter, event: string | symbol, ...args: unknown[]): boolean {
    const key = args[1] as { sequence?: string } | undefined;
    if (event !== 'keypress' || key?.sequence !== '\t') return emit.apply(this, [event, ...args]);
    return emit.call(this, 'keypress', ' ', { sequence: ' ', name: 'space', ctrl: false, meta: false, shift: false });
  };
}
