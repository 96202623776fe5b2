import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from '../../db/schema';
import { MIGRATIONS_FOLDER, type Database, type Db } from './database';

/** Any stable number: all replicas take this advisory lock so only one migrates at a time. */
const MIGRATION_LOCK_KEY = 7_224_118_001;

export interface PostgresOptions {
  url: string;
  poolMax: number;
  migrate?: boolean;
}

export async function openPostgresDatabase(options: PostgresOptions): Promise<Database & { pool: pg.Pool }> {
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolMax,
    // Fail fast when the server is down instead of queueing requests behind dead connections.
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    application_name: 'numeri',
  });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => {});
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
  return {
    kind: 'postgres',
    db,
    pool,
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await pool.end();
    },
  };
}
