import { describe, expect, it } from 'vitest';
import type { DeductionRule } from '../src/index';
import { DEFAULT_DEDUCTION_RULES, parseBankFile, suggestDeductions } from '../src/index';
import { csvFor, utf8 } from './fixtures/bank-files';

const debit = (description: string, dollars: number, payee?: string) => ({
  description,
  amountCents: -Math.round(dollars * 100),
  ...(payee ? { payee } : {}),
});

describe('suggestDeductions', () => {
  it('suggests from a parsed bank file, with reasons naming the match', () => {
    const txs = parseBankFile(utf8(csvFor('nab'))).transactions;
    const s = suggestDeductions(txs);
    // TXS: index 4 is TOTAL TOOLS, 5 the Red Cross donation; the Officeworks line is a refund (credit)
    expect(s.map((x) => [x.transactionIndex, x.category, x.dLabel])).toEqual([
      [4, 'work-related-tools', 'D5'],
      [5, 'donation', 'D9'],
    ]);
    expect(s[0]?.reason).toMatch(/"TOTAL TOOLS"/);
    expect(s[0]?.amountCents).toBe(64_900);
    expect(s[1]?.evidenceHint).toMatch(/\$2 or more to a deductible gift recipient/);
  });

  it.each([
    ['CPSU MEMBERSHIP', 'union-fees', 'D5'],
    ['UNITED WORKERS UNION FEES', 'union-fees', 'D5'],
    ['H&R BLOCK TAX RETURN', 'tax-agent-fees', 'D10'],
    ['TAL LIFE INCOME PROTECTION', 'income-protection', 'D15'],
    ['WORLD VISION AUSTRALIA', 'donation', 'D9'],
    ['UDEMY ONLINE COURSE', 'self-education', 'D4'],
    ['MR WORKWEAR PENRITH', 'work-related-clothing', 'D3'],
    ['TELSTRA BILL PAYMENT', 'phone-internet', 'D5'],
    ['OFFICEWORKS 0412', 'home-office', 'D5'],
    ['CPA AUSTRALIA MEMBERSHIP', 'professional-subscriptions', 'D5'],
  ])('%s → %s (%s)', (description, category, dLabel) => {
    const [s] = suggestDeductions([debit(description, 120)]);
    expect(s).toMatchObject({ transactionIndex: 0, category, dLabel });
    expect(s?.confidence).toBeGreaterThan(0);
    expect(s?.confidence).toBeLessThanOrEqual(1);
  });

  it('only suggests for money out', () => {
    expect(suggestDeductions([{ description: 'CPSU REFUND', amountCents: 5_000 }])).toEqual([]);
    expect(suggestDeductions([{ description: 'CPSU', amountCents: 0 }])).toEqual([]);
  });

  it('does not call shop purchases, raffles or blood donation gifts', () => {
    expect(suggestDeductions([debit('SALVOS STORES BALLARAT', 30)])).toEqual([]);
    expect(suggestDeductions([debit('RED CROSS LIFEBLOOD', 30)])).toEqual([]);
    expect(suggestDeductions([debit('CANCER COUNCIL RAFFLE TICKET', 30)])).toEqual([]);
  });

  it('ignores gifts under $2', () => {
    expect(suggestDeductions([debit('UNICEF', 1.99)])).toEqual([]);
    expect(suggestDeductions([debit('UNICEF', 2)])).toHaveLength(1);
  });

  it('matches whole words only', () => {
    // "ACS" must not match inside "TACOS"; "ITP" not inside "SHITPOST"
    expect(suggestDeductions([debit('GUZMAN Y GOMEZ TACOS', 18), debit('WITPOST', 9)])).toEqual([]);
  });

  it('ranks a merchant match above a keyword match and keeps one suggestion per transaction', () => {
    const [s] = suggestDeductions([debit('TOTAL TOOLS UNIFORM', 100)]);
    expect(s?.category).toBe('work-related-tools');
    expect(s?.ruleId).toBe('tools-specialist');
  });

  it('accepts custom rules', () => {
    const rules: DeductionRule[] = [
      {
        id: 'nurse-fob',
        category: 'work-related-tools',
        dLabel: 'D5',
        keywords: ['FOB WATCH'],
        confidence: 0.8,
        why: 'test',
        evidenceHint: 'Keep the receipt.',
      },
    ];
    const [s] = suggestDeductions([debit('NURSING SUPPLIES FOB WATCH', 25)], rules);
    expect(s).toMatchObject({ ruleId: 'nurse-fob', confidence: 0.68 });
    expect(s?.reason).toMatch(/The description "FOB WATCH"/);
  });

  it('every default rule explains itself and names the evidence', () => {
    for (const r of DEFAULT_DEDUCTION_RULES) {
      expect(r.why.length).toBeGreaterThan(20);
      expect(r.evidenceHint.length).toBeGreaterThan(20);
      expect(r.dLabel).toMatch(/^D\d{1,2}$/);
      expect((r.merchants?.length ?? 0) + (r.keywords?.length ?? 0)).toBeGreaterThan(0);
    }
  });
});
