import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { closeAdapters, createAdapters, type Adapters } from '../../src/adapters/create-adapters';
import { FakeClock } from '../../src/adapters/clock/clock';
import { LocalKeyRing } from '../../src/adapters/keys/key-ring.local';
import { buildApp, type App, type BuildAppOptions } from '../../src/app';
import { parseConfig, type Config } from '../../src/config/config';
import { createCapturingLogger } from './log-capture';
import { createTestDatabase } from './test-database';

export interface TestContext {
  app: App;
  adapters: Adapters;
  config: Config;
  clock: FakeClock;
  dataDir: string;
  logs: ReturnType<typeof createCapturingLogger>;
  close(): Promise<void>;
}

/**
 * An app on embedded adapters (PGlite clone, temp folders, in-memory queue, outbox mail),
 * or on PostgreSQL when DATABASE_URL is set. Logs are captured for assertions.
 */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    overrides?: Partial<Adapters>;
    app?: BuildAppOptions;
    clock?: FakeClock;
  } = {},
): Promise<TestContext> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-test-'));
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'debug', ...options.env });
  const logs = createCapturingLogger();
  const clock = options.clock ?? new FakeClock(new Date());
  const adapters = await createAdapters(config, logs.log, {
    database: await createTestDatabase(),
    keyRing: new LocalKeyRing(new Map([[1, randomBytes(32)]])),
    tokenSecret: randomBytes(32),
    clock,
    redis: undefined,
    ...options.overrides,
  });
  const app = await buildApp(adapters, options.app);
  await app.ready();
  return {
    app,
    adapters,
    config,
    clock,
    dataDir,
    logs,
    async close() {
      await app.close();
      await app.services.jobs.stop(1_000);
      await app.services.emails.flush();
      await closeAdapters(adapters);
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}
