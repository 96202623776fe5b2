import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SYSTEM_CONTEXT } from '../../src/services/audit/audit.service';
import { documents, jobs } from '../../src/db/schema';
import { createTestApp, type TestContext } from '../support/test-app';
import { newUser } from '../support/accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

describe('maintenance jobs', () => {
  it('removes a stored file with no document only once it was already an orphan at the previous sweep', async () => {
    const user = await newUser(ctx, 'sweep');
    const kept = randomUUID();
    await ctx.adapters.database.db.insert(documents).values({
      id: kept,
      ownerId: user.userId,
      originalName: 'a.pdf',
      contentType: 'application/pdf',
      sizeBytes: 1,
      sha256: randomUUID(),
      storageKey: `documents/${user.userId}/${kept}/original`,
    });
    await ctx.adapters.blobStore.put(`documents/${user.userId}/${kept}/original`, Buffer.from('kept'));
    const orphanKey = `documents/${user.userId}/${randomUUID()}/original`;
    await ctx.adapters.blobStore.put(orphanKey, Buffer.from('left by a crash'));

    const first = await ctx.app.services.accountData.sweepOrphanFiles([], SYSTEM_CONTEXT);
    expect(first).toEqual({ candidates: [orphanKey], removed: 0 });
    expect(await ctx.adapters.blobStore.exists(orphanKey)).toBe(true);

    const second = await ctx.app.services.accountData.sweepOrphanFiles(first.candidates, SYSTEM_CONTEXT);
    expect(second).toEqual({ candidates: [], removed: 1 });
    expect(await ctx.adapters.blobStore.exists(orphanKey)).toBe(false);
    expect(await ctx.adapters.blobStore.exists(`documents/${user.userId}/${kept}/original`)).toBe(true);
  });

  it('schedules each daily job once per day however often it ticks', async () => {
    await ctx.app.services.jobs.start(1);
    await ctx.app.services.jobs.stop(1_000);
    await ctx.app.services.jobs.start(1);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const rows = await ctx.adapters.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `account.purge-closed:${day}`));
    expect(rows).toHaveLength(1);
    const sweeps = await ctx.adapters.database.db
      .select()
      .from(jobs)
      .where(eq(jobs.dedupeKey, `storage.sweep-orphans:${day}`));
    expect(sweeps).toHaveLength(1);
  });
});
