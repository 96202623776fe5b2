import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';

/**
 * Streaming AES-256-GCM for backup archives (ADR 0010), the "STREAM" construction used by age
 * and Tink: the plaintext is cut into chunks, each sealed on its own with a nonce made of a
 * random per-archive prefix and the chunk's counter, and the last chunk is flagged, so chunks can
 * be neither reordered, dropped nor cut off at the end without decryption failing. Memory use is
 * one chunk, whatever the size of the store.
 *
 *   "NUMERI-BACKUP-1\n" | u32 header length | header JSON
 *   then frames: u32 ciphertext length | u8 final flag | ciphertext | 16-byte GCM tag
 *
 * Each archive has its own key, HKDF(BACKUP_KEY, random salt), so nonces never repeat across
 * archives made with the same BACKUP_KEY. Every frame's associated data binds the header hash,
 * the counter and the final flag.
 */
const MAGIC = Buffer.from('NUMERI-BACKUP-1\n', 'ascii');
const CHUNK_SIZE = 1024 * 1024;
const TAG_LENGTH = 16;
const MAX_FRAME = CHUNK_SIZE + 64;

export interface ArchiveHeader {
  format: 1;
  cipher: 'aes-256-gcm';
  chunkSize: number;
  salt: string;
  noncePrefix: string;
  /** First bytes of HMAC(BACKUP_KEY, …): tells "wrong key" apart from "damaged archive". */
  keyCheck: string;
  createdAt: string;
}

export class BackupKeyError extends Error {
  override name = 'BackupKeyError';
}
export class ArchiveDamagedError extends Error {
  override name = 'ArchiveDamagedError';
}

export function keyCheckOf(backupKey: Buffer): string {
  return createHmac('sha256', backupKey).update('numeri-backup-key-check').digest('hex').slice(0, 16);
}

function archiveKey(backupKey: Buffer, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync('sha256', backupKey, salt, 'numeri-backup-v1', 32));
}

function aad(headerHash: Buffer, counter: number, final: boolean): Buffer {
  const tail = Buffer.alloc(5);
  tail.writeUInt32BE(counter, 0);
  tail.writeUInt8(final ? 1 : 0, 4);
  return Buffer.concat([headerHash, tail]);
}

function nonce(prefix: Buffer, counter: number): Buffer {
  const n = Buffer.alloc(12);
  prefix.copy(n, 0, 0, 8);
  n.writeUInt32BE(counter, 8);
  return n;
}

/** plaintext in → encrypted archive out. */
export class EncryptStream extends Transform {
  private readonly key: Buffer;
  private readonly noncePrefix = randomBytes(8);
  private readonly headerHash: Buffer;
  private readonly headerBytes: Buffer;
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private counter = 0;
  private headerSent = false;

  constructor(backupKey: Buffer, now = new Date()) {
    super();
    const salt = randomBytes(16);
    this.key = archiveKey(backupKey, salt);
    const header: ArchiveHeader = {
      format: 1,
      cipher: 'aes-256-gcm',
      chunkSize: CHUNK_SIZE,
      salt: salt.toString('base64'),
      noncePrefix: this.noncePrefix.toString('base64'),
      keyCheck: keyCheckOf(backupKey),
      createdAt: now.toISOString(),
    };
    const json = Buffer.from(JSON.stringify(header), 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(json.length, 0);
    this.headerBytes = Buffer.concat([MAGIC, length, json]);
    this.headerHash = createHash('sha256').update(this.headerBytes).digest();
  }

  private seal(plaintext: Buffer, final: boolean): Buffer {
    if (this.counter >= 0xffffffff) throw new Error('archive too large for one key');
    const cipher = createCipheriv('aes-256-gcm', this.key, nonce(this.noncePrefix, this.counter), {
      authTagLength: TAG_LENGTH,
    });
    cipher.setAAD(aad(this.headerHash, this.counter, final));
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const frameHead = Buffer.alloc(5);
    frameHead.writeUInt32BE(body.length, 0);
    frameHead.writeUInt8(final ? 1 : 0, 4);
    this.counter += 1;
    return Buffer.concat([frameHead, body, cipher.getAuthTag()]);
  }

  private sendHeader(): void {
    if (this.headerSent) return;
    this.headerSent = true;
    this.push(this.headerBytes);
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.sendHeader();
    this.pending.push(chunk);
    this.pendingLength += chunk.length;
    // Keep at least one byte back so the last chunk is always sealed as final in _flush.
    while (this.pendingLength > CHUNK_SIZE) {
      const all = Buffer.concat(this.pending);
      this.push(this.seal(all.subarray(0, CHUNK_SIZE), false));
      const rest = all.subarray(CHUNK_SIZE);
      this.pending = [rest];
      this.pendingLength = rest.length;
    }
    done();
  }

  override _flush(done: TransformCallback): void {
    this.sendHeader();
    this.push(this.seal(Buffer.concat(this.pending), true));
    this.pending = [];
    done();
  }
}

/** encrypted archive in → plaintext out; fails on a wrong key, any altered byte, or a cut-off end. */
export class DecryptStream extends Transform {
  private buffer: Buffer = Buffer.alloc(0);
  private key: Buffer | undefined;
  private noncePrefix: Buffer | undefined;
  private headerHash: Buffer | undefined;
  private counter = 0;
  private finished = false;
  header: ArchiveHeader | undefined;

  constructor(private readonly backupKey: Buffer) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    try {
      this.drain();
      done();
    } catch (err) {
      done(err as Error);
    }
  }

  private drain(): void {
    if (!this.key) {
      if (this.buffer.length < MAGIC.length + 4) return;
      if (!this.buffer.subarray(0, MAGIC.length).equals(MAGIC))
        throw new ArchiveDamagedError('This is not a Numeri backup archive.');
      const length = this.buffer.readUInt32BE(MAGIC.length);
      if (length > 64 * 1024) throw new ArchiveDamagedError('The archive header is damaged.');
      const end = MAGIC.length + 4 + length;
      if (this.buffer.length < end) return;
      const headerBytes = this.buffer.subarray(0, end);
      const header = JSON.parse(
        this.buffer.subarray(MAGIC.length + 4, end).toString('utf8'),
      ) as ArchiveHeader;
      if (header.format !== 1 || header.cipher !== 'aes-256-gcm')
        throw new ArchiveDamagedError(`Unsupported archive format ${header.format}.`);
      if (header.keyCheck !== keyCheckOf(this.backupKey)) {
        throw new BackupKeyError('This archive was made with a different BACKUP_KEY.');
      }
      this.header = header;
      this.key = archiveKey(this.backupKey, Buffer.from(header.salt, 'base64'));
      this.noncePrefix = Buffer.from(header.noncePrefix, 'base64');
      this.headerHash = createHash('sha256').update(headerBytes).digest();
      this.buffer = this.buffer.subarray(end);
    }
    for (;;) {
      if (this.buffer.length < 5) return;
      const length = this.buffer.readUInt32BE(0);
      if (length > MAX_FRAME) throw new ArchiveDamagedError('The archive is damaged (a frame is too long).');
      const final = this.buffer.readUInt8(4) === 1;
      const total = 5 + length + TAG_LENGTH;
      if (this.buffer.length < total) return;
      if (this.finished) throw new ArchiveDamagedError('The archive has data after its final chunk.');
      const decipher = createDecipheriv('aes-256-gcm', this.key!, nonce(this.noncePrefix!, this.counter), {
        authTagLength: TAG_LENGTH,
      });
      decipher.setAAD(aad(this.headerHash!, this.counter, final));
      decipher.setAuthTag(this.buffer.subarray(5 + length, total));
      let plaintext: Buffer;
      try {
        plaintext = Buffer.concat([decipher.update(this.buffer.subarray(5, 5 + length)), decipher.final()]);
      } catch {
        throw new ArchiveDamagedError(
          `The archive is damaged or was altered (chunk ${this.counter} fails authentication).`,
        );
      }
      this.counter += 1;
      this.finished = final;
      this.buffer = this.buffer.subarray(total);
      if (plaintext.length) this.push(plaintext);
    }
  }

  override _flush(done: TransformCallback): void {
    if (!this.finished || this.buffer.length) {
      done(new ArchiveDamagedError('The archive is incomplete (it ends before its final chunk).'));
      return;
    }
    done();
  }
}
