/**
 * Golden scenarios: figures the ATO (or the law it administers) publishes, reproduced by the engine.
 * Each test cites where the expected figure is published.
 */
import { describe, expect, it } from 'vitest';
import { $, assessOk, SINGLE_NO_COVER } from './helpers';
import { rulesFor } from '../src/rules/rules';
import { compareCar, compareWorkFromHome } from '../src/summary';

describe('ATO: Medicare levy reduction for low-income earners (worked examples)', () => {
  // https://ato.gov.au/individuals-and-families/medicare-and-private-health-insurance/medicare-levy/medicare-levy-reduction/medicare-levy-reduction-for-low-income-earners
  it('2023-24: taxable income $27,000 → Medicare levy $100', () => {
    const a = assessOk({
      incomeYear: '2023-24',
      residency: { kind: 'resident' },
      income: { salaryWages: $(27_000) },
      ...SINGLE_NO_COVER,
    });
    expect(a.medicareLevy).toBe($(100));
  });
  it('2024-25: taxable income $29,000 → Medicare levy $177.80', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(29_000) },
      ...SINGLE_NO_COVER,
    });
    expect(a.medicareLevy).toBe($(177.8));
  });
});

describe('ATO: Medicare levy reduction – family income (2021-22 page)', () => {
  // https://www.ato.gov.au/Individuals/Medicare-and-private-health-insurance/Medicare-levy/Medicare-levy-reduction---family-income/
  // "your Medicare levy is reduced if your family taxable income is … equal to or less than $49,252 … plus $4,523 for each
  //  dependent child" and the reduction applies if "your taxable income was more than $29,206".
  const family = (ti: number, spouse: number, children = 0) =>
    assessOk({
      incomeYear: '2021-22',
      residency: { kind: 'resident' },
      income: { salaryWages: $(ti) },
      spouse: { taxableIncome: $(spouse) },
      dependants: { dependentChildren: children },
      privateHealth: { hospitalCover: 'full-year', statements: [] },
      studyLoan: { hasDebt: false },
    });
  it('family income $49,252 is reduced; $49,253 is not', () => {
    // (40,000 / 49,252) × 10% × (49,252 − 39,402) = 799.967… → 799.97 (< 2% × 40,000 = 800)
    expect(family(40_000, 9_252).medicareLevy).toBe($(799.97));
    // (40,000 / 49,253) × 10% × 9,851 = 800.03 > 800 → full levy
    expect(family(40_000, 9_253).medicareLevy).toBe($(800));
  });
  it('each child adds $4,523 to the upper limit: $53,775 with one child is reduced', () => {
    // FT = 39,402 + 3,619 = 43,021; 44,000 × 10% × 10,754 / 53,775 = 47,317,600 / 53,775 = 879.918… → 879.92 (< 880)
    expect(family(44_000, 9_775, 1).medicareLevy).toBe($(879.92));
  });
  it('the individual reduction stops above $29,206', () => {
    // 10% × (29,206 − 23,365) = 584.10 < 2% = 584.12; at 29,207: 2% = 584.14 < 584.20
    const single = (ti: number) =>
      assessOk({
        incomeYear: '2021-22',
        residency: { kind: 'resident' },
        income: { salaryWages: $(ti) },
        ...SINGLE_NO_COVER,
      }).medicareLevy;
    expect(single(29_206)).toBe($(584.1));
    expect(single(29_207)).toBe($(584.14));
  });
});

describe('ATO: Low income tax offset page', () => {
  // https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/tax-offsets/low-income-tax-offset
  // "$37,500 or less … $700; between $37,501 and $45,000 … $700 minus 5 cents for every $1 above $37,500;
  //  between $45,001 and $66,667 … $325 minus 1.5 cents for every $1 above $45,000"
  it.each([
    [37_500, 700],
    [41_000, 525], // 700 − 5c × 3,500
    [52_000, 220], // 325 − 1.5c × 7,000
  ])('taxable income $%i → LITO $%d', (ti, lito) => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(ti) },
      ...SINGLE_NO_COVER,
    });
    expect(a.offsets.find((o) => o.id === 'lito')?.entitlement).toBe($(lito));
  });
});

describe('ATO: study and training loan repayment thresholds and rates', () => {
  // https://www.ato.gov.au/Rates/HELP%2c-TSL-and-SFSS-repayment-thresholds-and-rates
  // 2025-26: "$67,001 – $125,000: 15c for each $1 over $67,000; $125,001 – $179,285: $8,700 plus 17c for each $1 over
  //  $125,000; $179,286 and over: 10% of your total repayment income"
  const repay = (ri: number) =>
    assessOk({
      incomeYear: '2025-26',
      residency: { kind: 'resident' },
      income: { salaryWages: $(ri) },
      ...SINGLE_NO_COVER,
      studyLoan: { hasDebt: true, balance: $(100_000) },
    }).studyLoanRepayment;
  it('the published boundaries hold', () => {
    expect(repay(67_000)).toBe(0);
    expect(repay(125_000)).toBe($(8_700)); // the "$8,700" in the table
    expect(repay(179_286)).toBe($(17_928.6)); // 10% of 179,286
  });
  // Repayment income example (Christina): taxable income $50,420 + net investment loss $1,250 + reportable fringe
  // benefits $4,560 + exempt foreign employment income $2,580 + reportable super contributions $15,000 = $73,810.
  // https://www.ato.gov.au/individuals/study-and-training-support-loans/when-must-you-repay-your-loan/
  it('repayment income adds the same amounts as the ATO example', () => {
    const a = assessOk({
      incomeYear: '2020-21',
      residency: { kind: 'resident' },
      income: { salaryWages: $(50_420) },
      incomeTests: {
        netFinancialInvestmentLoss: $(1_250),
        reportableFringeBenefitsOther: $(4_560),
        exemptForeignEmploymentIncome: $(2_580),
        reportableEmployerSuper: $(15_000),
      },
      ...SINGLE_NO_COVER,
      studyLoan: { hasDebt: true, balance: $(50_000) },
    });
    expect(a.incomeTests.repaymentIncome).toBe($(73_810));
    // 2020-21: 73,810 is in the 4.5% band (72,032–76,354): 4.5% × 73,810 = 3,321.45
    expect(a.studyLoanRepayment).toBe($(3_321.45));
  });
});

describe('ATO: employee share schemes – $1,000 reduction (Lester)', () => {
  // https://www.ato.gov.au/General/Employee-share-schemes/Employees/ESS-and-your-tax/Income-test-for-the-upfront-concession---$1,000-reduction/
  // Discount $1,500 at label D; taxable income after adjustments $91,000 → the discount is reduced by $1,000 → $500.
  it('includes $500 of the $1,500 discount', () => {
    const a = assessOk({
      incomeYear: '2020-21',
      residency: { kind: 'resident' },
      income: { salaryWages: $(89_500), employeeShareSchemes: { upfrontEligibleForReduction: $(1_500) } },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe($(89_500 + 500));
  });
});

describe('ATO: part-year tax-free threshold', () => {
  // https://www.ato.gov.au/Individuals/International-tax-for-individuals/Coming-to-Australia/Paying-tax-and-lodging-a-tax-return/Part-year-tax-free-threshold/
  // "Part-year residents have a tax-free threshold of at least $13,464. The remaining $4,736 … is pro-rated according to
  //  the number of months … you were a resident."
  it.each([
    [1, 13_858.67], // 13,464 + 394.666…
    [3, 14_648], // 13,464 + 1,184
    [9, 17_016], // 13,464 + 3,552
    [11, 17_805.33], // 13,464 + 4,341.333…
  ])('%i months → $%d', (months, threshold) => {
    const idx = months - 1;
    for (const y of ['2020-21', '2024-25', '2026-27'] as const) {
      expect(rulesFor(y).taxFreeThreshold.value - rulesFor(y).partYearProratedPortion.value).toBe(13_464);
    }
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'part-year-resident', monthsResident: months, daysResident: months * 30 },
      income: { salaryWages: $(10_000) },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxOnTaxableIncome).toBe(0);
    expect(a.lines.find((l) => l.id === 'tax.partYearThreshold')?.amount).toBe($(threshold));
    expect(idx).toBeGreaterThanOrEqual(0);
  });
});

describe('ATO / Act: published tax tables', () => {
  // Cumulative tax at the bracket tops published with each scale (ATO "Tax rates – Australian residents").
  it.each([
    ['2023-24', 45_000, 5_092],
    ['2023-24', 120_000, 29_467],
    ['2023-24', 180_000, 51_667],
    ['2024-25', 45_000, 4_288],
    ['2024-25', 135_000, 31_288],
    ['2024-25', 190_000, 51_638],
  ] as const)('%s resident: $%i → $%d', (year, ti, tax) => {
    expect(
      assessOk({
        incomeYear: year,
        residency: { kind: 'resident' },
        income: { salaryWages: $(ti) },
        ...SINGLE_NO_COVER,
      }).taxOnTaxableIncome,
    ).toBe($(tax));
  });
  it.each([
    ['2022-23', 120_000, 39_000],
    ['2022-23', 180_000, 61_200],
    ['2025-26', 135_000, 40_500],
    ['2025-26', 190_000, 60_850],
  ] as const)('%s foreign resident: $%i → $%d', (year, ti, tax) => {
    expect(
      assessOk({ incomeYear: year, residency: { kind: 'foreign-resident' }, income: { salaryWages: $(ti) } })
        .taxOnTaxableIncome,
    ).toBe($(tax));
  });
});

describe('ATO: working from home and car rates', () => {
  // PCG 2023/1: 67c per hour (2022-23, 2023-24), 70c from 1 July 2024; PCG 2020/3 80c shortcut to 30 June 2022.
  it('fixed rates by year', () => {
    expect(compareWorkFromHome('2021-22', { hours: 100 }).methods[0]).toMatchObject({
      method: 'shortcut',
      amount: $(80),
    });
    expect(compareWorkFromHome('2022-23', { hours: 100 }).best.amount).toBe($(67));
    expect(compareWorkFromHome('2024-25', { hours: 100 }).best.amount).toBe($(70));
  });
  // Cents per kilometre: 72c (2020-21, 2021-22), 78c (2022-23), 85c (2023-24), 88c (2024-25), capped at 5,000 km.
  it('cents per km by year', () => {
    expect(compareCar('2021-22', { businessKilometres: 5_000 }).best.amount).toBe($(3_600));
    expect(compareCar('2022-23', { businessKilometres: 5_000 }).best.amount).toBe($(3_900));
    expect(compareCar('2023-24', { businessKilometres: 5_000 }).best.amount).toBe($(4_250));
    expect(compareCar('2024-25', { businessKilometres: 9_000 }).best.amount).toBe($(4_400));
  });
});

describe('ATO: Guide to capital gains tax — net capital gain (Kathleen)', () => {
  // https://www.ato.gov.au/Forms/Guide-to-CGT-2002-03/?page=195 — "$520 − $600 = −$80; $3,000 − $80 = $2,920;
  // $2,920 − $400 = $2,520; $2,520 × 50% = $1,260. Kathleen shows $1,260 at A Net capital gain."
  it('applies current-year losses to the non-discount gain first, then prior-year losses, then the discount', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: {
        capitalGains: {
          gains: [
            { amount: $(520), discountEligible: false },
            { amount: $(3_000), discountEligible: true },
          ],
          currentYearLosses: $(600),
          priorYearNetLosses: $(400),
        },
      },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe($(1_260));
    expect(a.carryForward.netCapitalLosses).toBe(0);
  });
});

describe('ITAA 1997 s28-25: cents per kilometre is capped at 5,000 km', () => {
  // "If the car travelled 5,085 business kilometres, you could claim for 5,000, and would lose the extra 85."
  it('5,085 km is claimed as 5,000 km', () => {
    const r = compareCar('2023-24', { businessKilometres: 5_085 });
    expect(r.centsPerKm.kilometresClaimed).toBe(5_000);
    expect(r.best.amount).toBe($(4_250)); // 5,000 × 85c
  });
});
