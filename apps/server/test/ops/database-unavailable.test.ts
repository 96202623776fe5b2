import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, openPostgresDatabase } from '../../src/adapters/db/database.postgres';
import { createTestApp } from '../support/test-app';

/** While PostgreSQL is down or restarting, the API answers 503 at once rather than 500. */
describe('database unavailable', () => {
  it('recognises connection failures and the API answers problem+json SERVICE_UNAVAILABLE', async () => {
    // A port with nothing listening: every connection is refused.
    const probe = net.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', () => resolve()));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));

    const down = await openPostgresDatabase({
      url: `postgres://root@127.0.0.1:${port}/nothing`,
      poolMax: 2,
      migrate: false,
    });
    const failure = await down.db.execute(sql`select 1`).catch((err: unknown) => err);
    expect(isDatabaseUnavailable(failure)).toBe(true);

    const ctx = await createTestApp({
      app: {
        extraRoutes: async (app) => {
          app.get('/test/list', async () => (await down.db.execute(sql`select 1`)) && 'ok');
        },
      },
    });
    try {
      const response = await ctx.app.inject({ method: 'GET', url: '/test/list' });
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    } finally {
      await ctx.close();
      await down.close();
    }
  }, 60_000);

  it('does not tag query errors (a bad query is a bug, not an outage)', () => {
    expect(isDatabaseUnavailable({ code: '42P01', message: 'relation "nope" does not exist' })).toBe(false);
    expect(
      isDatabaseUnavailable({
        code: '57P01',
        message: 'terminating connection due to administrator command',
      }),
    ).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
  });
});
