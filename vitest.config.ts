import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One time zone wherever the tests run, so dates come out the same on every machine; one
    // with a half-hour offset from UTC and daylight saving time, so that the local-time code is
    // exercised rather than UTC passing for local. Tests of whole local days that cross
    // midnight UTC set their own zone (see test/export/local-days.test.ts).
    env: { TZ: 'America/St_Johns' },
    // Library files at a path of the same length wherever the project is checked out.
    globalSetup: ['./test/helpers/global-setup.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // End-to-end tests drive real processes in pseudo-terminals; give them room on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
