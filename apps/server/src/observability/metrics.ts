import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics for one app instance. A registry per instance (not prom-client's global
 * one) lets tests build many apps in one process.
 */
export function createMetrics() {
  const registry = new Registry();
  /** Filled in by create-adapters once the database is open (see backup-status.ts). */
  const sources: { lastBackupAt?: () => Promise<Date | undefined> } = {};
  collectDefaultMetrics({ register: registry, prefix: 'numeri_' });
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: 'numeri_http_request_duration_seconds',
      help: 'HTTP request latency by route template, method and status code',
      labelNames: ['method', 'route', 'status_code'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    jobsCompleted: new Counter({
      name: 'numeri_jobs_completed_total',
      help: 'Background jobs finished, by job name and outcome',
      labelNames: ['name', 'outcome'] as const,
      registers: [registry],
    }),
    jobDuration: new Histogram({
      name: 'numeri_job_duration_seconds',
      help: 'Background job run time by job name',
      labelNames: ['name'] as const,
      buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300],
      registers: [registry],
    }),
    jobQueueDepth: new Gauge({
      name: 'numeri_job_queue_depth',
      help: 'Jobs in the queue by state',
      labelNames: ['state'] as const,
      registers: [registry],
    }),
    jobQueueOldestSeconds: new Gauge({
      name: 'numeri_job_queue_oldest_waiting_seconds',
      help: 'Age of the oldest waiting job',
      registers: [registry],
    }),
    estimatesComputed: new Counter({
      name: 'numeri_tax_estimates_total',
      help: 'Tax estimates computed, by income year',
      labelNames: ['income_year'] as const,
      registers: [registry],
    }),
    signInFailures: new Counter({
      name: 'numeri_sign_in_failures_total',
      help: 'Failed sign-in attempts, by reason',
      labelNames: ['reason'] as const,
      registers: [registry],
    }),
    documentsProcessed: new Counter({
      name: 'numeri_documents_processed_total',
      help: 'Documents processed, by document type and outcome',
      labelNames: ['type', 'outcome'] as const,
      registers: [registry],
    }),
    sources,
    circuitOpen: new Gauge({
      name: 'numeri_dependency_circuit_open',
      help: '1 while the circuit breaker around an external service is open (calls fail fast), 0.5 half-open, 0 closed',
      labelNames: ['dependency'] as const,
      registers: [registry],
    }),
    backupLastSuccess: new Gauge({
      name: 'numeri_backup_last_success_timestamp_seconds',
      help: 'Unix time of the newest successful backup, from its audit-log entry (0 when none is recorded)',
      registers: [registry],
      async collect() {
        const read = sources.lastBackupAt;
        if (!read) return;
        const at = await read().catch(() => undefined);
        this.set(at ? Math.floor(at.getTime() / 1000) : 0);
      },
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
