import { describe, expect, it } from 'vitest';
import { SUPPORTED_INCOME_YEARS } from '../income-year';
import { BASE_2020_21 } from './base-2020-21';
import { provisionalFigures, RULE_KEYS, rulesFor } from './rules';
import type { RuleValues, Sourced } from './rule.types';
import { YEAR_OVERRIDES } from './year-overrides';

describe('rules as data', () => {
  it('every income year resolves to a complete rule set', () => {
    for (const y of SUPPORTED_INCOME_YEARS) {
      const r = rulesFor(y);
      expect(r.year).toBe(y);
      for (const key of RULE_KEYS) expect(r[key]).toBeDefined();
    }
  });

  it('every value cites a source with a title and an https URL', () => {
    for (const y of SUPPORTED_INCOME_YEARS) {
      const r = rulesFor(y);
      for (const key of RULE_KEYS) {
        const entry = r[key] as Sourced<unknown>;
        expect(entry.source.title.length, `${y} ${key}`).toBeGreaterThan(5);
        expect(entry.source.url, `${y} ${key}`).toMatch(/^https:\/\//);
      }
    }
  });

  it('a year overrides only what changed (value, source, confidence or provisional status)', () => {
    let previous: RuleValues = BASE_2020_21;
    for (const y of SUPPORTED_INCOME_YEARS.slice(1)) {
      const overrides = YEAR_OVERRIDES[y as Exclude<typeof y, '2020-21'>];
      for (const key of Object.keys(overrides) as (keyof RuleValues)[]) {
        const next = overrides[key] as Sourced<unknown>;
        const prev = previous[key] as Sourced<unknown>;
        const same =
          JSON.stringify(next.value) === JSON.stringify(prev.value) &&
          next.provisional === prev.provisional &&
          next.confidence === prev.confidence;
        expect(same, `${y} overrides ${key} without changing it`).toBe(false);
      }
      previous = rulesFor(y);
    }
  });

  it('a year that changes nothing for a rule inherits it unchanged', () => {
    expect(rulesFor('2022-23').mlsThresholds).toBe(rulesFor('2020-21').mlsThresholds);
    expect(rulesFor('2025-26').residentScale).toBe(rulesFor('2024-25').residentScale);
  });

  it('marks figures not yet published as provisional, and only those', () => {
    for (const y of ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'] as const)
      expect(provisionalFigures(rulesFor(y))).toEqual([]);
    expect(provisionalFigures(rulesFor('2025-26')).map((p) => p.id)).toEqual(['medicareLowIncome']);
    expect(
      provisionalFigures(rulesFor('2026-27'))
        .map((p) => p.id)
        .sort(),
    ).toEqual(
      [
        'carCentsPerKm',
        'medicareLowIncome',
        'mlsThresholds',
        'phiRebate',
        'sapto',
        'studyLoan',
        'workFromHome',
      ].sort(),
    );
  });

  it('study-loan whole-income bands rise in 18 steps from 1% to 10% and start at the minimum', () => {
    for (const y of ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25'] as const) {
      const s = rulesFor(y).studyLoan.value;
      if (s.kind !== 'whole-income') throw new Error('expected whole-income');
      expect(s.bands).toHaveLength(18);
      expect(s.bands[0]?.from).toBe(s.minimumRepaymentIncome);
      for (let i = 1; i < s.bands.length; i++)
        expect((s.bands[i]?.from ?? 0) > (s.bands[i - 1]?.from ?? 0)).toBe(true);
    }
    expect(rulesFor('2025-26').studyLoan.value.kind).toBe('marginal');
  });

  it('Medicare levy thresholds rise each year to 2025-26', () => {
    const keys = ['single', 'singleSapto', 'family', 'familySapto', 'perDependentChild'] as const;
    for (let i = 1; i < 6; i++) {
      const a = rulesFor(SUPPORTED_INCOME_YEARS[i - 1] ?? '2020-21').medicareLowIncome.value;
      const b = rulesFor(SUPPORTED_INCOME_YEARS[i] ?? '2020-21').medicareLowIncome.value;
      for (const k of keys) expect(b[k]).toBeGreaterThan(a[k]);
    }
  });
});
