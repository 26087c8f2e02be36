/**
 * The commands among `lines` as typed: a line that `starts` one, and each line after one ending
 * in the shell's " \" (which goes on to the next line) as the rest of it.
 */
export function commandsIn(lines: string[], starts: (line: string) => boolean): string[] {
  const commands: string[] = [];
  let goesOn = false;
  for (const line of lines) {
    if (goesOn) commands[commands.length - 1] += ` ${line.trim()}`;
    else if (starts(line)) commands.push(line.trim());
    else continue;
    goesOn = commands.at(-1)!.endsWith(' \\');
    if (goesOn) commands[commands.length - 1] = commands.at(-1)!.slice(0, -2);
  }
  return commands;
}
