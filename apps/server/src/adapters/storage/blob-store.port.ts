/**
 * Where document bytes live. Callers encrypt before `put`; a store never sees plaintext.
 * Keys are slash-separated paths of [A-Za-z0-9._-] segments, chosen by the app, never by users.
 */
export interface BlobStore {
  put(key: string, data: Buffer): Promise<void>;
  /** Throws BlobNotFoundError when the key does not exist. */
  get(key: string): Promise<Buffer>;
  exists(key: string): Promise<boolean>;
  /** Deleting a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Every key under a prefix (backups, orphan sweeps). */
  list(prefix: string): Promise<string[]>;
  /** Throws when the store cannot be reached or written (readiness). */
  ping(): Promise<void>;
}

export class BlobNotFoundError extends Error {
  constructor(key: string) {
    super(`No stored file at ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

const KEY_PATTERN = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

export function assertValidKey(key: string): void {
  if (!KEY_PATTERN.test(key) || key.split('/').some((segment) => segment === '.' || segment === '..')) {
    throw new Error(`Invalid storage key: ${JSON.stringify(key)}`);
  }
}
