import type { Logger } from 'pino';
import type { Config } from '../config/config';
import { createMetrics, type Metrics } from '../observability/metrics';
import { readOrCreateSecretFile, createLocalKeyRing } from './keys/key-ring.local';
import type { KeyRing } from './keys/key-ring.port';
import { systemClock, type Clock } from './clock/clock';
import type { Database } from './db/database';
import { openPgliteDatabase } from './db/database.pglite';
import { openPostgresDatabase } from './db/database.postgres';
import type { Mailer } from './email/mailer.port';
import { OutboxMailer } from './email/mailer.outbox';
import { SmtpMailer } from './email/mailer.smtp';
import type { OcrEngine } from './ocr/ocr.port';
import { TesseractOcrEngine } from './ocr/ocr.tesseract';
import type { JobQueue } from './queue/job-queue.port';
import { MemoryJobQueue } from './queue/job-queue.memory';
import { BullmqJobQueue } from './queue/job-queue.bullmq';
import type { BlobStore } from './storage/blob-store.port';
import { LocalBlobStore } from './storage/blob-store.local';
import { S3BlobStore } from './storage/blob-store.s3';
import { ResilientBlobStore } from './resilience/resilient-blob-store';
import { ResilientMailer } from './resilience/resilient-mailer';
import type { BreakerState } from './resilience/service-guard';
import { cachedLastBackupAt } from '../services/backup/backup-status';
import { randomBytes } from 'node:crypto';
import type { LodgmentPort } from './lodgment/lodgment.port';
import { SandboxLodgment } from './lodgment/lodgment.sandbox';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';

/** Every side effect the app has, behind its port. */
export interface Adapters {
  config: Config;
  log: Logger;
  clock: Clock;
  database: Database;
  blobStore: BlobStore;
  jobQueue: JobQueue;
  mailer: Mailer;
  keyRing: KeyRing;
  /** Reads scanned pages and photos (workers start on first use). */
  ocr: OcrEngine;
  /** Shared state for rate limits and lockouts across replicas; undefined in embedded mode. */
  redis: Redis | undefined;
  /** Lodgment channel: the sandbox (Numeri is not a registered tax agent; see lodgment.port.ts). */
  lodgment: LodgmentPort;
  /** Secret for signing access tokens (HS256). */
  tokenSecret: Buffer;
  metrics: Metrics;
}

/**
 * The only place that chooses an implementation for each port, from the parsed config:
 * embedded defaults on a laptop, PostgreSQL / Redis / S3 / SMTP when configured.
 */
export async function createAdapters(
  config: Config,
  log: Logger,
  overrides: Partial<Adapters> = {},
): Promise<Adapters> {
  const opened: { close(): Promise<void> | void }[] = [];
  const metrics = overrides.metrics ?? createMetrics();
  // External services sit behind a timeout and a circuit breaker (ADR 0012).
  const { s3TimeoutMs, smtpTimeoutMs, breakerResetMs } = config.resilience;
  const breakerGauge = (dependency: string) => (state: BreakerState) =>
    metrics.circuitOpen.set({ dependency }, state === 'open' ? 1 : state === 'half-open' ? 0.5 : 0);
  try {
    const database =
      overrides.database ??
      (config.database.kind === 'postgres'
        ? await openPostgresDatabase({
            url: config.database.url,
            poolMax: config.database.poolMax,
            replicaUrl: config.database.replicaUrl,
            ...(config.database.replicaStickyMs !== undefined
              ? { replicaStickyMs: config.database.replicaStickyMs }
              : {}),
          })
        : await openPgliteDatabase({ dataDir: config.database.dataDir }));
    opened.push(database);
    metrics.sources.lastBackupAt = cachedLastBackupAt(database.db);

    const blobStore =
      overrides.blobStore ??
      (config.storage.kind === 's3'
        ? new ResilientBlobStore(new S3BlobStore({ ...config.storage, requestTimeoutMs: s3TimeoutMs }), {
            timeoutMs: s3TimeoutMs,
            resetMs: breakerResetMs,
            onStateChange: breakerGauge('storage'),
          })
        : new LocalBlobStore(config.storage.dir));

    const jobQueue =
      overrides.jobQueue ?? (config.redisUrl ? new BullmqJobQueue(config.redisUrl) : new MemoryJobQueue());
    opened.push(jobQueue);

    const mailer =
      overrides.mailer ??
      (config.mail.kind === 'smtp'
        ? new ResilientMailer(new SmtpMailer(config.mail.url, config.mail.from, log), {
            timeoutMs: smtpTimeoutMs,
            resetMs: breakerResetMs,
            onStateChange: breakerGauge('email'),
          })
        : new OutboxMailer(config.mail.dir, config.mail.from, log));

    const redis =
      'redis' in overrides
        ? overrides.redis
        : config.redisUrl
          ? new Redis(config.redisUrl, {
              maxRetriesPerRequest: 1,
              enableOfflineQueue: false,
              connectTimeout: 3_000,
            })
          : undefined;
    redis?.on('error', (err) => log.warn({ err: err.message }, 'redis connection error'));
    if (redis) opened.push({ close: () => void redis.disconnect() });
    // Read-your-writes marks are shared through Redis when there is one (ADR 0011).
    (database as { readYourWrites?: { useRedis(r: Redis | undefined): void } }).readYourWrites?.useRedis(
      redis,
    );

    const keyRing = overrides.keyRing ?? (await createLocalKeyRing(config.keys));
    const tokenSecret =
      overrides.tokenSecret ??
      Buffer.from(
        config.keys.jwtSecret ??
          (await readOrCreateSecretFile(path.join(config.keys.keyDir, 'token-secret'), () =>
            randomBytes(48).toString('base64url'),
          )),
        'utf8',
      );

    // In embedded mode the API shares the machine with OCR: one worker thread leaves it a core.
    const ocrWorkers = config.jobs.inProcess
      ? 1
      : Math.min(config.jobs.concurrency, os.availableParallelism());
    const ocr = overrides.ocr ?? new TesseractOcrEngine({ workers: ocrWorkers, log });

    return {
      config,
      log,
      clock: overrides.clock ?? systemClock,
      ocr,
      database,
      blobStore,
      jobQueue,
      mailer,
      keyRing,
      tokenSecret,
      lodgment: overrides.lodgment ?? new SandboxLodgment(),
      redis,
      metrics,
    };
  } catch (err) {
    for (const resource of opened.reverse()) await resource.close();
    throw err;
  }
}

export async function closeAdapters(adapters: Adapters): Promise<void> {
  const results = await Promise.allSettled([
    adapters.jobQueue.close(),
    adapters.mailer.close(),
    adapters.ocr.close(),
  ]);
  if (adapters.blobStore instanceof S3BlobStore || adapters.blobStore instanceof ResilientBlobStore)
    adapters.blobStore.close();
  adapters.redis?.disconnect();
  await adapters.database.close();
  for (const result of results) {
    if (result.status === 'rejected')
      adapters.log.warn({ err: result.reason }, 'error while closing an adapter');
  }
}
