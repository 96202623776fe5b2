import { afterEach, describe, expect, it } from 'vitest';
import { MemoryJobQueue } from '../../src/adapters/queue/job-queue.memory';
import { BullmqJobQueue } from '../../src/adapters/queue/job-queue.bullmq';
import { PermanentJobError, type JobQueue, type QueuedJob } from '../../src/adapters/queue/job-queue.port';
import { TEST_REDIS_URL } from '../support/test-env';
import { Redis } from 'ioredis';

const FAST_RETRY = { maxAttempts: 3, backoffMs: 20 };

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function jobQueueContract(name: string, create: () => Promise<JobQueue>) {
  describe(`JobQueue contract: ${name}`, () => {
    let queue: JobQueue;
    afterEach(async () => {
      await queue?.close();
    });

    it('delivers each enqueued job to the processor', async () => {
      queue = await create();
      const seen: QueuedJob[] = [];
      queue.consume(async (job) => void seen.push(job), 2);
      await queue.enqueue({ id: 'job-a', name: 'system.selftest' }, FAST_RETRY);
      await queue.enqueue({ id: 'job-b', name: 'system.selftest' }, FAST_RETRY);
      await waitFor(() => seen.length === 2);
      expect(seen.map((j) => j.id).sort()).toEqual(['job-a', 'job-b']);
      expect(seen[0]).toMatchObject({ name: 'system.selftest', attempt: 1 });
    });

    it('ignores a second enqueue of a job that is still waiting or running', async () => {
      queue = await create();
      let runs = 0;
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      queue.consume(async () => {
        runs += 1;
        await gate;
      }, 2);
      await queue.enqueue({ id: 'dup', name: 'system.selftest' }, FAST_RETRY);
      await waitFor(() => runs === 1);
      await queue.enqueue({ id: 'dup', name: 'system.selftest' }, FAST_RETRY);
      await new Promise((resolve) => setTimeout(resolve, 200));
      release();
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(runs).toBe(1);
    });

    it('retries a failing job with backoff, then succeeds', async () => {
      queue = await create();
      const attempts: number[] = [];
      queue.consume(async (job) => {
        attempts.push(job.attempt);
        if (job.attempt < 3) throw new Error('transient');
      }, 1);
      await queue.enqueue({ id: 'flaky', name: 'system.selftest' }, FAST_RETRY);
      await waitFor(() => attempts.length === 3);
      expect(attempts).toEqual([1, 2, 3]);
    });

    it('does not retry a permanent failure', async () => {
      queue = await create();
      let runs = 0;
      queue.consume(async () => {
        runs += 1;
        throw new PermanentJobError('bad payload');
      }, 1);
      await queue.enqueue({ id: 'doomed', name: 'system.selftest' }, FAST_RETRY);
      await waitFor(() => runs === 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(runs).toBe(1);
    });

    it('drain waits for running jobs to finish', async () => {
      queue = await create();
      let finished = false;
      let started = false;
      queue.consume(async () => {
        started = true;
        await new Promise((resolve) => setTimeout(resolve, 300));
        finished = true;
      }, 1);
      await queue.enqueue({ id: 'slow', name: 'system.selftest' }, FAST_RETRY);
      await waitFor(() => started);
      await queue.drain(5_000);
      expect(finished).toBe(true);
    });

    it('reports depth and answers ping', async () => {
      queue = await create();
      await queue.ping();
      await queue.enqueue({ id: 'waiting-1', name: 'system.selftest' }, FAST_RETRY);
      const depth = await queue.depth();
      expect(depth.waiting).toBe(1);
      expect(depth.active).toBe(0);
    });
  });
}

jobQueueContract('in-process', async () => new MemoryJobQueue());

if (TEST_REDIS_URL) {
  jobQueueContract('BullMQ (Redis)', async () => {
    // A database index of its own per test, emptied first, so runs never see each other's jobs.
    const url = new URL(TEST_REDIS_URL!);
    url.pathname = '/9';
    const redis = new Redis(url.toString());
    await redis.flushdb();
    redis.disconnect();
    return new BullmqJobQueue(url.toString());
  });
} else {
  describe.skip('JobQueue contract: BullMQ (set REDIS_URL to run)', () => {
    it('needs Redis', () => {});
  });
}
