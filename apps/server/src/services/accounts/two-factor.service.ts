import { and, eq, isNull, or, lt, sql } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Clock } from '../../adapters/clock/clock';
import type { Db } from '../../adapters/db/database';
import { recoveryCodes, userSessions, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import { emails } from '../email/templates';
import { randomToken } from './secrets';
import type { SignInThrottle } from './sign-in-throttle';
import { newTotpSecret, totpQrCodeDataUrl, totpUri, verifyTotp } from './totp';
import type { UserVault } from './user-vault';

type UserRow = typeof users.$inferSelect;

/** How long a fresh second factor unlocks sensitive actions (TFN, email, password, 2FA, lodging). */
export const STEP_UP_WINDOW_MS = 10 * 60_000;
const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function normaliseRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashRecoveryCode(userId: string, code: string): string {
  return createHash('sha256')
    .update(`${userId}:${normaliseRecoveryCode(code)}`)
    .digest('hex');
}

/** Ten groups of random letters like "k7m2p-q9xw4": 50 bits each, easy to read aloud. */
function newRecoveryCode(): string {
  const bytes = Buffer.from(randomToken(16), 'base64url');
  const chars = [...bytes.subarray(0, 10)].map((b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]!);
  return `${chars.slice(0, 5).join('')}-${chars.slice(5).join('')}`;
}

/**
 * TOTP two-factor authentication: enrolment with a QR code, single-use recovery codes, the
 * second step of sign-in, and step-up before sensitive actions. Failed codes count toward a
 * per-user lockout so six digits cannot be brute-forced.
 */
export class TwoFactorService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly vault: UserVault,
    private readonly audit: AuditService,
    private readonly throttle: SignInThrottle,
    private readonly emails: EmailService,
    private readonly require2fa: boolean,
  ) {}

  async beginSetup(user: UserRow, context: AuditContext) {
    if (user.totpEnabledAt)
      throw new AppError(
        'CONFLICT',
        'Two-factor authentication is already on. Turn it off first to use a new device.',
      );
    const secret = newTotpSecret();
    await this.db
      .update(users)
      .set({ totpPendingSecretEncrypted: await this.vault.seal(user, 'totp-pending', secret) })
      .where(eq(users.id, user.id));
    await this.audit.record(context, { action: '2fa.setup-started' });
    const uri = totpUri(secret, user.email);
    return { secret, otpauthUri: uri, qrCodeDataUrl: await totpQrCodeDataUrl(uri) };
  }

  /** Confirms enrolment with a first code; returns the recovery codes (shown once). */
  async enable(user: UserRow, code: string, sessionId: string, context: AuditContext) {
    if (user.totpEnabledAt) throw new AppError('CONFLICT', 'Two-factor authentication is already on.');
    if (!user.totpPendingSecretEncrypted)
      throw new AppError('CONFLICT', 'Start the set-up first: scan a new QR code.');
    await this.assertNotLocked(user.id);
    const secret = await this.vault.openText(user, 'totp-pending', user.totpPendingSecretEncrypted);
    const step = await verifyTotp(secret, code, this.clock.now().getTime());
    if (step === null) {
      await this.failed(user.id, context, 'enable');
      throw new AppError('VALIDATION_FAILED', 'That code is not right', {
        fieldErrors: [
          { field: 'code', message: 'does not match; check the time on your phone and try the newest code' },
        ],
      });
    }
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    const now = this.clock.now();
    const sealed = await this.vault.seal(user, 'totp', secret);
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          totpSecretEncrypted: sealed,
          totpPendingSecretEncrypted: null,
          totpEnabledAt: now,
          totpLastTimeStep: step,
        })
        .where(eq(users.id, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await tx
        .insert(recoveryCodes)
        .values(codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(user.id, c) })));
      await tx
        .update(userSessions)
        .set({ mfaVerifiedAt: now })
        .where(and(eq(userSessions.familyId, sessionId), isNull(userSessions.rotatedAt)));
      await this.audit.record(context, { action: '2fa.enabled' }, tx);
    });
    await this.throttle.reset(`2fa:${user.id}`);
    this.emails.deliver(emails.twoFactorChanged(user.email, true));
    return { recoveryCodes: codes };
  }

  /** A second factor from a user with 2FA on: a TOTP code (never reused) or a recovery code (once). */
  async verifySecondFactor(
    user: UserRow,
    code: string,
    context: AuditContext,
    purpose: string,
  ): Promise<void> {
    if (!user.totpEnabledAt || !user.totpSecretEncrypted)
      throw new AppError('MFA_ENROLMENT_REQUIRED', 'Turn on two-factor authentication first.');
    await this.assertNotLocked(user.id);
    const trimmed = code.trim();
    if (/^\d{6}$/.test(trimmed)) {
      const secret = await this.vault.openText(user, 'totp', user.totpSecretEncrypted);
      const step = await verifyTotp(secret, trimmed, this.clock.now().getTime(), user.totpLastTimeStep);
      if (step !== null) {
        // Conditional, so two requests racing with the same code cannot both win.
        const [accepted] = await this.db
          .update(users)
          .set({ totpLastTimeStep: step })
          .where(
            and(eq(users.id, user.id), or(isNull(users.totpLastTimeStep), lt(users.totpLastTimeStep, step))),
          )
          .returning({ id: users.id });
        if (accepted) {
          await this.throttle.reset(`2fa:${user.id}`);
          await this.audit.record(context, { action: '2fa.verified', details: { purpose, method: 'totp' } });
          return;
        }
      }
    } else {
      const [used] = await this.db
        .update(recoveryCodes)
        .set({ usedAt: this.clock.now() })
        .where(
          and(
            eq(recoveryCodes.userId, user.id),
            eq(recoveryCodes.codeHash, hashRecoveryCode(user.id, trimmed)),
            isNull(recoveryCodes.usedAt),
          ),
        )
        .returning({ id: recoveryCodes.id });
      if (used) {
        await this.throttle.reset(`2fa:${user.id}`);
        const [{ remaining } = { remaining: 0 }] = await this.db
          .select({ remaining: sql<number>`count(*)::int` })
          .from(recoveryCodes)
          .where(and(eq(recoveryCodes.userId, user.id), isNull(recoveryCodes.usedAt)));
        await this.audit.record(context, {
          action: '2fa.recovery-code-used',
          details: { purpose, remaining },
        });
        return;
      }
    }
    await this.failed(user.id, context, purpose);
    // Not 401: the person is who they say (or mid sign-in); only this code is wrong.
    throw new AppError(
      'INVALID_SECOND_FACTOR',
      'That code is not right. Use the newest code from your app, or a recovery code.',
      {
        fieldErrors: [
          { field: 'code', message: 'is not right; use the newest code from your app, or a recovery code' },
        ],
      },
    );
  }

  private async assertNotLocked(userId: string): Promise<void> {
    const lockedFor = await this.throttle.lockedFor(`2fa:${userId}`);
    if (lockedFor > 0) {
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many wrong codes. Try again in ${Math.ceil(lockedFor / 60)} minute(s).`,
        { retryAfterSeconds: lockedFor },
      );
    }
  }

  private async failed(userId: string, context: AuditContext, purpose: string): Promise<void> {
    await this.throttle.fail(`2fa:${userId}`);
    await this.audit.record(context, {
      action: '2fa.verified',
      outcome: 'failure',
      subjectUserId: userId,
      details: { purpose },
    });
  }

  /** Proves the second factor again for this session: sensitive actions are open for 10 minutes. */
  async stepUp(user: UserRow, code: string, sessionId: string, context: AuditContext): Promise<Date> {
    await this.verifySecondFactor(user, code, context, 'step-up');
    const now = this.clock.now();
    await this.db
      .update(userSessions)
      .set({ mfaVerifiedAt: now })
      .where(
        and(
          eq(userSessions.familyId, sessionId),
          isNull(userSessions.rotatedAt),
          isNull(userSessions.revokedAt),
        ),
      );
    return new Date(now.getTime() + STEP_UP_WINDOW_MS);
  }

  async disable(user: UserRow, code: string, context: AuditContext): Promise<void> {
    if (this.require2fa)
      throw new AppError(
        'FORBIDDEN',
        'Two-factor authentication is required for every account here and cannot be turned off.',
      );
    await this.verifySecondFactor(user, code, context, 'disable');
    await this.db.transaction(async (tx) => {
      await tx
        .update(users)
        .set({
          totpSecretEncrypted: null,
          totpPendingSecretEncrypted: null,
          totpEnabledAt: null,
          totpLastTimeStep: null,
        })
        .where(eq(users.id, user.id));
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await this.audit.record(context, { action: '2fa.disabled' }, tx);
    });
    this.emails.deliver(emails.twoFactorChanged(user.email, false));
  }

  async regenerateRecoveryCodes(user: UserRow, code: string, context: AuditContext) {
    await this.verifySecondFactor(user, code, context, 'recovery-codes');
    const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
    await this.db.transaction(async (tx) => {
      await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, user.id));
      await tx
        .insert(recoveryCodes)
        .values(codes.map((c) => ({ userId: user.id, codeHash: hashRecoveryCode(user.id, c) })));
      await this.audit.record(context, { action: '2fa.recovery-codes-regenerated' }, tx);
    });
    return { recoveryCodes: codes };
  }

  async remainingRecoveryCodes(userId: string): Promise<number> {
    const [row] = await this.db
      .select({ remaining: sql<number>`count(*)::int` })
      .from(recoveryCodes)
      .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
    return row?.remaining ?? 0;
  }
}
