import { describe, expect, it } from 'vitest';
import type { IncomeYear } from '../income-year';
import { daysInIncomeYear } from '../income-year';
import { rulesFor } from '../rules/rules';
import { medicareLevy, type MedicareLevyFacts } from './medicare-levy';
import { incomeTier, medicareLevySurcharge, tierThresholds, type MlsFacts } from './medicare-levy-surcharge';

const $ = (dollars: number) => Math.round(dollars * 100);

function levy(year: IncomeYear, ti: number, extra: Partial<MedicareLevyFacts> = {}) {
  const r = rulesFor(year);
  return medicareLevy(
    {
      taxableIncome: $(ti),
      saptoThresholds: false,
      family: false,
      spouseTaxableIncome: 0,
      dependentChildren: 0,
      daysInYear: daysInIncomeYear(year),
      fullExemptionDays: 0,
      halfExemptionDays: 0,
      ...extra,
    },
    r.medicareLevy.value,
    r.medicareLowIncome.value,
  );
}

describe('Medicare levy, individuals (s7)', () => {
  it.each([
    ['2023-24', 27_000, 100], // ATO example: 10% × (27,000 − 26,000) = 100 (< 2% × 27,000 = 540)
    ['2024-25', 29_000, 177.8], // ATO example: 10% × (29,000 − 27,222)
    ['2024-25', 27_222, 0], // at the threshold: nil
    ['2024-25', 34_027, 680.5], // 10% × 6,805 = 680.50 < 2% × 34,027 = 680.54
    ['2024-25', 34_028, 680.56], // 2% × 34,028 = 680.56 < 10% × 6,806 = 680.60
    ['2020-21', 23_226, 0],
    ['2020-21', 25_000, 177.4], // 10% × (25,000 − 23,226)
    ['2021-22', 100_000, 2_000],
    ['2022-23', 24_277, 0.1], // 10% × 1
    ['2025-26', 30_000, 198.9], // 10% × (30,000 − 28,011)
  ] as const)('%s: TI $%i → $%d', (year, ti, expected) => {
    expect(levy(year, ti).amount).toBe($(expected));
  });

  it('uses the SAPTO thresholds when entitled to SAPTO', () => {
    // 2024-25: 10% × (45,000 − 43,020) = 198 (< 2% × 45,000 = 900)
    expect(levy('2024-25', 45_000, { saptoThresholds: true }).amount).toBe($(198));
  });

  it('pro-rates for exemption days', () => {
    // 2% × 100,000 = 2,000 × (365 − 73) / 365 = 1,600
    expect(levy('2024-25', 100_000, { fullExemptionDays: 73 }).amount).toBe($(1_600));
    // half exemption all year: 1,000
    expect(levy('2024-25', 100_000, { halfExemptionDays: 365 }).amount).toBe($(1_000));
    // 2023-24 has 366 days: 2,000 × 200 / 366 = 1,092.896… → 1,092.90
    expect(levy('2023-24', 100_000, { fullExemptionDays: 166 }).amount).toBe($(1_092.9));
  });
});

describe('Medicare levy, family reduction (s8)', () => {
  it('nil when family income is at or below the family threshold', () => {
    // 2024-25: 45,907 + 4,216 × 1 = 50,123 ≥ 30,000 + 10,000
    const r = levy('2024-25', 30_000, { family: true, spouseTaxableIncome: $(10_000), dependentChildren: 1 });
    expect(r.amount).toBe(0);
    expect(r.basis).toBe('family-nil');
    expect(r.reducedUnderSection8).toBe(true);
  });
  it('reduces by the share of family income in the phase-in range', () => {
    // F = 50,000, FT = 45,907: (40,000 / 50,000) × 10% × 4,093 = 327.44 (individual would be 2% × 40,000 = 800)
    const r = levy('2024-25', 40_000, { family: true, spouseTaxableIncome: $(10_000) });
    expect(r.amount).toBe($(327.44));
    expect(r.basis).toBe('family-reduced');
  });
  it('gives the full levy above the family phase-in range and keeps s8 out of it', () => {
    // F = 100,000 > 1.25 × 45,907: family figure (60/100 × 10% × 54,093 = 3,245.58) exceeds 2% × 60,000 = 1,200
    const r = levy('2024-25', 60_000, { family: true, spouseTaxableIncome: $(40_000) });
    expect(r.amount).toBe($(1_200));
    expect(r.reducedUnderSection8).toBe(false);
  });
  it('uses the family SAPTO threshold', () => {
    // 2023-24 family SAPTO 57,198: F = 55,000 → nil
    expect(
      levy('2023-24', 45_000, { family: true, saptoThresholds: true, spouseTaxableIncome: $(10_000) }).amount,
    ).toBe(0);
  });
});

function mls(year: IncomeYear, own: number, extra: Partial<MlsFacts> = {}) {
  const r = rulesFor(year);
  return medicareLevySurcharge(
    {
      taxableIncome: $(own),
      reportableFringeBenefits: 0,
      ownIncomeForSurcharge: $(own),
      hasSpouse: false,
      spouseIncomeForSurcharge: 0,
      dependentChildren: 0,
      daysWithoutCover: daysInIncomeYear(year),
      daysInYear: daysInIncomeYear(year),
      spouseLowIncomeAmount: r.medicareLowIncome.value.single,
      ...extra,
    },
    r.mlsThresholds.value,
    r.mlsRates.value,
  );
}

describe('Medicare levy surcharge', () => {
  it.each([
    ['2024-25', 97_000, 0], // base tier
    ['2024-25', 97_001, 970.01], // tier 1: 1% × 97,001
    ['2024-25', 120_000, 1_500], // tier 2: 1.25% × 120,000
    ['2024-25', 160_000, 2_400], // tier 3: 1.5% × 160,000
    ['2020-21', 150_000, 2_250], // tier 3 (> 140,000): 1.5% × 150,000
    ['2023-24', 100_000, 1_000], // tier 1 (93,001–108,000)
    ['2025-26', 101_000, 0],
    ['2025-26', 118_001, 1_475.01], // tier 2: 1.25% × 118,001 = 1,475.0125 → 1,475.01
  ] as const)('%s single: $%i → $%d', (year, income, expected) => {
    expect(mls(year, income).amount).toBe($(expected));
  });

  it('is charged on taxable income plus reportable fringe benefits, tiered on income for MLS purposes', () => {
    // TI 100,000 + RFB 10,000 = 110,000 → tier 1 in 2024-25: 1% × 110,000
    const r = mls('2024-25', 100_000, {
      reportableFringeBenefits: $(10_000),
      ownIncomeForSurcharge: $(110_000),
    });
    expect(r.amount).toBe($(1_100));
  });

  it('pro-rates for days without cover', () => {
    // 1.5% × 160,000 × 146 / 365 = 2,400 × 0.4 = 960
    expect(mls('2024-25', 160_000, { daysWithoutCover: 146 }).amount).toBe($(960));
  });

  it('uses family thresholds (double, + $1,500 per child after the first)', () => {
    const th = tierThresholds(rulesFor('2024-25').mlsThresholds.value, true, 2);
    expect([th.tier1, th.tier2, th.tier3]).toEqual([195_500, 227_500, 303_500]);
    // own 120,000 + spouse 80,000 = 200,000 > 195,500 → tier 1: 1% × 120,000
    const r = mls('2024-25', 120_000, {
      hasSpouse: true,
      spouseIncomeForSurcharge: $(80_000),
      dependentChildren: 2,
    });
    expect(r.tier).toBe(1);
    expect(r.amount).toBe($(1_200));
    // family 190,000 is under 194,000 → nil
    expect(mls('2024-25', 110_000, { hasSpouse: true, spouseIncomeForSurcharge: $(80_000) }).amount).toBe(0);
  });

  it('a person with a spouse is not liable when their own income is at or below the low-income threshold (s8D(3)(c))', () => {
    const r = mls('2024-25', 20_000, { hasSpouse: true, spouseIncomeForSurcharge: $(300_000) });
    expect(r.exemptAsLowIncomeSpouse).toBe(true);
    expect(r.amount).toBe(0);
  });

  it('tiers are "exceeds" thresholds', () => {
    const th = tierThresholds(rulesFor('2023-24').mlsThresholds.value, false, 0);
    expect(incomeTier($(93_000), th)).toBe(0);
    expect(incomeTier($(93_000.01), th)).toBe(1);
    expect(incomeTier($(144_000), th)).toBe(2);
    expect(incomeTier($(144_001), th)).toBe(3);
  });
});
