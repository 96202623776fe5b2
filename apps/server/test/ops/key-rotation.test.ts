import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../src/adapters/keys/key-ring.local';
import { users } from '../../src/db/schema';
import { verifyAuditChain } from '../../src/services/audit/audit.service';
import { rewrapDataKeys } from '../../src/services/backup/rewrap-keys';
import { newUser } from '../support/accounts';
import { createTestApp } from '../support/test-app';

/** Master-key rotation: add version 2, re-wrap while serving, remove version 1, data still opens. */
describe('key rotation (keys:rewrap)', () => {
  it('re-wraps every data key under the new master key; users keep their data', async () => {
    const v1 = randomBytes(32);
    const v2 = randomBytes(32);
    const ctx = await createTestApp({ overrides: { keyRing: new LocalKeyRing(new Map([[1, v1]])) } });
    try {
      const alice = await newUser(ctx, 'rotate');
      const profile = await ctx.app.inject({
        method: 'PATCH',
        url: '/api/v1/profile',
        headers: alice.auth,
        remoteAddress: alice.ip,
        payload: { phone: '0412 345 678' },
      });
      expect(profile.statusCode).toBe(200);
      const db = ctx.adapters.database.db;
      const [before] = await db
        .select({ wrapped: users.dataKeyWrapped })
        .from(users)
        .where(eq(users.id, alice.userId));

      const both = new LocalKeyRing(
        new Map([
          [1, v1],
          [2, v2],
        ]),
      );
      expect(both.versionOf(before!.wrapped)).toBe(1);
      expect(await rewrapDataKeys(db, both, ctx.clock)).toEqual({ rewrapped: 1, left: 0 });
      expect(await rewrapDataKeys(db, both, ctx.clock)).toEqual({ rewrapped: 0, left: 0 });

      const [after] = await db
        .select({ wrapped: users.dataKeyWrapped })
        .from(users)
        .where(eq(users.id, alice.userId));
      const onlyV2 = new LocalKeyRing(new Map([[2, v2]]));
      expect(onlyV2.versionOf(after!.wrapped)).toBe(2);
      // The same data key, now wrapped by version 2 alone.
      expect(
        (await onlyV2.unwrapDataKey(after!.wrapped)).equals(await both.unwrapDataKey(before!.wrapped)),
      ).toBe(true);
      expect((await verifyAuditChain(db)).ok).toBe(true);
    } finally {
      await ctx.close();
    }
  }, 60_000);
});
