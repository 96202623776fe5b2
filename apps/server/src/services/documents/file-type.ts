import { detectBankFileFormat } from '@numeri/extract';

export type DetectedFile =
  | {
      ok: true;
      kind: 'document';
      contentType: 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/heic';
      label: string;
    }
  | {
      ok: true;
      kind: 'bank-file';
      contentType: 'text/csv' | 'application/x-ofx' | 'application/x-qif';
      format: 'csv' | 'ofx' | 'qfx' | 'qif';
      label: string;
    }
  | { ok: false; reason: string };

const ACCEPTED = 'Numeri accepts PDF, JPEG, PNG and HEIC documents, and CSV, OFX, QFX or QIF bank exports.';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);
const ascii = (bytes: Uint8Array, start: number, end: number) =>
  String.fromCharCode(...bytes.subarray(start, end));

/** ISO base media brands that mean HEIC/HEIF stills (AVIF is the same container with AV1). */
const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'mif1', 'msf1']);

/** Binary formats people often upload by mistake, named so the reason makes sense to them. */
const REJECTED: readonly { signature: readonly number[]; offset?: number; name: string }[] = [
  { signature: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP archive (or a Word, Excel or other Office file)' },
  { signature: [0x50, 0x4b, 0x05, 0x06], name: 'an empty ZIP archive' },
  { signature: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], name: 'an old Word or Excel file' },
  { signature: [0x1f, 0x8b], name: 'a compressed (gzip) file' },
  { signature: [0x52, 0x61, 0x72, 0x21], name: 'a RAR archive' },
  { signature: [0x37, 0x7a, 0xbc, 0xaf], name: 'a 7-Zip archive' },
  { signature: [0x4d, 0x5a], name: 'a Windows program' },
  { signature: [0x7f, 0x45, 0x4c, 0x46], name: 'a program' },
  { signature: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { signature: [0x49, 0x49, 0x2a, 0x00], name: 'a TIFF image' },
  { signature: [0x4d, 0x4d, 0x00, 0x2a], name: 'a TIFF image' },
  { signature: [0x42, 0x4d], name: 'a BMP image' },
];

/**
 * What an upload is, from its bytes (magic numbers and, for text, its content); the file name is
 * only a hint between OFX and QFX. Nothing is trusted from the name or the client's content type.
 */
export function detectFileType(bytes: Uint8Array, filename?: string): DetectedFile {
  if (bytes.length === 0) return { ok: false, reason: 'The file is empty.' };
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]))
    return { ok: true, kind: 'document', contentType: 'application/pdf', label: 'PDF' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff]))
    return { ok: true, kind: 'document', contentType: 'image/jpeg', label: 'JPEG image' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    return { ok: true, kind: 'document', contentType: 'image/png', label: 'PNG image' };
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    const brand = ascii(bytes, 8, 12);
    if (HEIF_BRANDS.has(brand))
      return { ok: true, kind: 'document', contentType: 'image/heic', label: 'HEIC photo' };
    if (brand === 'avif' || brand === 'avis')
      return {
        ok: false,
        reason: `This is an AVIF image, which Numeri cannot read yet. Save it as JPEG or PNG. ${ACCEPTED}`,
      };
    return { ok: false, reason: `This is a video or media file, not a document. ${ACCEPTED}` };
  }
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && bytes.length >= 12 && ascii(bytes, 8, 12) === 'WEBP') {
    return {
      ok: false,
      reason: `This is a WebP image, which Numeri cannot read yet. Save it as JPEG or PNG. ${ACCEPTED}`,
    };
  }
  for (const rejected of REJECTED) {
    if (startsWith(bytes, rejected.signature, rejected.offset)) {
      return { ok: false, reason: `This is ${rejected.name}, not a document Numeri can read. ${ACCEPTED}` };
    }
  }
  const looksPdfByName = /\.pdf$/i.test(filename ?? '');
  const format = detectBankFileFormat(bytes, filename);
  if (format === 'csv' && !looksPdfByName)
    return { ok: true, kind: 'bank-file', contentType: 'text/csv', format, label: 'CSV bank export' };
  if (format === 'ofx' || format === 'qfx')
    return {
      ok: true,
      kind: 'bank-file',
      contentType: 'application/x-ofx',
      format,
      label: `${format.toUpperCase()} bank export`,
    };
  if (format === 'qif')
    return {
      ok: true,
      kind: 'bank-file',
      contentType: 'application/x-qif',
      format,
      label: 'QIF bank export',
    };
  if (looksPdfByName)
    return {
      ok: false,
      reason: `This file is named .pdf but its content is not a PDF (it may be damaged or renamed). ${ACCEPTED}`,
    };
  return { ok: false, reason: `Numeri could not tell what kind of file this is. ${ACCEPTED}` };
}
