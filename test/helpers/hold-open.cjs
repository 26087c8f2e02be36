// Runs a program in the terminal it is started in, and keeps that terminal open after the
// program has ended until whoever reads the terminal lets go: node-pty reports the end of the
// process it started 200 ms after that process ended, dropping what it has not read by then
// (node-pty issue 72), and a busy machine can take longer than that to read a program's last
// lines. test/helpers/pty.ts starts every program this way.
//
// Arguments: the marker that starts each of its notes, then the program and its own arguments.
// It writes two notes on the terminal, which the reader removes from what it shows:
//   <marker>started;<pid>\x07  before the program runs (the program's own process id)
//   <marker>ended;<how>\x07    after the program ended and all it wrote: its exit code, or the
//                              name of the signal that ended it
// then waits for SIGUSR2 (let go: all has been read, or no more will be, the window closed) or
// for the terminal to hang up, and ends as the program did.
'use strict';
const { spawn } = require('node:child_process');
const { closeSync, writeSync } = require('node:fs');

const [marker, ...program] = process.argv.slice(2);

/** Writes `text` on the terminal; false once no one can read it any more (the window closed). */
function say(text) {
  const bytes = Buffer.from(text);
  let written = 0;
  while (written < bytes.length) {
    try {
      written += writeSync(1, bytes, written);
    } catch (error) {
      if (error.code !== 'EAGAIN') return false;
      // A full terminal, on a file the program left non-blocking: the reader is still reading.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
    }
  }
  return true;
}

/** Ends as the program ended: with its exit code, or by the same signal. */
function endAs(code, signal) {
  // Node sets the terminal back as it found it on the way out, and aborts if it cannot, as once
  // the window is closed: it leaves alone a terminal it no longer has open.
  for (const fd of [0, 1, 2]) {
    try {
      closeSync(fd);
    } catch {
      // closed already, on the way out
    }
  }
  if (signal === null) process.exit(code);
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

// The program's own process id is said by the shell that then becomes the program (exec), so
// the note comes before anything the program writes, and a signal can be sent to it alone.
const child = spawn('/bin/sh', ['-c', `printf '%s' "$0" "started;$$" '\x07'; exec "$@"`, marker, ...program], { stdio: 'inherit' });

// Ctrl-C and Ctrl-\ reach the program from the terminal itself; the terminal sends them to this
// process too, which lets them pass.
process.on('SIGINT', () => {});
process.on('SIGQUIT', () => {});

let ended;
/** Whether the reader has let go: it has read all, or will read no more (it closed the window). */
let letGo = false;
// A closed window hangs up on this process, the terminal's first: as a shell does, it passes
// that on to the program (waking it if it was stopped), or, once the program has ended, goes.
process.on('SIGHUP', () => {
  if (ended) return endAs(ended.code, ended.signal);
  child.kill('SIGHUP');
  child.kill('SIGCONT');
});
process.on('SIGUSR2', () => {
  letGo = true;
  if (ended) endAs(ended.code, ended.signal);
});

child.on('exit', (code, signal) => {
  ended = { code, signal };
  if (letGo || !say(`${marker}ended;${signal ?? code}\x07`)) return endAs(code, signal);
  // Nothing else keeps this process waiting to be let go.
  setInterval(() => {}, 60_000);
});
