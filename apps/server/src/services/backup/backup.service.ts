import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import type { PGlite } from '@electric-sql/pglite';
import { asc, sql } from 'drizzle-orm';
import pg from 'pg';
import tar from 'tar-stream';
import type { Clock } from '../../adapters/clock/clock';
import type { Database, Db } from '../../adapters/db/database';
import type { BlobStore } from '../../adapters/storage/blob-store.port';
import { documents } from '../../db/schema';
import { AuditService, SYSTEM_CONTEXT, verifyAuditChain, type ChainVerdict } from '../audit/audit.service';
import { DecryptStream, EncryptStream } from './archive-crypto';
import { BACKUP_AUDIT_ACTION } from './backup-status';

/**
 * Backup and restore of everything Numeri stores (ADR 0010): one encrypted archive holding a
 * consistent database dump, every stored blob, and a manifest of counts and hashes to verify a
 * restore against. Streams end to end: memory use does not grow with the store.
 *
 * Archive (inside the encryption, a gzipped tar):
 *   database.pgdump | database.pglite.tar.gz   the dump (pg_dump custom format, or PGlite's data dir)
 *   files/<storage key>                        each blob exactly as stored (already encrypted per user)
 *   keys/<name>                                embedded mode only: the key files of DATA_DIR/keys
 *   manifest.json                              written last: counts, blob hashes, audit chain head
 */
export const ARCHIVE_PREFIX = 'numeri-backup-';
export const ARCHIVE_SUFFIX = '.nbk';

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: 'postgres' | 'pglite';
  /** Rows in every table of the public schema at the dump's snapshot. */
  counts: Record<string, number>;
  auditHead: { seq: number; hash: string } | null;
  blobs: { key: string; size: number; sha256: string }[];
  keyFiles: string[];
}

export interface BackupResult {
  archive: string;
  bytes: number;
  sha256: string;
  manifest: BackupManifest;
  pruned: string[];
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export function archiveName(now: Date): string {
  return `${ARCHIVE_PREFIX}${now.toISOString().replace(/[:.]/g, '-')}${ARCHIVE_SUFFIX}`;
}

/** The 32-byte BACKUP_KEY from the environment or a key file (a mounted secret). */
export async function loadBackupKey(backup: {
  key: string | undefined;
  keyFile: string | undefined;
}): Promise<Buffer> {
  const text =
    backup.key ?? (backup.keyFile ? (await fs.readFile(backup.keyFile, 'utf8')).trim() : undefined);
  if (!text) {
    throw new BackupError(
      'Set BACKUP_KEY (or BACKUP_KEY_FILE) to 32 random bytes in base64, and keep a copy apart from the backups: ' +
        `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`,
    );
  }
  const key = Buffer.from(text, 'base64');
  if (key.length !== 32) throw new BackupError('BACKUP_KEY must be 32 bytes in base64.');
  return key;
}

type Rows<T> = { rows: T[] };

/** Table row counts and the audit head, on one executor (inside the dump's snapshot for PostgreSQL). */
async function snapshotFacts(query: <T>(text: string) => Promise<T[]>) {
  const tables = await query<{ name: string }>(
    "select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: number | string }>(
      `select count(*) as n from "${name.replace(/"/g, '""')}"`,
    );
    counts[name] = Number(row?.n ?? 0);
  }
  const [head] = await query<{ seq: number | string; hash: string }>(
    'select seq, hash from audit_logs order by seq desc limit 1',
  );
  return { counts, auditHead: head ? { seq: Number(head.seq), hash: head.hash } : null };
}

/** libpq settings from a URL, so no password appears on a command line. */
function libpqEnv(url: string): NodeJS.ProcessEnv {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PGHOST: decodeURIComponent(u.hostname),
    PGPORT: u.port || '5432',
    PGDATABASE: decodeURIComponent(u.pathname.slice(1)),
  };
  if (u.username) env.PGUSER = decodeURIComponent(u.username);
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  const sslmode = u.searchParams.get('sslmode');
  if (sslmode) env.PGSSLMODE = sslmode;
  return env;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) =>
      reject(
        new BackupError(
          `Could not run ${command}: ${e.message} (install the PostgreSQL client: apt-get install postgresql-client)`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve(out) : reject(new BackupError(`${command} failed (exit ${code}): ${err.trim()}`)),
    );
  });
}

/** pg_dump must be at least the server's major version, or it refuses (or worse, misses things). */
async function checkPgDumpVersion(client: pg.Client, tool: 'pg_dump' | 'pg_restore'): Promise<void> {
  const version = await run(tool, ['--version'], process.env);
  const toolMajor = Number(/(\d+)(?:\.\d+)?/.exec(version)?.[1]);
  const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
  const serverMajor = Math.floor(Number(rows[0]!.v) / 10_000);
  if (!(toolMajor >= serverMajor)) {
    throw new BackupError(
      `${tool} ${toolMajor} is older than the PostgreSQL ${serverMajor} server; install postgresql-client-${serverMajor}.`,
    );
  }
}

async function keyFilesIn(dir: string | undefined): Promise<string[]> {
  if (!dir) return [];
  try {
    return (await fs.readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

async function addEntry(pack: tar.Pack, name: string, source: Buffer | string, size?: number): Promise<void> {
  const entrySize = typeof source === 'string' ? (size ?? (await fs.stat(source)).size) : source.length;
  const input = typeof source === 'string' ? createReadStream(source) : Readable.from([source]);
  await pipeline(input, pack.entry({ name, size: entrySize, mode: 0o600, mtime: new Date(0) }));
}

export interface BackupOptions {
  database: Database;
  /** PostgreSQL only: the URL pg_dump connects to. */
  databaseUrl?: string | undefined;
  blobStore: BlobStore;
  backupKey: Buffer;
  outDir: string;
  clock: Clock;
  /** Embedded mode: DATA_DIR/keys, whose key files go into the archive (see ADR 0010). */
  keyDir?: string | undefined;
  /** Archives older than this are removed from outDir after a successful backup. */
  retentionDays?: number;
}

export async function createBackup(options: BackupOptions): Promise<BackupResult> {
  const { database, blobStore, clock } = options;
  const now = clock.now();
  await fs.mkdir(options.outDir, { recursive: true, mode: 0o700 });
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-backup-'));
  const final = path.join(options.outDir, archiveName(now));
  const partial = `${final}.partial-${randomBytes(4).toString('hex')}`;

  const pack = tar.pack();
  const archiveHash = createHash('sha256');
  let bytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _e, done) {
      archiveHash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  const written = pipeline(
    pack,
    createGzip({ level: 6 }),
    new EncryptStream(options.backupKey, now),
    counter,
    createWriteStream(partial, { mode: 0o600 }),
  );
  // Surface a write failure (disk full) even while entries are still being added.
  let writeError: unknown;
  written.catch((err: unknown) => {
    writeError = err;
  });

  try {
    let facts: Awaited<ReturnType<typeof snapshotFacts>>;
    if (database.kind === 'postgres') {
      if (!options.databaseUrl) throw new BackupError('A PostgreSQL backup needs the database URL.');
      // One snapshot for the counts and the dump: pg_dump --snapshot sees exactly what we counted.
      const client = new pg.Client({
        connectionString: options.databaseUrl,
        application_name: 'numeri-backup',
      });
      await client.connect();
      try {
        await checkPgDumpVersion(client, 'pg_dump');
        await client.query('begin isolation level repeatable read read only');
        const { rows } = await client.query<{ snapshot: string }>('select pg_export_snapshot() as snapshot');
        facts = await snapshotFacts(async (text) => (await client.query(text)).rows);
        const dumpFile = path.join(work, 'database.pgdump');
        await run(
          'pg_dump',
          [
            '--format=custom',
            '--compress=0',
            '--no-owner',
            '--no-privileges',
            `--snapshot=${rows[0]!.snapshot}`,
            `--file=${dumpFile}`,
          ],
          libpqEnv(options.databaseUrl),
        );
        await client.query('commit');
        await addEntry(pack, 'database.pgdump', dumpFile);
        await fs.rm(dumpFile, { force: true });
      } finally {
        await client.end().catch(() => {});
      }
    } else {
      // The embedded store is opened by this process alone (the data-folder lock), so nothing
      // writes between the counts and the dump.
      const client = (database as Database & { client?: PGlite }).client;
      if (!client) throw new BackupError('The embedded database handle has no PGlite client.');
      facts = await snapshotFacts(async (text) => ((await client.query(text)) as Rows<never>).rows);
      const dump = await client.dumpDataDir('gzip');
      await addEntry(pack, 'database.pglite.tar.gz', Buffer.from(await dump.arrayBuffer()));
    }

    const blobs: BackupManifest['blobs'] = [];
    for (const key of await blobStore.list('')) {
      if (writeError) throw writeError;
      const data = await blobStore.get(key);
      blobs.push({ key, size: data.length, sha256: createHash('sha256').update(data).digest('hex') });
      await addEntry(pack, `files/${key}`, data);
    }

    const keyFiles = await keyFilesIn(options.keyDir);
    for (const name of keyFiles) await addEntry(pack, `keys/${name}`, path.join(options.keyDir!, name));

    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      database: database.kind,
      counts: facts.counts,
      auditHead: facts.auditHead,
      blobs,
      keyFiles,
    };
    await addEntry(pack, 'manifest.json', Buffer.from(JSON.stringify(manifest, null, 2)));
    pack.finalize();
    await written;
    await fs.rename(partial, final);

    const sha256 = archiveHash.digest('hex');
    // The audit log records the backup: it is the source of numeri_backup_last_success_timestamp_seconds.
    await new AuditService(database.db, clock).record(SYSTEM_CONTEXT, {
      action: BACKUP_AUDIT_ACTION,
      targetType: 'backup',
      targetId: path.basename(final),
      details: {
        bytes,
        sha256,
        blobs: blobs.length,
        users: facts.counts.users ?? 0,
        auditEntries: facts.counts.audit_logs ?? 0,
      },
    });
    const pruned = options.retentionDays
      ? await pruneBackups(options.outDir, options.retentionDays, now)
      : [];
    return { archive: final, bytes, sha256, manifest, pruned };
  } catch (err) {
    pack.destroy();
    await written.catch(() => {});
    await fs.rm(partial, { force: true });
    throw err;
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

/** Removes archives older than the retention period (7 years for tax records by default). */
export async function pruneBackups(dir: string, retentionDays: number, now: Date): Promise<string[]> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const removed: string[] = [];
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (!name.startsWith(ARCHIVE_PREFIX) || !name.endsWith(ARCHIVE_SUFFIX)) continue;
    const file = path.join(dir, name);
    const stat = await fs.stat(file);
    if (stat.mtimeMs < cutoff) {
      await fs.rm(file);
      removed.push(name);
    }
  }
  return removed;
}

export type RestoreTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };

export interface RestoreOptions {
  archive: string;
  backupKey: Buffer;
  target: RestoreTarget;
  blobStore: BlobStore;
  /** Embedded mode: where key files from the archive are written (never over existing ones). */
  keyDir?: string | undefined;
}

export interface RestoreResult {
  manifest: BackupManifest;
  blobsWritten: number;
  keyFilesWritten: string[];
}

async function assertEmptyTarget(target: RestoreTarget, blobStore: BlobStore): Promise<void> {
  if (target.kind === 'postgres') {
    const client = new pg.Client({ connectionString: target.url });
    await client.connect();
    try {
      await checkPgDumpVersion(client, 'pg_restore');
      const { rows } = await client.query<{ n: string }>(
        "select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')",
      );
      if (Number(rows[0]!.n) > 0) {
        throw new BackupError(
          'The target database is not empty. Restore into a new, empty database (createdb), then point DATABASE_URL at it.',
        );
      }
    } finally {
      await client.end();
    }
  } else {
    const entries = await fs.readdir(target.dataDir).catch(() => [] as string[]);
    if (entries.filter((e) => e !== '.numeri.lock').length) {
      throw new BackupError(
        `The embedded database folder ${target.dataDir} is not empty. Restore into a new DATA_DIR.`,
      );
    }
  }
  if ((await blobStore.list('')).length) {
    throw new BackupError('The document store is not empty. Restore into an empty folder or bucket.');
  }
}

/** Restores an archive into an empty database and an empty document store. Verify afterwards. */
export async function restoreBackup(options: RestoreOptions): Promise<RestoreResult> {
  const { target, blobStore } = options;
  await assertEmptyTarget(target, blobStore);
  const work = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-restore-'));
  const extract = tar.extract();
  const reading = pipeline(
    createReadStream(options.archive),
    new DecryptStream(options.backupKey),
    createGunzip(),
    extract,
  );
  let readError: unknown;
  reading.catch((err: unknown) => {
    readError = err;
  });
  let manifest: BackupManifest | undefined;
  let blobsWritten = 0;
  const keyFilesWritten: string[] = [];
  let databaseRestored = false;
  try {
    for await (const entry of extract) {
      const name = entry.header.name;
      if (name === 'database.pgdump') {
        if (target.kind !== 'postgres')
          throw new BackupError('This archive holds a PostgreSQL dump; set DATABASE_URL to restore it.');
        const file = path.join(work, 'database.pgdump');
        await pipeline(entry, createWriteStream(file, { mode: 0o600 }));
        await run(
          'pg_restore',
          [
            '--no-owner',
            '--no-privileges',
            '--exit-on-error',
            '--single-transaction',
            `--dbname=${new URL(target.url).pathname.slice(1)}`,
            file,
          ],
          libpqEnv(target.url),
        );
        await fs.rm(file, { force: true });
        databaseRestored = true;
      } else if (name === 'database.pglite.tar.gz') {
        if (target.kind !== 'pglite')
          throw new BackupError(
            'This archive holds an embedded (PGlite) database; unset DATABASE_URL to restore it into DATA_DIR.',
          );
        const data = await collect(entry);
        const { PGlite } = await import('@electric-sql/pglite');
        await fs.mkdir(target.dataDir, { recursive: true });
        const client = new PGlite({ dataDir: target.dataDir, loadDataDir: new Blob([new Uint8Array(data)]) });
        await client.waitReady;
        await client.close();
        // The dump of a folder-backed PGlite includes the data-folder lock of the process that
        // made it; a restored copy must not look held.
        await fs.rm(path.join(target.dataDir, '.numeri.lock'), { recursive: true, force: true });
        databaseRestored = true;
      } else if (name.startsWith('files/')) {
        await blobStore.put(name.slice('files/'.length), await collect(entry));
        blobsWritten += 1;
      } else if (name.startsWith('keys/')) {
        const data = await collect(entry);
        if (!options.keyDir) continue;
        const file = path.join(options.keyDir, path.basename(name));
        await fs.mkdir(options.keyDir, { recursive: true, mode: 0o700 });
        try {
          await fs.writeFile(file, data, { mode: 0o600, flag: 'wx' });
          keyFilesWritten.push(path.basename(name));
        } catch (err) {
          if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
          if (!(await fs.readFile(file)).equals(data)) {
            throw new BackupError(
              `${file} exists and differs from the archive's copy; move it away or restore into a new DATA_DIR.`,
            );
          }
        }
      } else if (name === 'manifest.json') {
        manifest = JSON.parse((await collect(entry)).toString('utf8')) as BackupManifest;
      } else {
        entry.resume();
      }
    }
    await reading;
    if (readError) throw readError;
    if (!manifest) throw new BackupError('The archive has no manifest (it is incomplete).');
    if (!databaseRestored) throw new BackupError('The archive has no database dump.');
    return { manifest, blobsWritten, keyFilesWritten };
  } finally {
    await fs.rm(work, { recursive: true, force: true });
  }
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
  blobsChecked: number;
  auditChain: ChainVerdict;
}

/**
 * Checks a restored database and store against the archive's manifest: the row count of every
 * table, the hash of every blob, every document's blob present, and the audit chain intact and
 * ending at the recorded head.
 */
export async function verifyRestore(
  database: Database,
  blobStore: BlobStore,
  manifest: BackupManifest,
): Promise<VerifyReport> {
  const problems: string[] = [];
  const execute = async <T>(text: string): Promise<T[]> =>
    ((await database.db.execute(sql.raw(text))) as unknown as Rows<T>).rows;
  const facts = await snapshotFacts(execute);
  for (const [table, expected] of Object.entries(manifest.counts)) {
    const actual = facts.counts[table];
    if (actual !== expected)
      problems.push(`${table}: ${actual ?? 'missing'} rows, the backup has ${expected}`);
  }
  let blobsChecked = 0;
  for (const blob of manifest.blobs) {
    try {
      const data = await blobStore.get(blob.key);
      const hash = createHash('sha256').update(data).digest('hex');
      if (hash !== blob.sha256) problems.push(`file ${blob.key}: its hash does not match the backup`);
      blobsChecked += 1;
    } catch (err) {
      problems.push(`file ${blob.key}: ${(err as Error).message}`);
    }
  }
  const inManifest = new Set(manifest.blobs.map((b) => b.key));
  const keys = await (database.db as Db)
    .select({ key: documents.storageKey })
    .from(documents)
    .orderBy(asc(documents.storageKey));
  for (const { key } of keys)
    if (!inManifest.has(key)) problems.push(`document file ${key} is not in the backup`);

  const auditChain = await verifyAuditChain(database.db);
  if (!auditChain.ok) problems.push(`audit chain broken at #${auditChain.brokenAtSeq}: ${auditChain.reason}`);
  const head = facts.auditHead;
  if (JSON.stringify(head) !== JSON.stringify(manifest.auditHead))
    problems.push('the audit chain does not end at the entry the backup recorded');
  return { ok: problems.length === 0, problems, counts: facts.counts, blobsChecked, auditChain };
}
