import { and, desc, eq, inArray, isNotNull, lte, or } from 'drizzle-orm';
import yazl from 'yazl';
import type { Readable } from 'node:stream';
import type { Clock } from '../../adapters/clock/clock';
import type { Db } from '../../adapters/db/database';
import type { BlobStore } from '../../adapters/storage/blob-store.port';
import {
  auditLogs,
  delegations,
  documents,
  taxReturns,
  transactions,
  userSessions,
  users,
} from '../../db/schema';
import { safeFileName } from '../documents/file-name';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import { emails } from '../email/templates';
import type { AuthService } from './auth.service';
import type { DelegationService } from './delegation.service';
import { verifyPassword } from './password';
import type { ProfileService } from './profile.service';
import type { UserVault } from './user-vault';

type UserRow = typeof users.$inferSelect;

/**
 * The ATO asks taxpayers to keep records for five years from lodging a return; closed accounts
 * keep their tax records that long after the latest lodgment, then are removed. Accounts that
 * never lodged are removed after a 30-day grace period.
 * Source: https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/records-you-need-to-keep
 */
const RECORD_KEEPING_YEARS = 5;
const GRACE_DAYS = 30;

/** Stored document bytes are sealed under the owner's data key with this context. */
export const documentField = (documentId: string) => `document:${documentId}`;

/** "Your data": everything Numeri holds about a person, and closing the account. */
export class AccountDataService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly vault: UserVault,
    private readonly blobs: BlobStore,
    private readonly audit: AuditService,
    private readonly emails: EmailService,
    private readonly profiles: ProfileService,
    private readonly auth: AuthService,
    private readonly delegationsService: DelegationService,
  ) {}

  /** A zip with export.json (every record, decrypted) and the original files. */
  async export(user: UserRow, context: AuditContext): Promise<{ stream: Readable; filename: string }> {
    const profile = await this.profiles.get(user);
    const tfn = user.tfnEncrypted ? await this.vault.openText(user, 'tfn', user.tfnEncrypted) : null;
    const [sessions, returns, docs, txns, grants, events] = await Promise.all([
      this.db.select().from(userSessions).where(eq(userSessions.userId, user.id)),
      this.db.select().from(taxReturns).where(eq(taxReturns.ownerId, user.id)),
      this.db.select().from(documents).where(eq(documents.ownerId, user.id)),
      this.db.select().from(transactions).where(eq(transactions.ownerId, user.id)),
      this.db
        .select()
        .from(delegations)
        .where(or(eq(delegations.ownerId, user.id), eq(delegations.reviewerId, user.id))),
      this.db
        .select()
        .from(auditLogs)
        .where(or(eq(auditLogs.actorUserId, user.id), eq(auditLogs.subjectUserId, user.id)))
        .orderBy(auditLogs.seq),
    ]);
    const documentTexts = await Promise.all(
      docs.map(async (doc) =>
        doc.textEncrypted
          ? this.vault.openText(user, `${documentField(doc.id)}:text`, doc.textEncrypted)
          : null,
      ),
    );
    const data = {
      exportedAt: this.clock.now().toISOString(),
      format: 'numeri-export/1',
      profile: { ...profile, tfn: tfn ?? null },
      sessions: sessions.map(({ refreshTokenHash: _hash, ...rest }) => rest),
      taxReturns: returns,
      documents: docs.map(({ textEncrypted: _t, searchVector: _s, storageKey: _k, ...rest }, i) => ({
        ...rest,
        text: documentTexts[i],
        file: `documents/${rest.id}-${safeFileName(rest.originalName)}`,
      })),
      transactions: txns,
      delegations: grants,
      activity: events.map(({ prevHash: _p, hash: _h, ...rest }) => rest),
    };
    const zip = new yazl.ZipFile();
    zip.addBuffer(Buffer.from(JSON.stringify(data, null, 2)), 'export.json');
    for (const doc of docs) {
      const sealed = await this.blobs.get(doc.storageKey).catch(() => null);
      if (sealed)
        zip.addBuffer(
          await this.vault.open(user, documentField(doc.id), sealed),
          `documents/${doc.id}-${safeFileName(doc.originalName)}`,
        );
    }
    zip.end();
    await this.audit.record(context, {
      action: 'account.exported',
      details: { documents: docs.length, returns: returns.length },
    });
    return {
      stream: zip.outputStream as Readable,
      filename: `numeri-export-${this.clock.now().toISOString().slice(0, 10)}.zip`,
    };
  }

  async deletionDate(userId: string): Promise<Date> {
    const [latest] = await this.db
      .select({ lodgedAt: taxReturns.lodgedAt })
      .from(taxReturns)
      .where(and(eq(taxReturns.ownerId, userId), isNotNull(taxReturns.lodgedAt)))
      .orderBy(desc(taxReturns.lodgedAt))
      .limit(1);
    const now = this.clock.now();
    if (latest?.lodgedAt) {
      const due = new Date(latest.lodgedAt);
      due.setUTCFullYear(due.getUTCFullYear() + RECORD_KEEPING_YEARS);
      return due > now ? due : new Date(now.getTime() + GRACE_DAYS * 86_400_000);
    }
    return new Date(now.getTime() + GRACE_DAYS * 86_400_000);
  }

  /** Sign-in stops at once; data stays until the record-keeping period allows removal. */
  async close(user: UserRow, password: string, context: AuditContext) {
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('VALIDATION_FAILED', 'Your password is not right', {
        fieldErrors: [{ field: 'password', message: 'is not right' }],
      });
    }
    const closedAt = this.clock.now();
    const deletionDueAt = await this.deletionDate(user.id);
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ status: 'closed', closedAt, deletionDueAt }).where(eq(users.id, user.id));
      await this.auth.revokeAllSessions(user.id, 'account-closed', undefined, tx);
      await this.audit.record(
        context,
        { action: 'account.closed', details: { deletionDueAt: deletionDueAt.toISOString() } },
        tx,
      );
    });
    await this.delegationsService.endAllFor(user.id);
    const due = deletionDueAt.toLocaleDateString('en-AU', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'Australia/Sydney',
    });
    this.emails.deliver(emails.accountClosed(user.email, due));
    return {
      closedAt: closedAt.toISOString(),
      deletionDueAt: deletionDueAt.toISOString(),
      message: `Your account is closed. We will remove your data on ${due}, when the record-keeping period allows.`,
    };
  }

  /** Removes closed accounts whose time has come: files first, then the rows (cascading). */
  async purgeDue(context: AuditContext): Promise<number> {
    const due = await this.db
      .select()
      .from(users)
      .where(and(eq(users.status, 'closed'), lte(users.deletionDueAt, this.clock.now())));
    for (const user of due) {
      const docs = await this.db
        .select({ id: documents.id })
        .from(documents)
        .where(eq(documents.ownerId, user.id));
      // Every file of the person, including a document's working files (pages, renderings).
      for (const key of await this.blobs.list(`documents/${user.id}/`)) await this.blobs.delete(key);
      await this.db.transaction(async (tx) => {
        await tx.delete(users).where(eq(users.id, user.id));
        await this.audit.record(
          context,
          { action: 'account.purged', subjectUserId: user.id, details: { documents: docs.length } },
          tx,
        );
      });
    }
    return due.length;
  }

  /**
   * Files with no document row: left by a crash between storing an upload and recording it.
   * A key is removed only if it was already an orphan at the previous sweep, so an upload that
   * is mid-way (file stored, row about to commit) is never touched.
   */
  async sweepOrphanFiles(
    previousCandidates: readonly string[],
    context: AuditContext,
  ): Promise<{ candidates: string[]; removed: number }> {
    const keys = await this.blobs.list('documents/');
    const ids = [...new Set(keys.map((key) => key.split('/')[2]).filter((id): id is string => Boolean(id)))];
    const known = new Set<string>();
    for (let i = 0; i < ids.length; i += 500) {
      const rows = await this.db
        .select({ id: documents.id })
        .from(documents)
        .where(
          inArray(
            documents.id,
            ids.slice(i, i + 500).filter((id) => /^[0-9a-f-]{36}$/.test(id)),
          ),
        );
      for (const row of rows) known.add(row.id);
    }
    const orphans = keys.filter((key) => !known.has(key.split('/')[2] ?? ''));
    const earlier = new Set(previousCandidates);
    const stale = orphans.filter((key) => earlier.has(key));
    for (const key of stale) await this.blobs.delete(key);
    if (stale.length)
      await this.audit.record(context, {
        action: 'storage.orphans-removed',
        details: { count: stale.length },
      });
    return { candidates: orphans.filter((key) => !earlier.has(key)), removed: stale.length };
  }
}
