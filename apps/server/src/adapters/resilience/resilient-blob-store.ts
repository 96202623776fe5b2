import { BlobNotFoundError, type BlobStore } from '../storage/blob-store.port';
import { ServiceGuard, type BreakerState } from './service-guard';

export const STORAGE_UNAVAILABLE = 'Document storage is not responding; try again in a minute.';

/** Every call to an external BlobStore (S3) behind a timeout and a circuit breaker. */
export class ResilientBlobStore implements BlobStore {
  readonly guard: ServiceGuard;

  constructor(
    readonly inner: BlobStore,
    options: { timeoutMs: number; resetMs: number; onStateChange?: (state: BreakerState) => void },
  ) {
    this.guard = new ServiceGuard({
      name: 'storage',
      timeoutMs: options.timeoutMs,
      resetMs: options.resetMs,
      message: STORAGE_UNAVAILABLE,
      // A missing object or an invalid key is an answer, not an outage.
      isCallerError: (err) =>
        err instanceof BlobNotFoundError ||
        (err instanceof Error && err.message.startsWith('Invalid storage key')),
      ...(options.onStateChange ? { onStateChange: options.onStateChange } : {}),
    });
  }

  put(key: string, data: Buffer): Promise<void> {
    return this.guard.run(() => this.inner.put(key, data));
  }
  get(key: string): Promise<Buffer> {
    return this.guard.run(() => this.inner.get(key));
  }
  exists(key: string): Promise<boolean> {
    return this.guard.run(() => this.inner.exists(key));
  }
  delete(key: string): Promise<void> {
    return this.guard.run(() => this.inner.delete(key));
  }
  list(prefix: string): Promise<string[]> {
    return this.guard.run(() => this.inner.list(prefix));
  }
  /** Readiness: fails at once while the circuit is open, so /readyz names storage. */
  ping(): Promise<void> {
    return this.guard.run(() => this.inner.ping());
  }
  close(): void {
    this.guard.shutdown();
    (this.inner as { close?: () => void }).close?.();
  }
}
