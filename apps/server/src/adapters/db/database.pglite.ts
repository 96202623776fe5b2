import fs from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import lockfile from 'proper-lockfile';
import * as schema from '../../db/schema';
import { MIGRATIONS_FOLDER, primaryOnly, registerDatabase, type Database, type Db } from './database';

export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `Another Numeri process is using the embedded database in ${dir}. ` +
        'Only one process may open it at a time (a second one would silently lose writes). ' +
        'Stop the other process, or point DATA_DIR at another folder, or set DATABASE_URL to use PostgreSQL.',
    );
    this.name = 'DataDirLockedError';
  }
}

// The lock's mtime is refreshed every LOCK_UPDATE_MS; a lock older than LOCK_STALE_MS belongs to
// a crashed process and may be taken over. Start-up waits a little longer than that.
const LOCK_STALE_MS = 6_000;
const LOCK_UPDATE_MS = 2_000;

async function acquireDirLock(dir: string, waitForStale: boolean): Promise<() => Promise<void>> {
  const lockfilePath = path.join(dir, '.numeri.lock');
  const attempt = (retries: number) =>
    lockfile.lock(dir, {
      lockfilePath,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      realpath: false,
      retries: retries ? { retries, factor: 1, minTimeout: 1_000, maxTimeout: 1_000 } : 0,
      onCompromised: (err) => {
        // Someone removed or took our lock: continuing could corrupt the database.
        console.error(`[numeri] lost the lock on ${dir}: ${err.message}; exiting to protect the data`);
        process.exit(70);
      },
    });
  try {
    return await attempt(0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err;
  }
  // Held. A live holder refreshes the lock's mtime every LOCK_UPDATE_MS; a crashed one does not,
  // and its lock goes stale after LOCK_STALE_MS. Watch one refresh period to tell them apart.
  const mtime = async () => (await fs.stat(lockfilePath).catch(() => undefined))?.mtimeMs ?? 0;
  const before = await mtime();
  await new Promise((resolve) => setTimeout(resolve, LOCK_UPDATE_MS + 700));
  if (!waitForStale || (await mtime()) !== before) throw new DataDirLockedError(dir);
  try {
    return await attempt(Math.ceil(LOCK_STALE_MS / 1_000) + 2);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw err;
  }
}

export interface PgliteOptions {
  /** A folder to persist to; omit for an in-memory database (tests). */
  dataDir?: string;
  /** A migrated database image to start from (tests clone one instead of migrating each time). */
  loadDataDir?: Blob | File;
  /** Wait for a crashed process's lock to go stale instead of failing at once. */
  waitForStaleLock?: boolean;
  migrate?: boolean;
}

export async function openPgliteDatabase(options: PgliteOptions): Promise<Database & { client: PGlite }> {
  let release: (() => Promise<void>) | undefined;
  if (options.dataDir) {
    await fs.mkdir(options.dataDir, { recursive: true });
    release = await acquireDirLock(options.dataDir, options.waitForStaleLock ?? true);
  }
  try {
    const client = new PGlite({
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
    await client.waitReady;
    const db = drizzle({ client, schema }) as unknown as Db;
    if (options.migrate ?? true) {
      await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    }
    const database = {
      kind: 'pglite' as const,
      db,
      ...primaryOnly(db),
      client,
      async ping() {
        await client.query('select 1');
      },
      async close() {
        try {
          await client.close();
        } finally {
          await release?.();
        }
      },
    };
    registerDatabase(database);
    return database;
  } catch (err) {
    await release?.();
    throw err;
  }
}
