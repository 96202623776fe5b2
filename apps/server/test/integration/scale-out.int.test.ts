import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inArray } from 'drizzle-orm';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/db/database';
import {
  generateMasterKeyEntry,
  LocalKeyRing,
  parseMasterKeys,
} from '../../src/adapters/keys/key-ring.local';
import { jobs, users } from '../../src/db/schema';
import { hashPassword } from '../../src/services/accounts/password';
import { spawnEntrypoint, type ServerProcess } from '../support/spawn-server';
import { createPostgresTestDatabase } from '../support/test-database';
import { TEST_DATABASE_URL, TEST_REDIS_URL } from '../support/test-env';

/**
 * Two API processes and one worker on the same PostgreSQL and Redis: jobs queued through
 * either API run exactly once on the worker, and what one API writes the other reads.
 */
describe.runIf(TEST_DATABASE_URL && TEST_REDIS_URL)('scale-out: two APIs and a worker', () => {
  const processes: ServerProcess[] = [];
  let database: (Database & { url: string }) | undefined;
  const dirs: string[] = [];
  afterAll(async () => {
    for (const p of processes) p.child.kill('SIGTERM');
    await Promise.all(processes.map((p) => p.exited));
    await database?.close();
    for (const dir of dirs) await fs.rm(dir, { recursive: true, force: true });
  });

  it(
    'runs 200 jobs queued through both APIs exactly once, and each API sees the other’s writes',
    { timeout: 180_000 },
    async () => {
      database = await createPostgresTestDatabase(TEST_DATABASE_URL!);
      const redisUrl = new URL(TEST_REDIS_URL!);
      redisUrl.pathname = '/8';
      const redis = new Redis(redisUrl.toString());
      await redis.flushdb();
      redis.disconnect();

      const masterKeys = generateMasterKeyEntry(1);
      const keyRing = new LocalKeyRing(parseMasterKeys(masterKeys));
      const password = 'scale out admin passphrase 2026';
      const { wrapped } = await keyRing.createDataKey();
      await database.db.insert(users).values({
        email: 'ops@example.com',
        passwordHash: await hashPassword(password),
        givenName: 'Ops',
        familyName: 'Admin',
        role: 'admin',
        emailVerifiedAt: new Date(),
        dataKeyWrapped: wrapped,
      });

      const shared = {
        DATABASE_URL: database.url,
        REDIS_URL: redisUrl.toString(),
        MASTER_KEYS: masterKeys,
        JWT_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'info',
        HOST: '127.0.0.1',
      };
      const port = () => String(20_000 + randomInt(20_000));
      const dataDir = async () => {
        const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-scale-'));
        dirs.push(dir);
        return dir;
      };
      const portA = port();
      const portB = port();
      const apiA = spawnEntrypoint('main-api.ts', { ...shared, PORT: portA, DATA_DIR: await dataDir() });
      const apiB = spawnEntrypoint('main-api.ts', { ...shared, PORT: portB, DATA_DIR: await dataDir() });
      const worker = spawnEntrypoint('main-worker.ts', {
        ...shared,
        WORKER_PORT: port(),
        DATA_DIR: await dataDir(),
        JOB_CONCURRENCY: '4',
      });
      processes.push(apiA, apiB, worker);
      await Promise.all([
        apiA.waitForLog(/Numeri is running/, 90_000),
        apiB.waitForLog(/Numeri is running/, 90_000),
        worker.waitForLog(/worker consuming jobs/, 90_000),
      ]);

      const a = `http://127.0.0.1:${portA}`;
      const b = `http://127.0.0.1:${portB}`;
      const json = { 'content-type': 'application/json' };
      const signIn = await fetch(`${a}/api/v1/auth/sign-in`, {
        method: 'POST',
        headers: json,
        body: JSON.stringify({ email: 'ops@example.com', password }),
      });
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const auth = { ...json, authorization: `Bearer ${accessToken}` };

      // A session made on A is valid on B; a return created through B is read through A.
      expect((await fetch(`${b}/api/v1/auth/me`, { headers: auth })).status).toBe(200);
      expect(
        (
          await fetch(`${b}/api/v1/returns`, {
            method: 'POST',
            headers: auth,
            body: JSON.stringify({ incomeYear: '2024-25' }),
          })
        ).status,
      ).toBe(201);
      const seen = (await (await fetch(`${a}/api/v1/returns`, { headers: auth })).json()) as {
        incomeYear: string;
      }[];
      expect(seen.map((r) => r.incomeYear)).toEqual(['2024-25']);

      const queue = async (base: string, marker: string) => {
        const response = await fetch(`${base}/api/v1/admin/jobs/selftest`, {
          method: 'POST',
          headers: auth,
          body: JSON.stringify({ count: 100, marker }),
        });
        expect(response.status).toBe(202);
        return ((await response.json()) as { jobIds: string[] }).jobIds;
      };
      const ids = (await Promise.all([queue(a, 'via-a'), queue(b, 'via-b')])).flat();
      expect(new Set(ids).size).toBe(200);

      const started = Date.now();
      let rows = await database.db.select().from(jobs).where(inArray(jobs.id, ids));
      while (rows.some((row) => row.status !== 'succeeded') && Date.now() - started < 90_000) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        rows = await database.db.select().from(jobs).where(inArray(jobs.id, ids));
      }
      expect(rows).toHaveLength(200);
      expect(rows.filter((row) => row.status === 'succeeded')).toHaveLength(200);
      // Exactly once: each job was started a single time, and only the worker ran them.
      expect(rows.every((row) => row.attempts === 1)).toBe(true);
      const pids = new Set(rows.map((row) => (row.result as { pid: number }).pid));
      expect(pids.size).toBe(1);
      expect(pids.has(worker.child.pid!)).toBe(true);
    },
  );
});
