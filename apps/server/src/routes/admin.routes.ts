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
          querystring: z.object({
            limit: z.coerce.number().int().min(1).max(200).default(50),
            offset: z.coerce.number().int().min(0).default(0),
          }),
          response: { 200: z.array(adminUserSchema) },
        },
      },
      async (request) => services.admin.listUsers(request.query.limit, request.query.offset),
    );

    app.post(
      '/api/v1/admin/jobs/selftest',
      {
        preHandler: [guards.user(), guards.role('admin')],
        config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: 'Queue self-test jobs to prove the job pipeline end to end (operations)',
          security,
          body: z.object({
            count: z.number().int().min(1).max(500),
            marker: z.string().min(1).max(100),
            holdMs: z.number().int().min(0).max(10_000).default(0),
          }),
          response: { 202: z.object({ jobIds: z.array(z.uuid()) }) },
        },
      },
      async (request, reply) => {
        const jobIds: string[] = [];
        for (let i = 0; i < request.body.count; i += 1) {
          const job = await services.jobs.submit('system.selftest', {
            marker: `${request.body.marker}:${i}`,
            holdMs: request.body.holdMs,
          });
          jobIds.push(job.id);
        }
        await services.audit.record(auditOf(request), {
          action: 'admin.selftest-jobs',
          details: { count: request.body.count },
        });
        return reply.status(202).send({ jobIds });
      },
    );

    app.put(
      '/api/v1/admin/users/:id/role',
      {
        preHandler: [guards.stepUp(), guards.role('admin')],
        schema: {
          tags,
          summary: 'Change an account’s role (audited)',
          security,
          params: z.object({ id: z.uuid() }),
          body: roleChangeSchema,
          response: { 204: z.undefined() },
        },
      },
      async (request, reply) => {
        await services.admin.setRole(request.params.id, request.body.role, auditOf(request));
        return reply.status(204).send();
      },
    );
  };
}
