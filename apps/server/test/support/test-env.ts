/**
 * The real services integration and contract tests may run against. Unset (the default for
 * `npm test`), everything runs on embedded adapters; `.ci/run` sets them to the machine's
 * PostgreSQL and Redis.
 */
export const TEST_DATABASE_URL = process.env.DATABASE_URL || undefined;
export const TEST_REDIS_URL = process.env.REDIS_URL || undefined;
