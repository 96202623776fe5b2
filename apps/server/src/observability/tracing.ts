/**
 * Optional OpenTelemetry tracing (docs/operations.md), loaded before the app:
 *
 *   node --import tsx --import ./apps/server/src/observability/tracing.ts apps/server/src/main-api.ts
 *
 * (the Docker images always do this). It does nothing unless OTEL_EXPORTER_OTLP_ENDPOINT is set;
 * then it exports spans over OTLP/HTTP (Jaeger, Tempo, Honeycomb, Grafana Cloud, Sentry's OTLP
 * intake, any collector) for incoming API requests, PostgreSQL queries and Redis commands, sampled
 * at OTEL_TRACES_SAMPLER_RATIO (parent-based, so a caller's sampled trace is kept whole).
 * Requests answered 5xx and thrown errors mark their spans as errors. Error reporting
 * (error-reporting.ts) sends every unexpected error, sampled or not, as an OTLP log record to the
 * same endpoint (`/v1/logs`), with the trace id when the request was traced, and reports a crash
 * before the process exits.
 *
 * Privacy: only /api requests are traced; query strings are dropped from span attributes (links
 * carry one-time tokens); SQL is recorded with placeholders, never parameter values.
 */
import type { IncomingMessage } from 'node:http';
import { parseConfig, type Config } from '../config/config';
import { reportCrashes } from './error-reporting';

export async function startTracing(
  tracing: Config['tracing'],
  role: string,
): Promise<{ shutdown(): Promise<void> } | undefined> {
  if (!tracing.endpoint) return undefined;
  const [
    { NodeTracerProvider, ParentBasedSampler, TraceIdRatioBasedSampler, BatchSpanProcessor },
    { OTLPTraceExporter },
    { resourceFromAttributes },
    { registerInstrumentations },
    { HttpInstrumentation },
    { PgInstrumentation },
    { IORedisInstrumentation },
    { LoggerProvider, BatchLogRecordProcessor },
    { OTLPLogExporter },
    { logs },
  ] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/exporter-trace-otlp-http'),
    import('@opentelemetry/resources'),
    import('@opentelemetry/instrumentation'),
    import('@opentelemetry/instrumentation-http'),
    import('@opentelemetry/instrumentation-pg'),
    import('@opentelemetry/instrumentation-ioredis'),
    import('@opentelemetry/sdk-logs'),
    import('@opentelemetry/exporter-logs-otlp-http'),
    import('@opentelemetry/api-logs'),
  ]);
  const endpoint = tracing.endpoint.replace(/\/+$/, '');
  const resource = resourceFromAttributes({
    'service.name': tracing.serviceName ?? `numeri-${role}`,
    'service.namespace': 'numeri',
  });
  const provider = new NodeTracerProvider({
    resource,
    sampler: new ParentBasedSampler({ root: new TraceIdRatioBasedSampler(tracing.sampleRatio) }),
    spanProcessors: [
      new BatchSpanProcessor(
        new OTLPTraceExporter({
          url: `${endpoint}/v1/traces`,
          timeoutMillis: 5_000,
        }),
        { scheduledDelayMillis: 2_000 },
      ),
    ],
  });
  provider.register();
  const errorReports = new LoggerProvider({
    resource,
    processors: [
      new BatchLogRecordProcessor({
        exporter: new OTLPLogExporter({ url: `${endpoint}/v1/logs`, timeoutMillis: 5_000 }),
        scheduledDelayMillis: 1_000,
      }),
    ],
  });
  logs.setGlobalLoggerProvider(errorReports);
  const pathOf = (url: string | undefined) => (url ?? '/').split('?')[0]!;
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => !pathOf(request.url).startsWith('/api/'),
        // Outgoing calls (S3, SMTP relays' HTTP APIs, OTLP itself) are traced only inside a request.
        requireParentforOutgoingSpans: true,
        requestHook: (span, request) => {
          if ('url' in request && typeof request.url === 'string') {
            const path = pathOf(request.url);
            span.setAttribute('http.target', path);
            span.setAttribute('url.path', path);
            span.setAttribute('url.query', '');
            span.updateName(`${request.method ?? 'GET'} ${path.replace(/\/[0-9a-f-]{36}(?=\/|$)/g, '/:id')}`);
          }
        },
      }),
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      new IORedisInstrumentation({ requireParentSpan: true }),
    ],
  });
  return { shutdown: async () => void (await Promise.all([provider.shutdown(), errorReports.shutdown()])) };
}

// As a preload (`--import`): read the same configuration the entrypoint will, and start if asked.
// A bad configuration is left for the entrypoint to report.
if (!process.env.VITEST) {
  try {
    const config = parseConfig(process.env);
    const role = process.argv.some((arg) => arg.includes('main-worker')) ? 'worker' : 'api';
    const tracer = await startTracing(config.tracing, role);
    if (tracer) {
      // Flush what is buffered when the entrypoint exits after its graceful shutdown.
      const flush = () => void tracer.shutdown().catch(() => {});
      process.once('SIGTERM', flush);
      process.once('SIGINT', flush);
      reportCrashes(() => tracer.shutdown());
    }
  } catch {
    // the entrypoint parses the configuration again and explains what is wrong
  }
}
