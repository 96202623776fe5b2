import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';
import { MIGRATIONS_FOLDER, registerDatabase, type Database, type Db } from './database';
import { ReadYourWrites } from './read-your-writes';

/** Any stable number: all replicas take this advisory lock so only one migrates at a time. */
const MIGRATION_LOCK_KEY = 7_224_118_001;

export interface PostgresOptions {
  url: string;
  poolMax: number;
  migrate?: boolean;
  /** A streaming replica (hot standby) of `url` for list/search/dashboard reads. */
  replicaUrl?: string | undefined;
  /** After a user's write, their reads stay on the primary this long (default 5 s). */
  replicaStickyMs?: number;
  /** How often the replica's health is checked; reads fall back to the primary while it fails. */
  replicaCheckMs?: number;
}

export type PostgresDatabase = Database & {
  pool: pg.Pool;
  replicaPool: pg.Pool | undefined;
  /** Read-your-writes marks; attach Redis to share them across processes. */
  readYourWrites: ReadYourWrites;
};

export { isDatabaseUnavailable } from './database-errors';

function createPool(url: string, max: number, name: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    // Fail fast when the server is down instead of queueing requests behind dead connections.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: name,
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
  return pool;
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<PostgresDatabase> {
  const pool = createPool(options.url, options.poolMax, 'numeri');
  try {
    if (options.migrate ?? true) {
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        try {
          await migrate(drizzle({ client, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
        } finally {
          await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
        }
      } finally {
        client.release();
      }
    }
  } catch (err) {
    await pool.end();
    throw err;
  }
  const db = drizzle({ client: pool, schema }) as unknown as Db;
  const readYourWrites = new ReadYourWrites(options.replicaStickyMs ?? 5_000);

  let replicaPool: pg.Pool | undefined;
  let replicaDb: Db | undefined;
  let replicaHealthy = false;
  let healthTimer: NodeJS.Timeout | undefined;
  if (options.replicaUrl) {
    const replica = createPool(options.replicaUrl, options.poolMax, 'numeri-reader');
    replicaPool = replica;
    replicaDb = drizzle({ client: replica, schema }) as unknown as Db;
    // Reads go to the replica only while it answers as a hot standby; otherwise to the primary.
    const check = async () => {
      try {
        const { rows } = await replica.query<{ standby: boolean }>('select pg_is_in_recovery() as standby');
        replicaHealthy = rows[0]?.standby === true;
      } catch {
        replicaHealthy = false;
      }
    };
    await check();
    healthTimer = setInterval(() => void check(), options.replicaCheckMs ?? 5_000);
    healthTimer.unref();
  }
  const reader = (): Db => (replicaDb && replicaHealthy ? replicaDb : db);

  const database: PostgresDatabase = {
    kind: 'postgres',
    db,
    get reader() {
      return reader();
    },
    async readerFor(userId) {
      if (!replicaDb || !replicaHealthy) return db;
      if (userId && (await readYourWrites.mustUsePrimary(userId))) return db;
      return reader();
    },
    noteWrite(userId) {
      if (replicaDb) readYourWrites.noteWrite(userId);
    },
    pool,
    replicaPool,
    readYourWrites,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      clearInterval(healthTimer);
      await Promise.all([pool.end(), replicaPool?.end()]);
    },
  };
  registerDatabase(database);
  return database;
}
