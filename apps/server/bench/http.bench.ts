import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import pino from 'pino';
import { closeAdapters, createAdapters } from '../src/adapters/create-adapters';
import { LocalKeyRing } from '../src/adapters/keys/key-ring.local';
import { buildApp } from '../src/app';
import { parseConfig } from '../src/config/config';

export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
}

async function load(url: string, seconds: number) {
  const result = await autocannon({ url, connections: 10, duration: seconds, pipelining: 1 });
  if (result.non2xx || result.errors)
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors`);
  return { rps: result.requests.average, p99: result.latency.p99 };
}

/**
 * What Numeri's middleware (request ids, timing, metrics, security headers, problem handler)
 * costs: /healthz on the real app next to a bare Fastify route, same machine, same load.
 */
export async function runHttpBench(seconds = 5): Promise<BenchFigure[]> {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-bench-'));
  const config = parseConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0' });
  const adapters = await createAdapters(config, pino({ level: 'silent' }), {
    keyRing: new LocalKeyRing(new Map([[1, randomBytes(32)]])),
    tokenSecret: randomBytes(32),
  });
  const app = await buildApp(adapters);
  const bare = Fastify();
  bare.get('/healthz', async () => ({ status: 'ok' }));
  try {
    const appUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    await load(`${appUrl}/healthz`, 1); // warm-up
    await load(`${bareUrl}/healthz`, 1);
    const numeri = await load(`${appUrl}/healthz`, seconds);
    const plain = await load(`${bareUrl}/healthz`, seconds);
    return [
      { name: 'GET /healthz (Numeri app)', value: Math.round(numeri.rps), unit: 'req/s' },
      { name: 'GET /healthz (Numeri app) p99', value: numeri.p99, unit: 'ms' },
      { name: 'GET /healthz (bare Fastify)', value: Math.round(plain.rps), unit: 'req/s' },
      { name: 'GET /healthz (bare Fastify) p99', value: plain.p99, unit: 'ms' },
      {
        name: 'Numeri / bare throughput ratio',
        value: Number((numeri.rps / plain.rps).toFixed(2)),
        unit: '×',
      },
    ];
  } finally {
    await app.close();
    await bare.close();
    await closeAdapters(adapters);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}
