import { describe, expect, it } from 'vitest';
import { rulesFor } from '../rules/rules';
import { litoEntitlement } from './lito';
import { lmitoEntitlement } from './lmito';
import { foreignIncomeTaxOffset, lumpSumAOffset, smallBusinessOffset } from './offsets-other';
import { saptoEntitlement } from './sapto';
import { percent } from '../money';

const $ = (dollars: number) => Math.round(dollars * 100);

describe('LITO (s61-115), same every year from 2020-21', () => {
  it.each([
    [30_000, 700],
    [37_500, 700],
    [37_501, 699.95], // 700 − 5% × 1
    [40_000, 575], // 700 − 5% × 2,500
    [45_000, 325], // 700 − 5% × 7,500
    [50_000, 250], // 325 − 1.5% × 5,000
    [66_666, 0.01], // 325 − 1.5% × 21,666 = 325 − 324.99
    [66_667, 0], // 325 − 325.005 < 0 → nil
    [100_000, 0],
  ])('$%i → $%d', (ti, offset) => {
    for (const y of ['2020-21', '2024-25', '2026-27'] as const)
      expect(litoEntitlement($(ti), rulesFor(y).lito.value)).toBe($(offset));
  });
});

describe('LMITO (s61-107)', () => {
  const p2021 = rulesFor('2020-21').lmito.value;
  const p2022 = rulesFor('2021-22').lmito.value;
  it('applies only in 2020-21 and 2021-22', () => {
    expect(p2021).not.toBeNull();
    expect(p2022).not.toBeNull();
    expect(rulesFor('2022-23').lmito.value).toBeNull();
  });
  it.each([
    [30_000, 255],
    [37_000, 255],
    [37_001, 255.08], // 255 + 7.5% × 1 = 255.075 → half-up 255.08
    [40_000, 480], // 255 + 7.5% × 3,000
    [48_000, 1_080], // 255 + 7.5% × 11,000 = 1,080
    [90_000, 1_080],
    [100_000, 780], // 1,080 − 3% × 10,000
    [126_000, 0], // 1,080 − 3% × 36,000
    [130_000, 0],
  ])('2020-21: $%i → $%d', (ti, offset) => {
    if (!p2021) throw new Error('missing');
    expect(lmitoEntitlement($(ti), p2021)).toBe($(offset));
  });
  it.each([
    [30_000, 675], // 255 + 420
    [40_000, 900], // 480 + 420
    [60_000, 1_500], // 1,080 + 420
    [110_000, 900], // 1,080 − 600 + 420
    [125_999, 420.03], // 1,080 − 3% × 35,999 = 0.03; + 420 (below $126,000)
    [126_000, 0], // the $420 stops at $126,000
  ])('2021-22 (with the $420): $%i → $%d', (ti, offset) => {
    if (!p2022) throw new Error('missing');
    expect(lmitoEntitlement($(ti), p2022)).toBe($(offset));
  });
});

describe('SAPTO (Regulation 2015 s11)', () => {
  it.each([
    ['2024-25', 'single', 30_000, 2_230],
    ['2024-25', 'single', 34_919, 2_230],
    ['2024-25', 'single', 40_000, 1_594.88], // 2,230 − 12.5% × 5,081 = 1,594.875 → 1,594.88
    ['2024-25', 'single', 52_759, 0], // 2,230 − 12.5% × 17,840 = 0
    ['2020-21', 'couple', 35_000, 848.75], // 1,602 − 12.5% × (35,000 − 28,974) = 1,602 − 753.25
    ['2023-24', 'illness-separated-couple', 40_000, 949.88], // 2,040 − 12.5% × 8,721 = 949.875
    ['2025-26', 'couple', 30_994, 1_602],
  ] as const)('%s %s: rebate income $%i → $%d', (year, category, ri, offset) => {
    expect(saptoEntitlement($(ri), rulesFor(year).sapto.value, category)).toBe($(offset));
  });
  it('the cut-out equals shade-out + maximum / 12.5%', () => {
    for (const y of ['2020-21', '2024-25'] as const) {
      const p = rulesFor(y).sapto.value;
      for (const c of [p.single, p.couple, p.illnessSeparatedCouple])
        expect(c.shadeOutFrom + c.maximum * 8).toBe(c.cutOut);
    }
  });
});

describe('small business income tax offset (s328-360)', () => {
  it('2024-25: 16% of the tax on business income, capped at $1,000', () => {
    // TI 60,000 all business: tax 4,288 + 30% × 15,000 = 8,788; 16% = 1,406.08 → cap 1,000
    expect(smallBusinessOffset($(8_788), $(60_000), $(60_000), percent('16'), 1_000)).toBe($(1_000));
    // TI 40,000, half business: tax 16% × 21,800 = 3,488; 16% × 3,488 × 20,000/40,000 = 279.04
    expect(smallBusinessOffset($(3_488), $(20_000), $(40_000), percent('16'), 1_000)).toBe($(279.04));
  });
  it('2020-21 uses 13%', () => {
    expect(rulesFor('2020-21').smallBusinessOffset.value.rate).toEqual(percent('13'));
    // TI 30,000 all business: tax 19% × 11,800 = 2,242; 13% = 291.46
    expect(smallBusinessOffset($(2_242), $(30_000), $(30_000), percent('13'), 1_000)).toBe($(291.46));
  });
  it('is nil for a loss', () => {
    expect(smallBusinessOffset($(2_242), $(-5_000), $(30_000), percent('16'), 1_000)).toBe(0);
  });
});

describe('lump sum A type R offset (no more than 30%)', () => {
  it('2024-25: offsets tax above 30% on the lump sum', () => {
    const scale = rulesFor('2024-25').residentScale.value;
    // tax(150,000) = 36,838; tax(130,000) = 4,288 + 30% × 85,000 = 29,788; difference 7,050; 30% × 20,000 = 6,000 → 1,050
    expect(lumpSumAOffset($(150_000), $(20_000), scale, percent('30'))).toBe($(1_050));
    // At $60,000 the lump sum is taxed at 30% or less: no offset
    expect(lumpSumAOffset($(60_000), $(10_000), scale, percent('30'))).toBe(0);
  });
});

describe('foreign income tax offset limit (s770-75)', () => {
  it('allows up to $1,000 without a limit calculation', () => {
    expect(foreignIncomeTaxOffset($(800), 1_000, 0, 0)).toEqual({ entitlement: $(800), limit: null });
  });
  it('limits larger claims to the greater of $1,000 and the extra Australian tax', () => {
    // Paid 3,000; Australian tax with the foreign income 20,000, without 18,500 → limit max(1,000, 1,500) = 1,500
    expect(foreignIncomeTaxOffset($(3_000), 1_000, $(20_000), $(18_500))).toEqual({
      entitlement: $(1_500),
      limit: $(1_500),
    });
    // Extra tax only 400 → limit is the $1,000 floor
    expect(foreignIncomeTaxOffset($(3_000), 1_000, $(20_000), $(19_600))).toEqual({
      entitlement: $(1_000),
      limit: $(1_000),
    });
  });
});
