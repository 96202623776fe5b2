import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ResilientBlobStore, STORAGE_UNAVAILABLE } from '../../src/adapters/resilience/resilient-blob-store';
import { EMAIL_UNAVAILABLE, ResilientMailer } from '../../src/adapters/resilience/resilient-mailer';
import { ServiceGuard } from '../../src/adapters/resilience/service-guard';
import { SmtpMailer } from '../../src/adapters/email/mailer.smtp';
import { S3BlobStore } from '../../src/adapters/storage/blob-store.s3';
import { BlobNotFoundError, type BlobStore } from '../../src/adapters/storage/blob-store.port';
import { AppError } from '../../src/errors/app-error';
import { createCapturingLogger } from '../support/log-capture';
import { createTestApp } from '../support/test-app';

/**
 * A slow or failing dependency degrades its feature with a clear message instead of tying up the
 * API: deliberately broken fakes on loopback, real S3 and SMTP clients in front of them.
 */
async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error: unknown }> {
  const started = performance.now();
  try {
    await work();
    return { ms: performance.now() - started, error: undefined };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );
}

describe('S3 behind a timeout and a circuit breaker', () => {
  let slow: http.Server;
  let failing: http.Server;
  let slowPort: number;
  let failingPort: number;
  const held: http.ServerResponse[] = [];
  let failingHits = 0;

  beforeAll(async () => {
    // Accepts every request and never answers (a hung S3 endpoint).
    slow = http.createServer((_req, res) => held.push(res));
    // Answers every request at once with 503 SlowDown (an overloaded store).
    failing = http.createServer((_req, res) => {
      failingHits += 1;
      res
        .writeHead(503, { 'content-type': 'application/xml' })
        .end('<Error><Code>SlowDown</Code><Message>Reduce your request rate</Message></Error>');
    });
    slowPort = await listen(slow);
    failingPort = await listen(failing);
  });
  afterAll(async () => {
    for (const res of held) res.destroy();
    slow.closeAllConnections();
    failing.closeAllConnections();
    await new Promise((r) => slow.close(r));
    await new Promise((r) => failing.close(r));
  });

  const s3 = (port: number) =>
    new S3BlobStore({
      bucket: 'numeri-test',
      region: 'ap-southeast-2',
      endpoint: `http://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
      requestTimeoutMs: 10_000,
    });

  it('a hung store: calls give up after the timeout, then fail at once while the circuit is open', async () => {
    const store = new ResilientBlobStore(s3(slowPort), { timeoutMs: 300, resetMs: 60_000 });
    try {
      for (let i = 0; i < 3; i += 1) {
        const { error } = await timed(() => store.get('documents/a/b'));
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
        expect((error as AppError).message).toBe(STORAGE_UNAVAILABLE);
      }
      expect(store.guard.state).toBe('open');
      // While open, calls fail without even reaching the store.
      const reached = held.length;
      const fast = await timed(() => store.put('documents/a/c', Buffer.from('x')));
      expect((fast.error as AppError).message).toBe(
        'Document storage is not responding; try again in a minute.',
      );
      await timed(() => store.ping());
      expect(held.length).toBe(reached);
    } finally {
      store.close();
    }
  });

  it('the S3 client itself abandons a hung request at its request timeout (no socket left waiting)', async () => {
    const store = new S3BlobStore({
      bucket: 'numeri-test',
      region: 'ap-southeast-2',
      endpoint: `http://127.0.0.1:${slowPort}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' },
      requestTimeoutMs: 300,
    });
    try {
      const { error } = await timed(() => store.get('documents/a/b'));
      expect(error).toBeInstanceOf(Error);
      expect(String((error as Error).name) + String((error as Error).message)).toMatch(/timeout|abort/i);
    } finally {
      store.close();
    }
  }, 20_000);

  it('a failing store opens the circuit too, and /readyz reports storage while the API answers fast', async () => {
    const store = new ResilientBlobStore(s3(failingPort), { timeoutMs: 2_000, resetMs: 60_000 });
    const ctx = await createTestApp({
      overrides: { blobStore: store },
      app: {
        extraRoutes: async (app) => {
          app.get('/test/document', async () => (await store.get('documents/x/y')).length);
        },
      },
    });
    try {
      for (let i = 0; i < 3; i += 1) await ctx.app.inject({ method: 'GET', url: '/test/document' });
      expect(store.guard.state).toBe('open');
      const hitsBefore = failingHits;
      const response = await ctx.app.inject({ method: 'GET', url: '/test/document' });
      expect(failingHits).toBe(hitsBefore);
      expect(response.statusCode).toBe(503);
      expect(response.headers['content-type']).toMatch(/problem\+json/);
      expect(response.json().detail).toBe(STORAGE_UNAVAILABLE);
      expect(response.headers['retry-after']).toBe('60');

      const ready = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      expect(ready.statusCode).toBe(503);
      expect(ready.json().checks.storage.ok).toBe(false);
      expect(ready.json().checks.database.ok).toBe(true);
      expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    } finally {
      await ctx.close();
    }
  }, 120_000);
});

describe('SMTP behind a timeout and a circuit breaker', () => {
  let silent: net.Server;
  let port: number;
  const sockets: net.Socket[] = [];
  beforeAll(async () => {
    // Accepts connections and never sends the SMTP greeting (a relay that hangs).
    silent = net.createServer((socket) => sockets.push(socket));
    port = await listen(silent);
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((r) => silent.close(r));
  });

  it('a silent relay fails sends within the timeout, then at once', async () => {
    const logs = createCapturingLogger();
    const mailer = new ResilientMailer(
      new SmtpMailer(`smtp://127.0.0.1:${port}`, 'Numeri <no-reply@numeri.test>', logs.log),
      {
        timeoutMs: 300,
        resetMs: 60_000,
      },
    );
    try {
      const message = { to: 'jane@example.com', subject: 'Hello', text: 'Hi' };
      for (let i = 0; i < 3; i += 1) {
        const { error } = await timed(() => mailer.send(message));
        expect((error as AppError).code).toBe('SERVICE_UNAVAILABLE');
      }
      expect(mailer.guard.state).toBe('open');
      const connections = sockets.length;
      const fast = await timed(() => mailer.send(message));
      expect((fast.error as AppError).message).toBe(EMAIL_UNAVAILABLE);
      expect(sockets.length).toBe(connections);
    } finally {
      await mailer.close();
    }
  });
});

describe('ServiceGuard', () => {
  it('does not count caller errors (a missing file) as outages', async () => {
    const missing: BlobStore = {
      put: async () => {},
      get: async (key) => {
        throw new BlobNotFoundError(key);
      },
      exists: async () => false,
      delete: async () => {},
      list: async () => [],
      ping: async () => {},
    };
    const store = new ResilientBlobStore(missing, { timeoutMs: 200, resetMs: 60_000 });
    for (let i = 0; i < 10; i += 1) await expect(store.get('a/b')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(store.guard.state).toBe('closed');
    store.close();
  });

  it('lets a trial call through after the reset time and closes again when the service is back', async () => {
    let healthy = false;
    const states: string[] = [];
    const guard = new ServiceGuard({
      name: 'ocr',
      timeoutMs: 200,
      resetMs: 300,
      message: 'Reading scanned documents is paused; your upload is kept and will be read shortly.',
      onStateChange: (state) => states.push(state),
    });
    const call = () =>
      guard.run(async () => {
        if (!healthy) throw new Error('connection refused');
        return 'text';
      });
    for (let i = 0; i < 3; i += 1)
      await expect(call()).rejects.toThrow(/Reading scanned documents is paused/);
    expect(guard.state).toBe('open');
    healthy = true;
    await expect(call()).rejects.toThrow(/paused/); // still open: fails fast without calling
    await new Promise((r) => setTimeout(r, 350));
    await expect(call()).resolves.toBe('text');
    expect(guard.state).toBe('closed');
    expect(states).toEqual(['closed', 'open', 'half-open', 'closed']);
    guard.shutdown();
  });
});
