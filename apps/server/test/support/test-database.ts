import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_FOLDER, type Database } from '../../src/adapters/db/database';
import { openPgliteDatabase } from '../../src/adapters/db/database.pglite';
import { openPostgresDatabase } from '../../src/adapters/db/database.postgres';
import { TEST_DATABASE_URL } from './test-env';

let template: Promise<Blob> | undefined;

/** A migrated PGlite image, made once per test worker: cloning it is ~5× faster than initdb. */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const client = new PGlite();
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await client.dumpDataDir('none');
    await client.close();
    return dump;
  })();
  return template;
}

export async function createPgliteTestDatabase(): Promise<Database> {
  return openPgliteDatabase({ loadDataDir: await pgliteTemplate(), migrate: false });
}

/** A fresh database with a random name on the PostgreSQL server; dropped on close. */
export async function createPostgresTestDatabase(serverUrl: string): Promise<Database & { url: string }> {
  const name = `numeri_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgresDatabase({ url: url.toString(), poolMax: 5 });
  return {
    ...database,
    url: url.toString(),
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      try {
        await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** PostgreSQL when DATABASE_URL is set, PGlite otherwise. */
export function createTestDatabase(): Promise<Database> {
  return TEST_DATABASE_URL ? createPostgresTestDatabase(TEST_DATABASE_URL) : createPgliteTestDatabase();
}

/** The database kinds a contract suite runs against in this environment. */
export function databaseTargets(): { name: string; create: () => Promise<Database> }[] {
  const targets = [{ name: 'PGlite', create: createPgliteTestDatabase }];
  if (TEST_DATABASE_URL)
    targets.push({ name: 'PostgreSQL', create: () => createPostgresTestDatabase(TEST_DATABASE_URL!) });
  return targets;
}
