import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../src/errors/app-error';
import { createTestApp, type TestContext } from '../support/test-app';

const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/test/echo',
    {
      schema: {
        body: z.object({
          income: z.object({ salaryWages: z.number().nonnegative() }),
          name: z.string().min(2),
        }),
      },
    },
    async (request) => request.body,
  );
  app.get('/api/test/bug', async () => {
    throw new Error('database password is hunter2 at 10.0.0.7');
  });
  app.get('/api/test/conflict', async () => {
    throw new AppError('VERSION_CONFLICT', 'The return changed since you loaded it');
  });
};

let ctx: TestContext;

beforeAll(async () => {
  ctx = await createTestApp({ app: { extraRoutes: probeRoutes } });
});
afterAll(() => ctx.close());

describe('operations endpoints', () => {
  it('/healthz answers while the process is up', async () => {
    const response = await ctx.app.inject('/healthz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz checks the database, queue and storage', async () => {
    const response = await ctx.app.inject('/readyz');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      status: 'ready',
      checks: { database: { ok: true }, queue: { ok: true }, storage: { ok: true } },
    });
  });

  it('/readyz says 503 and which part failed, without internal details', async () => {
    const original = ctx.adapters.blobStore.ping.bind(ctx.adapters.blobStore);
    ctx.adapters.blobStore.ping = async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:9000');
    };
    try {
      const response = await ctx.app.inject('/readyz');
      expect(response.statusCode).toBe(503);
      expect(response.json()).toMatchObject({
        status: 'not-ready',
        checks: { storage: { ok: false }, database: { ok: true } },
      });
      expect(response.body).not.toContain('10.1.2.3');
    } finally {
      ctx.adapters.blobStore.ping = original;
    }
  });

  it('/metrics exposes process metrics and a latency histogram by route template and status', async () => {
    await ctx.app.inject('/healthz');
    await ctx.app.inject('/api/does-not-exist/123');
    const response = await ctx.app.inject('/metrics');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/plain');
    expect(response.body).toContain('numeri_process_cpu_user_seconds_total');
    expect(response.body).toMatch(
      /numeri_http_request_duration_seconds_bucket\{le="0.005",method="GET",route="\/healthz",status_code="200"\}/,
    );
    // Unknown URLs never become label values (unbounded cardinality).
    expect(response.body).not.toContain('does-not-exist');
  });
});

describe('every response', () => {
  it('carries a request id and the processing time', async () => {
    const response = await ctx.app.inject('/healthz');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.headers['x-process-time']).toMatch(/^\d+\.\d{2}ms$/);
  });

  it('keeps a safe caller request id and replaces an unsafe one', async () => {
    const kept = await ctx.app.inject({ url: '/healthz', headers: { 'x-request-id': 'edge-1234-abcd' } });
    expect(kept.headers['x-request-id']).toBe('edge-1234-abcd');
    const replaced = await ctx.app.inject({
      url: '/healthz',
      headers: { 'x-request-id': 'bad id\n{"level":60}' },
    });
    expect(replaced.headers['x-request-id']).not.toContain('bad');
  });

  it('has security headers', async () => {
    const response = await ctx.app.inject('/healthz');
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('does not allow cross-origin reads unless CORS_ORIGINS lists the origin', async () => {
    const response = await ctx.app.inject({ url: '/healthz', headers: { origin: 'https://evil.example' } });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

describe('errors are RFC 9457 problem+json', () => {
  it('an unknown route is a 404 problem', async () => {
    const response = await ctx.app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({
      status: 404,
      code: 'NOT_FOUND',
      title: 'Not found',
      instance: '/api/v1/nothing-here',
    });
  });

  it('invalid input is a 400 naming each bad field', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      payload: { income: { salaryWages: -5 }, name: 'x' },
    });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'income.salaryWages',
      'name',
    ]);
  });

  it('malformed JSON is a 400 problem', async () => {
    const response = await ctx.app.inject({
      method: 'POST',
      url: '/api/test/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"income":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ code: 'BAD_REQUEST', detail: 'The body is not valid JSON' });
  });

  it('a typed application error maps to its status', async () => {
    const response = await ctx.app.inject('/api/test/conflict');
    expect(response.statusCode).toBe(409);
    expect(response.json()).toMatchObject({
      code: 'VERSION_CONFLICT',
      detail: 'The return changed since you loaded it',
    });
  });

  it('a bug is a 500 that leaks nothing, and is logged in full', async () => {
    const response = await ctx.app.inject('/api/test/bug');
    expect(response.statusCode).toBe(500);
    expect(response.json()).toMatchObject({ code: 'INTERNAL', title: 'Something went wrong on our side' });
    expect(response.body).not.toContain('hunter2');
    expect(response.body).not.toContain('stack');
    expect(ctx.logs.text()).toContain('hunter2');
  });

  it('tells clients the limits they must mirror', async () => {
    expect((await ctx.app.inject('/api/v1/client-config')).json()).toEqual({
      uploadMaxBytes: 20 * 1024 * 1024,
      require2fa: false,
    });
  });

  it('the problem catalogue lists every code', async () => {
    const response = await ctx.app.inject('/api/problems');
    expect(response.json()).toContainEqual({
      code: 'VERSION_CONFLICT',
      type: '/api/problems#version-conflict',
      title: 'Someone else changed this first',
      status: 409,
    });
  });
});

describe('OpenAPI', () => {
  it('serves a valid OpenAPI 3.1 document', async () => {
    const response = await ctx.app.inject('/api/openapi.json');
    expect(response.statusCode).toBe(200);
    const document = response.json();
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/healthz', '/readyz', '/api/problems']),
    );
  });

  it('serves a browsable page at /api/docs', async () => {
    const response = await ctx.app.inject('/api/docs/');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
    expect(response.body).toContain('swagger');
  });
});

describe('logs', () => {
  it('never contain credentials from headers, cookies or sensitive query parameters', async () => {
    await ctx.app.inject({
      url: '/api/v1/verify-email?token=tok_SECRET_123&lang=en',
      headers: { authorization: 'Bearer eyJSECRETJWT', cookie: 'numeri_refresh=REFRESHSECRET' },
    });
    const text = ctx.logs.text();
    expect(text).toContain('/api/v1/verify-email?token=%5BREDACTED%5D&lang=en');
    for (const secret of ['tok_SECRET_123', 'eyJSECRETJWT', 'REFRESHSECRET'])
      expect(text).not.toContain(secret);
  });
});
