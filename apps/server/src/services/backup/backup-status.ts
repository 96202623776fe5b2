import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../adapters/db/database';
import { auditLogs } from '../../db/schema';

/** The audit action a successful backup records (with the archive's name, size and counts). */
export const BACKUP_AUDIT_ACTION = 'system.backup.completed';

/**
 * When the newest successful backup finished, from the audit log: the backup command records
 * itself there, so the figure survives restarts, is the same on every replica, and needs no
 * Pushgateway. Newest first by the primary key, so the scan stops at the latest backup.
 */
export async function lastBackupAt(db: Db): Promise<Date | undefined> {
  const [row] = await db
    .select({ at: auditLogs.occurredAt })
    .from(auditLogs)
    .where(and(eq(auditLogs.action, BACKUP_AUDIT_ACTION), eq(auditLogs.outcome, 'success')))
    .orderBy(desc(auditLogs.seq))
    .limit(1);
  return row?.at;
}

/** lastBackupAt, asked at most once a minute (Prometheus scrapes every 15–30 s). */
export function cachedLastBackupAt(db: Db, maxAgeMs = 60_000): () => Promise<Date | undefined> {
  let cached: { at: Date | undefined; fetched: number } | undefined;
  return async () => {
    if (cached && Date.now() - cached.fetched < maxAgeMs) return cached.at;
    const at = await lastBackupAt(db);
    cached = { at, fetched: Date.now() };
    return at;
  };
}
