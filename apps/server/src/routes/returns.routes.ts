import { eq } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checklistItemSchema,
  commentSchema,
  createReturnSchema,
  lodgeRequestSchema,
  newCommentSchema,
  returnSchema,
  returnSummarySchema,
  updateReturnSchema,
} from '@numeri/contracts';
import type { Db } from '../adapters/db/database';
import { users } from '../db/schema';
import { AppError } from '../errors/app-error';
import { auditOf, authOf, type AuthGuards } from '../http/auth-guards';
import type { Services } from '../services/create-services';
import { buildChecklist } from '../services/returns/return-checklist';
import { recordsPack } from '../services/returns/records-pack';
import { renderReturnPdf } from '../services/returns/return-pdf';

const bearer = [{ bearerAuth: [] }];
const yearParams = z.object({ year: z.string().regex(/^\d{4}-\d{2}$/, 'must look like 2024-25') });
const ownerQuery = z.object({
  ownerId: z.uuid().optional().describe('A reviewer reads a client’s return with their id'),
});

export function returnsRoutes(services: Services, guards: AuthGuards, db: Db): FastifyPluginAsyncZod {
  const { returns, access, reviews } = services;

  /** The owner whose return this request reads: the caller, or a client through a delegation. */
  async function ownerFor(request: FastifyRequest, ownerId: string | undefined, action: string) {
    const actor = authOf(request).user;
    const resolved = await access.ownerFor({ userId: actor.id }, ownerId, auditOf(request), {
      action,
      targetType: 'return',
    });
    if (resolved === actor.id) return { ownerId: resolved, owner: undefined };
    const [owner] = await db
      .select({ id: users.id, given: users.givenName, family: users.familyName })
      .from(users)
      .where(eq(users.id, resolved));
    return {
      ownerId: resolved,
      owner: { id: resolved, name: `${owner?.given ?? ''} ${owner?.family ?? ''}`.trim() },
    };
  }

  /** The return laid out by ATO item and label, for its owner (whoever asks for it). */
  async function summaryPdf(ownerId: string, view: Awaited<ReturnType<typeof returns.view>>) {
    const [person] = await db.select().from(users).where(eq(users.id, ownerId));
    const profile = await services.profiles.get(person!);
    return renderReturnPdf(
      view,
      {
        name: `${profile.givenName} ${profile.familyName}`.trim() || profile.email,
        tfnMasked: profile.tfn.masked,
        email: profile.email,
      },
      { generatedAt: new Date() },
    );
  }

  return async (app) => {
    const tags = ['returns'];
    const signedIn = guards.user();

    app.get(
      '/api/v1/returns',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'Your returns, newest year first',
          security: bearer,
          querystring: ownerQuery,
          response: { 200: z.array(returnSummarySchema) },
        },
      },
      async (request) =>
        returns.list((await ownerFor(request, request.query.ownerId, 'return.list')).ownerId),
    );

    app.post(
      '/api/v1/returns',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'Start a return for an income year (optionally from last year’s)',
          security: bearer,
          body: createReturnSchema,
          response: { 201: returnSchema },
        },
      },
      async (request, reply) => {
        const { user } = authOf(request);
        const year = returns.assertIncomeYear(request.body.incomeYear);
        const row = await returns.create(user.id, year, request.body.copyFromPrevious, auditOf(request));
        return reply.status(201).send(await returns.view(row));
      },
    );

    app.get(
      '/api/v1/returns/:year',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'A return with its assessment, what is missing and its records',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          response: { 200: returnSchema },
        },
      },
      async (request) => {
        const { ownerId, owner } = await ownerFor(request, request.query.ownerId, 'return.read');
        return returns.view(
          await returns.require(ownerId, returns.assertIncomeYear(request.params.year)),
          owner,
        );
      },
    );

    app.patch(
      '/api/v1/returns/:year',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary:
            'Change a return (autosave). A stale `version` is a 409 VERSION_CONFLICT: load the newer version.',
          security: bearer,
          params: yearParams,
          body: updateReturnSchema,
          response: { 200: returnSchema },
        },
      },
      async (request) => {
        const { user } = authOf(request);
        const row = await returns.update(
          user.id,
          returns.assertIncomeYear(request.params.year),
          request.body,
          auditOf(request),
        );
        return returns.view(row);
      },
    );

    app.get(
      '/api/v1/returns/:year/checklist',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'What is still missing or risky before lodging',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          response: { 200: z.array(checklistItemSchema) },
        },
      },
      async (request) => {
        const { ownerId } = await ownerFor(request, request.query.ownerId, 'return.read');
        const view = await returns.view(
          await returns.require(ownerId, returns.assertIncomeYear(request.params.year)),
        );
        return buildChecklist(db, returns, view, ownerId);
      },
    );

    app.get(
      '/api/v1/returns/:year/export.json',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'The complete return as JSON, ready for myTax or a tax agent',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
        },
      },
      async (request, reply) => {
        const { ownerId, owner } = await ownerFor(request, request.query.ownerId, 'return.export');
        const year = returns.assertIncomeYear(request.params.year);
        const view = await returns.view(await returns.require(ownerId, year), owner);
        await services.audit.record(auditOf(request), {
          action: 'return.exported',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: view.id,
          details: { format: 'json' },
        });
        return reply
          .header('content-disposition', `attachment; filename="numeri-return-${year}.json"`)
          .header('cache-control', 'no-store')
          .type('application/json')
          .send(
            JSON.stringify(
              { format: 'numeri-return/1', exportedAt: new Date().toISOString(), return: view },
              null,
              2,
            ),
          );
      },
    );

    app.get(
      '/api/v1/returns/:year/export.pdf',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'The complete return as a PDF summary by ATO item and label',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          produces: ['application/pdf'],
        },
      },
      async (request, reply) => {
        const { ownerId, owner } = await ownerFor(request, request.query.ownerId, 'return.export');
        const year = returns.assertIncomeYear(request.params.year);
        const view = await returns.view(await returns.require(ownerId, year), owner);
        const pdf = await summaryPdf(ownerId, view);
        await services.audit.record(auditOf(request), {
          action: 'return.exported',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: view.id,
          details: { format: 'pdf' },
        });
        return reply
          .header('content-disposition', `attachment; filename="numeri-return-${year}.pdf"`)
          .header('cache-control', 'no-store')
          .type('application/pdf')
          .send(Buffer.from(pdf));
      },
    );

    app.get(
      '/api/v1/returns/:year/records.zip',
      {
        preHandler: signedIn,
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'The records pack: the PDF summary, a records checklist as CSV and every document behind the return, as a zip (each document read is audited)',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          produces: ['application/zip'],
        },
      },
      async (request, reply) => {
        const { ownerId, owner } = await ownerFor(request, request.query.ownerId, 'return.export');
        const year = returns.assertIncomeYear(request.params.year);
        const view = await returns.view(await returns.require(ownerId, year), owner);
        const ids = [...new Set(view.items.flatMap((item) => item.evidence.map((e) => e.documentId)))];
        // Owner-scoped: a document id on the return that is not this owner's (or is gone) is left out.
        const packed = [];
        for (const id of ids) {
          const row = await services.documents.require(ownerId, id).catch(() => null);
          if (row) packed.push({ id: row.id, originalName: row.originalName });
        }
        const pdf = await summaryPdf(ownerId, view);
        await services.audit.record(auditOf(request), {
          action: 'return.exported',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: view.id,
          details: { format: 'records-zip', documents: packed.length },
        });
        const context = auditOf(request);
        return reply
          .header('content-disposition', `attachment; filename="numeri-records-${year}.zip"`)
          .header('cache-control', 'no-store')
          .type('application/zip')
          .send(
            recordsPack({
              view,
              summaryPdf: pdf,
              documents: packed,
              readDocument: async (id) => (await services.documents.file(ownerId, id, context)).bytes,
            }),
          );
      },
    );

    app.post(
      '/api/v1/returns/:year/lodge',
      {
        preHandler: guards.stepUp(),
        schema: {
          tags,
          summary:
            'Lodge through the sandbox: validates, freezes and records a receipt. Not sent to the ATO.',
          security: bearer,
          params: yearParams,
          body: lodgeRequestSchema,
          response: { 200: returnSchema },
        },
      },
      async (request) => {
        const { user } = authOf(request);
        const row = await returns.lodge(
          user.id,
          returns.assertIncomeYear(request.params.year),
          request.body.version,
          auditOf(request),
        );
        return returns.view(row);
      },
    );

    app.post(
      '/api/v1/returns/:year/amend',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'Start an amendment of a lodged return (a new revision)',
          security: bearer,
          params: yearParams,
          response: { 201: returnSchema },
        },
      },
      async (request, reply) => {
        const { user } = authOf(request);
        const row = await returns.amend(
          user.id,
          returns.assertIncomeYear(request.params.year),
          auditOf(request),
        );
        return reply.status(201).send(await returns.view(row));
      },
    );

    app.get(
      '/api/v1/returns/:year/comments',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'Review comments on a return',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          response: { 200: z.array(commentSchema) },
        },
      },
      async (request) => {
        const { ownerId } = await ownerFor(request, request.query.ownerId, 'return.read');
        const row = await returns.require(ownerId, returns.assertIncomeYear(request.params.year));
        return reviews.list(row.id);
      },
    );

    app.post(
      '/api/v1/returns/:year/comments',
      {
        preHandler: signedIn,
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Comment on a return or one of its items',
          security: bearer,
          params: yearParams,
          querystring: ownerQuery,
          body: newCommentSchema,
          response: { 201: commentSchema },
        },
      },
      async (request, reply) => {
        const { ownerId } = await ownerFor(request, request.query.ownerId, 'return.comment');
        const row = await returns.require(ownerId, returns.assertIncomeYear(request.params.year));
        return reply
          .status(201)
          .send(
            await reviews.add(
              row.id,
              ownerId,
              authOf(request).user.id,
              request.body.body,
              request.body.itemId,
              auditOf(request),
            ),
          );
      },
    );

    app.post(
      '/api/v1/returns/:year/comments/:commentId/resolve',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'Mark a comment resolved',
          security: bearer,
          params: yearParams.extend({ commentId: z.uuid() }),
          querystring: ownerQuery,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const { ownerId } = await ownerFor(request, request.query.ownerId, 'return.comment');
        const row = await returns.require(ownerId, returns.assertIncomeYear(request.params.year));
        await reviews.resolve(row.id, ownerId, request.params.commentId, auditOf(request));
        return reply.status(204).send();
      },
    );

    app.post(
      '/api/v1/returns/:year/sign-off',
      {
        preHandler: signedIn,
        schema: {
          tags,
          summary: 'A reviewer signs off a client’s return',
          security: bearer,
          params: yearParams,
          querystring: z.object({ ownerId: z.uuid() }),
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        const { ownerId } = await ownerFor(request, request.query.ownerId, 'return.sign-off');
        if (ownerId === authOf(request).user.id)
          throw new AppError('FORBIDDEN', 'Only your reviewer can sign off your return.');
        await returns.signOff(
          ownerId,
          returns.assertIncomeYear(request.params.year),
          authOf(request).user.id,
          auditOf(request),
        );
        return reply.status(204).send();
      },
    );
  };
}
