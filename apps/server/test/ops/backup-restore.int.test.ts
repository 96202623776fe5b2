import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/adapters/db/database';
import { openPgliteDatabase } from '../../src/adapters/db/database.pglite';
import { openPostgresDatabase } from '../../src/adapters/db/database.postgres';
import { LocalBlobStore } from '../../src/adapters/storage/blob-store.local';
import { documents, taxReturns, users } from '../../src/db/schema';
import { verifyAuditChain } from '../../src/services/audit/audit.service';
import { ArchiveDamagedError, BackupKeyError } from '../../src/services/backup/archive-crypto';
import {
  createBackup,
  pruneBackups,
  restoreBackup,
  verifyRestore,
  type BackupResult,
} from '../../src/services/backup/backup.service';
import { lastBackupAt } from '../../src/services/backup/backup-status';
import { readManifest } from '../../src/services/backup/read-manifest';
import { textLayerPdf } from '../fixtures/documents';
import { newUser } from '../support/accounts';
import { uploadAndSettle } from '../support/documents';
import { createTestApp, type TestContext } from '../support/test-app';
import { TEST_DATABASE_URL } from '../support/test-env';

/**
 * Backs up an app with real data, destroys the database and the document store, restores into
 * empty ones, and finds every user, return, document (and its bytes) and audit entry intact and
 * the audit chain valid. Runs on PGlite in `npm test` and on PostgreSQL (pg_dump/pg_restore)
 * when DATABASE_URL is set, as in .ci/run.
 */
const kind = TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite';

async function createEmptyPostgresDatabase(serverUrl: string) {
  const name = `numeri_restore_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

describe(`backup → destroy → restore → verify (${kind})`, () => {
  const backupKey = randomBytes(32);
  let work: string;
  let ctx: TestContext | undefined;
  let backup: BackupResult;
  const expected = {
    users: [] as { id: string; email: string }[],
    returns: [] as string[],
    documents: [] as { id: string; key: string; bytes: Buffer }[],
    auditEntries: 0,
  };
  const cleanups: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    work = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-backup-test-'));
    ctx = await createTestApp();
    await ctx.app.services.jobs.start(2);
    const db = ctx.adapters.database.db;
    // Real data through the API: accounts (sign-up, verification, sign-in), returns, and
    // documents uploaded, stored encrypted per user and read by the pipeline.
    for (let i = 0; i < 3; i += 1) {
      const user = await newUser(ctx, `backup${i}`);
      expected.users.push({ id: user.userId, email: user.email });
      for (const year of ['2023-24', '2024-25']) {
        const created = await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/returns',
          headers: user.auth,
          remoteAddress: user.ip,
          payload: { incomeYear: year },
        });
        expect(created.statusCode, created.body).toBe(201);
        expected.returns.push(created.json().id);
      }
      for (let d = 0; d < 2; d += 1) {
        const text = `Tax invoice\nOfficeworks ${i}-${d}\nDate 12/03/2025\nTotal $${120 + i * 10 + d}.45\nGST included`;
        const doc = await uploadAndSettle(ctx, user, `receipt-${d}.pdf`, await textLayerPdf(text));
        const [row] = await db
          .select({ key: documents.storageKey })
          .from(documents)
          .where(eq(documents.id, doc.id));
        expected.documents.push({
          id: doc.id,
          key: row!.key,
          bytes: await ctx.adapters.blobStore.get(row!.key),
        });
      }
    }
    await ctx.app.services.jobs.stop(5_000);
    const verdict = await verifyAuditChain(db);
    expect(verdict.ok).toBe(true);
    expected.auditEntries = verdict.entries;
    expect(expected.auditEntries).toBeGreaterThan(5);

    backup = await createBackup({
      database: ctx.adapters.database,
      databaseUrl: (ctx.adapters.database as Database & { url?: string }).url,
      blobStore: ctx.adapters.blobStore,
      backupKey,
      outDir: path.join(work, 'backups'),
      clock: ctx.clock,
      retentionDays: 2557,
    });
  });

  afterAll(async () => {
    await ctx?.close();
    for (const cleanup of cleanups.reverse()) await cleanup();
    if (work) await fs.rm(work, { recursive: true, force: true });
  });

  it('writes one encrypted archive whose manifest counts everything and records itself in the audit log', async () => {
    const { manifest } = backup;
    expect(manifest.counts.users).toBe(3);
    expect(manifest.counts.tax_returns).toBe(6);
    expect(manifest.counts.documents).toBe(6);
    expect(manifest.counts.audit_logs).toBe(expected.auditEntries);
    expect(manifest.blobs.map((b) => b.key).sort()).toEqual(expected.documents.map((d) => d.key).sort());
    expect(manifest.counts.jobs).toBeGreaterThanOrEqual(6);
    // No plaintext: neither an email address nor a stored file's bytes appear in the archive.
    const raw = await fs.readFile(backup.archive);
    expect(raw.includes(Buffer.from(expected.users[0]!.email))).toBe(false);
    expect(raw.includes(expected.documents[0]!.bytes.subarray(0, 64))).toBe(false);
    expect((await fs.stat(backup.archive)).mode & 0o077).toBe(0);
    // The backup is in the audit log, and the metric the BackupTooOld alert reads comes from it.
    expect((await lastBackupAt(ctx!.adapters.database.db))?.getTime()).toBe(ctx!.clock.now().getTime());
    const metrics = await ctx!.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.body).toMatch(
      new RegExp(
        `numeri_backup_last_success_timestamp_seconds ${Math.floor(ctx!.clock.now().getTime() / 1000)}`,
      ),
    );
  });

  it('refuses a wrong key, an altered byte and a cut-off archive', async () => {
    await expect(readManifest(backup.archive, randomBytes(32))).rejects.toBeInstanceOf(BackupKeyError);
    const raw = await fs.readFile(backup.archive);
    const altered = Buffer.from(raw);
    altered[Math.floor(raw.length / 2)]! ^= 0x01;
    await fs.writeFile(path.join(work, 'altered.nbk'), altered);
    await expect(readManifest(path.join(work, 'altered.nbk'), backupKey)).rejects.toBeInstanceOf(
      ArchiveDamagedError,
    );
    await fs.writeFile(path.join(work, 'cut.nbk'), raw.subarray(0, raw.length - 100));
    await expect(readManifest(path.join(work, 'cut.nbk'), backupKey)).rejects.toBeInstanceOf(
      ArchiveDamagedError,
    );
    expect((await readManifest(backup.archive, backupKey)).counts.users).toBe(3);
  });

  it('restores into an empty database and store after everything is destroyed, and verifies', async () => {
    // Destroy: the database (dropped or discarded) and every stored file.
    await ctx!.close();
    ctx = undefined;

    const files = new LocalBlobStore(path.join(work, 'restored-files'));
    let target: Parameters<typeof restoreBackup>[0]['target'];
    let open: () => Promise<Database>;
    if (TEST_DATABASE_URL) {
      const empty = await createEmptyPostgresDatabase(TEST_DATABASE_URL);
      cleanups.push(empty.drop);
      target = { kind: 'postgres', url: empty.url };
      open = () => openPostgresDatabase({ url: empty.url, poolMax: 2 });
    } else {
      const dataDir = path.join(work, 'restored-db');
      target = { kind: 'pglite', dataDir };
      open = () => openPgliteDatabase({ dataDir, waitForStaleLock: false });
    }

    const result = await restoreBackup({ archive: backup.archive, backupKey, target, blobStore: files });
    expect(result.blobsWritten).toBe(6);

    const database = await open();
    try {
      const report = await verifyRestore(database, files, result.manifest);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.auditChain).toEqual({ ok: true, entries: expected.auditEntries + 0 });

      const db = database.db;
      for (const user of expected.users) {
        const [row] = await db.select({ email: users.email }).from(users).where(eq(users.id, user.id));
        expect(row?.email).toBe(user.email);
      }
      expect((await db.select({ id: taxReturns.id }).from(taxReturns)).map((r) => r.id).sort()).toEqual(
        [...expected.returns].sort(),
      );
      for (const doc of expected.documents) {
        const [row] = await db
          .select({ key: documents.storageKey })
          .from(documents)
          .where(eq(documents.id, doc.id));
        expect(row?.key).toBe(doc.key);
        expect((await files.get(doc.key)).equals(doc.bytes)).toBe(true);
      }

      // A second restore over the now non-empty target is refused.
      await expect(
        restoreBackup({ archive: backup.archive, backupKey, target, blobStore: files }),
      ).rejects.toThrow(/not empty/);
    } finally {
      await database.close();
    }
  });

  it('prunes only archives past the retention period', async () => {
    const dir = path.join(work, 'retention');
    await fs.mkdir(dir);
    const old = path.join(dir, 'numeri-backup-2015-01-01T00-00-00-000Z.nbk');
    const recent = path.join(dir, 'numeri-backup-2024-01-01T00-00-00-000Z.nbk');
    const other = path.join(dir, 'notes.txt');
    for (const file of [old, recent, other]) await fs.writeFile(file, 'x');
    const now = new Date('2026-06-30T00:00:00Z');
    await fs.utimes(old, new Date('2015-01-01'), new Date('2015-01-01'));
    await fs.utimes(recent, new Date('2024-01-01'), new Date('2024-01-01'));
    await fs.utimes(other, new Date('2000-01-01'), new Date('2000-01-01'));
    expect(await pruneBackups(dir, 2557, now)).toEqual([path.basename(old)]);
    expect((await fs.readdir(dir)).sort()).toEqual(['notes.txt', path.basename(recent)].sort());
  });
});
