import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPgliteDatabase } from '../../src/adapters/db/database.pglite';
import { jobs } from '../../src/db/schema';
import { spawnEntrypoint, type ServerProcess } from '../support/spawn-server';

/**
 * The embedded store across real process lifecycles: a second process on the same data folder
 * is refused, and a job interrupted by `kill -9` is finished by the next start.
 */
describe('embedded server processes', () => {
  const started: ServerProcess[] = [];
  let dataDir = '';
  afterAll(async () => {
    for (const server of started) server.child.kill('SIGKILL');
    if (dataDir) await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('refuses to start while another process holds the data folder', { timeout: 60_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-lock-'));
    const holder = await openPgliteDatabase({ dataDir: path.join(dataDir, 'db') });
    try {
      const server = spawnEntrypoint('main-api.ts', { DATA_DIR: dataDir, PORT: '0' });
      started.push(server);
      const { code } = await server.exited;
      expect(code).toBe(1);
      expect(server.output()).toContain('Another Numeri process is using the embedded database');
    } finally {
      await holder.close();
    }
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('a job interrupted by kill -9 is finished by the next start', { timeout: 120_000 }, async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-restart-'));
    const env = { DATA_DIR: dataDir, PORT: '0', WEB_DIST_DIR: path.join(dataDir, 'no-web') };

    // A job that takes 3 s, recorded before the server starts.
    const seed = await openPgliteDatabase({ dataDir: path.join(dataDir, 'db') });
    const [job] = await seed.db
      .insert(jobs)
      .values({ name: 'system.selftest', payload: { marker: 'crash-test', holdMs: 3_000 } })
      .returning();
    await seed.close();

    const first = spawnEntrypoint('main-api.ts', env);
    started.push(first);
    await first.waitForLog(new RegExp(`"jobId":"${job!.id}".*"msg":"job started"`), 60_000);
    first.child.kill('SIGKILL'); // crash mid-job
    await first.exited;
    expect(first.output()).not.toMatch(new RegExp(`"jobId":"${job!.id}".*"msg":"job succeeded"`));

    // Restarting straight away waits for the dead process's lock to go stale, then resumes.
    const second = spawnEntrypoint('main-api.ts', env);
    started.push(second);
    await second.waitForLog(/"msg":"resumed unfinished jobs"/, 60_000);
    await second.waitForLog(new RegExp(`"jobId":"${job!.id}".*"msg":"job succeeded"`), 60_000);
    second.child.kill('SIGTERM');
    const stopped = await second.exited;
    expect(stopped.code).toBe(0);
    expect(second.output()).toContain('"msg":"stopped"');

    const check = await openPgliteDatabase({ dataDir: path.join(dataDir, 'db') });
    const [row] = await check.db.select().from(jobs).where(eq(jobs.id, job!.id));
    await check.close();
    expect(row).toMatchObject({ status: 'succeeded', attempts: 2, result: { marker: 'crash-test' } });
  });
});
