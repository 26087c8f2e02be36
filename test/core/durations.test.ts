// Lengths of time in milliseconds come from one place (src/core/durations.ts): two definitions of
// a day can drift apart, and then two parts of the program count the same weeks differently.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../../src/core/durations.js';

const src = fileURLToPath(new URL('../../src', import.meta.url));
const sources = (readdirSync(src, { recursive: true }) as string[]).filter((file) => file.endsWith('.ts')).map((file) => join(src, file));

describe('lengths of time', () => {
  it('are a minute, an hour and a day of 24 hours', () => {
    expect([MINUTE_MS, HOUR_MS, DAY_MS]).toEqual([60_000, 3_600_000, 86_400_000]);
  });

  it('are defined in one file only, and written out nowhere else', () => {
    const elsewhere = sources
      .filter((file) => !file.endsWith(join('core', 'durations.ts')))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .filter((line) => /\b(DAY|HOUR|MINUTE)_MS\s*=|24 \* 60 \* 60 \* 1000|\b60 \* 1000\b|\b(60_000|3_600_000|86_400_000|86400000|3600000)\b/.test(line))
          .map((line) => `${relative(src, file)}: ${line.trim()}`),
      );
    expect(elsewhere).toEqual([]);
  });
});
