// A timed hold's countdown, drawn again every second at the window's width then, and the line
// that says how the hold ended.
import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import { width } from './width.js';
import { hanging, onScreen } from './wrap.js';

/**
 * How a timed hold ended, on its line: broken between words on a narrow terminal, its later lines
 * two columns in, under the label, as the session's other broken lines.
 */
export function holdLine(label: string, how: string): string {
  return hanging('⏱ ', `${label}: ${how}`, 79).join('\n');
}

interface Hold {
  seconds: number;
  label: string;
  /** The seconds left to count down from, when fewer than `seconds`: drawn afresh after a pause. */
  left?: number;
  /** Told the seconds left at each tick. */
  ticked?: (left: number) => void;
}

export const countdown = createPrompt<'finished' | 'skipped', Hold>((config, done) => {
  const [left, setLeft] = useState(config.left ?? config.seconds);
  const [ended, setEnded] = useState<'finished' | 'skipped' | undefined>(undefined);

  useEffect(() => {
    if (ended) return;
    if (left <= 0) {
      setEnded('finished');
      done('finished');
      return;
    }
    const timer = setTimeout(() => {
      config.ticked?.(left - 1);
      setLeft(left - 1);
    }, 1000);
    return () => clearTimeout(timer);
  }, [left, ended]);

  useKeypress((key) => {
    if (!ended && isEnterKey(key)) {
      setEnded('skipped');
      done('skipped');
    }
  });

  if (ended === 'finished') return holdLine(config.label, 'time is up');
  if (ended === 'skipped') return holdLine(config.label, 'ended early');
  // A bar of 20, shorter on a narrow terminal; narrower still, the help goes under it.
  const head = `⏱ ${config.label}: `;
  const tail = ` ${left} s left`;
  const help = '(Enter to end early)';
  // One column spare: some terminals draw the stopwatch two columns wide.
  const roomAfter = (before: string) => onScreen(80) - 1 - width(before) - width(tail);
  const bar = (length: number) => '■'.repeat(Math.ceil((left / config.seconds) * length)).padEnd(length, '·');
  // Too narrow for a bar of 5 after a long label ("Hold 3 of 6 · set 2, first side"): the label
  // goes on lines of its own, broken between words, rather than by the terminal mid-word, its
  // later lines under its text rather than under the stopwatch.
  const [above, before] = roomAfter(head) >= 5 ? [[], head] : [hanging('⏱ ', `${config.label}:`, 79), ''];
  const room = roomAfter(before);
  if (room - 2 - help.length >= 10) return [...above, `${before}${bar(Math.min(20, room - 2 - help.length))}${tail}  ${help}`].join('\n');
  return [[...above, `${before}${bar(Math.max(5, Math.min(20, room)))}${tail}`].join('\n'), help];
});
