import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { DecryptStream } from './archive-crypto';
import type { BackupManifest } from './backup.service';

/** Decrypts and reads an archive to its end (authenticating every chunk) and returns its manifest. */
export async function readManifest(archive: string, backupKey: Buffer): Promise<BackupManifest> {
  const extract = tar.extract();
  const reading = pipeline(createReadStream(archive), new DecryptStream(backupKey), createGunzip(), extract);
  reading.catch(() => {});
  let manifest: BackupManifest | undefined;
  for await (const entry of extract) {
    if (entry.header.name === 'manifest.json') {
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      manifest = JSON.parse(Buffer.concat(chunks).toString('utf8')) as BackupManifest;
    } else {
      entry.resume();
    }
  }
  await reading;
  if (!manifest) throw new Error('The archive has no manifest (it is incomplete).');
  return manifest;
}
