/**
 * Every rule in every income year: one row per year, each figure worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { SUPPORTED_INCOME_YEARS, type IncomeYear } from '../src/income-year';
import { rulesFor } from '../src/rules/rules';
import { compareCar, compareWorkFromHome } from '../src/summary';
import { saptoEntitlement } from '../src/calc/sapto';
import { phiRebateAdjustment } from '../src/calc/phi-rebate';
import { studyLoanRepayment } from '../src/calc/study-loan';
import { $, assessOk, SINGLE_NO_COVER } from './helpers';

interface Row {
  year: IncomeYear;
  /** Tax on $50,000: 5,092 + 32.5% × 5,000 = 6,717 (to 2023-24); 4,288 + 30% × 5,000 = 5,788 (2024-25, 2025-26); 4,020 + 1,500 = 5,520 (2026-27) */
  tax50k: number;
  /** LMITO at $50,000: 1,080 (2020-21), 1,500 (2021-22 with the $420), none after */
  lmito50k: number;
  /** MLS at $150,000, single, no cover: tier 3 1.5% = 2,250 (threshold 140,000/144,000), tier 2 1.25% = 1,875 from 2024-25 */
  mls150k: number;
  /** Study loan at repayment income $80,000 */
  help80k: number;
  /** 5,000 km × the year's cents per km */
  car5000: number;
  /** 100 hours at the best rate method (80c shortcut to 2021-22; 67c; 70c) */
  wfh100h: number;
  /** SAPTO single at rebate income $40,000: 2,230 − 12.5% × (40,000 − shade-out) */
  sapto40k: number;
  /** Private health rebate, base tier, under 65, $1,000 of premiums: July–March (code 30), April–June (code 31) */
  phi30: number;
  phi31: number;
  /** Medicare low-income threshold (single) */
  medicareSingle: number;
  selfEducationReduction: number | null;
  sbitoPercent: number;
}

const rows: Row[] = [
  // HELP 2020-21: 80,000 is in the 5% band (76,355–80,935): 4,000. SAPTO: 2,230 − 12.5% × 7,721 = 1,264.875
  {
    year: '2020-21',
    tax50k: 6_717,
    lmito50k: 1_080,
    mls150k: 2_250,
    help80k: 4_000,
    car5000: 3_600,
    wfh100h: 80,
    sapto40k: 1_264.88,
    phi30: 250.59,
    phi31: 246.08,
    medicareSingle: 23_226,
    selfEducationReduction: 250,
    sbitoPercent: 13,
  },
  // HELP 2021-22: 5% band (77,002–81,620)
  {
    year: '2021-22',
    tax50k: 6_717,
    lmito50k: 1_500,
    mls150k: 2_250,
    help80k: 4_000,
    car5000: 3_600,
    wfh100h: 80,
    sapto40k: 1_264.88,
    phi30: 246.08,
    phi31: 246.08,
    medicareSingle: 23_365,
    selfEducationReduction: 250,
    sbitoPercent: 16,
  },
  // HELP 2022-23: 5% band (79,207–83,958)
  {
    year: '2022-23',
    tax50k: 6_717,
    lmito50k: 0,
    mls150k: 2_250,
    help80k: 4_000,
    car5000: 3_900,
    wfh100h: 67,
    sapto40k: 1_264.88,
    phi30: 246.08,
    phi31: 246.08,
    medicareSingle: 24_276,
    selfEducationReduction: null,
    sbitoPercent: 16,
  },
  // HELP 2023-24: 4.5% band (79,650–84,429): 3,600. MLS tier 3 above 144,000
  {
    year: '2023-24',
    tax50k: 6_717,
    lmito50k: 0,
    mls150k: 2_250,
    help80k: 3_600,
    car5000: 4_250,
    wfh100h: 67,
    sapto40k: 1_264.88,
    phi30: 246.08,
    phi31: 246.08,
    medicareSingle: 26_000,
    selfEducationReduction: null,
    sbitoPercent: 16,
  },
  // HELP 2024-25: 4% band (79,347–84,107): 3,200. MLS tier 2 (113,001–151,000). SAPTO: 2,230 − 12.5% × 5,081 = 1,594.875
  {
    year: '2024-25',
    tax50k: 5_788,
    lmito50k: 0,
    mls150k: 1_875,
    help80k: 3_200,
    car5000: 4_400,
    wfh100h: 70,
    sapto40k: 1_594.88,
    phi30: 246.08,
    phi31: 242.88,
    medicareSingle: 27_222,
    selfEducationReduction: null,
    sbitoPercent: 16,
  },
  // HELP 2025-26: 15% × (80,000 − 67,000) = 1,950. MLS tier 2 (118,001–158,000)
  {
    year: '2025-26',
    tax50k: 5_788,
    lmito50k: 0,
    mls150k: 1_875,
    help80k: 1_950,
    car5000: 4_400,
    wfh100h: 70,
    sapto40k: 1_594.88,
    phi30: 242.88,
    phi31: 241.18,
    medicareSingle: 28_011,
    selfEducationReduction: null,
    sbitoPercent: 16,
  },
  // HELP 2026-27: 15% × (80,000 − 69,528) = 1,570.80. MLS tier 2 (123,001–164,000, provisional)
  {
    year: '2026-27',
    tax50k: 5_520,
    lmito50k: 0,
    mls150k: 1_875,
    help80k: 1_570.8,
    car5000: 4_400,
    wfh100h: 70,
    sapto40k: 1_594.88,
    phi30: 241.18,
    phi31: 241.18,
    medicareSingle: 28_011,
    selfEducationReduction: null,
    sbitoPercent: 16,
  },
];

describe('every rule in every income year', () => {
  it('has a row for every supported year', () => {
    expect(rows.map((r) => r.year)).toEqual([...SUPPORTED_INCOME_YEARS]);
  });

  describe.each(rows)('$year', (row) => {
    const rules = rulesFor(row.year);

    it('tax, LITO, LMITO and Medicare on $50,000', () => {
      const a = assessOk({
        incomeYear: row.year,
        residency: { kind: 'resident' },
        income: { salaryWages: $(50_000) },
        ...SINGLE_NO_COVER,
      });
      expect(a.taxOnTaxableIncome).toBe($(row.tax50k));
      expect(a.offsets.find((o) => o.id === 'lito')?.entitlement).toBe($(250)); // 325 − 1.5% × 5,000
      expect(a.offsets.find((o) => o.id === 'lmito')?.entitlement ?? 0).toBe($(row.lmito50k));
      expect(a.medicareLevy).toBe($(1_000)); // 2% × 50,000
    });

    it('Medicare phases in at 10c per $1 over the single threshold', () => {
      expect(rules.medicareLowIncome.value.single).toBe(row.medicareSingle);
      const a = assessOk({
        incomeYear: row.year,
        residency: { kind: 'resident' },
        income: { salaryWages: $(row.medicareSingle + 1_000) },
        ...SINGLE_NO_COVER,
      });
      expect(a.medicareLevy).toBe($(100));
    });

    it('Medicare levy surcharge on $150,000 without cover', () => {
      const a = assessOk({
        incomeYear: row.year,
        residency: { kind: 'resident' },
        income: { salaryWages: $(150_000) },
        ...SINGLE_NO_COVER,
      });
      expect(a.medicareLevySurcharge).toBe($(row.mls150k));
    });

    it('study loan on repayment income of $80,000', () => {
      expect(
        studyLoanRepayment($(80_000), rules.studyLoan.value, { medicareReducedUnderSection8: false }).amount,
      ).toBe($(row.help80k));
    });

    it('car and working-from-home rates', () => {
      expect(compareCar(row.year, { businessKilometres: 5_000 }).best.amount).toBe($(row.car5000));
      expect(compareWorkFromHome(row.year, { hours: 100 }).best.amount).toBe($(row.wfh100h));
    });

    it('SAPTO and the private health insurance rebate', () => {
      expect(saptoEntitlement($(40_000), rules.sapto.value, 'single')).toBe($(row.sapto40k));
      expect(
        phiRebateAdjustment(
          [{ premiumsEligible: $(1_000), rebateReceived: 0, benefitCode: 30 }],
          rules.phiRebate.value,
          0,
        ).entitlement,
      ).toBe($(row.phi30));
      expect(
        phiRebateAdjustment(
          [{ premiumsEligible: $(1_000), rebateReceived: 0, benefitCode: 31 }],
          rules.phiRebate.value,
          0,
        ).entitlement,
      ).toBe($(row.phi31));
    });

    it('self-education reduction and small business offset rate', () => {
      expect(rules.selfEducationReduction.value).toBe(row.selfEducationReduction);
      const r = rules.smallBusinessOffset.value.rate;
      expect((r.num / r.den) * 100).toBeCloseTo(row.sbitoPercent, 10);
    });
  });
});
