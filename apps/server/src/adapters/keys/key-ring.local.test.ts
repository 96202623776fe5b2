import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decrypt, DecryptionError, encrypt } from '../../crypto/aead';
import { createLocalKeyRing, generateMasterKeyEntry, LocalKeyRing, parseMasterKeys } from './key-ring.local';

const ring = (...versions: number[]) => new LocalKeyRing(new Map(versions.map((v) => [v, randomBytes(32)])));

describe('LocalKeyRing (envelope encryption)', () => {
  it('wraps a fresh data key that unwraps to the same key', async () => {
    const keys = ring(1);
    const { key, wrapped } = await keys.createDataKey();
    expect(key).toHaveLength(32);
    expect(wrapped).toMatch(/^mk1\./);
    expect(wrapped).not.toContain(key.toString('base64url'));
    expect((await keys.unwrapDataKey(wrapped)).equals(key)).toBe(true);
  });

  it('data keys are different every time', async () => {
    const keys = ring(1);
    const a = await keys.createDataKey();
    const b = await keys.createDataKey();
    expect(a.key.equals(b.key)).toBe(false);
  });

  it('rotation: a new master version wraps new keys and re-wraps old ones without changing them', async () => {
    const v1 = randomBytes(32);
    const v2 = randomBytes(32);
    const before = new LocalKeyRing(new Map([[1, v1]]));
    const { key, wrapped } = await before.createDataKey();
    const after = new LocalKeyRing(
      new Map([
        [1, v1],
        [2, v2],
      ]),
    );
    expect(after.currentVersion).toBe(2);
    const rewrapped = await after.rewrapDataKey(wrapped);
    expect(after.versionOf(rewrapped)).toBe(2);
    expect((await after.unwrapDataKey(rewrapped)).equals(key)).toBe(true);
    // Once re-wrapped, the old master key can be retired.
    const retired = new LocalKeyRing(new Map([[2, v2]]));
    expect((await retired.unwrapDataKey(rewrapped)).equals(key)).toBe(true);
    await expect(retired.unwrapDataKey(wrapped)).rejects.toThrow(/version 1 is not loaded/);
  });

  it('a tampered wrapped key or a wrong master key is refused', async () => {
    const keys = ring(1);
    const { wrapped } = await keys.createDataKey();
    const body = Buffer.from(wrapped.slice(4), 'base64url');
    body[body.length - 1] = body[body.length - 1]! ^ 1;
    await expect(keys.unwrapDataKey(`mk1.${body.toString('base64url')}`)).rejects.toBeInstanceOf(
      DecryptionError,
    );
    await expect(ring(1).unwrapDataKey(wrapped)).rejects.toBeInstanceOf(DecryptionError);
    await expect(keys.unwrapDataKey('garbage')).rejects.toBeInstanceOf(DecryptionError);
  });

  it('parses MASTER_KEYS and rejects malformed entries', () => {
    const entry = generateMasterKeyEntry(3);
    expect([...parseMasterKeys(`${generateMasterKeyEntry(1)}, ${entry}`).keys()]).toEqual([1, 3]);
    expect(() => parseMasterKeys('1:c2hvcnQ=')).toThrow(/32 bytes/);
    expect(() => parseMasterKeys('x:' + randomBytes(32).toString('base64'))).toThrow(/MASTER_KEYS/);
  });

  it('creates the embedded key file once, with mode 0600, and reuses it', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-keys-'));
    const first = await createLocalKeyRing({ masterKeys: undefined, keyDir: dir });
    const { key, wrapped } = await first.createDataKey();
    const stat = await fs.stat(path.join(dir, 'master-keys'));
    expect(stat.mode & 0o777).toBe(0o600);
    const second = await createLocalKeyRing({ masterKeys: undefined, keyDir: dir });
    expect((await second.unwrapDataKey(wrapped)).equals(key)).toBe(true);
    await fs.rm(dir, { recursive: true, force: true });
  });
});

describe('AES-256-GCM sealing', () => {
  it('round-trips and binds ciphertext to its context', () => {
    const key = randomBytes(32);
    const sealed = encrypt(key, '123 456 782', 'user:1:tfn');
    expect(sealed.toString('utf8')).not.toContain('123 456 782');
    expect(decrypt(key, sealed, 'user:1:tfn').toString()).toBe('123 456 782');
    expect(() => decrypt(key, sealed, 'user:2:tfn')).toThrow(DecryptionError);
  });

  it('the same plaintext encrypts differently each time (random nonce)', () => {
    const key = randomBytes(32);
    expect(encrypt(key, 'same').equals(encrypt(key, 'same'))).toBe(false);
  });
});
