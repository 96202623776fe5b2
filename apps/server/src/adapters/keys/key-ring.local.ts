import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { decrypt, DecryptionError, encrypt } from '../../crypto/aead';
import type { KeyRing } from './key-ring.port';

const WRAP_AAD = 'numeri:data-key';
const PREFIX = 'mk';

/**
 * Master keys held by this process: parsed from MASTER_KEYS ("1:<base64>,2:<base64>", the
 * highest version is current) or, on a laptop, a key file created on first start (mode 0600).
 */
export class LocalKeyRing implements KeyRing {
  readonly currentVersion: number;

  constructor(private readonly masterKeys: Map<number, Buffer>) {
    if (masterKeys.size === 0) throw new Error('At least one master key is required');
    for (const [version, key] of masterKeys) {
      if (!Number.isInteger(version) || version < 1)
        throw new Error(`Master key version ${version} is not a positive integer`);
      if (key.length !== 32)
        throw new Error(`Master key ${version} must be 32 bytes (base64 of 32 random bytes)`);
    }
    this.currentVersion = Math.max(...masterKeys.keys());
  }

  async createDataKey() {
    const key = randomBytes(32);
    return { key, wrapped: this.wrap(key, this.currentVersion) };
  }

  async unwrapDataKey(wrapped: string): Promise<Buffer> {
    const version = this.versionOf(wrapped);
    const master = this.masterKeys.get(version);
    if (!master)
      throw new Error(`Master key version ${version} is not loaded; it is needed to unwrap this data key`);
    const sealed = Buffer.from(wrapped.slice(wrapped.indexOf('.') + 1), 'base64url');
    return decrypt(master, sealed, `${WRAP_AAD}:${version}`);
  }

  async rewrapDataKey(wrapped: string): Promise<string> {
    if (this.versionOf(wrapped) === this.currentVersion) return wrapped;
    return this.wrap(await this.unwrapDataKey(wrapped), this.currentVersion);
  }

  versionOf(wrapped: string): number {
    const match = /^mk(\d+)\./.exec(wrapped);
    if (!match) throw new DecryptionError();
    return Number(match[1]);
  }

  private wrap(key: Buffer, version: number): string {
    const master = this.masterKeys.get(version)!;
    return `${PREFIX}${version}.${encrypt(master, key, `${WRAP_AAD}:${version}`).toString('base64url')}`;
  }
}

/** Parses "1:<base64>,2:<base64>". Throws with a message naming the bad entry. */
export function parseMasterKeys(value: string): Map<number, Buffer> {
  const keys = new Map<number, Buffer>();
  for (const entry of value
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const [versionText, encoded] = entry.split(':');
    const version = Number(versionText);
    const key = Buffer.from(encoded ?? '', 'base64');
    if (!Number.isInteger(version) || version < 1 || key.length !== 32) {
      throw new Error(`MASTER_KEYS entry "${versionText}:…" must be <version>:<base64 of 32 bytes>`);
    }
    keys.set(version, key);
  }
  return keys;
}

export function generateMasterKeyEntry(version = 1): string {
  return `${version}:${randomBytes(32).toString('base64')}`;
}

/**
 * Reads `file` or creates it with a new secret (mode 0600). Used for the embedded master key and
 * token-signing secret, so a laptop needs no setup and restarts keep their keys.
 */
export async function readOrCreateSecretFile(file: string, create: () => string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = create();
  try {
    // 'wx' fails if another process created it meanwhile; then we read theirs.
    await fs.writeFile(file, `${value}\n`, { mode: 0o600, flag: 'wx' });
    return value;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return (await fs.readFile(file, 'utf8')).trim();
    throw err;
  }
}

export async function createLocalKeyRing(options: {
  masterKeys: string | undefined;
  keyDir: string;
}): Promise<LocalKeyRing> {
  const source =
    options.masterKeys ??
    (await readOrCreateSecretFile(path.join(options.keyDir, 'master-keys'), () => generateMasterKeyEntry(1)));
  return new LocalKeyRing(parseMasterKeys(source));
}
