import { assess } from '@numeri/tax-engine';
import { describe, expect, it } from 'vitest';
import { returnItemSchema, type ReturnFacts } from './return-items.contract';
import { returnToTaxReturnInput } from './returns.mapping';

let next = 0;
const item = (raw: Record<string, unknown>) =>
  returnItemSchema.parse({ id: `00000000-0000-4000-8000-${String((next += 1)).padStart(12, '0')}`, ...raw });

describe('returnToTaxReturnInput', () => {
  it('sums items per ATO label and withholding into credits', () => {
    const input = returnToTaxReturnInput('2024-25', { residency: { kind: 'resident' } }, [
      item({
        kind: 'employment',
        payerName: 'A',
        grossPaymentsCents: 6_000_000,
        taxWithheldCents: 1_000_000,
        allowancesCents: 50_000,
      }),
      item({ kind: 'employment', payerName: 'B', grossPaymentsCents: 2_500_000, taxWithheldCents: 800_000 }),
      item({ kind: 'interest', institution: 'Bank', grossInterestCents: 12_345, tfnWithheldCents: 500 }),
      item({
        kind: 'deduction',
        label: 'D5',
        description: 'Laptop bag',
        amountCents: 10_001,
        workUseBasisPoints: 5_000,
      }),
    ]);
    expect(input.income).toMatchObject({ salaryWages: 8_500_000, allowances: 50_000, grossInterest: 12_345 });
    // 50% of $100.01 is $50.005: the work share is rounded down to $50.00.
    expect(input.deductions?.otherWorkRelated).toBe(5_000);
    expect(input.credits).toMatchObject({ paygWithholding: 1_800_000, tfnAmountsWithheld: 500 });
  });

  it('passes an answer of zero through (no net investment loss), so the engine stops asking', () => {
    const facts: ReturnFacts = {
      residency: { kind: 'resident' },
      spouse: null,
      dependentChildren: 0,
      hospitalCover: 'none',
      hasStudyLoan: false,
      sapto: null,
    };
    const items = [
      item({
        kind: 'employment',
        payerName: 'A',
        grossPaymentsCents: 8_500_000,
        taxWithheldCents: 1_800_000,
      }),
      item({ kind: 'dividend', company: 'Co', frankedCents: 70_000, frankingCreditCents: 30_000 }),
      item({ kind: 'deduction', label: 'D8', description: 'Investment advice', amountCents: 20_000 }),
    ];
    const ask = (f: ReturnFacts) => {
      const result = assess(returnToTaxReturnInput('2024-25', f, items));
      if (!result.ok) throw new Error(JSON.stringify(result.issues));
      return result.assessment.completeness.missing.map((m) => m.id);
    };
    const unanswered = ask(facts);
    const answered = ask({ ...facts, netFinancialInvestmentLossCents: 0 });
    expect(unanswered.some((id) => /netFinancialInvestmentLoss/.test(id))).toBe(true);
    expect(answered.some((id) => /netFinancialInvestmentLoss/.test(id))).toBe(false);
  });
});
