import { decodeBytes } from '../codec';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

/**
 * Detects the text encoding of bytes: a BOM decides (UTF-8, UTF-16LE, UTF-16BE); without one,
 * UTF-16 is recognised by its zero bytes, then strict UTF-8 is tried, and Windows-1252 (what
 * Excel on Windows writes for "CSV") is the fallback, since every byte sequence is valid in it.
 */
export function detectTextEncoding(bytes: Uint8Array): TextEncodingName {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  // UTF-16 without a BOM: ASCII text has a zero in every other byte.
  const sample = bytes.subarray(0, Math.min(bytes.length, 4096));
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] !== 0) continue;
    if (i % 2 === 0) zeroEven++;
    else zeroOdd++;
  }
  const half = sample.length / 2;
  if (half >= 4 && zeroOdd > half * 0.4 && zeroEven < half * 0.05) return 'utf-16le';
  if (half >= 4 && zeroEven > half * 0.4 && zeroOdd < half * 0.05) return 'utf-16be';
  try {
    decodeBytes(bytes, 'utf-8', true);
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** Decodes bytes to text with the detected encoding, dropping any BOM. */
export function decodeText(bytes: Uint8Array): string {
  return decodeTextWithEncoding(bytes).text;
}

export function decodeTextWithEncoding(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const encoding = detectTextEncoding(bytes);
  let text = decodeBytes(bytes, encoding, false);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, encoding };
}
