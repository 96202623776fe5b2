/**
 * Transport for background work. It carries only a job's id and name; the job's payload and
 * state live in the `jobs` table (services/jobs). Delivery is at-least-once: a handler may see a
 * job again after a crash, so handlers are idempotent.
 */
export interface QueuedJob {
  id: string;
  name: string;
  /** 1 on first delivery; the transport retries failed deliveries with exponential backoff. */
  attempt: number;
}

export interface RetryPolicy {
  maxAttempts: number;
  /** Delay before the 2nd attempt; doubles each time. */
  backoffMs: number;
}

export type JobProcessor = (job: QueuedJob) => Promise<void>;

export interface QueueDepth {
  waiting: number;
  active: number;
  delayed: number;
  /** Age in ms of the oldest waiting job, 0 when none wait. */
  oldestWaitingMs: number;
}

export interface JobQueue {
  readonly kind: 'memory' | 'bullmq';
  /** Adding a job id that is already waiting or running is a no-op. */
  enqueue(job: { id: string; name: string }, retry: RetryPolicy): Promise<void>;
  /** Starts delivering jobs to `processor`, at most `concurrency` at a time. */
  consume(processor: JobProcessor, concurrency: number): void;
  /** Stops taking new jobs and waits (up to timeoutMs) for running ones to finish. */
  drain(timeoutMs: number): Promise<void>;
  depth(): Promise<QueueDepth>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Thrown by a processor when a job must not be retried (bad payload, impossible work). */
export class PermanentJobError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
