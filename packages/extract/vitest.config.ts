import { defineProject } from 'vitest/config';

export default defineProject({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Hostile inputs must finish, not hang: a generous per-test limit, never a speed assertion.
    testTimeout: 30_000,
  },
});
