import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

export interface StreamingReplica {
  port: number;
  /** The primary's URL with the replica's port. */
  urlFor(primaryUrl: string): string;
  stop(): Promise<void>;
  remove(): Promise<void>;
}

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 60; port += 1) {
    const free = await new Promise<boolean>((resolve) => {
      const server = net.createServer();
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error('no free loopback port for the replica');
}

/**
 * Why a streaming replica cannot be started here, or undefined when it can: needs root (to act
 * as the postgres OS user), pg_basebackup, and the primary on this machine.
 */
export async function replicaUnavailableReason(primaryUrl: string | undefined): Promise<string | undefined> {
  if (!primaryUrl) return 'DATABASE_URL is not set (the replica test needs the machine PostgreSQL)';
  if (process.getuid?.() !== 0)
    return 'not running as root (needed to run pg_basebackup/pg_ctl as the postgres user)';
  try {
    await run('pg_basebackup', ['--version']);
    await run('runuser', ['--help']);
  } catch {
    return 'pg_basebackup or runuser is not installed (apt-get install postgresql-client util-linux)';
  }
  const host = new URL(primaryUrl).hostname;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host))
    return `the primary (${host}) is not on this machine`;
  return undefined;
}

/**
 * Lets the postgres user stream from the primary over the local socket and loopback: appends
 * `replication` lines to pg_hba.conf when none exist and reloads. Idempotent; .ci/run does the same.
 */
export async function allowLocalReplication(primaryUrl: string): Promise<void> {
  const [{ hba_file: hbaFile }] = (await query<{ hba_file: string }>(
    primaryUrl,
    "select current_setting('hba_file') as hba_file",
  )) as [{ hba_file: string }];
  const hba = await fs.readFile(hbaFile, 'utf8');
  if (/^\s*(local|host)\s+replication\s/m.test(hba)) return;
  await fs.appendFile(
    hbaFile,
    '\n# Numeri tests: streaming replica on loopback\nlocal replication all trust\nhost replication all 127.0.0.1/32 trust\n',
  );
  await query(primaryUrl, 'select pg_reload_conf()');
}

/** pg_basebackup -R of the machine's PostgreSQL into a temp folder, started with pg_ctl on port 5433+. */
export async function startStreamingReplica(primaryUrl: string): Promise<StreamingReplica> {
  await allowLocalReplication(primaryUrl);
  const [{ v }] = (await query<{ v: string }>(
    primaryUrl,
    "select current_setting('server_version_num') as v",
  )) as [{ v: string }];
  // A hot standby needs at least the primary's connection limits.
  const [{ n: maxConnections }] = (await query<{ n: string }>(
    primaryUrl,
    "select current_setting('max_connections') as n",
  )) as [{ n: string }];
  const [{ dir: socketDirs }] = (await query<{ dir: string }>(
    primaryUrl,
    "select current_setting('unix_socket_directories') as dir",
  )) as [{ dir: string }];
  const bin = `/usr/lib/postgresql/${Math.floor(Number(v) / 10_000)}/bin`;
  const primaryPort = new URL(primaryUrl).port || '5432';
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-replica-'));
  await fs.chmod(dir, 0o700);
  const { stdout: uid } = await run('id', ['-u', 'postgres']);
  const { stdout: gid } = await run('id', ['-g', 'postgres']);
  await fs.chown(dir, Number(uid), Number(gid));
  const asPostgres = (command: string, args: string[]) =>
    run('runuser', ['-u', 'postgres', '--', command, ...args], { cwd: '/tmp' });
  const data = path.join(dir, 'data');

  await asPostgres('pg_basebackup', [
    '-h',
    socketDirs.split(',')[0]!.trim(),
    '-p',
    primaryPort,
    '-U',
    'postgres',
    '-D',
    data,
    '-R',
    '-X',
    'stream',
    '-c',
    'fast',
  ]);
  const port = await freePort(5433);
  // Debian keeps configuration outside the data folder, so the copy gets its own.
  await fs.writeFile(
    path.join(data, 'postgresql.conf'),
    [
      `port = ${port}`,
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${dir}'`,
      'hot_standby = on',
      `max_connections = ${maxConnections}`,
      'shared_buffers = 32MB',
      "log_min_messages = 'warning'",
      '',
    ].join('\n'),
  );
  await fs.writeFile(
    path.join(data, 'pg_hba.conf'),
    'local all all trust\nhost all all 127.0.0.1/32 trust\n',
  );
  await fs.writeFile(path.join(data, 'pg_ident.conf'), '');
  for (const file of ['postgresql.conf', 'pg_hba.conf', 'pg_ident.conf'])
    await fs.chown(path.join(data, file), Number(uid), Number(gid));
  await asPostgres(`${bin}/pg_ctl`, [
    '-D',
    data,
    '-l',
    path.join(dir, 'replica.log'),
    '-w',
    '-t',
    '60',
    'start',
  ]);

  const urlFor = (url: string) => {
    const u = new URL(url);
    u.port = String(port);
    u.hostname = '127.0.0.1';
    return u.toString();
  };
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await asPostgres(`${bin}/pg_ctl`, ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => {});
  };
  return {
    port,
    urlFor,
    stop,
    async remove() {
      await stop();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
}

/** Waits until `check` passes (replication is asynchronous). */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('condition not met in time');
}
