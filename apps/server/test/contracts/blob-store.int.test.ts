import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobNotFoundError, type BlobStore } from '../../src/adapters/storage/blob-store.port';
import { LocalBlobStore } from '../../src/adapters/storage/blob-store.local';
import { S3BlobStore } from '../../src/adapters/storage/blob-store.s3';

/** One contract, every implementation: the embedded folder and an S3-compatible server on loopback. */
function blobStoreContract(
  name: string,
  setup: () => Promise<{ store: BlobStore; teardown(): Promise<void> }>,
) {
  describe(`BlobStore contract: ${name}`, () => {
    let store: BlobStore;
    let teardown: () => Promise<void>;
    beforeAll(async () => {
      ({ store, teardown } = await setup());
    });
    afterAll(() => teardown());

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('stores and returns the exact bytes', async () => {
      const data = randomBytes(256 * 1024);
      await store.put('users/u1/documents/d1', data);
      expect((await store.get('users/u1/documents/d1')).equals(data)).toBe(true);
      expect(await store.exists('users/u1/documents/d1')).toBe(true);
    });

    it('overwrites a key', async () => {
      await store.put('users/u1/documents/d2', Buffer.from('first'));
      await store.put('users/u1/documents/d2', Buffer.from('second'));
      expect((await store.get('users/u1/documents/d2')).toString()).toBe('second');
    });

    it('a missing key is BlobNotFoundError on get and false on exists', async () => {
      await expect(store.get('users/u1/documents/missing')).rejects.toBeInstanceOf(BlobNotFoundError);
      expect(await store.exists('users/u1/documents/missing')).toBe(false);
    });

    it('deletes, and deleting again is fine', async () => {
      await store.put('users/u1/documents/d3', Buffer.from('x'));
      await store.delete('users/u1/documents/d3');
      expect(await store.exists('users/u1/documents/d3')).toBe(false);
      await expect(store.delete('users/u1/documents/d3')).resolves.toBeUndefined();
    });

    it('lists keys under a prefix, sorted', async () => {
      await store.put('users/u9/a', Buffer.from('a'));
      await store.put('users/u9/b/c', Buffer.from('c'));
      await store.put('users/u10/z', Buffer.from('z'));
      expect(await store.list('users/u9/')).toEqual(['users/u9/a', 'users/u9/b/c']);
    });

    it('refuses keys that could escape the store', async () => {
      for (const bad of ['../etc/passwd', 'users/../../x', '/abs', 'a//b', 'sp ace', '']) {
        await expect(store.put(bad, Buffer.from('x'))).rejects.toThrow(/Invalid storage key/);
      }
    });
  });
}

blobStoreContract('local folder', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-blobs-'));
  return { store: new LocalBlobStore(dir), teardown: () => fs.rm(dir, { recursive: true, force: true }) };
});

blobStoreContract('S3 (s3rver on loopback)', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory: dir,
    configureBuckets: [{ name: 'numeri-docs', configs: [] }],
  });
  const { port } = await server.run();
  const store = new S3BlobStore({
    bucket: 'numeri-docs',
    region: 'us-east-1',
    endpoint: `http://127.0.0.1:${port}`,
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  return {
    store,
    async teardown() {
      store.close();
      await server.close();
      await fs.rm(dir, { recursive: true, force: true });
    },
  };
});

describe('LocalBlobStore writes atomically', () => {
  it('leaves no temp files behind after a write', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'numeri-blobs-'));
    const store = new LocalBlobStore(dir);
    await store.put('k/one', Buffer.from('1'));
    expect(await fs.readdir(path.join(dir, '.tmp'))).toEqual([]);
    expect((await fs.stat(path.join(dir, 'k/one'))).mode & 0o777).toBe(0o600);
    await fs.rm(dir, { recursive: true, force: true });
  });
});
