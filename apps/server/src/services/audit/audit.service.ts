import { randomUUID } from 'node:crypto';
import { asc, desc, gt, sql } from 'drizzle-orm';
import type { Clock } from '../../adapters/clock/clock';
import type { Db, DbOrTx } from '../../adapters/db/database';
import { auditLogs } from '../../db/schema';
import { auditHash, GENESIS_HASH, type AuditRecord } from './audit-hash';

/** Who did it and from where: taken from the HTTP request (or a job) by the caller. */
export interface AuditContext {
  actorUserId: string | null;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export interface AuditEvent {
  action: string;
  outcome?: 'success' | 'failure' | 'denied';
  /** Whose data this concerns, when it is not the actor's own. */
  subjectUserId?: string | null;
  targetType?: string;
  targetId?: string;
  /** Never personal data, secrets or document text: ids, counts, field names. */
  details?: Record<string, unknown>;
}

export const SYSTEM_CONTEXT: AuditContext = { actorUserId: null, ip: null, userAgent: null, requestId: null };

/** Serialises writers so every entry links to exactly one predecessor, across processes. */
const AUDIT_CHAIN_LOCK = 7_224_118_002;

/** Audit entries are kept for seven years (DESIGN.md §5). */
export const AUDIT_RETENTION_YEARS = 7;

export class AuditService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one entry. Pass the caller's transaction so the entry commits (or rolls back)
   * with the change it records.
   */
  async record(context: AuditContext, event: AuditEvent, executor?: DbOrTx): Promise<void> {
    const write = async (tx: DbOrTx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      const [last] = await tx
        .select({ hash: auditLogs.hash })
        .from(auditLogs)
        .orderBy(desc(auditLogs.seq))
        .limit(1);
      const prevHash = last?.hash ?? GENESIS_HASH;
      const record: AuditRecord = {
        id: randomUUID(),
        occurredAt: this.clock.now(),
        actorUserId: context.actorUserId,
        subjectUserId: event.subjectUserId === undefined ? context.actorUserId : event.subjectUserId,
        action: event.action,
        targetType: event.targetType ?? null,
        targetId: event.targetId ?? null,
        outcome: event.outcome ?? 'success',
        ip: context.ip,
        userAgent: context.userAgent ? context.userAgent.slice(0, 300) : null,
        requestId: context.requestId,
        details: event.details ?? {},
      };
      await tx.insert(auditLogs).values({
        ...record,
        details: record.details as Record<string, unknown>,
        prevHash,
        hash: auditHash(prevHash, record),
      });
    };
    // The advisory lock is transaction-scoped: take it inside a transaction of our own if needed.
    if (executor && executor !== this.db) await write(executor);
    else await this.db.transaction(write);
  }
}

export type ChainVerdict =
  { ok: true; entries: number } | { ok: false; entries: number; brokenAtSeq: number; reason: string };

/** Walks the chain in order and reports the first entry whose hash or link does not match. */
export async function verifyAuditChain(db: Db, batchSize = 1_000): Promise<ChainVerdict> {
  let after = 0;
  let expectedPrev: string | undefined;
  let entries = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditLogs)
      .where(gt(auditLogs.seq, after))
      .orderBy(asc(auditLogs.seq))
      .limit(batchSize);
    if (!rows.length) return { ok: true, entries };
    for (const row of rows) {
      // The first entry after a retention purge starts the chain from its recorded link.
      if (expectedPrev !== undefined && row.prevHash !== expectedPrev) {
        return {
          ok: false,
          entries,
          brokenAtSeq: row.seq,
          reason: 'its link does not match the previous entry (an entry was removed or reordered)',
        };
      }
      if (expectedPrev === undefined && entries === 0 && row.seq === 1 && row.prevHash !== GENESIS_HASH) {
        return {
          ok: false,
          entries,
          brokenAtSeq: row.seq,
          reason: 'the first entry does not start from the genesis hash',
        };
      }
      const recomputed = auditHash(row.prevHash, {
        id: row.id,
        occurredAt: row.occurredAt,
        actorUserId: row.actorUserId,
        subjectUserId: row.subjectUserId,
        action: row.action,
        targetType: row.targetType,
        targetId: row.targetId,
        outcome: row.outcome,
        ip: row.ip,
        userAgent: row.userAgent,
        requestId: row.requestId,
        details: row.details,
      });
      if (recomputed !== row.hash) {
        return {
          ok: false,
          entries,
          brokenAtSeq: row.seq,
          reason: 'its content does not match its hash (the entry was edited)',
        };
      }
      expectedPrev = row.hash;
      entries += 1;
      after = row.seq;
    }
  }
}
