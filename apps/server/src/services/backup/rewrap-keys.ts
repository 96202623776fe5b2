import { and, asc, eq, gt } from 'drizzle-orm';
import type { Clock } from '../../adapters/clock/clock';
import type { Db } from '../../adapters/db/database';
import type { KeyRing } from '../../adapters/keys/key-ring.port';
import { users } from '../../db/schema';
import { AuditService, SYSTEM_CONTEXT } from '../audit/audit.service';

/**
 * Master-key rotation without downtime (docs/operations.md): re-wraps every user's data key under
 * the key ring's newest master key, in batches, while the service runs. The data is not touched.
 * Keys already on the newest version are skipped; each update applies only if the row still holds
 * the key it read, so it is safe to run twice or beside live traffic. Returns how many were
 * re-wrapped and how many changed meanwhile (a later run picks those up).
 */
export async function rewrapDataKeys(
  db: Db,
  keyRing: KeyRing,
  clock: Clock,
  batchSize = 500,
): Promise<{ rewrapped: number; left: number }> {
  let rewrapped = 0;
  let left = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await db
      .select({ id: users.id, wrapped: users.dataKeyWrapped })
      .from(users)
      .where(gt(users.id, after))
      .orderBy(asc(users.id))
      .limit(batchSize);
    if (!rows.length) break;
    for (const row of rows) {
      if (keyRing.versionOf(row.wrapped) >= keyRing.currentVersion) continue;
      const next = await keyRing.rewrapDataKey(row.wrapped);
      const updated = await db
        .update(users)
        .set({ dataKeyWrapped: next })
        .where(and(eq(users.id, row.id), eq(users.dataKeyWrapped, row.wrapped)))
        .returning({ id: users.id });
      if (updated.length) rewrapped += 1;
      else left += 1;
    }
    after = rows.at(-1)!.id;
  }
  await new AuditService(db, clock).record(SYSTEM_CONTEXT, {
    action: 'system.keys.rewrapped',
    details: { toVersion: keyRing.currentVersion, rewrapped, left },
  });
  return { rewrapped, left };
}
