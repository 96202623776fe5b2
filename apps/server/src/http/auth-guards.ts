import { and, eq, gt, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import { CSRF_HEADER, CSRF_HEADER_VALUE, type Role } from '@numeri/contracts';
import type { Clock } from '../adapters/clock/clock';
import type { Db } from '../adapters/db/database';
import { userSessions, users } from '../db/schema';
import { AppError } from '../errors/app-error';
import type { AccessTokens } from '../services/accounts/access-tokens';
import { auditContext, type RequestMeta } from '../services/accounts/auth.service';
import { STEP_UP_WINDOW_MS } from '../services/accounts/two-factor.service';
import type { AuditContext } from '../services/audit/audit.service';

export type UserRow = typeof users.$inferSelect;

export interface AuthContext {
  user: UserRow;
  /** The session (refresh-token family) the access token belongs to. */
  sessionId: string;
  /** When this session last proved a second factor. */
  mfaVerifiedAt: Date | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  const userAgent = request.headers['user-agent'];
  return {
    ip: request.ip ?? null,
    userAgent: typeof userAgent === 'string' ? userAgent : null,
    requestId: request.id,
  };
}

/** The signed-in user of a request that passed `guards.user()`. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw new AppError('UNAUTHENTICATED');
  return request.auth;
}

export function auditOf(request: FastifyRequest): AuditContext {
  return auditContext(requestMeta(request), request.auth?.user.id ?? null);
}

export interface GuardOptions {
  /** Routes that stay open to a signed-in user who still has to enrol 2FA (when it is required). */
  allowWithoutEnrolment?: boolean;
}

/**
 * Authentication and authorisation as Fastify pre-handlers. Every access token is checked
 * against its session on every request, so signing out (anywhere) takes effect at once.
 */
export function createAuthGuards(deps: { db: Db; tokens: AccessTokens; clock: Clock; require2fa: boolean }) {
  async function authenticate(request: FastifyRequest, options: GuardOptions): Promise<void> {
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : null;
    if (!token) throw new AppError('UNAUTHENTICATED', 'Sign in to continue.');
    const claims = await deps.tokens.verifyAccess(token);
    if (!claims) throw new AppError('UNAUTHENTICATED', 'Your sign-in has expired. Sign in again.');
    const [row] = await deps.db
      .select({ user: users, mfaVerifiedAt: userSessions.mfaVerifiedAt })
      .from(userSessions)
      .innerJoin(users, eq(users.id, userSessions.userId))
      .where(
        and(
          eq(userSessions.familyId, claims.sessionId),
          eq(userSessions.userId, claims.userId),
          isNull(userSessions.revokedAt),
          isNull(userSessions.rotatedAt),
          gt(userSessions.expiresAt, deps.clock.now()),
        ),
      )
      .limit(1);
    if (!row || row.user.status !== 'active')
      throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    request.auth = { user: row.user, sessionId: claims.sessionId, mfaVerifiedAt: row.mfaVerifiedAt };
    if (deps.require2fa && !row.user.totpEnabledAt && !options.allowWithoutEnrolment) {
      throw new AppError('MFA_ENROLMENT_REQUIRED', 'Turn on two-factor authentication to use Numeri.');
    }
  }

  function freshSecondFactor(auth: AuthContext): boolean {
    return (
      auth.mfaVerifiedAt !== null &&
      deps.clock.now().getTime() - auth.mfaVerifiedAt.getTime() < STEP_UP_WINDOW_MS
    );
  }

  return {
    /** Any signed-in user. */
    user(options: GuardOptions = {}): preHandlerAsyncHookHandler {
      return async (request) => authenticate(request, options);
    },

    /** Signed in, 2FA on, and a second factor proved in the last 10 minutes (TFN, export, lodging, admin). */
    stepUp(): preHandlerAsyncHookHandler {
      return async (request) => {
        await authenticate(request, {});
        const auth = authOf(request);
        if (!auth.user.totpEnabledAt) {
          throw new AppError(
            'MFA_ENROLMENT_REQUIRED',
            'Turn on two-factor authentication to do this: it protects your TFN and your return.',
          );
        }
        if (!freshSecondFactor(auth))
          throw new AppError(
            'STEP_UP_REQUIRED',
            'Enter a code from your authenticator app to confirm it is you.',
          );
      };
    },

    /** Step-up only when the user has 2FA (changing password or email, closing the account). */
    stepUpIfEnrolled(): preHandlerAsyncHookHandler {
      return async (request) => {
        await authenticate(request, {});
        const auth = authOf(request);
        if (auth.user.totpEnabledAt && !freshSecondFactor(auth)) {
          throw new AppError(
            'STEP_UP_REQUIRED',
            'Enter a code from your authenticator app to confirm it is you.',
          );
        }
      };
    },

    role(role: Role): preHandlerAsyncHookHandler {
      return async (request) => {
        if (authOf(request).user.role !== role) throw new AppError('NOT_FOUND', 'Not found');
      };
    },

    /**
     * Requests authenticated by the refresh cookie must carry a header a cross-site form cannot
     * send (the cookie is also SameSite=Strict and scoped to /api/v1/auth).
     */
    csrf(): preHandlerAsyncHookHandler {
      return async (request: FastifyRequest, _reply: FastifyReply) => {
        if (request.headers[CSRF_HEADER] !== CSRF_HEADER_VALUE) {
          throw new AppError(
            'FORBIDDEN',
            `This request must carry the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
          );
        }
      };
    },
  };
}

export type AuthGuards = ReturnType<typeof createAuthGuards>;
