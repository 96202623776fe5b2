import type { Clock } from '../clock/clock';
import { systemClock } from '../clock/clock';
import {
  PermanentJobError,
  type JobProcessor,
  type JobQueue,
  type QueueDepth,
  type QueuedJob,
  type RetryPolicy,
} from './job-queue.port';

interface Entry {
  job: QueuedJob;
  retry: RetryPolicy;
  enqueuedAt: number;
}

/**
 * Embedded default: jobs run inside the API process. Nothing is persisted here; after a crash the
 * job service re-dispatches unfinished jobs from the database.
 */
export class MemoryJobQueue implements JobQueue {
  readonly kind = 'memory' as const;
  private readonly waiting: Entry[] = [];
  private readonly known = new Set<string>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Set<Promise<void>>();
  private processor: JobProcessor | undefined;
  private concurrency = 1;
  private accepting = true;

  constructor(private readonly clock: Clock = systemClock) {}

  async enqueue(job: { id: string; name: string }, retry: RetryPolicy): Promise<void> {
    if (!this.accepting || this.known.has(job.id)) return;
    this.known.add(job.id);
    this.waiting.push({ job: { ...job, attempt: 1 }, retry, enqueuedAt: this.clock.now().getTime() });
    this.pump();
  }

  consume(processor: JobProcessor, concurrency: number): void {
    this.processor = processor;
    this.concurrency = Math.max(1, concurrency);
    this.pump();
  }

  private pump(): void {
    while (this.processor && this.accepting && this.running.size < this.concurrency && this.waiting.length) {
      const entry = this.waiting.shift()!;
      const run = this.run(entry).finally(() => {
        this.running.delete(run);
        this.pump();
      });
      this.running.add(run);
    }
  }

  private async run(entry: Entry): Promise<void> {
    try {
      await this.processor!(entry.job);
      this.known.delete(entry.job.id);
    } catch (err) {
      const canRetry = !(err instanceof PermanentJobError) && entry.job.attempt < entry.retry.maxAttempts;
      if (!canRetry || !this.accepting) {
        this.known.delete(entry.job.id);
        return;
      }
      const delay = entry.retry.backoffMs * 2 ** (entry.job.attempt - 1);
      const timer = setTimeout(() => {
        this.timers.delete(entry.job.id);
        this.waiting.push({ ...entry, job: { ...entry.job, attempt: entry.job.attempt + 1 } });
        this.pump();
      }, delay);
      timer.unref();
      this.timers.set(entry.job.id, timer);
    }
  }

  async drain(timeoutMs: number): Promise<void> {
    this.accepting = false;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    let timeout: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) => {
        timeout = setTimeout(resolve, timeoutMs);
        timeout.unref();
      }),
    ]);
    clearTimeout(timeout);
  }

  async depth(): Promise<QueueDepth> {
    const now = this.clock.now().getTime();
    const oldest = this.waiting.reduce((min, entry) => Math.min(min, entry.enqueuedAt), now);
    return {
      waiting: this.waiting.length,
      active: this.running.size,
      delayed: this.timers.size,
      oldestWaitingMs: now - oldest,
    };
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    await this.drain(0);
  }
}
