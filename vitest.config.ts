import { defineConfig } from 'vitest/config';

// One run over every workspace. Unit tests (*.test.ts) and integration tests (*.int.test.ts)
// both run here: integration tests use PGlite and in-memory adapters unless DATABASE_URL /
// REDIS_URL point at real services.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/server', 'apps/web'],
  },
});
