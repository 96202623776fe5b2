import { describe, expect, it } from 'vitest';
import { rulesFor } from '../rules/rules';
import { netCapitalGain } from './cgt';
import { phiRebateAdjustment } from './phi-rebate';
import { studyLoanRepayment } from './study-loan';
import type { IncomeYear } from '../income-year';
import { percent } from '../money';

const $ = (dollars: number) => Math.round(dollars * 100);

describe('private health insurance rebate adjustment', () => {
  const p = rulesFor('2024-25').phiRebate.value;
  const lines = [
    { premiumsEligible: $(1_500), rebateReceived: $(369.12), benefitCode: 30 as const },
    { premiumsEligible: $(500), rebateReceived: $(121.44), benefitCode: 31 as const },
  ];
  it('base tier: entitlement matches what was received', () => {
    // 1,500 × 24.608% = 369.12 (Jul–Mar); 500 × 24.288% = 121.44 (Apr–Jun, RAF 0.987)
    const r = phiRebateAdjustment(lines, p, 0);
    expect(r.entitlement).toBe($(490.56));
    expect(r.difference).toBe(0);
  });
  it('tier 2: the excess rebate is repaid', () => {
    // 1,500 × 8.202% = 123.03; 500 × 8.095% = 40.475; total 163.505 → 163.51 (rounded once); received 490.56
    const r = phiRebateAdjustment(lines, p, 2);
    expect(r.entitlement).toBe($(163.51));
    expect(r.difference).toBe($(163.51 - 490.56));
  });
  it('tier 3 gets no rebate', () => {
    expect(phiRebateAdjustment(lines, p, 3).entitlement).toBe(0);
  });
  it('age bands: 65-69 and 70+ get higher percentages', () => {
    // 2020-21 Jul–Mar 70+ base tier 33.413%: 1,000 × 33.413% = 334.13
    const r = phiRebateAdjustment(
      [{ premiumsEligible: $(1_000), rebateReceived: 0, benefitCode: 40 }],
      rulesFor('2020-21').phiRebate.value,
      0,
    );
    expect(r.entitlement).toBe($(334.13));
    expect(r.difference).toBe($(334.13));
    // 2022-23 Apr–Jun 65-69 tier 1: 20.507% × 1,000 = 205.07
    expect(
      phiRebateAdjustment(
        [{ premiumsEligible: $(1_000), rebateReceived: 0, benefitCode: 36 }],
        rulesFor('2022-23').phiRebate.value,
        1,
      ).entitlement,
    ).toBe($(205.07));
  });
});

function help(year: IncomeYear, ri: number, opts: { balance?: number; s8?: boolean } = {}) {
  return studyLoanRepayment($(ri), rulesFor(year).studyLoan.value, {
    balance: opts.balance === undefined ? undefined : $(opts.balance),
    medicareReducedUnderSection8: opts.s8 ?? false,
  });
}

describe('study loan repayment', () => {
  it.each([
    ['2024-25', 54_435, 0], // HESA s154-1: must EXCEED the minimum (the ATO table shows 1% here)
    ['2024-25', 54_436, 544.36], // 1% × 54,436
    ['2024-25', 62_851, 1_257.02], // 2% × 62,851
    ['2024-25', 85_023, 3_826.04], // 4.5% × 85,023 = 3,826.035 → half-up
    ['2024-25', 160_000, 16_000], // 10%
    ['2020-21', 114_708, 9_750.18], // 8.5% × 114,708 (published threshold, not the formula's 114,810)
    ['2021-22', 115_782, 9_841.47], // 8.5% × 115,782
    ['2022-23', 48_361, 0],
    ['2023-24', 151_201, 15_120.1], // 10%
  ] as const)('%s whole-income: RI $%i → $%d', (year, ri, expected) => {
    expect(help(year, ri).amount).toBe($(expected));
  });

  it.each([
    [67_000, 0],
    [80_000, 1_950], // 15% × 13,000
    [125_000, 8_700], // 15% × 58,000
    [150_000, 12_950], // 8,700 + 17% × 25,000
    [179_285, 17_928.45], // 8,700 + 17% × 54,285 = 17,928.45 < 10% = 17,928.50
    [179_286, 17_928.6], // 10% = 17,928.60 < 8,700 + 17% × 54,286 = 17,928.62
    [200_000, 20_000],
  ])('2025-26 marginal: RI $%i → $%d', (ri, expected) => {
    expect(help('2025-26', ri).amount).toBe($(expected));
  });

  it('2026-27 uses the provisional indexed thresholds', () => {
    // 15% × (80,000 − 69,528) = 15% × 10,472 = 1,570.80
    expect(help('2026-27', 80_000).amount).toBe($(1_570.8));
    expect(rulesFor('2026-27').studyLoan.provisional).toBeTruthy();
  });

  it('never exceeds the balance', () => {
    const r = help('2025-26', 100_000, { balance: 3_000 });
    expect(r.calculated).toBe($(4_950)); // 15% × 33,000
    expect(r.amount).toBe($(3_000));
    expect(r.cappedAtBalance).toBe(true);
  });

  it('is nil when the family Medicare reduction applied (HESA s154-1(2))', () => {
    expect(help('2024-25', 70_000, { s8: true })).toMatchObject({
      amount: 0,
      method: 'not-liable-family-reduction',
    });
  });
});

describe('net capital gain (s102-5)', () => {
  const half = percent('50');
  it('applies losses to non-discountable gains first, then halves the rest', () => {
    // gains: 10,000 discountable + 2,000 other; current losses 3,000 → other 0, discountable 9,000;
    // prior losses 1,000 → discountable 8,000; discount 4,000 → net 4,000
    const r = netCapitalGain(
      {
        gains: [
          { amount: $(10_000), discountEligible: true },
          { amount: $(2_000), discountEligible: false },
        ],
        currentYearLosses: $(3_000),
        priorYearNetLosses: $(1_000),
      },
      half,
      true,
    );
    expect(r).toMatchObject({
      totalGains: $(12_000),
      currentLossesApplied: $(3_000),
      priorLossesApplied: $(1_000),
      discountApplied: $(4_000),
      netCapitalGain: $(4_000),
      lossesCarriedForward: 0,
    });
  });
  it('carries forward unused losses', () => {
    const r = netCapitalGain(
      {
        gains: [{ amount: $(1_000), discountEligible: true }],
        currentYearLosses: $(5_000),
        priorYearNetLosses: $(2_000),
      },
      half,
      true,
    );
    expect(r.netCapitalGain).toBe(0);
    expect(r.lossesCarriedForward).toBe($(6_000)); // 4,000 current + 2,000 prior
  });
  it('gives no discount when it is not available (foreign residents)', () => {
    expect(
      netCapitalGain({ gains: [{ amount: $(10_000), discountEligible: true }] }, half, false).netCapitalGain,
    ).toBe($(10_000));
  });
  it('truncates the net capital gain to whole dollars', () => {
    // 1,001.01 × 50% = 500.505 → $500
    expect(
      netCapitalGain({ gains: [{ amount: $(1_001.01), discountEligible: true }] }, half, true).netCapitalGain,
    ).toBe($(500));
  });
});
