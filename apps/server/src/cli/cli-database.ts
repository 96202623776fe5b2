import type { Config } from '../config/config';
import type { Database } from '../adapters/db/database';
import { openPgliteDatabase } from '../adapters/db/database.pglite';
import { openPostgresDatabase } from '../adapters/db/database.postgres';

/**
 * The configured database for a one-off command. The embedded store allows one process at a
 * time, so commands on it fail clearly while the server is running.
 */
export function openDatabaseFor(config: Config): Promise<Database> {
  return config.database.kind === 'postgres'
    ? openPostgresDatabase({ url: config.database.url, poolMax: 2 })
    : openPgliteDatabase({ dataDir: config.database.dataDir, waitForStaleLock: false });
}
