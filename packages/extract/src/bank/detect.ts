import { decodeTextWithEncoding } from './decode';
import type { BankFileFormat } from './types';

const MAGIC: readonly { bytes: readonly number[]; name: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'a ZIP or Excel (.xlsx) file' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'an old Excel (.xls) or Word file' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], name: 'a gzip archive' },
];

/** Names a binary file type from its magic bytes, or undefined for text-like bytes. */
export function binaryKind(bytes: Uint8Array): string | undefined {
  for (const m of MAGIC) if (m.bytes.every((b, i) => bytes[i] === b)) return m.name;
  return undefined;
}

/** Text formats by their first meaningful characters. */
export function detectFromText(head: string, filename?: string): BankFileFormat {
  const start = head.replace(/^[\s\uFEFF]+/, '').slice(0, 2048);
  const upper = start.toUpperCase();
  const ext = /\.([a-z0-9]+)$/i.exec(filename ?? '')?.[1]?.toLowerCase();
  const isOfx =
    upper.startsWith('OFXHEADER') ||
    upper.startsWith('<OFX') ||
    (upper.startsWith('<?XML') && /<\?OFX|<OFX>/.test(upper));
  if (isOfx) return ext === 'qfx' || upper.includes('<INTU.BID>') ? 'qfx' : 'ofx';
  if (/^!(TYPE|ACCOUNT|OPTION|CLEAR)/i.test(start)) return 'qif';
  if (ext === 'qif' && /^\^\s*$/m.test(start)) return 'qif';
  // JSON, HTML and other markup are not bank exports even though they contain commas
  if (/^[[{<]/.test(start)) return 'unknown';
  // CSV: at least one line with a delimiter, and no control characters other than tab/CR/LF.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(start)) return 'unknown';
  const firstLines = start
    .split(/\r\n|\n|\r/)
    .slice(0, 5)
    .filter((l) => l.trim().length > 0);
  if (firstLines.length > 0 && firstLines.some((l) => /[,;\t]/.test(l))) return 'csv';
  if (ext === 'csv') return 'csv';
  return 'unknown';
}

/**
 * Detects a bank file's format from its content (the file name is only a hint, e.g. .qfx vs .ofx).
 */
export function detectBankFileFormat(bytes: Uint8Array, filename?: string): BankFileFormat {
  if (bytes.length === 0 || binaryKind(bytes)) return 'unknown';
  const head = decodeTextWithEncoding(bytes.subarray(0, 4096)).text;
  return detectFromText(head, filename);
}
