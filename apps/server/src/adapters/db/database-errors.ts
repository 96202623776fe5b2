/** Errors that mean "the database cannot be reached right now", not "this query is wrong". */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|the database system is (starting up|shutting down|in recovery)/i;

function matches(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return Boolean(
    e && ((e.code && UNAVAILABLE_CODES.has(e.code)) || (e.message && UNAVAILABLE_MESSAGES.test(e.message))),
  );
}

/**
 * True for a connectivity failure, directly or as the cause Drizzle wraps it in. The error handler
 * answers these with 503 SERVICE_UNAVAILABLE at once while PostgreSQL restarts or fails over.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  return matches(err) || matches((err as { cause?: unknown } | undefined)?.cause);
}
