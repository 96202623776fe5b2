import { describe, expect, it } from 'vitest';
import { SUPPORTED_INCOME_YEARS } from './income-year';
import { marginalRate, rulesSummary } from './summary';

const $ = (dollars: number) => Math.round(dollars * 100);

describe('marginalRate', () => {
  it.each([
    ['2024-25', 18_000, 'resident', 0, 0], // below the threshold; below the Medicare threshold
    ['2024-25', 30_000, 'resident', 16, 26], // 16% + 10% Medicare phase-in (27,222 – 34,027)
    ['2024-25', 85_000, 'resident', 30, 32], // 30% + 2%
    ['2020-21', 150_000, 'resident', 37, 39],
    ['2026-27', 40_000, 'resident', 15, 17],
    ['2024-25', 50_000, 'foreign-resident', 30, 30], // no Medicare for foreign residents
    ['2024-25', 30_000, 'working-holiday-maker', 15, 15],
  ] as const)('%s $%i %s → %d%% (%d%% with Medicare)', (year, ti, residency, pct, withMedicare) => {
    const r = marginalRate(year, $(ti), residency);
    expect(r.percent).toBeCloseTo(pct, 10);
    expect(r.percentWithMedicare).toBeCloseTo(withMedicare, 10);
  });
});

describe('rulesSummary', () => {
  it('gives headline figures for each year', () => {
    for (const y of SUPPORTED_INCOME_YEARS) {
      const s = rulesSummary(y);
      expect(s.incomeYear).toBe(y);
      expect(s.taxFreeThresholdDollars).toBe(18_200);
      expect(s.litoMaximumDollars).toBe(700);
      expect(s.partYearThresholdCents).toHaveLength(11);
      expect(s.medicareLevyPercent).toBe(2);
    }
    const s = rulesSummary('2024-25');
    expect(s.residentRates.map((r) => [r.fromDollars, r.percent])).toEqual([
      [0, 0],
      [18_200, 16],
      [45_000, 30],
      [135_000, 37],
      [190_000, 45],
    ]);
    // 1 month: 13,464 + 394.666… = 13,858.67; 9 months: 17,016
    expect(s.partYearThresholdCents[0]).toBe($(13_858.67));
    expect(s.partYearThresholdCents[8]).toBe($(17_016));
    expect(s.carCentsPerKm).toBe(88);
    expect(s.workFromHomeCentsPerHour).toBe(70);
    expect(s.mlsSingleThresholdsDollars).toEqual([97_000, 113_000, 151_000]);
    expect(rulesSummary('2021-22').lmitoMaximumDollars).toBe(1_500);
    expect(rulesSummary('2022-23').lmitoMaximumDollars).toBeNull();
    expect(rulesSummary('2021-22').workFromHomeShortcutCentsPerHour).toBe(80);
    expect(rulesSummary('2026-27').provisional.length).toBeGreaterThan(0);
  });
});
