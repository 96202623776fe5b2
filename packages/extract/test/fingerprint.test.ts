import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fingerprintTransactions,
  fnv1a64,
  normaliseDescription,
  parseBankFile,
  transactionFingerprint,
} from '../src/index';
import { TXS, csvFor, ofxSgml, utf8, windows1252 } from './fixtures/bank-files';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64-bit test vectors', () => {
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });
});

describe('transaction fingerprints', () => {
  const ACCOUNT = 'user-1/everyday';

  it('re-importing the same file gives identical fingerprints, so nothing is added twice', () => {
    const first = fingerprintTransactions(ACCOUNT, parseBankFile(utf8(csvFor('commbank'))).transactions);
    const second = fingerprintTransactions(ACCOUNT, parseBankFile(utf8(csvFor('commbank'))).transactions);
    expect(second).toEqual(first);
    const stored = new Set(first);
    expect(second.filter((fp) => !stored.has(fp))).toEqual([]);
  });

  it('keeps two genuine identical coffees on the same day in one file', () => {
    const fps = fingerprintTransactions(ACCOUNT, TXS);
    // TXS[0] and TXS[1] are the same coffee, same day, same amount
    expect(fps[0]).not.toBe(fps[1]);
    expect(new Set(fps).size).toBe(TXS.length);
    expect(fps[0]).toBe(transactionFingerprint(ACCOUNT, TXS[0] as (typeof TXS)[number], 0));
    expect(fps[1]).toBe(transactionFingerprint(ACCOUNT, TXS[1] as (typeof TXS)[number], 1));
  });

  it('an overlapping later export adds only the new lines', () => {
    const july = fingerprintTransactions(ACCOUNT, TXS.slice(0, 4));
    const julyToOctober = fingerprintTransactions(ACCOUNT, TXS);
    const stored = new Set(july);
    expect(julyToOctober.filter((fp) => !stored.has(fp))).toHaveLength(TXS.length - 4);
  });

  it('the same statement in UTF-8 and Windows-1252 fingerprints the same', () => {
    const a = parseBankFile(utf8(csvFor('westpac'))).transactions;
    const b = parseBankFile(windows1252(csvFor('westpac'))).transactions;
    expect(fingerprintTransactions(ACCOUNT, b)).toEqual(fingerprintTransactions(ACCOUNT, a));
  });

  it('is scoped to the account, and changes with date, amount or description', () => {
    const tx = { date: '2024-07-01', amountCents: -450, description: 'COFFEE' };
    const base = transactionFingerprint(ACCOUNT, tx);
    expect(transactionFingerprint('user-1/savings', tx)).not.toBe(base);
    expect(transactionFingerprint(ACCOUNT, { ...tx, date: '2024-07-02' })).not.toBe(base);
    expect(transactionFingerprint(ACCOUNT, { ...tx, amountCents: -451 })).not.toBe(base);
    expect(transactionFingerprint(ACCOUNT, { ...tx, description: 'TEA' })).not.toBe(base);
    // case, spacing, punctuation and accents do not matter
    expect(transactionFingerprint(ACCOUNT, { ...tx, description: '  coffee. ' })).toBe(base);
    expect(base).toMatch(/^fp1:[0-9a-f]{16}$/);
  });

  it('CSV and OFX exports of one statement fingerprint alike when the descriptions agree', () => {
    const csv = parseBankFile(utf8(csvFor('anz'))).transactions;
    const ofx = parseBankFile(utf8(ofxSgml())).transactions;
    expect(fingerprintTransactions(ACCOUNT, ofx)).toEqual(fingerprintTransactions(ACCOUNT, csv));
  });

  it('normalises descriptions', () => {
    expect(normaliseDescription('Café  Rüppell, Sydney')).toBe('CAFE RUPPELL SYDNEY');
  });

  it('property: fingerprints are deterministic and distinct within a file', () => {
    const txArb = fc.record({
      date: fc.constantFrom('2024-07-01', '2024-07-02', '2024-07-03'),
      amountCents: fc.integer({ min: -100_000, max: 100_000 }),
      description: fc.constantFrom('COFFEE', 'TEA', 'RENT', 'café'),
    });
    fc.assert(
      fc.property(fc.array(txArb, { maxLength: 40 }), (txs) => {
        const a = fingerprintTransactions(ACCOUNT, txs);
        const b = fingerprintTransactions(
          ACCOUNT,
          txs.map((t) => ({ ...t })),
        );
        expect(b).toEqual(a);
        expect(new Set(a).size).toBe(txs.length);
      }),
      { numRuns: 200 },
    );
  });
});
