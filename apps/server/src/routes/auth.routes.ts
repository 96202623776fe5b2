import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  acceptedSchema,
  currentUserSchema,
  forgotPasswordRequestSchema,
  mfaSignInRequestSchema,
  recoveryCodesSchema,
  REFRESH_COOKIE,
  resetPasswordRequestSchema,
  secondFactorRequestSchema,
  sessionSchema,
  sessionTokensSchema,
  signInRequestSchema,
  signInResponseSchema,
  signUpRequestSchema,
  stepUpResponseSchema,
  tokenRequestSchema,
  twoFactorCodeRequestSchema,
  twoFactorSetupSchema,
  emailSchema,
} from '@numeri/contracts';
import { AppError } from '../errors/app-error';
import { auditOf, authOf, requestMeta, type AuthGuards } from '../http/auth-guards';
import type { IssuedSession } from '../services/accounts/auth.service';
import type { Services } from '../services/create-services';

const COOKIE_PATH = '/api/v1/auth';
const messageSchema = z.object({ message: z.string() });
const noContent = z.undefined().describe('Done');

/** Per-IP limits on the endpoints attackers hammer; per-account lockout lives in the services. */
const limit = (max: number, timeWindow = '1 minute') => ({ rateLimit: { max, timeWindow } });

function setRefreshCookie(reply: FastifyReply, issued: IssuedSession): void {
  reply.setCookie(REFRESH_COOKIE, issued.refreshToken, {
    httpOnly: true,
    // Browsers treat http://localhost as secure, so Secure works on a laptop too.
    secure: true,
    sameSite: 'strict',
    path: COOKIE_PATH,
    expires: issued.refreshExpiresAt,
  });
}

function clearRefreshCookie(reply: FastifyReply): void {
  reply.clearCookie(REFRESH_COOKIE, { path: COOKIE_PATH, httpOnly: true, secure: true, sameSite: 'strict' });
}

export function authRoutes(services: Services, guards: AuthGuards): FastifyPluginAsyncZod {
  const { auth, twoFactor } = services;
  return async (app) => {
    const tags = ['auth'];

    app.post(
      '/api/v1/auth/sign-up',
      {
        config: limit(5),
        schema: {
          tags,
          summary: 'Create an account; a confirmation link is emailed',
          body: signUpRequestSchema,
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) => reply.status(202).send(await auth.signUp(request.body, requestMeta(request))),
    );

    app.post(
      '/api/v1/auth/verify-email',
      {
        config: limit(20),
        schema: {
          tags,
          summary: 'Confirm an email address with the emailed token',
          body: tokenRequestSchema,
          response: { 200: messageSchema },
        },
      },
      async (request) => auth.verifyEmail(request.body.token, requestMeta(request)),
    );

    app.post(
      '/api/v1/auth/resend-verification',
      {
        config: limit(5),
        schema: {
          tags,
          summary: 'Email a new confirmation link',
          body: z.object({ email: emailSchema }),
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await auth.resendVerification(request.body.email, requestMeta(request))),
    );

    app.post(
      '/api/v1/auth/sign-in',
      {
        config: limit(10),
        schema: {
          tags,
          summary: 'Sign in with email and password',
          description:
            'Returns a session, or an MFA challenge to complete at /api/v1/auth/sign-in/mfa when the account has 2FA.',
          body: signInRequestSchema,
          response: { 200: signInResponseSchema },
        },
      },
      async (request, reply) => {
        const result = await auth.signIn(request.body.email, request.body.password, requestMeta(request));
        if ('mfaToken' in result) return { status: 'mfa-required' as const, mfaToken: result.mfaToken };
        setRefreshCookie(reply, result);
        return result.tokens;
      },
    );

    app.post(
      '/api/v1/auth/sign-in/mfa',
      {
        config: limit(10),
        schema: {
          tags,
          summary: 'Complete sign-in with a TOTP or recovery code',
          body: mfaSignInRequestSchema,
          response: { 200: sessionTokensSchema },
        },
      },
      async (request, reply) => {
        const issued = await auth.completeMfaSignIn(
          request.body.mfaToken,
          request.body.code,
          requestMeta(request),
        );
        setRefreshCookie(reply, issued);
        return issued.tokens;
      },
    );

    app.post(
      '/api/v1/auth/refresh',
      {
        config: limit(60),
        preHandler: guards.csrf(),
        schema: {
          tags,
          summary: 'Rotate the refresh cookie and get a new access token',
          response: { 200: sessionTokensSchema },
        },
      },
      async (request, reply) => {
        const token = request.cookies[REFRESH_COOKIE];
        try {
          if (!token) throw new AppError('UNAUTHENTICATED', 'You are not signed in.');
          const issued = await auth.refresh(token, requestMeta(request));
          setRefreshCookie(reply, issued);
          return issued.tokens;
        } catch (err) {
          clearRefreshCookie(reply);
          throw err;
        }
      },
    );

    app.post(
      '/api/v1/auth/sign-out',
      {
        preHandler: guards.csrf(),
        schema: { tags, summary: 'End this session', response: { 204: noContent } },
      },
      async (request, reply) => {
        await auth.signOut(request.cookies[REFRESH_COOKIE], requestMeta(request));
        clearRefreshCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/auth/sign-out-everywhere',
      {
        preHandler: guards.user({ allowWithoutEnrolment: true }),
        schema: {
          tags,
          summary: 'End every session of this account',
          security: [{ bearerAuth: [] }],
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await auth.signOutEverywhere(authOf(request).user.id, requestMeta(request));
        clearRefreshCookie(reply);
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/auth/forgot-password',
      {
        config: limit(5),
        schema: {
          tags,
          summary: 'Email a password reset link',
          body: forgotPasswordRequestSchema,
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) =>
        reply.status(202).send(await auth.forgotPassword(request.body.email, requestMeta(request))),
    );

    app.post(
      '/api/v1/auth/reset-password',
      {
        config: limit(10),
        schema: {
          tags,
          summary: 'Set a new password with the emailed token',
          body: resetPasswordRequestSchema,
          response: { 200: messageSchema },
        },
      },
      async (request) => auth.resetPassword(request.body.token, request.body.password, requestMeta(request)),
    );

    app.post(
      '/api/v1/auth/confirm-email-change',
      {
        config: limit(20),
        schema: {
          tags,
          summary: 'Confirm a new email address with the emailed token',
          body: tokenRequestSchema,
          response: { 200: messageSchema },
        },
      },
      async (request) => services.profiles.confirmEmailChange(request.body.token, auditOf(request)),
    );

    const signedIn = { preHandler: guards.user({ allowWithoutEnrolment: true }) };
    const bearer = [{ bearerAuth: [] }];

    app.get(
      '/api/v1/auth/me',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'The signed-in user',
          security: bearer,
          response: { 200: currentUserSchema },
        },
      },
      async (request) => auth.toCurrentUser(authOf(request).user),
    );

    app.get(
      '/api/v1/auth/sessions',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Active sessions of this account',
          security: bearer,
          response: { 200: z.array(sessionSchema) },
        },
      },
      async (request) => auth.listSessions(authOf(request).user.id, authOf(request).sessionId),
    );

    app.delete(
      '/api/v1/auth/sessions/:id',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Sign out one session',
          security: bearer,
          params: z.object({ id: z.uuid() }),
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await auth.revokeSession(authOf(request).user.id, request.params.id, requestMeta(request));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/auth/step-up',
      {
        ...signedIn,
        config: limit(10),
        schema: {
          tags,
          summary: 'Prove a second factor again to unlock sensitive actions for 10 minutes',
          security: bearer,
          body: secondFactorRequestSchema,
          response: { 200: stepUpResponseSchema },
        },
      },
      async (request) => {
        const { user, sessionId } = authOf(request);
        const validUntil = await twoFactor.stepUp(user, request.body.code, sessionId, auditOf(request));
        return { validUntil: validUntil.toISOString() };
      },
    );

    app.post(
      '/api/v1/auth/2fa/setup',
      {
        ...signedIn,
        schema: {
          tags,
          summary: 'Start two-factor enrolment: a new secret and its QR code',
          security: bearer,
          response: { 200: twoFactorSetupSchema },
        },
      },
      async (request) => twoFactor.beginSetup(authOf(request).user, auditOf(request)),
    );

    app.post(
      '/api/v1/auth/2fa/enable',
      {
        ...signedIn,
        config: limit(10),
        schema: {
          tags,
          summary: 'Confirm enrolment with a first code; returns recovery codes once',
          security: bearer,
          body: twoFactorCodeRequestSchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request) =>
        twoFactor.enable(
          authOf(request).user,
          request.body.code,
          authOf(request).sessionId,
          auditOf(request),
        ),
    );

    app.post(
      '/api/v1/auth/2fa/disable',
      {
        ...signedIn,
        config: limit(10),
        schema: {
          tags,
          summary: 'Turn two-factor authentication off (needs a code)',
          security: bearer,
          body: secondFactorRequestSchema,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await twoFactor.disable(authOf(request).user, request.body.code, auditOf(request));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/auth/2fa/recovery-codes',
      {
        ...signedIn,
        config: limit(10),
        schema: {
          tags,
          summary: 'Replace the recovery codes (needs a code)',
          security: bearer,
          body: secondFactorRequestSchema,
          response: { 200: recoveryCodesSchema },
        },
      },
      async (request) =>
        twoFactor.regenerateRecoveryCodes(authOf(request).user, request.body.code, auditOf(request)),
    );
  };
}
