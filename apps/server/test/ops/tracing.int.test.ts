import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../support/spawn-server';

/**
 * OTEL_EXPORTER_OTLP_ENDPOINT turns tracing on: the real API process, started the way the Docker
 * image starts it (tracing preload), sends spans to an OTLP/HTTP receiver on loopback. Query
 * strings (one-time tokens) never reach the spans; /healthz is not traced.
 */
describe('OpenTelemetry tracing (optional)', () => {
  let receiver: http.Server;
  let endpoint: string;
  const bodies: string[] = [];
  const logBodies: string[] = [];
  let dataDir: string;

  beforeAll(async () => {
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (c: Buffer) => chunks.push(c));
      request.on('end', () => {
        if (request.url === '/v1/traces') bodies.push(Buffer.concat(chunks).toString('utf8'));
        if (request.url === '/v1/logs') logBodies.push(Buffer.concat(chunks).toString('utf8'));
        response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
    endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-tracing-'));
  });
  afterAll(async () => {
    receiver.closeAllConnections();
    await new Promise((resolve) => receiver.close(resolve));
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('exports spans for API requests, without query strings', async () => {
    const port = 18_000 + Math.floor(Math.random() * 1_000);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '--import',
        './apps/server/src/observability/tracing.ts',
        'apps/server/src/main-api.ts',
      ],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          LOG_LEVEL: 'warn',
          JWT_SECRET: randomBytes(36).toString('base64url'),
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          OTEL_TRACES_SAMPLER_RATIO: '1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    try {
      const base = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if ((await fetch(`${base}/healthz`).catch(() => undefined))?.ok) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const estimate = await fetch(`${base}/api/v1/tax/estimate?token=SECRET-ONE-TIME-TOKEN`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ incomeYear: '2024-25', income: { salaryWages: 85_000 } }),
      });
      expect(estimate.status, output).toBe(200);
      const waitUntil = Date.now() + 20_000;
      while (!bodies.join('\n').includes('/api/v1/tax/estimate') && Date.now() < waitUntil) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const all = bodies.join('\n');
      expect(all, output).toContain('"numeri-api"');
      expect(all).toContain('POST /api/v1/tax/estimate');
      expect(all).not.toContain('SECRET-ONE-TIME-TOKEN');
      expect(all).not.toContain('/healthz');
    } finally {
      child.kill('SIGKILL');
    }
  }, 120_000);

  it('sends each error report to the same endpoint as an OTLP log record, even at a sampling ratio of 0', async () => {
    // A process set up as the tracing preload sets one up, reporting one error and exiting.
    const script = `
      import { startTracing } from './apps/server/src/observability/tracing.ts';
      import { reportError } from './apps/server/src/observability/error-reporting.ts';
      const tracer = await startTracing({ endpoint: process.env.ENDPOINT, serviceName: undefined, sampleRatio: 0 }, 'worker');
      reportError(new RangeError('page 7 is out of range for jo@example.com'), { 'numeri.job.name': 'document.process' });
      await tracer.shutdown();
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', VITEST: '1', ENDPOINT: endpoint },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(0);
    const all = logBodies.join('\n');
    expect(all, output).toContain('"numeri-worker"');
    expect(all).toContain('RangeError');
    expect(all).toContain('page 7 is out of range for [email]');
    expect(all).toContain('document.process');
    expect(all).not.toContain('jo@example.com');
  }, 60_000);

  it('reports a crash (a rejection nobody handled) before the process exits 1, as Node would', async () => {
    // The real preload, ahead of a script that crashes: the report must leave before the exit.
    const crash = `setTimeout(() => Promise.reject(new TypeError('cannot read 0412 345 678 of undefined')), 50);`;
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--import', './apps/server/src/observability/tracing.ts', '-e', crash],
      {
        cwd: REPO_ROOT,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: process.env.HOME ?? '',
          DATA_DIR: dataDir,
          JWT_SECRET: randomBytes(36).toString('base64url'),
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          OTEL_TRACES_SAMPLER_RATIO: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code, output).toBe(1);
    expect(output).toContain('TypeError');
    const report = logBodies.find((body) => body.includes('cannot read'));
    expect(report, output).toBeDefined();
    expect(report).toContain('"numeri-api"');
    expect(report).toContain('unhandledRejection');
    expect(report).toContain('cannot read [number] of undefined');
    expect(report).not.toContain('0412 345 678');
  }, 60_000);
});
