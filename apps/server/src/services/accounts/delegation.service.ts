import { and, eq, or } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Delegation } from '@numeri/contracts';
import type { Db } from '../../adapters/db/database';
import { delegations, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import { emails } from '../email/templates';
import type { AccountTokens } from './account-tokens';

type UserRow = typeof users.$inferSelect;

const owners = alias(users, 'owner');
const reviewers = alias(users, 'reviewer');

/**
 * A taxpayer invites a reviewer (their tax agent) by email; once accepted, the reviewer can read
 * and comment on that taxpayer's returns and documents until the taxpayer revokes it. Reviewers
 * must have two-factor authentication on.
 */
export class DelegationService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly emails: EmailService,
    private readonly accountTokens: AccountTokens,
    private readonly publicUrl: string,
  ) {}

  private async fetch(where: ReturnType<typeof and>) {
    const rows = await this.db
      .select({ d: delegations, owner: owners, reviewer: reviewers })
      .from(delegations)
      .innerJoin(owners, eq(owners.id, delegations.ownerId))
      .leftJoin(reviewers, eq(reviewers.id, delegations.reviewerId))
      .where(where)
      .orderBy(delegations.createdAt);
    return rows.map(({ d, owner, reviewer }): Delegation => ({
      id: d.id,
      status: d.status,
      owner: { id: owner.id, name: `${owner.givenName} ${owner.familyName}`.trim(), email: owner.email },
      reviewer: {
        id: reviewer?.id ?? null,
        name: reviewer ? `${reviewer.givenName} ${reviewer.familyName}`.trim() : null,
        email: reviewer?.email ?? d.inviteEmail,
      },
      createdAt: d.createdAt.toISOString(),
      acceptedAt: d.acceptedAt?.toISOString() ?? null,
    }));
  }

  async list(userId: string) {
    return {
      granted: await this.fetch(eq(delegations.ownerId, userId)),
      received: await this.fetch(
        and(
          eq(delegations.reviewerId, userId),
          or(eq(delegations.status, 'active'), eq(delegations.status, 'revoked')),
        ),
      ),
    };
  }

  async invite(owner: UserRow, email: string, context: AuditContext): Promise<Delegation> {
    if (email === owner.email) {
      throw new AppError('VALIDATION_FAILED', 'You cannot invite yourself', {
        fieldErrors: [{ field: 'email', message: 'is your own email' }],
      });
    }
    const id = await this.db.transaction(async (tx) => {
      const [created] = await tx
        .insert(delegations)
        .values({ ownerId: owner.id, inviteEmail: email })
        .returning({ id: delegations.id });
      const token = await this.accountTokens.issue(tx, owner.id, 'delegation-invite', {
        delegationId: created!.id,
      });
      await this.audit.record(
        context,
        { action: 'delegation.invited', targetType: 'delegation', targetId: created!.id },
        tx,
      );
      this.emails.deliver(
        emails.delegationInvite(
          email,
          `${owner.givenName} ${owner.familyName}`.trim() || owner.email,
          `${this.publicUrl}/invitations/accept?token=${token}`,
        ),
      );
      return created!.id;
    });
    return (await this.fetch(eq(delegations.id, id)))[0]!;
  }

  async accept(reviewer: UserRow, token: string, context: AuditContext): Promise<Delegation> {
    if (!reviewer.totpEnabledAt) {
      throw new AppError(
        'MFA_ENROLMENT_REQUIRED',
        'Reviewers see other people’s tax data: turn on two-factor authentication, then open the invitation again.',
      );
    }
    const id = await this.db.transaction(async (tx) => {
      const used = await this.accountTokens.consume(tx, token, 'delegation-invite');
      if (!used) throw new AppError('GONE', 'This invitation has expired, was revoked or was already used.');
      const delegationId = String(used.data.delegationId);
      const [row] = await tx.select().from(delegations).where(eq(delegations.id, delegationId));
      if (!row || row.status !== 'invited')
        throw new AppError('GONE', 'This invitation has expired, was revoked or was already used.');
      if (row.inviteEmail !== reviewer.email) {
        throw new AppError(
          'FORBIDDEN',
          'This invitation was sent to another email address. Sign in with that address to accept it.',
        );
      }
      if (row.ownerId === reviewer.id) throw new AppError('FORBIDDEN', 'You cannot review your own return.');
      await tx
        .update(delegations)
        .set({ reviewerId: reviewer.id, status: 'active', acceptedAt: new Date() })
        .where(eq(delegations.id, row.id));
      if (reviewer.role === 'taxpayer') {
        await tx.update(users).set({ role: 'reviewer' }).where(eq(users.id, reviewer.id));
        await this.audit.record(
          context,
          {
            action: 'account.role-changed',
            details: { from: 'taxpayer', to: 'reviewer', via: 'delegation' },
          },
          tx,
        );
      }
      await this.audit.record(
        context,
        {
          action: 'delegation.accepted',
          subjectUserId: row.ownerId,
          targetType: 'delegation',
          targetId: row.id,
        },
        tx,
      );
      return row.id;
    });
    return (await this.fetch(eq(delegations.id, id)))[0]!;
  }

  /** The owner revokes, or the reviewer steps away; either ends access at once. */
  async end(user: UserRow, delegationId: string, context: AuditContext): Promise<void> {
    const [row] = await this.db
      .select()
      .from(delegations)
      .where(
        and(
          eq(delegations.id, delegationId),
          or(eq(delegations.ownerId, user.id), eq(delegations.reviewerId, user.id)),
        ),
      );
    if (!row) throw new AppError('NOT_FOUND', 'No such delegation');
    if (row.status === 'revoked' || row.status === 'declined') return;
    const byOwner = row.ownerId === user.id;
    await this.db.transaction(async (tx) => {
      await tx
        .update(delegations)
        .set({ status: byOwner ? 'revoked' : 'declined', endedAt: new Date() })
        .where(eq(delegations.id, row.id));
      await this.audit.record(
        context,
        {
          action: byOwner ? 'delegation.revoked' : 'delegation.declined',
          subjectUserId: row.ownerId,
          targetType: 'delegation',
          targetId: row.id,
        },
        tx,
      );
    });
  }

  async endAllFor(userId: string): Promise<void> {
    await this.db
      .update(delegations)
      .set({ status: 'revoked', endedAt: new Date() })
      .where(
        and(
          or(eq(delegations.ownerId, userId), eq(delegations.reviewerId, userId)),
          or(eq(delegations.status, 'active'), eq(delegations.status, 'invited')),
        ),
      );
  }

  async isActiveReviewer(ownerId: string, reviewerId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: delegations.id })
      .from(delegations)
      .where(
        and(
          eq(delegations.ownerId, ownerId),
          eq(delegations.reviewerId, reviewerId),
          eq(delegations.status, 'active'),
        ),
      )
      .limit(1);
    return Boolean(row);
  }
}
