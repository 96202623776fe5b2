import { and, desc, eq, gt, isNull, ne } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { CurrentUser, Role, SessionTokens } from '@numeri/contracts';
import type { Clock } from '../../adapters/clock/clock';
import type { Db, DbOrTx } from '../../adapters/db/database';
import { userSessions, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { Metrics } from '../../observability/metrics';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { EmailService } from '../email/email.service';
import { emails } from '../email/templates';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from './access-tokens';
import type { AccountTokens } from './account-tokens';
import { dummyPasswordHash, hashPassword, passwordProblem, verifyPassword } from './password';
import { hashToken, randomToken } from './secrets';
import type { SignInThrottle } from './sign-in-throttle';
import type { TwoFactorService } from './two-factor.service';
import type { UserVault } from './user-vault';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60_000;

/** Where a request came from, for sessions and the audit trail. */
export interface RequestMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
}

export type UserRow = typeof users.$inferSelect;

export interface IssuedSession {
  tokens: SessionTokens;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export function auditContext(meta: RequestMeta, actorUserId: string | null): AuditContext {
  return { actorUserId, ip: meta.ip, userAgent: meta.userAgent, requestId: meta.requestId };
}

const INVALID_CREDENTIALS = 'The email or password is not right';
const UNIFORM_SIGN_UP = 'Check your inbox: we sent a link to finish setting up your account.';
const UNIFORM_FORGOT = 'If an account uses that email, we sent it a link to reset the password.';

export interface AuthServiceDeps {
  db: Db;
  clock: Clock;
  audit: AuditService;
  emails: EmailService;
  tokens: AccessTokens;
  accountTokens: AccountTokens;
  throttle: SignInThrottle;
  vault: UserVault;
  metrics: Metrics;
  twoFactor: TwoFactorService;
  publicUrl: string;
  require2fa: boolean;
}

/**
 * Sign-up, email verification, sign-in (with the second-factor step), refresh-token rotation,
 * sign-out and password reset. Responses that could reveal whether an email has an account are
 * identical either way, in content and in work done.
 */
export class AuthService {
  constructor(private readonly d: AuthServiceDeps) {}

  toCurrentUser(user: UserRow): CurrentUser {
    return {
      id: user.id,
      email: user.email,
      givenName: user.givenName,
      familyName: user.familyName,
      role: user.role as Role,
      emailVerified: user.emailVerifiedAt !== null,
      twoFactorEnabled: user.totpEnabledAt !== null,
      twoFactorEnrolmentRequired: this.d.require2fa && user.totpEnabledAt === null,
    };
  }

  async signUp(
    input: { email: string; password: string; givenName: string; familyName: string },
    meta: RequestMeta,
  ) {
    const problem = passwordProblem(input.password, [input.email, input.givenName, input.familyName]);
    if (problem)
      throw new AppError('VALIDATION_FAILED', 'Choose a stronger password', {
        fieldErrors: [{ field: 'password', message: problem }],
      });
    // Hash first, whatever happens next, so both paths cost the same.
    const passwordHash = await hashPassword(input.password);
    const { wrapped } = await this.d.vault.newDataKey();
    const created = await this.d.db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email: input.email,
          passwordHash,
          givenName: input.givenName,
          familyName: input.familyName,
          dataKeyWrapped: wrapped,
        })
        .onConflictDoNothing({ target: users.email })
        .returning();
      if (!user) return null;
      const token = await this.d.accountTokens.issue(tx, user.id, 'verify-email');
      await this.d.audit.record(
        auditContext(meta, user.id),
        { action: 'auth.sign-up', targetType: 'user', targetId: user.id },
        tx,
      );
      return { user, token };
    });
    if (created) {
      this.d.emails.deliver(
        emails.verifyEmail(input.email, `${this.d.publicUrl}/verify-email?token=${created.token}`),
      );
    } else {
      this.d.emails.deliver(emails.accountExists(input.email, `${this.d.publicUrl}/forgot-password`));
    }
    return { message: UNIFORM_SIGN_UP };
  }

  async resendVerification(email: string, meta: RequestMeta) {
    const [user] = await this.d.db.select().from(users).where(eq(users.email, email));
    if (user && !user.emailVerifiedAt && user.status === 'active') {
      await this.d.accountTokens.revokeAll(this.d.db, user.id, 'verify-email');
      const token = await this.d.accountTokens.issue(this.d.db, user.id, 'verify-email');
      await this.d.audit.record(auditContext(meta, user.id), {
        action: 'auth.verification-resent',
        targetType: 'user',
        targetId: user.id,
      });
      this.d.emails.deliver(
        emails.verifyEmail(user.email, `${this.d.publicUrl}/verify-email?token=${token}`),
      );
    }
    return { message: 'If that address is waiting to be confirmed, we sent a new link.' };
  }

  async verifyEmail(token: string, meta: RequestMeta) {
    const verified = await this.d.db.transaction(async (tx) => {
      const used = await this.d.accountTokens.consume(tx, token, 'verify-email');
      if (!used) return false;
      await tx.update(users).set({ emailVerifiedAt: this.d.clock.now() }).where(eq(users.id, used.userId));
      await this.d.audit.record(
        auditContext(meta, used.userId),
        { action: 'auth.email-verified', targetType: 'user', targetId: used.userId },
        tx,
      );
      return true;
    });
    if (!verified)
      throw new AppError('GONE', 'This link has expired or was already used. Sign in to get a new one.');
    return { message: 'Your email is confirmed. You can sign in now.' };
  }

  /** Step one: the password. Returns a session, or a challenge when the account has 2FA. */
  async signIn(
    email: string,
    password: string,
    meta: RequestMeta,
  ): Promise<IssuedSession | { mfaToken: string }> {
    const lockedFor = await this.d.throttle.lockedFor(`email:${email}`);
    if (lockedFor > 0) {
      this.d.metrics.signInFailures.inc({ reason: 'locked' });
      await this.d.audit.record(auditContext(meta, null), {
        action: 'auth.sign-in',
        outcome: 'denied',
        subjectUserId: null,
        details: { reason: 'locked' },
      });
      throw new AppError(
        'ACCOUNT_LOCKED',
        `Too many failed attempts. Try again in ${Math.ceil(lockedFor / 60)} minute(s), or reset your password.`,
        { retryAfterSeconds: lockedFor },
      );
    }
    const [user] = await this.d.db.select().from(users).where(eq(users.email, email));
    const valid = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyPassword(await dummyPasswordHash(), password).then(() => false);
    if (!user || !valid || user.status !== 'active') {
      await this.d.throttle.fail(`email:${email}`);
      this.d.metrics.signInFailures.inc({ reason: user ? 'password' : 'unknown-email' });
      await this.d.audit.record(auditContext(meta, null), {
        action: 'auth.sign-in',
        outcome: 'failure',
        subjectUserId: user?.id ?? null,
        details: { reason: !user ? 'no-account' : user.status !== 'active' ? 'closed' : 'password' },
      });
      throw new AppError('UNAUTHENTICATED', INVALID_CREDENTIALS);
    }
    await this.d.throttle.reset(`email:${email}`);
    if (!user.emailVerifiedAt) {
      await this.d.audit.record(auditContext(meta, user.id), {
        action: 'auth.sign-in',
        outcome: 'denied',
        details: { reason: 'email-not-verified' },
      });
      throw new AppError(
        'EMAIL_NOT_VERIFIED',
        'Confirm your email address first: open the link we sent you, or ask for a new one.',
      );
    }
    if (user.totpEnabledAt) {
      await this.d.audit.record(auditContext(meta, user.id), {
        action: 'auth.sign-in.password-accepted',
        details: { next: '2fa' },
      });
      return { mfaToken: await this.d.tokens.signMfaChallenge(user.id) };
    }
    const session = await this.createSession(user, meta, false);
    await this.d.audit.record(auditContext(meta, user.id), {
      action: 'auth.sign-in',
      details: { twoFactor: false },
    });
    return session;
  }

  /** Step two: the second factor, proving the challenge from step one. */
  async completeMfaSignIn(mfaToken: string, code: string, meta: RequestMeta): Promise<IssuedSession> {
    const userId = await this.d.tokens.verifyMfaChallenge(mfaToken);
    if (!userId)
      throw new AppError('UNAUTHENTICATED', 'This sign-in has expired. Enter your email and password again.');
    const [user] = await this.d.db.select().from(users).where(eq(users.id, userId));
    if (!user || user.status !== 'active' || !user.totpEnabledAt) {
      throw new AppError('UNAUTHENTICATED', 'This sign-in has expired. Enter your email and password again.');
    }
    await this.d.twoFactor.verifySecondFactor(user, code, auditContext(meta, user.id), 'sign-in');
    const session = await this.createSession(user, meta, true);
    await this.d.audit.record(auditContext(meta, user.id), {
      action: 'auth.sign-in',
      details: { twoFactor: true },
    });
    return session;
  }

  private async createSession(
    user: UserRow,
    meta: RequestMeta,
    mfaVerified: boolean,
    familyId: string = randomUUID(),
    executor: DbOrTx = this.d.db,
  ): Promise<IssuedSession> {
    const refreshToken = randomToken();
    const now = this.d.clock.now();
    const refreshExpiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_MS);
    await executor.insert(userSessions).values({
      userId: user.id,
      familyId,
      refreshTokenHash: hashToken(refreshToken),
      expiresAt: refreshExpiresAt,
      mfaVerifiedAt: mfaVerified ? now : null,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 300) ?? null,
      lastUsedAt: now,
    });
    const accessToken = await this.d.tokens.signAccess({
      userId: user.id,
      sessionId: familyId,
      role: user.role as Role,
    });
    return {
      tokens: {
        status: 'signed-in',
        accessToken,
        expiresIn: ACCESS_TOKEN_TTL_SECONDS,
        user: this.toCurrentUser(user),
      },
      refreshToken,
      refreshExpiresAt,
    };
  }

  /**
   * Rotates a refresh token: the presented one is spent and a new one issued in the same family.
   * Presenting a token that was already rotated means it was copied: the whole family is revoked.
   */
  async refresh(refreshToken: string, meta: RequestMeta): Promise<IssuedSession> {
    const now = this.d.clock.now();
    const expired = () => new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    const [row] = await this.d.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.refreshTokenHash, hashToken(refreshToken)));
    if (!row || row.revokedAt || row.expiresAt <= now) throw expired();
    if (row.rotatedAt) {
      await this.revokeFamily(row.familyId, 'refresh-token-reuse');
      await this.d.audit.record(auditContext(meta, null), {
        action: 'auth.refresh-token-reuse',
        outcome: 'denied',
        subjectUserId: row.userId,
        targetType: 'session',
        targetId: row.familyId,
      });
      throw expired();
    }
    const [user] = await this.d.db.select().from(users).where(eq(users.id, row.userId));
    if (!user || user.status !== 'active') throw expired();
    return this.d.db.transaction(async (tx) => {
      const [spent] = await tx
        .update(userSessions)
        .set({ rotatedAt: now, lastUsedAt: now })
        .where(
          and(eq(userSessions.id, row.id), isNull(userSessions.rotatedAt), isNull(userSessions.revokedAt)),
        )
        .returning();
      if (!spent) throw expired(); // lost a race with a concurrent rotation
      const issued = await this.createSession(user, meta, false, row.familyId, tx);
      // The second-factor proof belongs to the session, not to one token of it.
      await tx
        .update(userSessions)
        .set({ mfaVerifiedAt: row.mfaVerifiedAt, createdAt: row.createdAt })
        .where(eq(userSessions.refreshTokenHash, hashToken(issued.refreshToken)));
      return issued;
    });
  }

  async revokeFamily(familyId: string, reason: string): Promise<void> {
    await this.d.db
      .update(userSessions)
      .set({ revokedAt: this.d.clock.now(), revokedReason: reason })
      .where(and(eq(userSessions.familyId, familyId), isNull(userSessions.revokedAt)));
  }

  async revokeAllSessions(
    userId: string,
    reason: string,
    exceptFamilyId?: string,
    executor: DbOrTx = this.d.db,
  ): Promise<void> {
    await executor
      .update(userSessions)
      .set({ revokedAt: this.d.clock.now(), revokedReason: reason })
      .where(
        and(
          eq(userSessions.userId, userId),
          isNull(userSessions.revokedAt),
          ...(exceptFamilyId ? [ne(userSessions.familyId, exceptFamilyId)] : []),
        ),
      );
  }

  async signOut(refreshToken: string | undefined, meta: RequestMeta): Promise<void> {
    if (!refreshToken) return;
    const [row] = await this.d.db
      .select()
      .from(userSessions)
      .where(eq(userSessions.refreshTokenHash, hashToken(refreshToken)));
    if (!row) return;
    await this.revokeFamily(row.familyId, 'signed-out');
    await this.d.audit.record(auditContext(meta, row.userId), {
      action: 'auth.sign-out',
      targetType: 'session',
      targetId: row.familyId,
    });
  }

  async signOutEverywhere(userId: string, meta: RequestMeta): Promise<void> {
    await this.revokeAllSessions(userId, 'signed-out-everywhere');
    await this.d.audit.record(auditContext(meta, userId), { action: 'auth.sign-out-everywhere' });
  }

  /** The current, unrevoked token of each session of a user (one row per session). */
  async listSessions(userId: string, currentFamilyId: string) {
    const now = this.d.clock.now();
    const rows = await this.d.db
      .select()
      .from(userSessions)
      .where(
        and(
          eq(userSessions.userId, userId),
          isNull(userSessions.revokedAt),
          isNull(userSessions.rotatedAt),
          gt(userSessions.expiresAt, now),
        ),
      )
      .orderBy(desc(userSessions.lastUsedAt));
    return rows.map((row) => ({
      id: row.familyId,
      current: row.familyId === currentFamilyId,
      device: describeUserAgent(row.userAgent),
      ip: row.ip,
      createdAt: row.createdAt.toISOString(),
      lastUsedAt: row.lastUsedAt.toISOString(),
    }));
  }

  async revokeSession(userId: string, familyId: string, meta: RequestMeta): Promise<void> {
    const [row] = await this.d.db
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(
        and(
          eq(userSessions.userId, userId),
          eq(userSessions.familyId, familyId),
          isNull(userSessions.revokedAt),
        ),
      )
      .limit(1);
    if (!row) throw new AppError('NOT_FOUND', 'No such session');
    await this.revokeFamily(familyId, 'revoked-by-user');
    await this.d.audit.record(auditContext(meta, userId), {
      action: 'session.revoked',
      targetType: 'session',
      targetId: familyId,
    });
  }

  async forgotPassword(email: string, meta: RequestMeta) {
    const [user] = await this.d.db.select().from(users).where(eq(users.email, email));
    if (user && user.status === 'active') {
      const token = await this.d.accountTokens.issue(this.d.db, user.id, 'reset-password');
      await this.d.audit.record(auditContext(meta, null), {
        action: 'auth.password-reset-requested',
        subjectUserId: user.id,
      });
      this.d.emails.deliver(
        emails.resetPassword(user.email, `${this.d.publicUrl}/reset-password?token=${token}`),
      );
    } else {
      // Same database round trips and the same response as the path above.
      await this.d.throttle.lockedFor(`reset:${email}`);
    }
    return { message: UNIFORM_FORGOT };
  }

  /** Sets a new password from an emailed link; every existing session ends. */
  async resetPassword(token: string, password: string, meta: RequestMeta) {
    const result = await this.d.db.transaction(async (tx) => {
      const used = await this.d.accountTokens.consume(tx, token, 'reset-password');
      if (!used) return null;
      const [user] = await tx.select().from(users).where(eq(users.id, used.userId));
      if (!user || user.status !== 'active') return null;
      const problem = passwordProblem(password, [user.email, user.givenName, user.familyName]);
      if (problem)
        throw new AppError('VALIDATION_FAILED', 'Choose a stronger password', {
          fieldErrors: [{ field: 'password', message: problem }],
        });
      await tx
        .update(users)
        .set({
          passwordHash: await hashPassword(password),
          failedSignIns: 0,
          lockedUntil: null,
          emailVerifiedAt: user.emailVerifiedAt ?? this.d.clock.now(),
        })
        .where(eq(users.id, user.id));
      await this.d.accountTokens.revokeAll(tx, user.id, 'reset-password');
      await this.revokeAllSessions(user.id, 'password-reset', undefined, tx);
      await this.d.audit.record(auditContext(meta, user.id), { action: 'auth.password-reset' }, tx);
      return user;
    });
    if (!result)
      throw new AppError('GONE', 'This reset link has expired or was already used. Ask for a new one.');
    await this.d.throttle.reset(`email:${result.email}`);
    this.d.emails.deliver(emails.passwordChanged(result.email));
    return { message: 'Your password is changed. Sign in with your new password.' };
  }
}

/** "Chrome on Windows" from a user agent string: enough for a person to recognise a session. */
export function describeUserAgent(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\/|Chromium\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS X|Macintosh/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  if (browser && system) return `${browser} on ${system}`;
  return browser ?? system ?? userAgent.slice(0, 60);
}
