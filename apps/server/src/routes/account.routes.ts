import { and, desc, eq, or } from 'drizzle-orm';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  accountClosedSchema,
  acceptedSchema,
  auditEntrySchema,
  changeEmailSchema,
  changePasswordSchema,
  closeAccountSchema,
  delegationListSchema,
  delegationSchema,
  inviteReviewerSchema,
  profileSchema,
  profileUpdateSchema,
  tfnSchemaResponse,
  tfnUpdateSchema,
  tokenRequestSchema,
} from '@numeri/contracts';
import { readerFor, type Db } from '../adapters/db/database';
import { auditLogs, users } from '../db/schema';
import { auditOf, authOf, type AuthGuards } from '../http/auth-guards';
import { describeUserAgent } from '../services/accounts/auth.service';
import type { Services } from '../services/create-services';

const bearer = [{ bearerAuth: [] }];
const noContent = z.undefined().describe('Done');

/** Security events about this user, newest first, in words a person can read. */
async function activityOf(db: Db, userId: string) {
  // A dashboard read: the replica when there is one, the primary after this user's own write (ADR 0011).
  const reader = await readerFor(db, userId);
  const rows = await reader
    .select({ entry: auditLogs, actorEmail: users.email })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .where(or(eq(auditLogs.subjectUserId, userId), and(eq(auditLogs.actorUserId, userId))))
    .orderBy(desc(auditLogs.seq))
    .limit(100);
  return rows.map(({ entry, actorEmail }) => ({
    id: entry.id,
    occurredAt: entry.occurredAt.toISOString(),
    action: entry.action,
    outcome: entry.outcome,
    ip: entry.ip,
    device: entry.userAgent ? describeUserAgent(entry.userAgent) : null,
    actor: entry.actorUserId && entry.actorUserId !== userId ? (actorEmail ?? 'someone else') : null,
  }));
}

export function accountRoutes(services: Services, guards: AuthGuards, db: Db): FastifyPluginAsyncZod {
  const { profiles, accountData, delegations } = services;
  return async (app) => {
    const tags = ['account'];

    app.get(
      '/api/v1/profile',
      {
        preHandler: guards.user({ allowWithoutEnrolment: true }),
        schema: {
          tags,
          summary: 'Your details (TFN masked)',
          security: bearer,
          response: { 200: profileSchema },
        },
      },
      async (request) => profiles.get(authOf(request).user),
    );

    app.patch(
      '/api/v1/profile',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'Change your details',
          security: bearer,
          body: profileUpdateSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) => profiles.update(authOf(request).user, request.body, auditOf(request)),
    );

    app.get(
      '/api/v1/profile/tfn',
      {
        preHandler: guards.stepUp(),
        schema: {
          tags,
          summary: 'Your full TFN (needs a fresh second factor)',
          security: bearer,
          response: { 200: tfnSchemaResponse.extend({ tfn: z.string().nullable() }) },
        },
      },
      async (request) => ({ tfn: await profiles.revealTfn(authOf(request).user, auditOf(request)) }),
    );

    app.put(
      '/api/v1/profile/tfn',
      {
        preHandler: guards.stepUp(),
        schema: {
          tags,
          summary: 'Set your TFN (validated by its check digit; stored encrypted)',
          security: bearer,
          body: tfnUpdateSchema,
          response: { 200: profileSchema },
        },
      },
      async (request) => profiles.setTfn(authOf(request).user, request.body.tfn, auditOf(request)),
    );

    app.post(
      '/api/v1/account/password',
      {
        preHandler: guards.stepUpIfEnrolled(),
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Change your password; other sessions end',
          security: bearer,
          body: changePasswordSchema,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        const { user, sessionId } = authOf(request);
        await profiles.changePassword(
          user,
          request.body.currentPassword,
          request.body.newPassword,
          sessionId,
          auditOf(request),
        );
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/account/email',
      {
        preHandler: guards.stepUpIfEnrolled(),
        config: { rateLimit: { max: 5, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Change your email (confirmed from the new address)',
          security: bearer,
          body: changeEmailSchema,
          response: { 202: acceptedSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(202)
          .send(
            await profiles.requestEmailChange(
              authOf(request).user,
              request.body.newEmail,
              request.body.password,
              auditOf(request),
            ),
          ),
    );

    app.get(
      '/api/v1/account/export',
      {
        preHandler: guards.stepUp(),
        config: { rateLimit: { max: 3, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Download everything Numeri holds about you (zip: JSON and your files)',
          security: bearer,
          produces: ['application/zip'],
        },
      },
      async (request, reply) => {
        const { stream, filename } = await accountData.export(authOf(request).user, auditOf(request));
        return reply
          .header('content-type', 'application/zip')
          .header('content-disposition', `attachment; filename="${filename}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );

    app.post(
      '/api/v1/account/close',
      {
        preHandler: guards.stepUpIfEnrolled(),
        schema: {
          tags,
          summary: 'Close your account (sign-in stops now; data is removed when record-keeping allows)',
          security: bearer,
          body: closeAccountSchema,
          response: { 200: accountClosedSchema },
        },
      },
      async (request) => accountData.close(authOf(request).user, request.body.password, auditOf(request)),
    );

    app.get(
      '/api/v1/account/activity',
      {
        preHandler: guards.user({ allowWithoutEnrolment: true }),
        schema: {
          tags,
          summary: 'Recent sign-ins and security events on your account',
          security: bearer,
          response: { 200: z.array(auditEntrySchema) },
        },
      },
      async (request) => activityOf(db, authOf(request).user.id),
    );

    const delegationTags = ['reviewers'];
    app.get(
      '/api/v1/delegations',
      {
        preHandler: guards.user(),
        schema: {
          tags: delegationTags,
          summary: 'Reviewers you invited, and taxpayers who invited you',
          security: bearer,
          response: { 200: delegationListSchema },
        },
      },
      async (request) => delegations.list(authOf(request).user.id),
    );

    app.post(
      '/api/v1/delegations',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags: delegationTags,
          summary: 'Invite a tax agent to review your returns and documents',
          security: bearer,
          body: inviteReviewerSchema,
          response: { 201: delegationSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await delegations.invite(authOf(request).user, request.body.email, auditOf(request))),
    );

    app.post(
      '/api/v1/delegations/accept',
      {
        preHandler: guards.user({ allowWithoutEnrolment: true }),
        schema: {
          tags: delegationTags,
          summary: 'Accept an invitation to review (needs 2FA on)',
          security: bearer,
          body: tokenRequestSchema,
          response: { 200: delegationSchema },
        },
      },
      async (request) => delegations.accept(authOf(request).user, request.body.token, auditOf(request)),
    );

    app.delete(
      '/api/v1/delegations/:id',
      {
        preHandler: guards.user(),
        schema: {
          tags: delegationTags,
          summary: 'Revoke (owner) or leave (reviewer) a delegation',
          security: bearer,
          params: z.object({ id: z.uuid() }),
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await delegations.end(authOf(request).user, request.params.id, auditOf(request));
        return reply.status(204).send();
      },
    );
  };
}
