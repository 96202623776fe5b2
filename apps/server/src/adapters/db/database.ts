import { fileURLToPath } from 'node:url';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type * as schema from '../../db/schema';

/** The Drizzle handle every repository takes; the same type on PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle; repositories accept either, so callers choose the unit of work. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export interface Database {
  readonly kind: 'pglite' | 'postgres';
  /** The primary: every write, and every read that must see the latest state. */
  readonly db: Db;
  /**
   * Where list, search and dashboard reads may go: a streaming replica when DATABASE_REPLICA_URL
   * is set and answering, else the primary. May lag the primary by a moment (ADR 0011).
   */
  readonly reader: Db;
  /** The reader for one user's list-style reads: the primary while that user's own write is recent. */
  readerFor(userId: string | null | undefined): Promise<Db>;
  /** Records that this user just wrote, so that their next reads see it (read-your-writes). */
  noteWrite(userId: string): void;
  /** Throws when the database cannot answer a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../db/migrations', import.meta.url));

const databases = new WeakMap<object, Database>();

/** Lets `readerFor(db, userId)` find the Database a Drizzle handle belongs to. */
export function registerDatabase(database: Database): void {
  databases.set(database.db, database);
}

/**
 * For services that hold only the primary `Db`: the reader for this user's list-style reads.
 * A transaction handle or an unregistered handle is returned as it is (reads inside a
 * transaction must stay on the primary).
 */
export async function readerFor(db: DbOrTx, userId: string | null | undefined): Promise<DbOrTx> {
  const database = databases.get(db);
  return database ? database.readerFor(userId) : db;
}

/** Read routing for a database without a replica: everything on the primary. */
export function primaryOnly(db: Db): Pick<Database, 'reader' | 'readerFor' | 'noteWrite'> {
  return { reader: db, readerFor: async () => db, noteWrite: () => {} };
}
