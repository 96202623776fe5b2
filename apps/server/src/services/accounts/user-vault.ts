import type { KeyRing } from '../../adapters/keys/key-ring.port';
import { decrypt, decryptText, encrypt } from '../../crypto/aead';

/**
 * Encrypts a user's personal data under their own data key (envelope encryption). Each
 * ciphertext is bound to its owner and field, so it cannot be moved to another row or column.
 * Unwrapped keys are cached briefly to spare the KeyRing (a KMS call in production).
 */
export class UserVault {
  private readonly cache = new Map<string, { key: Buffer; until: number }>();
  private static readonly TTL_MS = 60_000;
  private static readonly MAX = 2_000;

  constructor(private readonly keyRing: KeyRing) {}

  async newDataKey(): Promise<{ key: Buffer; wrapped: string }> {
    return this.keyRing.createDataKey();
  }

  private async key(user: { id: string; dataKeyWrapped: string }): Promise<Buffer> {
    const cached = this.cache.get(user.dataKeyWrapped);
    if (cached && cached.until > Date.now()) return cached.key;
    const key = await this.keyRing.unwrapDataKey(user.dataKeyWrapped);
    if (this.cache.size >= UserVault.MAX) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(user.dataKeyWrapped, { key, until: Date.now() + UserVault.TTL_MS });
    return key;
  }

  async seal(
    user: { id: string; dataKeyWrapped: string },
    field: string,
    plaintext: string | Buffer,
  ): Promise<Buffer> {
    return encrypt(await this.key(user), plaintext, `user:${user.id}:${field}`);
  }

  async openText(
    user: { id: string; dataKeyWrapped: string },
    field: string,
    sealed: Buffer,
  ): Promise<string> {
    return decryptText(await this.key(user), sealed, `user:${user.id}:${field}`);
  }

  async open(user: { id: string; dataKeyWrapped: string }, field: string, sealed: Buffer): Promise<Buffer> {
    return decrypt(await this.key(user), sealed, `user:${user.id}:${field}`);
  }
}
