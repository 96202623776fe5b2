import { Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { Redis } from 'ioredis';
import {
  PermanentJobError,
  type JobProcessor,
  type JobQueue,
  type QueueDepth,
  type RetryPolicy,
} from './job-queue.port';

const QUEUE_NAME = 'numeri-jobs';

/**
 * BullMQ on Redis: API replicas enqueue, `worker` processes consume. Completed and failed entries
 * are removed from Redis at once because the database holds each job's outcome; that also lets
 * the job service re-dispatch an unfinished job id after a crash.
 */
export class BullmqJobQueue implements JobQueue {
  readonly kind = 'bullmq' as const;
  private readonly producerConnection: Redis;
  private readonly queue: Queue;
  private worker: Worker | undefined;
  private workerConnection: Redis | undefined;

  constructor(private readonly redisUrl: string) {
    // Producers fail fast when Redis is down: the job stays 'queued' in the database and the
    // sweeper dispatches it later, so an API request never hangs on Redis.
    this.producerConnection = new Redis(redisUrl, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 3_000,
      lazyConnect: false,
    });
    this.producerConnection.on('error', () => {});
    this.queue = new Queue(QUEUE_NAME, { connection: this.producerConnection });
    this.queue.on('error', () => {});
  }

  /** Waits briefly for the connection after start-up or a reconnect; then fails fast. */
  private async connected(): Promise<void> {
    const connection = this.producerConnection;
    if (connection.status === 'ready') return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        connection.off('ready', onReady);
        reject(new Error('Redis is not reachable'));
      }, 3_000);
      const onReady = () => {
        clearTimeout(timer);
        resolve();
      };
      connection.once('ready', onReady);
    });
  }

  async enqueue(job: { id: string; name: string }, retry: RetryPolicy): Promise<void> {
    await this.connected();
    await this.queue.add(
      job.name,
      {},
      {
        jobId: job.id,
        attempts: retry.maxAttempts,
        backoff: { type: 'exponential', delay: retry.backoffMs },
        removeOnComplete: true,
        removeOnFail: true,
      },
    );
  }

  consume(processor: JobProcessor, concurrency: number): void {
    if (this.worker) throw new Error('This queue is already being consumed');
    this.workerConnection = new Redis(this.redisUrl, { maxRetriesPerRequest: null });
    this.workerConnection.on('error', () => {});
    this.worker = new Worker(
      QUEUE_NAME,
      async (job: Job) => {
        try {
          await processor({ id: job.id!, name: job.name, attempt: job.attemptsMade + 1 });
        } catch (err) {
          if (err instanceof PermanentJobError) throw new UnrecoverableError(err.message);
          throw err;
        }
      },
      {
        connection: this.workerConnection,
        concurrency,
        autorun: true,
        // A dead worker's jobs come back within ~25 s: the lock (renewed every 10 s while a job
        // runs) expires after 20 s and stalled jobs are looked for every 10 s.
        lockDuration: 20_000,
        stalledInterval: 10_000,
      },
    );
    this.worker.on('error', () => {});
  }

  async drain(timeoutMs: number): Promise<void> {
    if (!this.worker) return;
    const worker = this.worker;
    let timeout: NodeJS.Timeout | undefined;
    // close() waits for active jobs; force-close if they outlast the shutdown budget. Their
    // locks expire and BullMQ hands them to another worker (stalled-job recovery).
    await Promise.race([
      worker.close(),
      new Promise<void>((resolve) => {
        timeout = setTimeout(() => {
          void worker.close(true).then(resolve, resolve);
        }, timeoutMs);
        timeout.unref();
      }),
    ]);
    clearTimeout(timeout);
  }

  async depth(): Promise<QueueDepth> {
    await this.connected();
    const counts = await this.queue.getJobCounts('waiting', 'active', 'delayed');
    const [oldest] = await this.queue.getJobs(['wait'], 0, 0, true);
    return {
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      oldestWaitingMs: oldest ? Math.max(0, Date.now() - oldest.timestamp) : 0,
    };
  }

  async ping(): Promise<void> {
    await this.connected();
    const reply = await this.producerConnection.ping();
    if (reply !== 'PONG') throw new Error(`Redis answered ${reply}`);
  }

  async close(): Promise<void> {
    await this.drain(0);
    await this.queue.close();
    this.producerConnection.disconnect();
    this.workerConnection?.disconnect();
  }
}
