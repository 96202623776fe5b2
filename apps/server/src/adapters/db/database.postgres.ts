import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { DrizzleQueryError } from 'drizzle-orm/errors';
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

/** Errors that mean "the database cannot be reached right now", not "this query is wrong". */
const UNAVAILABLE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', '57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|connection error|the database system is (starting up|shutting down|in recovery)/i;

export function isDatabaseUnavailable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  return Boolean(e && ((e.code && UNAVAILABLE_CODES.has(e.code)) || (e.message && UNAVAILABLE_MESSAGES.test(e.message))));
}

/**
 * Tags connectivity errors with statusCode 503, so the API answers "Service unavailable" at once
 * (problem+json SERVICE_UNAVAILABLE) while PostgreSQL restarts or fails over, instead of 500.
 */
function failFastAs503(pool: pg.Pool): void {
  const tag = (err: unknown) => {
    if (isDatabaseUnavailable(err)) Object.assign(err as object, { statusCode: 503 });
    return err;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? result.catch((err: unknown) => Promise.reject(tag(err))) : result;
  }) as typeof pool.query;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    const result = connect(...args);
    return result instanceof Promise ? result.catch((err: unknown) => Promise.reject(tag(err))) : result;
  }) as typeof pool.connect;
}

// Drizzle wraps driver errors in DrizzleQueryError; let it show its cause's 503 to the error handler.
if (!Object.getOwnPropertyDescriptor(DrizzleQueryError.prototype, 'statusCode')) {
  Object.defineProperty(DrizzleQueryError.prototype, 'statusCode', {
    get(this: DrizzleQueryError) {
      return (this.cause as { statusCode?: number } | undefined)?.statusCode;
    },
    configurable: true,
  });
}

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
  failFastAs503(pool);
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
