/**
 * `npm run bench:load`: load and fault figures for real Numeri processes on loopback, against
 * the machine's PostgreSQL and Redis (a fresh random database per run, dropped after; Redis
 * logical database 7, flushed after). Prints figures; never asserts timings.
 *
 *   1. Load (autocannon): the public estimate API and an authenticated read path (the returns
 *      list), p50/p99 and throughput, with one and with two API processes.
 *   2. Worker killed with SIGKILL mid-job: every job still finishes, once (the jobs table).
 *   3. PostgreSQL restarted (pg_ctlcluster): requests fail fast with 503, then recover by themselves.
 *   4. Redis stopped: /healthz stays 200, /readyz says 503, the estimate API keeps answering.
 *
 * Scenarios 3 and 4 restart this machine's shared services, so this is never part of `npm test`
 * or .ci/run. Every phase is bounded; the whole run stops itself after BENCH_MAX_SECONDS (420).
 * `npm run bench:load -- load` (or `faults`, `worker`, `postgres`, `redis`) runs a part.
 */
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { simpleParser } from 'mailparser';
import pg from 'pg';
import { readOutbox } from '../apps/server/src/adapters/email/mailer.outbox';
import { spawnEntrypoint, type ServerProcess } from '../apps/server/test/support/spawn-server';

const run = promisify(execFile);
const PG_SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/postgres';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379/7';
const DURATION_S = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const MAX_SECONDS = Number(process.env.BENCH_MAX_SECONDS ?? 420);
const parts = process.argv.slice(2);
const want = (part: 'load' | 'worker' | 'postgres' | 'redis') =>
  !parts.length || parts.includes(part) || (part !== 'load' && parts.includes('faults'));

for (const url of [PG_SERVER, REDIS_URL]) {
  const host = new URL(url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) {
    console.error(`bench:load only targets loopback; ${host} is not`);
    process.exit(2);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const randomIp = () => `10.${randomInt(255)}.${randomInt(255)}.${randomInt(1, 254)}`;
const processes: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
let finished = false;

async function teardown(): Promise<void> {
  for (const p of processes) if (p.child.exitCode === null) p.child.kill('SIGKILL');
  for (const cleanup of cleanups.reverse())
    await cleanup().catch((err: unknown) => console.error(`cleanup: ${(err as Error).message}`));
  await ensureServices();
}

// Whatever goes wrong, stop our processes and leave the machine's services running.
process.on('uncaughtException', (err) => {
  console.error(`bench:load: ${err.stack ?? err}`);
  void teardown().finally(() => process.exit(1));
});

const hardStop = setTimeout(() => {
  console.error(`bench:load exceeded ${MAX_SECONDS} s; stopping`);
  void teardown().finally(() => process.exit(3));
}, MAX_SECONDS * 1000);
hardStop.unref();

// ---------------------------------------------------------------- machine services

const pgMajor = () => execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0]!;

async function pgReady(): Promise<boolean> {
  try {
    await run('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
    return true;
  } catch {
    return false;
  }
}
async function redisReady(): Promise<boolean> {
  try {
    return (await run('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'ping'])).stdout.trim() === 'PONG';
  } catch {
    return false;
  }
}
async function startRedis(): Promise<void> {
  await run('redis-server', [
    '--daemonize',
    'yes',
    '--bind',
    '127.0.0.1',
    '-::1',
    '--port',
    '6379',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    '/var/lib/redis',
    '--logfile',
    '/var/log/redis/ci.log',
  ]);
}
/** Whatever happened, leave PostgreSQL and Redis running as we found them. */
async function ensureServices(): Promise<void> {
  if (!(await pgReady())) {
    await run('pg_ctlcluster', ['--skip-systemctl-redirect', pgMajor(), 'main', 'start']).catch(() => {});
  }
  if (!(await redisReady())) await startRedis().catch(() => {});
  for (let i = 0; i < 60 && !((await pgReady()) && (await redisReady())); i += 1) await sleep(500);
}

// ---------------------------------------------------------------- app processes

interface Env {
  [key: string]: string;
}

async function assertPortFree(port: number): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
  if (!free) throw new Error(`port ${port} is taken (another bench:load running?)`);
}

async function startApi(env: Env, port: number): Promise<ServerProcess> {
  await assertPortFree(port);
  const api = spawnEntrypoint('main-api.ts', { ...env, PORT: String(port), LOG_LEVEL: 'warn' });
  processes.push(api);
  await waitHttp(`http://127.0.0.1:${port}/readyz`, 90_000);
  return api;
}
async function startWorker(env: Env, port: number): Promise<ServerProcess> {
  await assertPortFree(port);
  const worker = spawnEntrypoint('main-worker.ts', {
    ...env,
    WORKER_PORT: String(port),
    LOG_LEVEL: 'info',
    JOB_CONCURRENCY: '4',
  });
  processes.push(worker);
  return worker;
}
async function waitHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok) return;
    } catch {
      // not yet
    }
    await sleep(250);
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms`);
}
async function stop(p: ServerProcess): Promise<void> {
  if (p.child.exitCode !== null) return;
  p.child.kill('SIGTERM');
  await Promise.race([p.exited, sleep(20_000)]);
  if (p.child.exitCode === null) p.child.kill('SIGKILL');
}

async function signedInUser(base: string, outbox: string): Promise<string> {
  const email = `bench.${randomInt(1e9)}@example.com`;
  const password = 'correct horse battery staple 42';
  const ip = randomIp();
  const post = (url: string, body: object, headers: Record<string, string> = {}) =>
    fetch(`${base}${url}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: JSON.stringify(body),
    });
  const signUp = await post('/api/v1/auth/sign-up', {
    email,
    password,
    givenName: 'Bench',
    familyName: 'Person',
  });
  if (signUp.status !== 202) throw new Error(`sign-up: ${signUp.status} ${await signUp.text()}`);
  let token: string | undefined;
  for (let i = 0; i < 40 && !token; i += 1) {
    for (const raw of await readOutbox(outbox)) {
      const mail = await simpleParser(raw);
      if ((mail.to as { text?: string } | undefined)?.text === email)
        token = /token=([A-Za-z0-9_-]+)/.exec(mail.text ?? '')?.[1];
    }
    if (!token) await sleep(250);
  }
  if (!token) throw new Error('no verification email in the outbox');
  if ((await post('/api/v1/auth/verify-email', { token })).status !== 200) throw new Error('verify failed');
  const signIn = (await (await post('/api/v1/auth/sign-in', { email, password })).json()) as {
    accessToken?: string;
  };
  if (!signIn.accessToken) throw new Error('sign-in failed');
  const created = await post(
    '/api/v1/returns',
    { incomeYear: '2024-25' },
    { authorization: `Bearer ${signIn.accessToken}` },
  );
  if (created.status !== 201) console.warn(`  (could not create a return: ${created.status})`);
  return signIn.accessToken;
}

// ---------------------------------------------------------------- load

interface LoadFigure {
  scenario: string;
  processes: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
}

const ESTIMATE_BODY = JSON.stringify({
  incomeYear: '2024-25',
  income: { salaryWages: 85_000, interest: 312.55 },
  deductions: {},
  taxWithheld: 18_000,
});

function cannon(
  url: string,
  options: { method: 'GET' | 'POST'; body?: string; headers: Record<string, string>; connections: number },
) {
  return autocannon({
    url,
    method: options.method,
    connections: options.connections,
    duration: DURATION_S,
    headers: options.headers,
    ...(options.body ? { body: options.body } : {}),
    // Behind a proxy, each request comes from its own client: per-IP rate limits see many users.
    requests: [
      {
        setupRequest: (request: Record<string, unknown>) => ({
          ...request,
          headers: { ...(request.headers as object), 'x-forwarded-for': randomIp() },
        }),
      },
    ],
  });
}

async function load(
  name: string,
  ports: number[],
  make: (port: number, connections: number) => ReturnType<typeof cannon>,
): Promise<LoadFigure> {
  const per = Math.max(1, Math.floor(CONNECTIONS / ports.length));
  const results = await Promise.all(ports.map((port) => make(port, per)));
  // Two generators at once: throughput adds up; p50 is the mean and p99 the worse of the two.
  return {
    scenario: name,
    processes: ports.length,
    rps: Math.round(results.reduce((sum, r) => sum + r.requests.average, 0)),
    p50: results.reduce((sum, r) => sum + r.latency.p50, 0) / results.length,
    p99: Math.max(...results.map((r) => r.latency.p99)),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors + r.timeouts, 0),
  };
}

// ---------------------------------------------------------------- faults

interface Probe {
  t: number;
  status: number;
  ms: number;
}

/** GETs `url` every `everyMs` for `forMs`, recording status (0 = no answer) and latency. */
async function probe(
  url: string,
  headers: Record<string, string>,
  everyMs: number,
  forMs: number,
  during?: () => Promise<void>,
): Promise<Probe[]> {
  const started = Date.now();
  const results: Probe[] = [];
  const loop = (async () => {
    while (Date.now() - started < forMs) {
      const t0 = performance.now();
      const status = await fetch(url, { headers, signal: AbortSignal.timeout(5_000) }).then(
        (response) => response.status,
        () => 0,
      );
      results.push({ t: (Date.now() - started) / 1000, status, ms: performance.now() - t0 });
      await sleep(everyMs);
    }
  })();
  if (during) await during();
  await loop;
  return results;
}

function summarise(probes: Probe[]): string {
  const counts = new Map<number, number>();
  for (const p of probes) counts.set(p.status, (counts.get(p.status) ?? 0) + 1);
  return [...counts.entries()]
    .sort()
    .map(([status, n]) => `${status || 'no answer'}×${n}`)
    .join(', ');
}
const slowest = (probes: Probe[], status: number) =>
  Math.round(Math.max(0, ...probes.filter((p) => p.status === status).map((p) => p.ms)));

// ---------------------------------------------------------------- main

const started = Date.now();
const lines: string[] = [];
const note = (line: string) => {
  lines.push(line);
  console.log(line);
};

try {
  await ensureServices();
  if (!(await pgReady()) || !(await redisReady()))
    throw new Error('PostgreSQL on 127.0.0.1:5432 and Redis on 127.0.0.1:6379 must be running');

  const dbName = `numeri_bench_${randomBytes(5).toString('hex')}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: PG_SERVER });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${dbName}`);
  cleanups.push(async () => {
    for (let i = 0; i < 40 && !(await pgReady()); i += 1) await sleep(500);
    await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  });
  const dbUrl = new URL(PG_SERVER);
  dbUrl.pathname = `/${dbName}`;
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-bench-'));
  cleanups.push(() => fs.rm(dataDir, { recursive: true, force: true }));
  cleanups.push(async () => {
    await run('redis-cli', ['-u', REDIS_URL, 'flushdb']).catch(() => {});
  });

  const env: Env = {
    DATABASE_URL: dbUrl.toString(),
    REDIS_URL,
    MASTER_KEYS: `1:${randomBytes(32).toString('base64')}`,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    TRUST_PROXY: 'true',
    DATABASE_POOL_MAX: '10',
  };
  const [portA, portB, portW, portW2] = [18_101, 18_102, 18_181, 18_182] as const;
  note(
    `bench:load — ${os.availableParallelism()} cores, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} at start (other work on the machine skews every figure); ${DURATION_S} s per run, ${CONNECTIONS} connections; database ${dbName}`,
  );

  const apiA = await startApi(env, portA);
  const token = await signedInUser(`http://127.0.0.1:${portA}`, path.join(dataDir, 'outbox'));
  const auth = { authorization: `Bearer ${token}` };

  if (want('load')) {
    const figures: LoadFigure[] = [];
    const estimate = (port: number, connections: number) =>
      cannon(`http://127.0.0.1:${port}/api/v1/tax/estimate`, {
        method: 'POST',
        body: ESTIMATE_BODY,
        headers: { 'content-type': 'application/json' },
        connections,
      });
    const readList = (port: number, connections: number) =>
      cannon(`http://127.0.0.1:${port}/api/v1/returns`, { method: 'GET', headers: auth, connections });
    await load('warm-up', [portA], estimate);
    figures.push(await load('POST /api/v1/tax/estimate', [portA], estimate));
    figures.push(await load('GET /api/v1/returns (signed in)', [portA], readList));
    const apiB = await startApi(env, portB);
    await load('warm-up', [portB], estimate);
    figures.push(await load('POST /api/v1/tax/estimate', [portA, portB], estimate));
    figures.push(await load('GET /api/v1/returns (signed in)', [portA, portB], readList));
    await stop(apiB);

    note('\n== Load (autocannon on loopback; PostgreSQL + Redis; figures, not assertions)');
    note(
      `  ${'scenario'.padEnd(34)} ${'APIs'.padStart(4)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(8)} ${'errors'.padStart(7)}`,
    );
    for (const f of figures) {
      note(
        `  ${f.scenario.padEnd(34)} ${String(f.processes).padStart(4)} ${String(f.rps).padStart(7)} ${f.p50.toFixed(1).padStart(7)} ${f.p99.toFixed(1).padStart(7)} ${String(f.non2xx).padStart(8)} ${String(f.errors).padStart(7)}`,
      );
    }
  }

  if (want('worker')) {
    // ---- worker killed mid-job
    note('\n== Worker killed with SIGKILL mid-job');
    const worker = await startWorker(env, portW);
    await waitHttp(`http://127.0.0.1:${portW}/readyz`, 90_000);
    const jobsDb = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
    jobsDb.on('error', () => {}); // the PostgreSQL restart below drops idle connections
    cleanups.push(() => jobsDb.end());
    // Jobs go in as the API would submit them: a row in the jobs table, then onto the BullMQ queue.
    const { createAdapters, closeAdapters } = await import('../apps/server/src/adapters/create-adapters');
    const { createServices } = await import('../apps/server/src/services/create-services');
    const { parseConfig } = await import('../apps/server/src/config/config');
    const { createLogger } = await import('../apps/server/src/logging/logger');
    const submitter = await createAdapters(
      parseConfig({ ...env, DATA_DIR: path.join(dataDir, 'submitter'), LOG_LEVEL: 'silent' }),
      createLogger('silent'),
    );
    cleanups.push(() => closeAdapters(submitter));
    const services = createServices(submitter);
    const JOBS = 8;
    const submittedAt = Date.now();
    for (let i = 0; i < JOBS; i += 1)
      await services.jobs.submit('system.selftest', { marker: `bench-${i}`, holdMs: 2_500 });
    const counts = async () =>
      (
        await jobsDb.query<{ status: string; n: string }>(
          // Only the jobs submitted here: the worker also schedules its daily jobs on start.
          "select status, count(*) as n from jobs where name = 'system.selftest' group by status",
        )
      ).rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: Number(r.n) }), {});
    for (let i = 0; i < 60 && ((await counts()).running ?? 0) < 2; i += 1) await sleep(100);
    const atKill = await counts();
    worker.child.kill('SIGKILL');
    await worker.exited;
    const killedAt = Date.now();
    const worker2 = await startWorker(env, portW2);
    let after = await counts();
    while ((after.succeeded ?? 0) + (after.failed ?? 0) < JOBS && Date.now() - killedAt < 120_000) {
      await sleep(500);
      after = await counts();
    }
    const rows = (
      await jobsDb.query<{ attempts: number; status: string; marker: string }>(
        "select attempts, status, payload->>'marker' as marker from jobs where name = 'system.selftest' order by payload->>'marker'",
      )
    ).rows;
    const markers = new Set(rows.map((r) => r.marker));
    note(`  ${JOBS} jobs of 2.5 s submitted; at the kill: ${JSON.stringify(atKill)}`);
    note(
      `  after restart: ${JSON.stringify(after)} in ${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill (${((Date.now() - submittedAt) / 1000).toFixed(1)} s in all)`,
    );
    note(
      `  jobs rows: ${rows.length} for ${markers.size} distinct markers (one row per job: no duplicate); attempts per job: ${rows.map((r) => r.attempts).join(' ')}`,
    );
    note(
      `  lost: ${JOBS - (after.succeeded ?? 0) - (after.failed ?? 0)}; those killed mid-run were re-run (attempts 2) after BullMQ's stalled-job check handed them on`,
    );
    await stop(worker2);
  }

  if (want('postgres')) {
    // ---- PostgreSQL restart
    note('\n== PostgreSQL restarted under requests (GET /api/v1/returns every 100 ms, signed in)');
    let restartMs = 0;
    const pgProbes = await probe(`http://127.0.0.1:${portA}/api/v1/returns`, auth, 100, 20_000, async () => {
      await sleep(2_000);
      const t0 = performance.now();
      await run('pg_ctlcluster', [
        '--skip-systemctl-redirect',
        pgMajor(),
        'main',
        'restart',
        '--',
        '-m',
        'fast',
      ]).catch(async (err: unknown) => {
        console.error(`restart: ${(err as Error).message}`);
      });
      restartMs = performance.now() - t0;
    });
    const firstFail = pgProbes.find((p) => p.status !== 200);
    const lastFail = [...pgProbes].reverse().find((p) => p.status !== 200);
    const recovered = lastFail ? pgProbes.find((p) => p.t > lastFail.t && p.status === 200) : undefined;
    note(`  pg_ctlcluster restart took ${(restartMs / 1000).toFixed(1)} s; answers: ${summarise(pgProbes)}`);
    note(
      `  failures from t=${firstFail?.t.toFixed(1) ?? '-'} s to t=${lastFail?.t.toFixed(1) ?? '-'} s; slowest 503 ${slowest(pgProbes, 503)} ms, slowest 500 ${slowest(pgProbes, 500)} ms`,
    );
    note(
      `  first 200 after the outage at t=${recovered?.t.toFixed(1) ?? 'never (within 20 s)'} s, with no restart of the API`,
    );
  }

  if (want('redis')) {
    // ---- Redis stopped
    note('\n== Redis stopped (redis-cli shutdown), then started again');
    const health: Probe[] = [];
    const ready: Probe[] = [];
    const estimates: Probe[] = [];
    await run('redis-cli', ['-h', '127.0.0.1', '-p', '6379', 'shutdown', 'nosave']).catch(() => {});
    await sleep(500);
    const down = Date.now();
    while (Date.now() - down < 6_000) {
      health.push(...(await probe(`http://127.0.0.1:${portA}/healthz`, {}, 0, 1)));
      ready.push(...(await probe(`http://127.0.0.1:${portA}/readyz`, {}, 0, 1)));
      const t0 = performance.now();
      const r = await fetch(`http://127.0.0.1:${portA}/api/v1/tax/estimate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': randomIp() },
        body: ESTIMATE_BODY,
        signal: AbortSignal.timeout(5_000),
      }).catch(() => undefined);
      estimates.push({ t: 0, status: r?.status ?? 0, ms: performance.now() - t0 });
      await sleep(400);
    }
    note(
      `  while down: /healthz ${summarise(health)}; /readyz ${summarise(ready)} (slowest ${Math.round(Math.max(...ready.map((p) => p.ms)))} ms); estimate ${summarise(estimates)} (slowest ${Math.round(Math.max(...estimates.map((p) => p.ms)))} ms)`,
    );
    await startRedis();
    const back = Date.now();
    let readyAgain = false;
    while (!readyAgain && Date.now() - back < 30_000) {
      readyAgain = (await fetch(`http://127.0.0.1:${portA}/readyz`).catch(() => undefined))?.status === 200;
      if (!readyAgain) await sleep(250);
    }
    note(
      `  Redis started again: /readyz ${readyAgain ? `200 after ${((Date.now() - back) / 1000).toFixed(1)} s` : 'still 503 after 30 s'}`,
    );
  }

  await stop(apiA);
  finished = true;
} catch (err) {
  console.error(`bench:load failed: ${(err as Error).stack ?? err}`);
} finally {
  await teardown();
  console.log(
    `\n(bench:load ${((Date.now() - started) / 1000).toFixed(0)} s; database dropped, services running: PostgreSQL ${(await pgReady()) ? 'up' : 'DOWN'}, Redis ${(await redisReady()) ? 'up' : 'DOWN'})`,
  );
  process.exit(finished ? 0 : 1);
}
