// De-duplication fingerprints for imported transactions. A fingerprint is a stable hash of the
// account key, date, amount, normalised description and an occurrence index: the index tells two
// genuine identical lines in one file apart (two $4.50 coffees on the same day), while importing
// the same file again reproduces the same fingerprints, so nothing is added twice.

import type { ParsedTransaction } from './bank/types';
import { encodeUtf8 } from './codec';

/**
 * FNV-1a, 64-bit, over the UTF-8 bytes of a string; 16 hex digits. Computed in four 16-bit limbs
 * so it stays fast without BigInt (FNV prime 2^40 + 0x1b3).
 */
export function fnv1a64(text: string): string {
  const bytes = encodeUtf8(text);
  // offset basis 0xcbf29ce484222325, low limb first
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (let i = 0; i < bytes.length; i++) {
    h0 ^= bytes[i] as number;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    const t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    h0 = t0 & 0xffff;
    t2 += t1 >>> 16;
    h1 = t1 & 0xffff;
    h3 = (t3 + (t2 >>> 16)) & 0xffff;
    h2 = t2 & 0xffff;
  }
  const hex = (n: number): string => n.toString(16).padStart(4, '0');
  return hex(h3) + hex(h2) + hex(h1) + hex(h0);
}

/**
 * Normalises a description for matching: accents removed, upper case, punctuation to spaces,
 * spaces collapsed. "Café  Rüppell, Sydney" → "CAFE RUPPELL SYDNEY".
 */
export function normaliseDescription(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

type FingerprintInput = Pick<ParsedTransaction, 'date' | 'amountCents' | 'description'>;

const FINGERPRINT_VERSION = 'fp1';

/** The fingerprint of one transaction; `occurrence` is its 0-based index among identical lines. */
export function transactionFingerprint(accountKey: string, tx: FingerprintInput, occurrence = 0): string {
  const material = [
    accountKey,
    tx.date,
    String(tx.amountCents),
    normaliseDescription(tx.description),
    String(occurrence),
  ].join('\u001f');
  return `${FINGERPRINT_VERSION}:${fnv1a64(material)}`;
}

/** Fingerprints for every transaction of one file, with occurrence indexes for identical lines. */
export function fingerprintTransactions(accountKey: string, txs: readonly FingerprintInput[]): string[] {
  const seen = new Map<string, number>();
  return txs.map((tx) => {
    const key = `${tx.date}\u001f${tx.amountCents}\u001f${normaliseDescription(tx.description)}`;
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return transactionFingerprint(accountKey, tx, n);
  });
}
