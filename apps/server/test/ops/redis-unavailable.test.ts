import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { randomIp } from '../support/accounts';
import { createTestApp } from '../support/test-app';

/** Redis down: rate-limited routes keep answering (without the shared limits) instead of 500. */
describe('Redis unavailable', () => {
  it('the estimate API (rate-limited through Redis) still answers 200', async () => {
    // Nothing listens on port 1; with the offline queue off, every command fails at once.
    const redis = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    redis.on('error', () => {});
    const ctx = await createTestApp({ overrides: { redis } });
    try {
      const response = await ctx.app.inject({
        method: 'POST',
        url: '/api/v1/tax/estimate',
        remoteAddress: randomIp(),
        payload: { incomeYear: '2024-25', income: { salaryWages: 85_000 } },
      });
      expect(response.statusCode).toBe(200);
      expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
