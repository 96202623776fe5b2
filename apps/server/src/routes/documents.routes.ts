import fastifyMultipart from '@fastify/multipart';
import { and, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errors as joseErrors, jwtVerify, SignJWT } from 'jose';
import { z } from 'zod';
import {
  confirmDocumentResultSchema,
  confirmDocumentSchema,
  csvColumnMappingSchema,
  documentListQuerySchema,
  documentListSchema,
  documentPasswordSchema,
  documentSchema,
  documentSearchQuerySchema,
  documentSearchResultSchema,
  eventsTicketSchema,
  ownerQuerySchema,
  reprocessDocumentSchema,
} from '@numeri/contracts';
import type { Adapters } from '../adapters/create-adapters';
import { documents, userSessions } from '../db/schema';
import { AppError } from '../errors/app-error';
import { auditOf, authOf, type AuthGuards } from '../http/auth-guards';
import type { Services } from '../services/create-services';
import { eventOf, MAX_STREAMS_PER_USER } from '../services/documents/document-events';

const bearer = [{ bearerAuth: [] }];
const noContent = z.undefined().describe('Done');
const idParams = z.object({ id: z.uuid() });

const TICKET_AUDIENCE = 'numeri-document-events';
const TICKET_TTL_SECONDS = 60;
/** A stream ends after this long; the browser reconnects (with a fresh ticket). */
const STREAM_MAX_MS = 30 * 60_000;
const HEARTBEAT_MS = 20_000;

/**
 * /api/v1/documents: upload, list, search, read, unlock, review, delete, and live status.
 *
 * Live status uses server-sent events. A browser's EventSource cannot send an Authorization
 * header, so the client first POSTs /documents/events/ticket (with its access token) and opens
 * GET /documents/events?token=<ticket>: the ticket is a 60-second HS256 token for that stream only,
 * bound to the user and session (a signed-out session cannot use it). Clients that stream with
 * fetch() may send the Authorization header instead. GET /documents and /documents/:id serve
 * the same state for polling.
 */
export function documentRoutes(
  services: Services,
  guards: AuthGuards,
  adapters: Pick<Adapters, 'config' | 'tokenSecret' | 'database' | 'clock'>,
): FastifyPluginAsyncZod {
  const { documents: docs, access, documentEvents } = services;
  const db = adapters.database.db;
  const maxBytes = adapters.config.uploads.maxBytes;
  const maxSize =
    maxBytes >= 1024 * 1024
      ? `${Math.round((maxBytes / (1024 * 1024)) * 10) / 10} MB`
      : `${Math.round(maxBytes / 1024)} KB`;

  const ownerOf = (
    request: FastifyRequest,
    requested: string | undefined,
    action: string,
    targetId?: string,
  ) =>
    access.ownerFor({ userId: authOf(request).user.id }, requested, auditOf(request), {
      action,
      ...(targetId ? { targetType: 'document', targetId } : {}),
    });

  const actingOwner = (request: FastifyRequest) => {
    const { user } = authOf(request);
    return { id: user.id, dataKeyWrapped: user.dataKeyWrapped };
  };

  async function streamUser(
    request: FastifyRequest,
    reply: FastifyReply,
    ticket: string | undefined,
  ): Promise<string> {
    if (!ticket) {
      await guards.user().call(request.server, request, reply);
      return authOf(request).user.id;
    }
    let claims: { sub?: unknown; sid?: unknown };
    try {
      ({ payload: claims } = await jwtVerify(ticket, adapters.tokenSecret, {
        algorithms: ['HS256'],
        issuer: 'numeri',
        audience: TICKET_AUDIENCE,
        currentDate: adapters.clock.now(),
      }));
    } catch (err) {
      if (err instanceof joseErrors.JOSEError)
        throw new AppError(
          'UNAUTHENTICATED',
          'This stream ticket has expired or is not valid. Ask for a new one.',
        );
      throw err;
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
      throw new AppError('UNAUTHENTICATED', 'This stream ticket is not valid.');
    const [session] = await db
      .select({ id: userSessions.id })
      .from(userSessions)
      .where(
        and(
          eq(userSessions.familyId, claims.sid),
          eq(userSessions.userId, claims.sub),
          isNull(userSessions.revokedAt),
          isNull(userSessions.rotatedAt),
          gt(userSessions.expiresAt, adapters.clock.now()),
        ),
      )
      .limit(1);
    if (!session) throw new AppError('UNAUTHENTICATED', 'Your session has ended. Sign in again.');
    return claims.sub;
  }

  return async (app) => {
    const tags = ['documents'];
    await app.register(fastifyMultipart, {
      limits: { fileSize: maxBytes, files: 1, fields: 5, parts: 6, fieldSize: 1024, headerPairs: 50 },
    });

    app.post(
      '/api/v1/documents',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: `Upload a document (PDF, JPEG, PNG, HEIC) or a bank export (CSV, OFX, QFX, QIF), up to ${maxSize}, as multipart/form-data with one file field`,
          security: bearer,
          consumes: ['multipart/form-data'],
          querystring: z.object({
            account: z
              .string()
              .trim()
              .min(1)
              .max(60)
              .optional()
              .describe('Bank files: which account this export is from (keeps accounts apart)'),
          }),
          response: {
            201: documentSchema,
            200: documentSchema.describe(
              'The same file was uploaded before: this is that document (duplicateOf is set)',
            ),
          },
        },
      },
      async (request, reply) => {
        if (!request.isMultipart())
          throw new AppError(
            'UNSUPPORTED_MEDIA_TYPE',
            'Send the file as multipart/form-data with one file field.',
          );
        const part = await request.file();
        if (!part) throw new AppError('BAD_REQUEST', 'No file was attached.');
        let bytes: Buffer;
        try {
          bytes = await part.toBuffer();
        } catch (err) {
          if ((err as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
            throw new AppError(
              'PAYLOAD_TOO_LARGE',
              `This file is larger than ${maxSize}, the most Numeri accepts. Upload fewer pages, or a photo at a lower resolution.`,
            );
          }
          throw err;
        }
        const { document, created } = await docs.upload(
          actingOwner(request),
          { filename: part.filename, bytes, account: request.query.account },
          auditOf(request),
        );
        return reply.status(created ? 201 : 200).send(document);
      },
    );

    app.get(
      '/api/v1/documents',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'Your documents, newest first, with filters (also the polling view of their status)',
          security: bearer,
          querystring: documentListQuerySchema,
          response: { 200: documentListSchema },
        },
      },
      async (request) =>
        docs.list(await ownerOf(request, request.query.ownerId, 'document.list'), request.query),
    );

    app.get(
      '/api/v1/documents/search',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Search the text of your documents; snippets mark the matching words',
          security: bearer,
          querystring: documentSearchQuerySchema,
          response: { 200: documentSearchResultSchema },
        },
      },
      async (request) =>
        docs.search(
          await ownerOf(request, request.query.ownerId, 'document.search'),
          request.query.q,
          request.query.limit,
        ),
    );

    app.post(
      '/api/v1/documents/events/ticket',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'A 60-second ticket to open the live status stream with EventSource',
          security: bearer,
          response: { 200: eventsTicketSchema },
        },
      },
      async (request) => {
        const { user, sessionId } = authOf(request);
        const now = Math.floor(adapters.clock.now().getTime() / 1000);
        const ticket = await new SignJWT({ sid: sessionId })
          .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
          .setSubject(user.id)
          .setIssuer('numeri')
          .setAudience(TICKET_AUDIENCE)
          .setIssuedAt(now)
          .setExpirationTime(now + TICKET_TTL_SECONDS)
          .sign(adapters.tokenSecret);
        return { ticket, expiresAt: new Date((now + TICKET_TTL_SECONDS) * 1000).toISOString() };
      },
    );

    app.get(
      '/api/v1/documents/events',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Live status of your documents (text/event-stream; event "document", data: DocumentEvent). Open with ?token=<ticket> or an Authorization header',
          // `token`, not `ticket`: the logger already redacts a query parameter of that name from request URLs.
          querystring: z.object({ token: z.string().max(2_000).optional() }),
          produces: ['text/event-stream'],
        },
      },
      async (request, reply) => {
        const userId = await streamUser(request, reply, request.query.token);
        if (documentEvents.streamsOf(userId) >= MAX_STREAMS_PER_USER) {
          throw new AppError(
            'RATE_LIMITED',
            `At most ${MAX_STREAMS_PER_USER} live streams may be open at once. Close another tab.`,
          );
        }
        const active = await db
          .select()
          .from(documents)
          .where(
            and(
              eq(documents.ownerId, userId),
              inArray(documents.status, ['queued', 'reading', 'extracting', 'needs-password']),
            ),
          );
        reply.hijack();
        const raw = reply.raw;
        raw.writeHead(200, {
          ...(reply.getHeaders() as Record<string, string>),
          'content-type': 'text/event-stream; charset=utf-8',
          'cache-control': 'no-store',
          connection: 'keep-alive',
          'x-accel-buffering': 'no',
        });
        const send = (event: ReturnType<typeof eventOf>) =>
          raw.write(`event: document\ndata: ${JSON.stringify(event)}\n\n`);
        raw.write('retry: 3000\n\n');
        for (const row of active) send(eventOf(row));
        const unsubscribe = documentEvents.subscribe(userId, send);
        const heartbeat = setInterval(() => raw.write(': keep-alive\n\n'), HEARTBEAT_MS);
        const end = setTimeout(() => raw.end(), STREAM_MAX_MS);
        heartbeat.unref();
        end.unref();
        request.raw.once('close', () => {
          clearInterval(heartbeat);
          clearTimeout(end);
          unsubscribe();
        });
      },
    );

    app.get(
      '/api/v1/documents/:id',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'One document: status, fields with confidence and page region, warnings',
          security: bearer,
          params: idParams,
          querystring: ownerQuerySchema,
          response: { 200: documentSchema },
        },
      },
      async (request) =>
        docs.get(
          await ownerOf(request, request.query.ownerId, 'document.read', request.params.id),
          request.params.id,
        ),
    );

    app.get(
      '/api/v1/documents/:id/file',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Download the original file (audited)',
          security: bearer,
          params: idParams,
          querystring: ownerQuerySchema,
          produces: ['application/octet-stream'],
        },
      },
      async (request, reply) => {
        const ownerId = await ownerOf(request, request.query.ownerId, 'document.read', request.params.id);
        const file = await docs.file(ownerId, request.params.id, auditOf(request));
        return reply
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${file.filename.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .header('cache-control', 'no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(file.bytes);
      },
    );

    app.post(
      '/api/v1/documents/:id/password',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary:
            'Open a password-protected PDF (the password is used once, in this request, and never stored)',
          security: bearer,
          params: idParams,
          body: documentPasswordSchema,
          response: { 200: documentSchema },
        },
      },
      async (request) =>
        docs.unlock(actingOwner(request), request.params.id, request.body.password, auditOf(request)),
    );

    app.post(
      '/api/v1/documents/:id/mapping',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'Choose the columns of a bank CSV Numeri did not recognise, then import it',
          security: bearer,
          params: idParams,
          body: csvColumnMappingSchema,
          response: { 200: documentSchema },
        },
      },
      async (request) =>
        docs.setMapping(actingOwner(request), request.params.id, request.body, auditOf(request)),
    );

    app.post(
      '/api/v1/documents/:id/reprocess',
      {
        preHandler: guards.user(),
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Read a document again, optionally as another type',
          security: bearer,
          params: idParams,
          body: reprocessDocumentSchema,
          response: { 200: documentSchema },
        },
      },
      async (request) =>
        docs.reprocess(actingOwner(request), request.params.id, request.body.documentType, auditOf(request)),
    );

    app.post(
      '/api/v1/documents/:id/confirm',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary:
            'Confirm or correct the fields and put them on the return for the income year (with links back to this document)',
          security: bearer,
          params: idParams,
          body: confirmDocumentSchema,
          response: { 200: confirmDocumentResultSchema },
        },
      },
      async (request) =>
        docs.confirm(actingOwner(request), request.params.id, request.body, auditOf(request)),
    );

    app.delete(
      '/api/v1/documents/:id',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary:
            'Delete a document, its text, the transactions imported from it and its items on draft returns (audited)',
          security: bearer,
          params: idParams,
          response: { 204: noContent },
        },
      },
      async (request, reply) => {
        await docs.delete(actingOwner(request), request.params.id, auditOf(request));
        return reply.status(204).send();
      },
    );
  };
}
