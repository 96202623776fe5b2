import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { JOB_NAMES } from '@numeri/contracts';
import { FakeClock } from '../../src/adapters/clock/clock';
import type { Database } from '../../src/adapters/db/database';
import { MemoryJobQueue } from '../../src/adapters/queue/job-queue.memory';
import { PermanentJobError } from '../../src/adapters/queue/job-queue.port';
import { jobs } from '../../src/db/schema';
import { createMetrics } from '../../src/observability/metrics';
import { JobService, type JobHandlers } from '../../src/services/jobs/job.service';
import { createCapturingLogger } from '../support/log-capture';
import { createTestDatabase } from '../support/test-database';

let database: Database | undefined;
let service: JobService | undefined;

afterEach(async () => {
  await service?.stop(1_000);
  await database?.close();
  service = undefined;
  database = undefined;
});

async function setup(handle: JobHandlers['system.selftest']['handle'], db?: Database) {
  database = db ?? (await createTestDatabase());
  const queue = new MemoryJobQueue();
  const svc = new JobService(
    database.db,
    queue,
    new FakeClock(),
    createCapturingLogger().log,
    createMetrics(),
  );
  // Every other job gets a no-op handler, so this suite keeps compiling as jobs are added.
  const noop = Object.fromEntries(
    JOB_NAMES.map((name) => [name, { handle: async () => {} }]),
  ) as unknown as JobHandlers;
  svc.register({ ...noop, 'system.selftest': { handle, retry: { maxAttempts: 3, backoffMs: 10 } } });
  service = svc;
  return { svc, db: database };
}

async function until(check: () => Promise<boolean>, timeoutMs = 10_000) {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('JobService', () => {
  it('records the job, runs it once and stores the outcome', async () => {
    const seen: string[] = [];
    const { svc } = await setup(async (payload) => {
      seen.push(payload.marker);
      return { marker: payload.marker };
    });
    await svc.start(2);
    const job = await svc.submit('system.selftest', { marker: 'hello', holdMs: 0 });
    await until(async () => (await svc.get(job.id))?.status === 'succeeded');
    const row = await svc.get(job.id);
    expect(row).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      result: { marker: 'hello' },
      lastError: null,
    });
    expect(seen).toEqual(['hello']);
  });

  it('rejects an invalid payload before recording anything', async () => {
    const { svc, db } = await setup(async () => {});
    await expect(svc.submit('system.selftest', { marker: '' } as never)).rejects.toThrow();
    expect(await db.db.select().from(jobs)).toEqual([]);
  });

  it('a dedupe key makes submitting the same work twice a no-op', async () => {
    let runs = 0;
    const { svc } = await setup(async () => void (runs += 1));
    await svc.start(1);
    const first = await svc.submit(
      'system.selftest',
      { marker: 'a', holdMs: 0 },
      { dedupeKey: 'doc-1:process' },
    );
    const second = await svc.submit(
      'system.selftest',
      { marker: 'a', holdMs: 0 },
      { dedupeKey: 'doc-1:process' },
    );
    expect(second).toEqual({ ...first, created: false });
    await until(async () => (await svc.get(first.id))?.status === 'succeeded');
    expect(runs).toBe(1);
  });

  it('a replayed delivery of a finished job has no effect', async () => {
    let runs = 0;
    const { svc } = await setup(async () => void (runs += 1));
    await svc.start(1);
    const job = await svc.submit('system.selftest', { marker: 'once', holdMs: 0 });
    await until(async () => (await svc.get(job.id))?.status === 'succeeded');
    await svc.process({ id: job.id, name: 'system.selftest', attempt: 1 });
    await svc.process({ id: job.id, name: 'system.selftest', attempt: 2 });
    expect(runs).toBe(1);
    expect((await svc.get(job.id))?.attempts).toBe(1);
  });

  it('retries transient failures and records the last error', async () => {
    let calls = 0;
    const { svc } = await setup(async () => {
      calls += 1;
      if (calls < 3) throw new Error(`storage timeout ${calls}`);
    });
    await svc.start(1);
    const job = await svc.submit('system.selftest', { marker: 'flaky', holdMs: 0 });
    await until(async () => (await svc.get(job.id))?.status === 'succeeded');
    expect(await svc.get(job.id)).toMatchObject({ attempts: 3, lastError: null });
  });

  it('gives up after the last attempt and marks the job failed with its reason', async () => {
    const { svc } = await setup(async () => {
      throw new Error('always broken');
    });
    await svc.start(1);
    const job = await svc.submit('system.selftest', { marker: 'broken', holdMs: 0 });
    await until(async () => (await svc.get(job.id))?.status === 'failed');
    expect(await svc.get(job.id)).toMatchObject({ attempts: 3, lastError: 'always broken' });
  });

  it('a permanent error fails at once', async () => {
    const { svc } = await setup(async () => {
      throw new PermanentJobError('the document is not a PDF');
    });
    await svc.start(1);
    const job = await svc.submit('system.selftest', { marker: 'bad', holdMs: 0 });
    await until(async () => (await svc.get(job.id))?.status === 'failed');
    expect(await svc.get(job.id)).toMatchObject({ attempts: 1, lastError: 'the document is not a PDF' });
  });

  it('resumes jobs a crash left queued or running when it starts', async () => {
    const db = await createTestDatabase();
    // As a crashed process leaves them: one never picked up, one interrupted mid-run.
    const [queued] = await db.db
      .insert(jobs)
      .values({ name: 'system.selftest', payload: { marker: 'q', holdMs: 0 } })
      .returning();
    const [running] = await db.db
      .insert(jobs)
      .values({
        name: 'system.selftest',
        payload: { marker: 'r', holdMs: 0 },
        status: 'running',
        attempts: 1,
      })
      .returning();
    const seen: string[] = [];
    const { svc } = await setup(async (payload) => void seen.push(payload.marker), db);
    await svc.start(2);
    await until(async () => {
      const rows = await db.db.select().from(jobs);
      return rows.every((row) => row.status === 'succeeded');
    });
    expect(seen.sort()).toEqual(['q', 'r']);
    const [resumed] = await db.db.select().from(jobs).where(eq(jobs.id, running!.id));
    expect(resumed!.attempts).toBe(2);
    expect(queued).toBeDefined();
  });
});
