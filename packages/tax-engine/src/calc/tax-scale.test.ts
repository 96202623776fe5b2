import { describe, expect, it } from 'vitest';
import { SUPPORTED_INCOME_YEARS } from '../income-year';
import { rulesFor } from '../rules/rules';
import { marginalRateOnScale, partYearThresholdTwelfths, taxOnScale } from './tax-scale';

const $ = (dollars: number) => Math.round(dollars * 100);

describe('resident tax scale', () => {
  const r2021 = rulesFor('2020-21').residentScale.value;
  it.each([
    [18_200, 0],
    [18_201, 0.19], // 19% × $1
    [45_000, 5_092], // 19% × 26,800
    [45_001, 5_092.33], // 5,092 + 32.5% × 1 = 5,092.325 → half-up 5,092.33
    [75_000, 14_842], // 5,092 + 32.5% × 30,000 = 5,092 + 9,750
    [120_000, 29_467], // 5,092 + 32.5% × 75,000 = 5,092 + 24,375
    [180_000, 51_667], // 29,467 + 37% × 60,000 = 29,467 + 22,200
    [200_000, 60_667], // 51,667 + 45% × 20,000
  ])('2020-21: $%i → $%d', (income, tax) => {
    expect(taxOnScale($(income), r2021)).toBe($(tax));
  });

  it('2021-22 to 2023-24 use the same scale as 2020-21', () => {
    for (const y of ['2021-22', '2022-23', '2023-24'] as const)
      expect(rulesFor(y).residentScale.value).toEqual(r2021);
  });

  const stage3 = rulesFor('2024-25').residentScale.value;
  it.each([
    [45_000, 4_288], // 16% × 26,800
    [135_000, 31_288], // 4,288 + 30% × 90,000
    [150_000, 36_838], // 31,288 + 37% × 15,000 (PolicyEngine's 39,567 is wrong)
    [190_000, 51_638], // 31,288 + 37% × 55,000 = 31,288 + 20,350
    [250_000, 78_638], // 51,638 + 45% × 60,000
  ])('2024-25 (Stage 3): $%i → $%d', (income, tax) => {
    expect(taxOnScale($(income), stage3)).toBe($(tax));
  });

  it('2025-26 keeps the Stage 3 scale; 2026-27 has 15% on $18,201–$45,000', () => {
    expect(rulesFor('2025-26').residentScale.value).toEqual(stage3);
    const s = rulesFor('2026-27').residentScale.value;
    expect(taxOnScale($(45_000), s)).toBe($(4_020)); // 15% × 26,800
    expect(taxOnScale($(100_000), s)).toBe($(20_520)); // 4,020 + 30% × 55,000
  });
});

describe('foreign resident and working holiday maker scales', () => {
  it.each([
    ['2023-24', 120_000, 39_000], // 32.5% × 120,000
    ['2023-24', 180_000, 61_200], // 39,000 + 37% × 60,000
    ['2024-25', 135_000, 40_500], // 30% × 135,000
    ['2024-25', 190_000, 60_850], // 40,500 + 37% × 55,000
    ['2026-27', 10_000, 3_000], // no tax-free threshold: 30% from the first dollar
  ] as const)('foreign %s: $%i → $%d', (year, income, tax) => {
    expect(taxOnScale($(income), rulesFor(year).foreignScale.value)).toBe($(tax));
  });
  it.each([
    ['2022-23', 45_000, 6_750], // 15% × 45,000
    ['2022-23', 120_000, 31_125], // 6,750 + 32.5% × 75,000
    ['2024-25', 135_000, 33_750], // 6,750 + 30% × 90,000
    ['2024-25', 190_000, 54_100], // 33,750 + 37% × 55,000
  ] as const)('WHM %s: $%i → $%d', (year, income, tax) => {
    expect(taxOnScale($(income), rulesFor(year).workingHolidayScale.value)).toBe($(tax));
  });
});

describe('part-year tax-free threshold (ITRA s20)', () => {
  it('is $13,464 + $4,736 × months / 12', () => {
    // 9 months: 13,464 + 3,552 = 17,016; 3 months: 13,464 + 1,184 = 14,648
    expect(partYearThresholdTwelfths(18_200, 4_736, 9) / 12).toBe(1_701_600);
    expect(partYearThresholdTwelfths(18_200, 4_736, 3) / 12).toBe(1_464_800);
    expect(partYearThresholdTwelfths(18_200, 4_736, 12) / 12).toBe(1_820_000);
  });
  it('taxes income above the reduced threshold at the first rate', () => {
    const s = rulesFor('2024-25').residentScale.value;
    // 16% × (30,000 − 17,016) = 16% × 12,984 = 2,077.44
    expect(taxOnScale($(30_000), s, partYearThresholdTwelfths(18_200, 4_736, 9))).toBe($(2_077.44));
    // The 30% bracket still starts at $45,000: 16% × (45,000 − 17,016) = 16% × 27,984 = 4,477.44; + 30% × 5,000 = 1,500 → 5,977.44
    expect(taxOnScale($(50_000), s, partYearThresholdTwelfths(18_200, 4_736, 9))).toBe($(5_977.44));
  });
  it('is exact for thresholds that are not whole dollars', () => {
    // 1 month: 13,464 + 394.666… = 13,858.666…; 19% × (20,000 − 13,858.666…) = 1,166.8533… → 1,166.85
    const s = rulesFor('2023-24').residentScale.value;
    expect(taxOnScale($(20_000), s, partYearThresholdTwelfths(18_200, 4_736, 1))).toBe($(1_166.85));
  });
});

describe('marginal rate', () => {
  const s = rulesFor('2024-25').residentScale.value;
  it.each([
    [0, 0],
    [18_200, 0],
    [18_201, 16],
    [45_000, 16],
    [45_001, 30],
    [200_000, 45],
  ])('$%i → %i%%', (income, pct) => {
    const r = marginalRateOnScale($(income), s);
    expect((r.num / r.den) * 100).toBeCloseTo(pct, 10);
  });
});

describe('rule data sanity', () => {
  it('every scale rate has a denominator dividing 1000 (exact twelfths-of-a-cent arithmetic)', () => {
    for (const y of SUPPORTED_INCOME_YEARS) {
      const r = rulesFor(y);
      for (const scale of [r.residentScale.value, r.foreignScale.value, r.workingHolidayScale.value]) {
        for (const b of scale) expect(1000 % b.rate.den).toBe(0);
        expect(scale[0]?.from).toBe(0);
      }
    }
  });
});
