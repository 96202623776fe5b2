import { eq } from 'drizzle-orm';
import { isValidTfn, maskTfn, type Profile, type ProfileUpdate, type Role } from '@numeri/contracts';
import type { Db } from '../../adapters/db/database';
import { users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import { emails } from '../email/templates';
import type { AccountTokens } from './account-tokens';
import type { AuthService } from './auth.service';
import { hashPassword, passwordProblem, verifyPassword } from './password';
import type { TwoFactorService } from './two-factor.service';
import type { UserVault } from './user-vault';

type UserRow = typeof users.$inferSelect;

/**
 * A person's own details. Phone, date of birth, postal address and TFN are encrypted under the
 * user's data key; the TFN is shown only masked unless the session has just proved a second factor.
 */
export class ProfileService {
  constructor(
    private readonly db: Db,
    private readonly vault: UserVault,
    private readonly audit: AuditService,
    private readonly emails: EmailService,
    private readonly accountTokens: AccountTokens,
    private readonly twoFactor: TwoFactorService,
    private readonly auth: AuthService,
    private readonly publicUrl: string,
  ) {}

  private async open(user: UserRow, field: string, sealed: Buffer | null): Promise<string | null> {
    return sealed ? this.vault.openText(user, field, sealed) : null;
  }

  async get(user: UserRow): Promise<Profile> {
    const tfn = await this.open(user, 'tfn', user.tfnEncrypted);
    const address = await this.open(user, 'postal-address', user.postalAddressEncrypted);
    return {
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
      phone: await this.open(user, 'phone', user.phoneEncrypted),
      dateOfBirth: await this.open(user, 'date-of-birth', user.dateOfBirthEncrypted),
      postalAddress: address ? JSON.parse(address) : null,
      residency: (user.residency as Profile['residency']) ?? null,
      tfn: { present: tfn !== null, masked: tfn ? maskTfn(tfn) : null },
      role: user.role as Role,
      emailVerified: user.emailVerifiedAt !== null,
      twoFactorEnabled: user.totpEnabledAt !== null,
      recoveryCodesRemaining: user.totpEnabledAt ? await this.twoFactor.remainingRecoveryCodes(user.id) : 0,
    };
  }

  async update(user: UserRow, changes: ProfileUpdate, context: AuditContext): Promise<Profile> {
    const patch: Partial<typeof users.$inferInsert> = {};
    if (changes.givenName !== undefined) patch.givenName = changes.givenName;
    if (changes.familyName !== undefined) patch.familyName = changes.familyName;
    if (changes.residency !== undefined) patch.residency = changes.residency;
    if (changes.phone !== undefined)
      patch.phoneEncrypted = changes.phone ? await this.vault.seal(user, 'phone', changes.phone) : null;
    if (changes.dateOfBirth !== undefined) {
      patch.dateOfBirthEncrypted = changes.dateOfBirth
        ? await this.vault.seal(user, 'date-of-birth', changes.dateOfBirth)
        : null;
    }
    if (changes.postalAddress !== undefined) {
      patch.postalAddressEncrypted = changes.postalAddress
        ? await this.vault.seal(user, 'postal-address', JSON.stringify(changes.postalAddress))
        : null;
    }
    const [updated] = await this.db.transaction(async (tx) => {
      const rows = Object.keys(patch).length
        ? await tx.update(users).set(patch).where(eq(users.id, user.id)).returning()
        : [user];
      // Which fields changed, never their values.
      await this.audit.record(
        context,
        { action: 'profile.updated', details: { fields: Object.keys(changes).sort() } },
        tx,
      );
      return rows;
    });
    return this.get(updated!);
  }

  async revealTfn(user: UserRow, context: AuditContext): Promise<string | null> {
    const tfn = await this.open(user, 'tfn', user.tfnEncrypted);
    await this.audit.record(context, { action: 'profile.tfn-viewed' });
    return tfn;
  }

  async setTfn(user: UserRow, tfn: string, context: AuditContext): Promise<Profile> {
    if (!isValidTfn(tfn)) {
      throw new AppError('VALIDATION_FAILED', 'That TFN is not valid', {
        fieldErrors: [
          { field: 'tfn', message: 'is not a valid tax file number (check digit does not match)' },
        ],
      });
    }
    const sealed = await this.vault.seal(user, 'tfn', tfn);
    const [updated] = await this.db.transaction(async (tx) => {
      const rows = await tx
        .update(users)
        .set({ tfnEncrypted: sealed })
        .where(eq(users.id, user.id))
        .returning();
      await this.audit.record(context, { action: 'profile.tfn-changed' }, tx);
      return rows;
    });
    return this.get(updated!);
  }

  async changePassword(
    user: UserRow,
    currentPassword: string,
    newPassword: string,
    sessionId: string,
    context: AuditContext,
  ): Promise<void> {
    if (!(await verifyPassword(user.passwordHash, currentPassword))) {
      await this.audit.record(context, {
        action: 'account.password-changed',
        outcome: 'failure',
        details: { reason: 'current-password' },
      });
      throw new AppError('VALIDATION_FAILED', 'Your current password is not right', {
        fieldErrors: [{ field: 'currentPassword', message: 'is not right' }],
      });
    }
    const problem = passwordProblem(newPassword, [user.email, user.givenName, user.familyName]);
    if (problem)
      throw new AppError('VALIDATION_FAILED', 'Choose a stronger password', {
        fieldErrors: [{ field: 'newPassword', message: problem }],
      });
    const passwordHash = await hashPassword(newPassword);
    await this.db.transaction(async (tx) => {
      await tx.update(users).set({ passwordHash }).where(eq(users.id, user.id));
      await this.auth.revokeAllSessions(user.id, 'password-changed', sessionId, tx);
      await this.audit.record(context, { action: 'account.password-changed' }, tx);
    });
    this.emails.deliver(emails.passwordChanged(user.email));
  }

  /** Sends a confirmation link to the new address; the change happens when it is opened. */
  async requestEmailChange(user: UserRow, newEmail: string, password: string, context: AuditContext) {
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw new AppError('VALIDATION_FAILED', 'Your password is not right', {
        fieldErrors: [{ field: 'password', message: 'is not right' }],
      });
    }
    if (newEmail === user.email) {
      throw new AppError('VALIDATION_FAILED', 'That is already your email', {
        fieldErrors: [{ field: 'newEmail', message: 'is your current email' }],
      });
    }
    const [taken] = await this.db.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
    if (taken) {
      this.emails.deliver(emails.emailChangeBlocked(newEmail));
    } else {
      const token = await this.accountTokens.issue(this.db, user.id, 'change-email', { newEmail });
      this.emails.deliver(
        emails.confirmEmailChange(newEmail, `${this.publicUrl}/confirm-email-change?token=${token}`),
      );
    }
    await this.audit.record(context, { action: 'account.email-change-requested' });
    return { message: `We sent a link to ${newEmail}. Open it to finish the change.` };
  }

  async confirmEmailChange(token: string, context: AuditContext) {
    const result = await this.db.transaction(async (tx) => {
      const used = await this.accountTokens.consume(tx, token, 'change-email');
      if (!used) return null;
      const newEmail = String(used.data.newEmail);
      const [before] = await tx.select().from(users).where(eq(users.id, used.userId));
      if (!before || before.status !== 'active') return null;
      const [taken] = await tx.select({ id: users.id }).from(users).where(eq(users.email, newEmail));
      if (taken) throw new AppError('CONFLICT', 'That email address now belongs to another account.');
      await tx
        .update(users)
        .set({ email: newEmail, emailVerifiedAt: new Date() })
        .where(eq(users.id, before.id));
      await this.audit.record(
        { ...context, actorUserId: before.id },
        { action: 'account.email-changed' },
        tx,
      );
      return { oldEmail: before.email, newEmail };
    });
    if (!result) throw new AppError('GONE', 'This link has expired or was already used.');
    this.emails.deliver(emails.emailChanged(result.oldEmail, result.newEmail));
    return { message: 'Your email is changed.' };
  }
}
