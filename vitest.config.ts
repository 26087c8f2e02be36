import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/helpers/summary-reporter.ts'],
    // End-to-end tests drive real processes in pseudo-terminals; give them room on a busy machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
