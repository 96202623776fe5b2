import { logs } from '@opentelemetry/api-logs';
import { InMemoryLogRecordExporter, LoggerProvider, SimpleLogRecordProcessor } from '@opentelemetry/sdk-logs';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '@numeri/contracts';
import { FakeClock } from '../../src/adapters/clock/clock';
import { MemoryJobQueue } from '../../src/adapters/queue/job-queue.memory';
import { PermanentJobError } from '../../src/adapters/queue/job-queue.port';
import { AppError } from '../../src/errors/app-error';
import { scrubMessage } from '../../src/observability/error-reporting';
import { createMetrics } from '../../src/observability/metrics';
import { JobService, type JobHandlers } from '../../src/services/jobs/job.service';
import { createCapturingLogger } from '../support/log-capture';
import { createTestApp, type TestContext } from '../support/test-app';
import { createTestDatabase } from '../support/test-database';

/**
 * Error reporting (observability/error-reporting.ts): every unexpected error becomes an
 * OpenTelemetry log record, whatever the trace sampling. Here the SDK's in-memory exporter stands
 * in for the OTLP one that tracing.ts installs when OTEL_EXPORTER_OTLP_ENDPOINT is set.
 */
const exporter = new InMemoryLogRecordExporter();
const provider = new LoggerProvider({ processors: [new SimpleLogRecordProcessor({ exporter })] });
const reports = () => exporter.getFinishedLogRecords();

const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/api/test/bug/:id', async () => {
    throw new TypeError('cannot read amount of undefined for jo.citizen@example.com, TFN 123 456 782');
  });
  app.get('/api/test/conflict', async () => {
    throw new AppError('VERSION_CONFLICT', 'The return changed since you loaded it');
  });
  app.get('/api/test/internal', async () => {
    throw new AppError('INTERNAL', 'The ledger disagrees with itself');
  });
};

let ctx: TestContext;
beforeAll(async () => {
  logs.setGlobalLoggerProvider(provider);
  ctx = await createTestApp({ app: { extraRoutes: probeRoutes } });
});
afterAll(async () => {
  await ctx.close();
  await provider.shutdown();
  logs.disable();
});
beforeEach(() => exporter.reset());

describe('error reporting', () => {
  it('reports a request that ended in a bug: type, scrubbed message, stack, route and request id', async () => {
    const response = await ctx.app.inject({
      url: '/api/test/bug/42?token=SECRET-LINK',
      headers: { 'x-request-id': 'req-abc-123', authorization: 'Bearer not-for-reports' },
    });
    expect(response.statusCode).toBe(500);
    expect(reports()).toHaveLength(1);
    const [report] = reports();
    expect(report!.severityText).toBe('ERROR');
    expect(report!.attributes).toMatchObject({
      'exception.type': 'TypeError',
      'exception.message': 'cannot read amount of undefined for [email], TFN [number]',
      'http.request.method': 'GET',
      'http.route': '/api/test/bug/:id',
      'http.response.status_code': 500,
      'numeri.request_id': expect.any(String),
    });
    expect(String(report!.attributes['exception.stacktrace'])).toMatch(
      /TypeError: cannot read amount.*\n\s+at /,
    );
    const everything = JSON.stringify([report!.body, report!.attributes]);
    for (const secret of ['jo.citizen', '456 782', 'SECRET-LINK', 'not-for-reports', '/api/test/bug/42'])
      expect(everything).not.toContain(secret);
  });

  it('reports an application error that is a 500, and nothing for client errors', async () => {
    expect((await ctx.app.inject('/api/test/conflict')).statusCode).toBe(409);
    expect((await ctx.app.inject('/api/test/no-such-route')).statusCode).toBe(404);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/tax/estimate',
          payload: { incomeYear: '1999-00' },
        })
      ).statusCode,
    ).toBe(400);
    expect(reports()).toHaveLength(0);
    expect((await ctx.app.inject('/api/test/internal')).statusCode).toBe(500);
    expect(reports().map((r) => r.attributes['exception.message'])).toEqual([
      'The ledger disagrees with itself',
    ]);
  });

  it('reports a job whose retries are used up, but not one its handler refused on purpose', async () => {
    const database = await createTestDatabase();
    const jobs = new JobService(
      database.db,
      new MemoryJobQueue(),
      new FakeClock(),
      createCapturingLogger().log,
      createMetrics(),
    );
    const noop = Object.fromEntries(
      JOB_NAMES.map((name) => [name, { handle: async () => {} }]),
    ) as unknown as JobHandlers;
    jobs.register({
      ...noop,
      'system.selftest': {
        handle: async ({ marker }) => {
          if (marker === 'refused') throw new PermanentJobError('not a document Numeri reads');
          throw new Error('storage answered 503');
        },
        retry: { maxAttempts: 2, backoffMs: 5 },
      },
    });
    try {
      await jobs.start(1);
      const failing = await jobs.submit('system.selftest', { marker: 'broken', holdMs: 0 });
      const refused = await jobs.submit('system.selftest', { marker: 'refused', holdMs: 0 });
      const settled = async () =>
        (await jobs.get(failing.id))?.status === 'failed' &&
        (await jobs.get(refused.id))?.status === 'failed';
      for (let waited = 0; !(await settled()); waited += 20) {
        if (waited > 10_000) throw new Error('jobs did not settle');
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      expect(reports().map((r) => r.attributes)).toEqual([
        expect.objectContaining({
          'exception.message': 'storage answered 503',
          'numeri.job.name': 'system.selftest',
          'numeri.job.id': failing.id,
          'numeri.job.attempts': 2,
        }),
      ]);
    } finally {
      await jobs.stop(1_000);
      await database.close();
    }
  });

  it('scrubs emails, digit runs and token-like strings from messages', () => {
    expect(scrubMessage('no account for sam+tax@mail.example.com.au')).toBe('no account for [email]');
    expect(scrubMessage('TFN 123456782 and BSB 062-000 acct 1234 5678')).toBe(
      'TFN [number] and BSB [number] acct [number]',
    );
    expect(scrubMessage('bad token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abc')).toBe(
      'bad token [token]',
    );
    expect(scrubMessage('relation "documents" does not exist')).toBe('relation "documents" does not exist');
  });
});
