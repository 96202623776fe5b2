import { context } from '@opentelemetry/api';
import { logs, SeverityNumber } from '@opentelemetry/api-logs';

/**
 * Error reporting. Each unexpected error — a request answered 500, a job that failed for good on an
 * error its handler did not expect — becomes an OpenTelemetry log record: severity ERROR, the
 * exception's type, message and stack, and what was being done (route and request id, or job name
 * and id). Unlike spans these are not sampled, so every one is sent, with the trace id when the
 * request was traced. tracing.ts sends them to OTEL_EXPORTER_OTLP_ENDPOINT (`/v1/logs`), where
 * Sentry, Grafana, Honeycomb or any collector groups and alerts on them; without an endpoint the
 * OpenTelemetry API is a no-op and this costs nothing.
 *
 * Privacy: no request bodies, headers, query strings or user data are attached, and messages are
 * scrubbed of email addresses, long digit runs (TFNs, account numbers, amounts) and token-like strings.
 */
export type ErrorContext = Record<string, string | number | boolean | undefined>;

export function scrubMessage(message: string): string {
  return message
    .replace(/[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g, '[email]')
    .replace(/\beyJ[\w-]*\.[\w-]+\.[\w-]*|[\w-]{32,}/g, '[token]')
    .replace(/\d[\d ,.-]{4,}\d/g, '[number]');
}

export function reportError(err: unknown, where: ErrorContext): void {
  const error = err instanceof Error ? err : new Error(String(err));
  const message = scrubMessage(error.message);
  const attributes: Record<string, string | number | boolean> = {
    'exception.type': error.name,
    'exception.message': message,
    // The stack's first line repeats the message; the frames are code locations only.
    'exception.stacktrace': (error.stack ?? '').replace(error.message, message),
  };
  for (const [key, value] of Object.entries(where)) if (value !== undefined) attributes[key] = value;
  logs.getLogger('numeri').emit({
    severityNumber: SeverityNumber.ERROR,
    severityText: 'ERROR',
    body: `${error.name}: ${message}`,
    attributes,
    context: context.active(),
  });
}

/**
 * A crash (an uncaught exception, or a rejected promise nobody handled) is the error most worth
 * reporting, and the batch that would carry it dies with the process. So: print it as Node would,
 * report it, give the exporter a bounded moment to send it, then exit 1 as Node would have.
 */
export function reportCrashes(flush: () => Promise<void>, graceMs = 3_000): void {
  let crashing = false;
  process.on('uncaughtException', (err, origin) => {
    console.error(err);
    if (crashing) return;
    crashing = true;
    reportError(err, { 'process.crash': origin });
    setTimeout(() => process.exit(1), graceMs);
    void flush().finally(() => process.exit(1));
  });
}
