import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { adminUserSchema, roleChangeSchema } from '@numeri/contracts';
import { auditOf, type AuthGuards } from '../http/auth-guards';
import type { Services } from '../services/create-services';

/** Admin routes: 404 to everyone else; role changes need a fresh second factor. */
export function adminRoutes(services: Services, guards: AuthGuards): FastifyPluginAsyncZod {
  return async (app) => {
    const tags = ['admin'];
    const security = [{ bearerAuth: [] }];

    app.get(
      '/api/v1/admin/users',
      {
        preHandler: [guards.user(), guards.role('admin')],
        schema: {
          tags,
          summary: 'Accounts and their roles',
          security,
          querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).default(0) }),
          response: { 200: z.array(adminUserSchema) },
        },
      },
      async (request) => services.admin.listUsers(request.query.limit, request.query.offset),
    );

    app.put(
      '/api/v1/admin/users/:id/role',
      {
        preHandler: [guards.stepUp(), guards.role('admin')],
        schema: { tags, summary: 'Change an account’s role (audited)', security, params: z.object({ id: z.uuid() }), body: roleChangeSchema, response: { 204: z.undefined() } },
      },
      async (request, reply) => {
        await services.admin.setRole(request.params.id, request.body.role, auditOf(request));
        return reply.status(204).send();
      },
    );
  };
}
