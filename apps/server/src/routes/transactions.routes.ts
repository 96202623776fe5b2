import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  reviewTransactionSchema,
  transactionListQuerySchema,
  transactionListSchema,
  transactionSchema,
} from '@numeri/contracts';
import { auditOf, authOf, type AuthGuards } from '../http/auth-guards';
import type { Services } from '../services/create-services';

const bearer = [{ bearerAuth: [] }];

/** /api/v1/transactions: imported bank lines, their deduction suggestions and the user's review. */
export function transactionRoutes(services: Services, guards: AuthGuards): FastifyPluginAsyncZod {
  const { transactions, access } = services;
  return async (app) => {
    const tags = ['transactions'];

    app.get(
      '/api/v1/transactions',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'Imported bank transactions, newest first, with deduction suggestions',
          security: bearer,
          querystring: transactionListQuerySchema,
          response: { 200: transactionListSchema },
        },
      },
      async (request) => {
        const ownerId = await access.ownerFor(
          { userId: authOf(request).user.id },
          request.query.ownerId,
          auditOf(request),
          { action: 'transaction.list' },
        );
        return transactions.list(ownerId, request.query);
      },
    );

    app.patch(
      '/api/v1/transactions/:id',
      {
        preHandler: guards.user(),
        schema: {
          tags,
          summary: 'Claim a transaction as a deduction (it goes on the return), dismiss it, or reset it',
          security: bearer,
          params: z.object({ id: z.uuid() }),
          body: reviewTransactionSchema,
          response: { 200: transactionSchema },
        },
      },
      async (request) =>
        transactions.review(authOf(request).user.id, request.params.id, request.body, auditOf(request)),
    );
  };
}
