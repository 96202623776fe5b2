import { defineConfig } from 'vitest/config';

// Browser tests: the built app started as `npm start` starts it, driven in Debian's Chromium
// through playwright-core. Run by `npm run test:e2e` (and .ci/run), not by `npm test`.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['specs/**/*.e2e.ts'],
    globalSetup: ['./support/global-setup.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // A page can take more than vitest's 1 s poll default to paint on a loaded 2-core CI machine
    // (the phone shell once missed it while the server was still warming up); a real failure
    // still fails, only later.
    expect: { poll: { timeout: 10_000 } },
    // One browser, one server: specs run one after another.
    fileParallelism: false,
  },
});
