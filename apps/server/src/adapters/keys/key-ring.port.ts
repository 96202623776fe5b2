/**
 * Envelope encryption (DESIGN.md §5): every user has a random data key; the data key is stored
 * only wrapped (encrypted) by a versioned master key. Rotating the master key re-wraps data keys
 * without touching the data. A KMS adapter can implement this port with the same semantics.
 */
export interface KeyRing {
  /** The master key version new data keys are wrapped with. */
  readonly currentVersion: number;
  /** A fresh random 256-bit data key, and the same key wrapped for storage. */
  createDataKey(): Promise<{ key: Buffer; wrapped: string }>;
  unwrapDataKey(wrapped: string): Promise<Buffer>;
  /** Re-wraps a data key under the current master key (no-op when it already is). */
  rewrapDataKey(wrapped: string): Promise<string>;
  /** The master key version a wrapped data key was made with. */
  versionOf(wrapped: string): number;
}
