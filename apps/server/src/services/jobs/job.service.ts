import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { jobPayloadSchemas, type JobName, type JobPayload } from '@numeri/contracts';
import type { Logger } from 'pino';
import type { Clock } from '../../adapters/clock/clock';
import type { Db, DbOrTx } from '../../adapters/db/database';
import {
  PermanentJobError,
  type JobQueue,
  type QueuedJob,
  type RetryPolicy,
} from '../../adapters/queue/job-queue.port';
import { jobs } from '../../db/schema';
import type { Metrics } from '../../observability/metrics';
import { reportError } from '../../observability/error-reporting';

export interface JobContext {
  jobId: string;
  attempt: number;
  log: Logger;
}

/** What a handler reports (ids, counts; never personal data). */
export type JobResult = Record<string, unknown> | void;

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayload<N>, context: JobContext): Promise<JobResult>;
  retry?: Partial<RetryPolicy>;
}

/** Exactly one handler per job name: a missing or extra name is a type error. */
export type JobHandlers = { [N in JobName]: JobHandler<N> };

const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 5, backoffMs: 2_000 };
/** A queued job not picked up for this long is dispatched again (its enqueue may have been lost). */
const SWEEP_AFTER_MS = 30_000;

/**
 * Submits and runs background jobs. The `jobs` table is the source of truth: a job's row is
 * written before it is dispatched, marked running and finished by the runner, and any row left
 * queued or running by a crash is dispatched again at the next start.
 */
export class JobService {
  private handlers: JobHandlers | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private scheduler: NodeJS.Timeout | undefined;
  private readonly dailyJobs: { name: JobName; payload: (day: string) => unknown }[] = [];

  constructor(
    private readonly db: Db,
    private readonly queue: JobQueue,
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly metrics: Metrics,
  ) {}

  /** Registers the handlers; called once while wiring the app, after the services exist. */
  register(handlers: JobHandlers): void {
    if (this.handlers) throw new Error('Job handlers are already registered');
    for (const name of Object.keys(jobPayloadSchemas)) {
      if (!(name in handlers)) throw new Error(`No handler for job "${name}"`);
    }
    for (const name of Object.keys(handlers)) {
      if (!(name in jobPayloadSchemas)) throw new Error(`Handler for unknown job "${name}"`);
    }
    this.handlers = handlers;
  }

  private retryFor(name: JobName): RetryPolicy {
    return { ...DEFAULT_RETRY, ...this.handlers?.[name]?.retry };
  }

  /**
   * Records a job (inside the caller's transaction when one is given) and returns its id.
   * With a dedupeKey, submitting the same work again returns the existing job.
   * Call `dispatch` after the transaction commits; the sweeper covers a crash in between.
   */
  async record<N extends JobName>(
    executor: DbOrTx,
    name: N,
    payload: JobPayload<N>,
    options: { dedupeKey?: string } = {},
  ): Promise<{ id: string; name: N; created: boolean }> {
    const parsed = jobPayloadSchemas[name].parse(payload);
    const retry = this.retryFor(name);
    const inserted = await executor
      .insert(jobs)
      .values({ name, payload: parsed, maxAttempts: retry.maxAttempts, dedupeKey: options.dedupeKey ?? null })
      .onConflictDoNothing({ target: jobs.dedupeKey })
      .returning({ id: jobs.id });
    if (inserted[0]) return { id: inserted[0].id, name, created: true };
    const [existing] = await executor
      .select({ id: jobs.id })
      .from(jobs)
      .where(eq(jobs.dedupeKey, options.dedupeKey!));
    return { id: existing!.id, name, created: false };
  }

  /** Hands a recorded job to the queue. A failure here is logged, not thrown: the sweeper retries. */
  async dispatch(job: { id: string; name: JobName }): Promise<void> {
    try {
      await this.queue.enqueue(job, this.retryFor(job.name));
    } catch (err) {
      this.log.warn(
        { err, jobId: job.id, job: job.name },
        'job recorded but not dispatched; the sweeper will retry',
      );
    }
  }

  async submit<N extends JobName>(name: N, payload: JobPayload<N>, options: { dedupeKey?: string } = {}) {
    const job = await this.record(this.db, name, payload, options);
    if (job.created) await this.dispatch(job);
    return job;
  }

  /**
   * Runs a job once a day. Every consumer ticks hourly; the dedupe key (name + date) makes the
   * day's job exist once however many processes tick.
   */
  daily<N extends JobName>(name: N, payload: (day: string) => JobPayload<N>): void {
    this.dailyJobs.push({ name, payload });
  }

  private async tickDaily(): Promise<void> {
    const day = this.clock.now().toISOString().slice(0, 10);
    for (const schedule of this.dailyJobs) {
      await this.submit(schedule.name, schedule.payload(day) as never, {
        dedupeKey: `${schedule.name}:${day}`,
      });
    }
  }

  /** The result of the last successful run of a job (e.g. what a two-pass sweep saw last time). */
  async lastResult(name: JobName): Promise<Record<string, unknown> | null> {
    const [row] = await this.db
      .select({ result: jobs.result })
      .from(jobs)
      .where(and(eq(jobs.name, name), eq(jobs.status, 'succeeded')))
      .orderBy(desc(jobs.finishedAt))
      .limit(1);
    return (row?.result as Record<string, unknown> | null) ?? null;
  }

  /** Starts running jobs in this process: resumes what a crash left, then consumes the queue. */
  async start(concurrency: number): Promise<void> {
    if (!this.handlers) throw new Error('Register job handlers before starting');
    await this.resumeUnfinished();
    this.queue.consume((job) => this.process(job), concurrency);
    this.sweeper = setInterval(() => {
      void this.sweep().catch((err) => this.log.warn({ err }, 'job sweep failed'));
    }, SWEEP_AFTER_MS);
    this.sweeper.unref();
    if (this.dailyJobs.length) {
      const tick = () =>
        void this.tickDaily().catch((err) => this.log.warn({ err }, 'daily job scheduling failed'));
      tick();
      this.scheduler = setInterval(tick, 60 * 60_000);
      this.scheduler.unref();
    }
  }

  async stop(timeoutMs: number): Promise<void> {
    clearInterval(this.sweeper);
    clearInterval(this.scheduler);
    await this.queue.drain(timeoutMs);
  }

  /** Dispatches every job a crash left queued or running. */
  async resumeUnfinished(): Promise<number> {
    const rows = await this.db
      .select({ id: jobs.id, name: jobs.name })
      .from(jobs)
      .where(inArray(jobs.status, ['queued', 'running']));
    for (const row of rows) await this.dispatch({ id: row.id, name: row.name as JobName });
    if (rows.length) this.log.info({ count: rows.length }, 'resumed unfinished jobs');
    return rows.length;
  }

  /** Re-dispatches jobs whose enqueue was lost, and refreshes the queue gauges. */
  async sweep(): Promise<void> {
    const cutoff = new Date(this.clock.now().getTime() - SWEEP_AFTER_MS);
    const rows = await this.db
      .select({ id: jobs.id, name: jobs.name })
      .from(jobs)
      .where(and(eq(jobs.status, 'queued'), lt(jobs.updatedAt, cutoff)))
      .limit(500);
    for (const row of rows) await this.dispatch({ id: row.id, name: row.name as JobName });
    const depth = await this.queue.depth();
    this.metrics.jobQueueDepth.set({ state: 'waiting' }, depth.waiting);
    this.metrics.jobQueueDepth.set({ state: 'active' }, depth.active);
    this.metrics.jobQueueDepth.set({ state: 'delayed' }, depth.delayed);
    this.metrics.jobQueueOldestSeconds.set(depth.oldestWaitingMs / 1000);
  }

  /** Runs one delivery of a job; the queue calls it. A finished job is never run again. */
  async process(delivery: QueuedJob): Promise<void> {
    const [claimed] = await this.db
      .update(jobs)
      .set({ status: 'running', attempts: sql`${jobs.attempts} + 1`, startedAt: this.clock.now() })
      .where(and(eq(jobs.id, delivery.id), inArray(jobs.status, ['queued', 'running'])))
      .returning();
    if (!claimed) return; // already finished (a replay) or deleted: nothing to do
    const name = claimed.name as JobName;
    const log = this.log.child({ jobId: claimed.id, job: name, attempt: claimed.attempts });
    const started = performance.now();
    log.debug('job started');
    const finish = async (
      status: 'succeeded' | 'failed' | 'queued',
      patch: Partial<typeof jobs.$inferInsert>,
    ) => {
      await this.db
        .update(jobs)
        .set({ status, ...(status === 'queued' ? {} : { finishedAt: this.clock.now() }), ...patch })
        .where(eq(jobs.id, claimed.id));
    };
    try {
      const handler = this.handlers?.[name] as JobHandler<JobName> | undefined;
      if (!handler) throw new PermanentJobError(`No handler for job "${name}"`);
      const payload = jobPayloadSchemas[name].safeParse(claimed.payload);
      if (!payload.success) throw new PermanentJobError(`Invalid payload: ${payload.error.message}`);
      const result = await handler.handle(payload.data, {
        jobId: claimed.id,
        attempt: claimed.attempts,
        log,
      });
      await finish('succeeded', { lastError: null, result: result ?? null });
      this.metrics.jobsCompleted.inc({ name, outcome: 'succeeded' });
      log.info({ ms: Math.round(performance.now() - started) }, 'job succeeded');
    } catch (err) {
      const permanent = err instanceof PermanentJobError || claimed.attempts >= claimed.maxAttempts;
      const message = err instanceof Error ? err.message : String(err);
      await finish(permanent ? 'failed' : 'queued', { lastError: message.slice(0, 1000) });
      this.metrics.jobsCompleted.inc({ name, outcome: permanent ? 'failed' : 'retried' });
      log.warn({ err, permanent }, permanent ? 'job failed' : 'job failed; will retry');
      // Retries used up on an error the handler did not expect: a bug or a lasting outage.
      if (permanent && !(err instanceof PermanentJobError))
        reportError(err, {
          'numeri.job.name': name,
          'numeri.job.id': claimed.id,
          'numeri.job.attempts': claimed.attempts,
        });
      throw permanent && !(err instanceof PermanentJobError)
        ? new PermanentJobError(message, { cause: err })
        : err;
    } finally {
      this.metrics.jobDuration.observe({ name }, (performance.now() - started) / 1000);
    }
  }

  async get(id: string) {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }
}
