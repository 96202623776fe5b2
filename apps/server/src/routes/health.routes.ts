import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Adapters } from '../adapters/create-adapters';

const checkSchema = z.object({ ok: z.boolean(), ms: z.number() });
const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not-ready']),
    checks: z.object({ database: checkSchema, queue: checkSchema, storage: checkSchema }),
  })
  .meta({ id: 'Readiness' });

const CHECK_TIMEOUT_MS = 2_000;

async function timed(name: string, check: () => Promise<void>, log: Adapters['log']) {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${name} did not answer within ${CHECK_TIMEOUT_MS} ms`)),
          CHECK_TIMEOUT_MS,
        );
      }),
    ]);
    return { ok: true, ms: Math.round(performance.now() - started) };
  } catch (err) {
    // The reason goes to the log, not the response: it may name internal hosts.
    log.warn({ err, check: name }, 'readiness check failed');
    return { ok: false, ms: Math.round(performance.now() - started) };
  } finally {
    clearTimeout(timer);
  }
}

export function healthRoutes(adapters: Adapters): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/healthz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Liveness: the process is up',
          response: { 200: z.object({ status: z.literal('ok') }) },
        },
      },
      async () => ({ status: 'ok' as const }),
    );

    app.get(
      '/readyz',
      {
        schema: {
          tags: ['operations'],
          summary: 'Readiness: the database, job queue and document storage answer',
          response: { 200: readinessSchema, 503: readinessSchema },
        },
      },
      async (_request, reply) => {
        const [database, queue, storage] = await Promise.all([
          timed('database', () => adapters.database.ping(), adapters.log),
          timed('queue', () => adapters.jobQueue.ping(), adapters.log),
          timed('storage', () => adapters.blobStore.ping(), adapters.log),
        ]);
        const ready = database.ok && queue.ok && storage.ok;
        return reply.status(ready ? 200 : 503).send({
          status: ready ? 'ready' : 'not-ready',
          checks: { database, queue, storage },
        });
      },
    );

    app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
      reply.type(adapters.metrics.registry.contentType);
      return adapters.metrics.registry.metrics();
    });
  };
}
