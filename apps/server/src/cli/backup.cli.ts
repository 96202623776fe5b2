/**
 * `npm run backup [-- --out DIR]`: one encrypted archive of the database and every stored
 * document, in BACKUP_DIR (default DATA_DIR/backups). Prunes archives older than
 * BACKUP_RETENTION_DAYS (7 years) and records the backup in the audit log, from which the API's
 * numeri_backup_last_success_timestamp_seconds gauge is read. See docs/operations.md.
 * Exit code 0 on success, 1 on failure, 78 on bad configuration.
 */
import { parseArgs } from 'node:util';
import { DataDirLockedError } from '../adapters/db/database.pglite';
import { systemClock } from '../adapters/clock/clock';
import { parseConfigOrExit } from '../entrypoint';
import { createBackup, loadBackupKey } from '../services/backup/backup.service';
import { blobStoreFor, EMBEDDED_SERVER_RUNNING } from './backup-common';
import { openDatabaseFor } from './cli-database';

const { values } = parseArgs({ options: { out: { type: 'string' } } });
const config = parseConfigOrExit(process.env);

try {
  const backupKey = await loadBackupKey(config.backup);
  const database = await openDatabaseFor(config).catch((err: unknown) => {
    if (err instanceof DataDirLockedError) throw new Error(EMBEDDED_SERVER_RUNNING);
    throw err;
  });
  const blobStore = blobStoreFor(config);
  const started = Date.now();
  try {
    const result = await createBackup({
      database,
      databaseUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
      blobStore,
      backupKey,
      outDir: values.out ?? config.backup.dir,
      clock: systemClock,
      keyDir: config.database.kind === 'pglite' && !config.keys.masterKeys ? config.keys.keyDir : undefined,
      retentionDays: config.backup.retentionDays,
    });
    const { counts } = result.manifest;
    console.log(
      JSON.stringify({
        ok: true,
        archive: result.archive,
        bytes: result.bytes,
        sha256: result.sha256,
        seconds: Math.round((Date.now() - started) / 100) / 10,
        users: counts.users ?? 0,
        returns: counts.tax_returns ?? 0,
        documents: counts.documents ?? 0,
        auditEntries: counts.audit_logs ?? 0,
        files: result.manifest.blobs.length,
        pruned: result.pruned,
      }),
    );
  } finally {
    blobStore.close?.();
    await database.close();
  }
  process.exit(0);
} catch (err) {
  console.error(`Backup failed: ${(err as Error).message}`);
  process.exit(1);
}
