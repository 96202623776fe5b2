import type { Config } from '../config/config';
import type { BlobStore } from '../adapters/storage/blob-store.port';
import { LocalBlobStore } from '../adapters/storage/blob-store.local';
import { S3BlobStore } from '../adapters/storage/blob-store.s3';

/** The configured document store, without a circuit breaker: a backup waits for slow storage. */
export function blobStoreFor(config: Config): BlobStore & { close?: () => void } {
  return config.storage.kind === 's3'
    ? new S3BlobStore({ ...config.storage, requestTimeoutMs: 60_000 })
    : new LocalBlobStore(config.storage.dir);
}

export const EMBEDDED_SERVER_RUNNING =
  'The embedded server is running and holds the data folder. Stop it (Ctrl-C), run `npm run backup`, then start it again. ' +
  'The embedded store is a one-process laptop setup; with PostgreSQL (DATABASE_URL) backups run while the API serves.';
