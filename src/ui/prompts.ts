// The real Prompter: @inquirer/prompts in the terminal. The only module that imports them.
import { createPrompt, isEnterKey, useEffect, useKeypress, useState } from '@inquirer/core';
import { confirm, input, select } from '@inquirer/prompts';
import type { Prompter } from './prompter.js';

// A wrong answer is cleared so the person types the next one afresh, not after their mistake.
const clearOnError = { validationFailureMode: 'clear' as const };

export function createPrompter(): Prompter {
  return {
    select: (question) => select({ ...question, loop: false }),
    confirm: (question) => confirm(question),
    input: ({ message, default: fallback, validate }) =>
      input({ message, default: fallback, validate, theme: clearOnError }),
    countdown: (seconds, label) => countdown({ seconds, label }),
  };
}

const countdown = createPrompt<'finished' | 'skipped', { seconds: number; label: string }>((config, done) => {
  const [left, setLeft] = useState(config.seconds);
  const [ended, setEnded] = useState<'finished' | 'skipped' | undefined>(undefined);

  useEffect(() => {
    if (ended) return;
    if (left <= 0) {
      setEnded('finished');
      done('finished');
      return;
    }
    const timer = setTimeout(() => setLeft(left - 1), 1000);
    return () => clearTimeout(timer);
  }, [left, ended]);

  useKeypress((key) => {
    if (!ended && isEnterKey(key)) {
      setEnded('skipped');
      done('skipped');
    }
  });

  if (ended === 'finished') return `⏱ ${config.label}: time is up`;
  if (ended === 'skipped') return `⏱ ${config.label}: ended early`;
  const bar = '■'.repeat(Math.ceil((left / config.seconds) * 20)).padEnd(20, '·');
  return `⏱ ${config.label}: ${bar} ${left} s left  (Enter to end early)`;
});
