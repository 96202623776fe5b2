import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Metrics } from '../observability/metrics';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** Accepts a caller's X-Request-Id only if it is safe to log; otherwise makes a new one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && SAFE_REQUEST_ID.test(value) ? value : randomUUID();
}

/** Request id and X-Process-Time on every response, and the latency histogram by route. */
export function registerRequestContext(app: FastifyInstance, metrics: Metrics): void {
  app.addHook('onRequest', async (request, reply) => {
    (request as { startedAt?: bigint }).startedAt = process.hrtime.bigint();
    reply.header('x-request-id', request.id);
  });
  app.addHook('onSend', async (request, reply, payload) => {
    const started = (request as { startedAt?: bigint }).startedAt;
    if (started !== undefined) {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      reply.header('x-process-time', `${ms.toFixed(2)}ms`);
    }
    return payload;
  });
  app.addHook('onResponse', async (request, reply) => {
    const started = (request as { startedAt?: bigint }).startedAt;
    if (started === undefined) return;
    // The route template (never the raw URL) keeps the label set small.
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.httpRequestDuration.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      Number(process.hrtime.bigint() - started) / 1e9,
    );
  });
}
