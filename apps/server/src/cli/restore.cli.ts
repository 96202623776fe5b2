/**
 * `npm run restore -- <archive>`: restores a backup into an EMPTY database (DATABASE_URL, or a new
 * DATA_DIR for the embedded store) and an empty document store, then verifies it against the
 * archive's manifest: row counts of every table, the hash of every file, and the audit chain.
 * `--verify-only` checks the configured database and store against an archive without writing.
 * Exit code 0 when restored and verified, 2 when verification found differences, 1 on failure.
 */
import { parseArgs } from 'node:util';
import { DataDirLockedError } from '../adapters/db/database.pglite';
import { parseConfigOrExit } from '../entrypoint';
import {
  loadBackupKey,
  restoreBackup,
  verifyRestore,
  type BackupManifest,
} from '../services/backup/backup.service';
import { blobStoreFor, EMBEDDED_SERVER_RUNNING } from './backup-common';
import { openDatabaseFor } from './cli-database';
import { readManifest } from '../services/backup/read-manifest';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { 'verify-only': { type: 'boolean', default: false } },
});
const config = parseConfigOrExit(process.env);
const archive = positionals[0];
if (!archive) {
  console.error('Usage: npm run restore -- <archive.nbk> [--verify-only]');
  process.exit(64);
}

try {
  const backupKey = await loadBackupKey(config.backup);
  const blobStore = blobStoreFor(config);
  let manifest: BackupManifest;
  if (values['verify-only']) {
    manifest = await readManifest(archive, backupKey);
  } else {
    const result = await restoreBackup({
      archive,
      backupKey,
      target:
        config.database.kind === 'postgres'
          ? { kind: 'postgres', url: config.database.url }
          : { kind: 'pglite', dataDir: config.database.dataDir },
      blobStore,
      keyDir: config.database.kind === 'pglite' ? config.keys.keyDir : undefined,
    });
    manifest = result.manifest;
    console.log(
      `Restored ${result.blobsWritten} files${result.keyFilesWritten.length ? ` and key files ${result.keyFilesWritten.join(', ')}` : ''}; verifying…`,
    );
  }
  const database = await openDatabaseFor(config).catch((err: unknown) => {
    if (err instanceof DataDirLockedError) throw new Error(EMBEDDED_SERVER_RUNNING);
    throw err;
  });
  try {
    const report = await verifyRestore(database, blobStore, manifest);
    const { counts } = report;
    console.log(
      JSON.stringify({
        ok: report.ok,
        backupCreatedAt: manifest.createdAt,
        users: counts.users ?? 0,
        returns: counts.tax_returns ?? 0,
        documents: counts.documents ?? 0,
        auditEntries: counts.audit_logs ?? 0,
        filesChecked: report.blobsChecked,
        auditChain: report.auditChain.ok ? 'intact' : 'BROKEN',
        problems: report.problems,
      }),
    );
    process.exitCode = report.ok ? 0 : 2;
  } finally {
    blobStore.close?.();
    await database.close();
  }
} catch (err) {
  console.error(`Restore failed: ${(err as Error).message}`);
  process.exit(1);
}
