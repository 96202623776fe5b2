import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess';
import { $, assessOk, line, SINGLE_NO_COVER } from './helpers';

describe('assess: a typical 2024-25 employee', () => {
  const input = {
    incomeYear: '2024-25' as const,
    residency: { kind: 'resident' as const },
    income: {
      salaryWages: $(85_000),
      grossInterest: $(123.45),
      dividends: { franked: $(700), frankingCredits: $(300) },
    },
    deductions: {
      workingFromHome: { hours: 1_000, energy: $(300), phoneAndInternet: $(200) },
      clothing: $(150),
      costOfManagingTaxAffairs: $(250),
    },
    credits: { paygWithholding: $(18_000) },
    ...SINGLE_NO_COVER,
    studyLoan: { hasDebt: true, balance: $(20_000) },
  };
  const a = assessOk(input);

  it('works out taxable income in whole dollars', () => {
    // income 85,000 + 123 (cents dropped) + 700 + 300 franking = 86,123; deductions 700 WFH + 150 + 250 = 1,100
    expect(a.totalIncome).toBe($(86_123));
    expect(a.totalDeductions).toBe($(1_100));
    expect(a.taxableIncome).toBe($(85_023));
  });
  it('works out tax, levy and study loan', () => {
    expect(a.taxOnTaxableIncome).toBe($(16_294.9)); // 4,288 + 30% × 40,023 = 4,288 + 12,006.90
    expect(a.offsets.find((o) => o.id === 'lito')).toBeUndefined(); // nil above $66,667
    expect(a.medicareLevy).toBe($(1_700.46)); // 2% × 85,023
    expect(a.medicareLevySurcharge).toBe(0); // 85,023 ≤ 97,000
    expect(a.studyLoanRepayment).toBe($(3_826.04)); // 4.5% × 85,023 = 3,826.035
  });
  it('credits franking and withholding', () => {
    // liability 16,294.90 + 1,700.46 + 3,826.04 = 21,821.40; refund = 18,000 + 300 − 21,821.40
    expect(a.totalLiability).toBe($(21_821.4));
    expect(a.refundableOffsets).toBe($(300));
    expect(a.refund).toBe($(-3_521.4));
  });
  it('is complete and not provisional', () => {
    expect(a.completeness).toEqual({ complete: true, missing: [], caveats: [] });
    expect(a.provisional).toEqual([]);
  });
  it('explains every line with a source', () => {
    for (const l of a.lines) {
      expect(l.explanation.length).toBeGreaterThan(10);
      expect(l.source.url).toMatch(/^https:\/\//);
    }
    expect(line(a, 'tax.onTaxableIncome').explanation).toBe(
      'Tax on $85,023 at the 2024-25 resident rates is $16,294.90: nil on the first $18,200, 16% on the next $26,800 and 30% on the remaining $40,023.',
    );
    expect(line(a, 'deduction.D5.workingFromHome').explanation).toBe(
      'The fixed-rate method gives $700.00, more than $500.00 with the actual-cost method.',
    );
  });
  it('gives identical numbers without lines', () => {
    const quiet = assessOk(input, { explain: false });
    expect(quiet.lines).toEqual([]);
    expect({ ...quiet, lines: [] }).toEqual({ ...a, lines: [] });
  });
});

describe('assess: offsets and refunds', () => {
  it('LITO reduces tax to nil at most; excess franking credits are refunded (2023-24)', () => {
    const a = assessOk({
      incomeYear: '2023-24',
      residency: { kind: 'resident' },
      income: { salaryWages: $(20_000), dividends: { franked: $(7_000), frankingCredits: $(3_000) } },
      credits: { paygWithholding: $(1_000) },
      ...SINGLE_NO_COVER,
    });
    // TI 30,000: tax 19% × 11,800 = 2,242; LITO 700 → 1,542; Medicare 10% × (30,000 − 26,000) = 400
    expect(a.taxOnTaxableIncome).toBe($(2_242));
    expect(a.netIncomeTax).toBe($(1_542));
    expect(a.medicareLevy).toBe($(400));
    // refund = 1,000 + 3,000 − 1,942 = 2,058; excess franking 3,000 − 1,942 = 1,058
    expect(a.refund).toBe($(2_058));
    expect(line(a, 'offset.frankingCredits').inputs.excessRefundedCents).toBe($(1_058));
  });

  it('SAPTO and LITO together cannot take tax below nil (2024-25)', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { governmentPensions: $(25_000), grossInterest: $(10_000) },
      sapto: { eligible: true, category: 'single' },
      ...SINGLE_NO_COVER,
    });
    // TI 35,000: tax 16% × 16,800 = 2,688; SAPTO 2,230 − 12.5% × 81 = 2,219.875 → 2,219.88; LITO 700
    expect(a.taxOnTaxableIncome).toBe($(2_688));
    expect(a.offsets.find((o) => o.id === 'sapto')).toMatchObject({
      entitlement: $(2_219.88),
      applied: $(2_219.88),
    });
    expect(a.offsets.find((o) => o.id === 'lito')).toMatchObject({ entitlement: $(700), applied: $(468.12) });
    expect(a.netIncomeTax).toBe(0);
    // SAPTO Medicare threshold 43,020 > 35,000
    expect(a.medicareLevy).toBe(0);
  });

  it('LMITO with the extra $420 in 2021-22', () => {
    const a = assessOk({
      incomeYear: '2021-22',
      residency: { kind: 'resident' },
      income: { salaryWages: $(60_000) },
      ...SINGLE_NO_COVER,
    });
    // tax 5,092 + 32.5% × 15,000 = 9,967; LITO 325 − 1.5% × 15,000 = 100; LMITO 1,500
    expect(a.taxOnTaxableIncome).toBe($(9_967));
    expect(a.offsets.map((o) => [o.id, o.applied])).toEqual([
      ['lito', $(100)],
      ['lmito', $(1_500)],
    ]);
    expect(a.netIncomeTax).toBe($(8_367));
    expect(a.medicareLevy).toBe($(1_200));
  });

  it('lump sum A type R is taxed at no more than 30%', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(130_000), lumpSumA: { amount: $(20_000), type: 'R' } },
      ...SINGLE_NO_COVER,
    });
    // TI 150,000: tax 36,838; offset (36,838 − 29,788) − 6,000 = 1,050
    expect(a.taxOnTaxableIncome).toBe($(36_838));
    expect(a.offsets.find((o) => o.id === 'lump-sum-a')?.applied).toBe($(1_050));
    expect(a.netIncomeTax).toBe($(35_788));
  });

  it('small business income tax offset for a sole trader', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { business: { netIncome: $(20_000), smallBusinessEntity: true }, salaryWages: $(20_000) },
      ...SINGLE_NO_COVER,
    });
    // TI 40,000: tax 3,488; SBITO 16% × 3,488 × 1/2 = 279.04; LITO 700 − 5% × 2,500 = 575
    expect(a.offsets.find((o) => o.id === 'small-business')?.applied).toBe($(279.04));
    expect(a.netIncomeTax).toBe($(3_488 - 575 - 279.04));
  });

  it('foreign income tax offset above $1,000 is limited to the Australian tax on the foreign income', () => {
    const base = {
      incomeYear: '2024-25' as const,
      residency: { kind: 'resident' as const },
      ...SINGLE_NO_COVER,
      privateHealth: { hospitalCover: 'full-year' as const, statements: [] },
    };
    // TI 120,000: tax 4,288 + 30% × 75,000 = 26,788; Medicare 2,400. Without foreign income (100,000): 20,788 + 2,000.
    // Limit = 29,188 − 22,788 = 6,400
    const paid5000 = assessOk({
      ...base,
      income: {
        salaryWages: $(100_000),
        foreignIncome: { assessableForeignIncome: $(20_000), foreignTaxPaid: $(5_000) },
      },
    });
    expect(paid5000.offsets.find((o) => o.id === 'foreign-income')).toMatchObject({
      entitlement: $(5_000),
      applied: $(5_000),
    });
    const paid8000 = assessOk({
      ...base,
      income: {
        salaryWages: $(100_000),
        foreignIncome: { assessableForeignIncome: $(20_000), foreignTaxPaid: $(8_000) },
      },
    });
    expect(paid8000.offsets.find((o) => o.id === 'foreign-income')).toMatchObject({
      entitlement: $(6_400),
      applied: $(6_400),
    });
    expect(paid8000.netIncomeTax).toBe($(26_788 - 6_400));
  });
});

describe('assess: residency', () => {
  it('foreign resident: no tax-free threshold, no LITO, no Medicare, interest left out', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'foreign-resident' },
      income: { salaryWages: $(50_000), grossInterest: $(1_000) },
    });
    expect(a.taxableIncome).toBe($(50_000));
    expect(a.taxOnTaxableIncome).toBe($(15_000)); // 30% × 50,000
    expect(a.netIncomeTax).toBe($(15_000));
    expect(a.medicareLevy).toBe(0);
    expect(line(a, 'income.investment.foreignResident').amount).toBe(0);
  });

  it('working holiday maker (foreign resident): WHM income first at 15%, the rest at foreign rates', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'working-holiday-maker', workingHolidayNetIncome: $(30_000) },
      income: { salaryWages: $(50_000) },
    });
    // 15% × 30,000 = 4,500; foreign(50,000) − foreign(30,000) = 15,000 − 9,000 = 6,000
    expect(a.taxOnTaxableIncome).toBe($(10_500));
    expect(line(a, 'tax.workingHoliday').amount).toBe($(4_500));
    expect(line(a, 'tax.otherIncome').amount).toBe($(6_000));
    expect(a.medicareLevy).toBe(0);
    expect(a.completeness.missing).toEqual([]);
  });

  it('working holiday maker with all income from the visa', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'working-holiday-maker', workingHolidayNetIncome: $(50_000) },
      income: { salaryWages: $(50_000) },
    });
    expect(a.taxOnTaxableIncome).toBe($(8_250)); // 6,750 + 30% × 5,000
    expect(a.marginalRatePercent).toBe(30);
  });

  it('asks for working holiday income when it is not given', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'working-holiday-maker' },
      income: { salaryWages: $(50_000) },
    });
    expect(a.taxOnTaxableIncome).toBe($(8_250));
    expect(a.completeness.missing.map((m) => m.id)).toEqual(['residency.workingHolidayNetIncome']);
  });

  it('working holiday maker who is a resident: the rest at resident rates from the WHM slice up', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'working-holiday-maker', taxResident: true, workingHolidayNetIncome: $(30_000) },
      income: { salaryWages: $(50_000) },
      ...SINGLE_NO_COVER,
    });
    // 4,500 + resident(50,000) − resident(30,000) = 4,500 + 5,788 − 1,888 = 8,400; LITO 325 − 1.5% × 5,000 = 250
    expect(a.taxOnTaxableIncome).toBe($(8_400));
    expect(a.netIncomeTax).toBe($(8_150));
    expect(a.medicareLevy).toBe($(1_000));
    expect(a.completeness.caveats.map((c) => c.id)).toEqual(['whm-resident']);
  });

  it('part-year resident: pro-rated threshold and Medicare for the resident days', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'part-year-resident', residentFrom: '2024-10-15' },
      income: { salaryWages: $(30_000) },
      ...SINGLE_NO_COVER,
    });
    // threshold 17,016; tax 16% × 12,984 = 2,077.44; LITO 700
    expect(a.taxOnTaxableIncome).toBe($(2_077.44));
    expect(a.netIncomeTax).toBe($(1_377.44));
    expect(line(a, 'tax.partYearThreshold').amount).toBe($(17_016));
    // Medicare: 10% × (30,000 − 27,222) = 277.80 × 259 / 365 = 197.1238 → 197.12
    expect(a.medicareLevy).toBe($(197.12));
  });
});

describe('assess: deductions, losses and income tests', () => {
  it('a deductible business loss becomes a tax loss; gifts cannot add to it', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(5_000), business: { netIncome: $(-10_000), lossDeductibleThisYear: true } },
      deductions: { giftsAndDonations: $(500) },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe(0);
    expect(a.carryForward.taxLosses).toBe($(5_000));
    expect(a.totalDeductions).toBe(0);
  });

  it('a non-commercial business loss is deferred and asked about', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(50_000), business: { netIncome: $(-10_000) } },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe($(50_000));
    expect(a.carryForward.deferredBusinessLosses).toBe($(10_000));
    expect(a.completeness.missing.map((m) => m.id)).toContain('income.business.lossDeductibleThisYear');
  });

  it('prior-year losses are used only against what is left', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(50_000) },
      deductions: { priorYearTaxLosses: $(60_000) },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe(0);
    expect(a.carryForward.taxLosses).toBe($(10_000));
  });

  it('ESS: up to $1,000 of eligible discount is not taxed under $180,000', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(80_000), employeeShareSchemes: { upfrontEligibleForReduction: $(1_500) } },
      ...SINGLE_NO_COVER,
    });
    expect(a.taxableIncome).toBe($(80_500)); // 80,000 + 1,500 − 1,000
    const rich = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(200_000), employeeShareSchemes: { upfrontEligibleForReduction: $(1_500) } },
      ...SINGLE_NO_COVER,
    });
    expect(rich.taxableIncome).toBe($(201_500));
  });

  it('a rental loss lowers taxable income but counts in the MLS and study-loan income tests', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: {
        salaryWages: $(100_000),
        rentalProperties: [{ grossRent: $(20_000), interestDeductions: $(30_000) }],
      },
      ...SINGLE_NO_COVER,
      studyLoan: { hasDebt: true, balance: $(50_000) },
    });
    expect(a.taxableIncome).toBe($(90_000));
    expect(a.incomeTests.incomeForSurchargePurposes).toBe($(100_000));
    expect(a.medicareLevySurcharge).toBe($(900)); // tier 1 (> 97,000): 1% × 90,000
    expect(a.studyLoanRepayment).toBe($(5_500)); // RI 100,000: 5.5% band (94,504–100,174)
  });

  it('self-education before 2022-23 loses the first $250', () => {
    const a = assessOk({
      incomeYear: '2021-22',
      residency: { kind: 'resident' },
      income: { salaryWages: $(50_000) },
      deductions: { selfEducation: { expenses: $(1_000) } },
      ...SINGLE_NO_COVER,
    });
    expect(a.totalDeductions).toBe($(750));
  });

  it('capital gains: discount for residents, none for foreign residents', () => {
    const gains = { capitalGains: { gains: [{ amount: $(10_000), discountEligible: true }] } };
    expect(
      assessOk({ incomeYear: '2024-25', residency: { kind: 'resident' }, income: gains, ...SINGLE_NO_COVER })
        .taxableIncome,
    ).toBe($(5_000));
    expect(
      assessOk({ incomeYear: '2024-25', residency: { kind: 'foreign-resident' }, income: gains })
        .taxableIncome,
    ).toBe($(10_000));
  });
});

describe('assess: Medicare levy surcharge, private health and study loans', () => {
  it('MLS and the excess PHI rebate for a single on $120,000 (2024-25)', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(120_000) },
      spouse: null,
      dependants: { dependentChildren: 0 },
      studyLoan: { hasDebt: false },
      privateHealth: {
        hospitalCover: 'none',
        statements: [{ premiumsEligible: $(1_500), rebateReceived: $(369.12), benefitCode: 30 }],
      },
    });
    expect(a.medicareLevySurcharge).toBe($(1_500)); // tier 2: 1.25% × 120,000
    // tier 2 entitlement 8.202% × 1,500 = 123.03; received 369.12 → repay 246.09
    expect(a.privateHealthAdjustment).toBe($(246.09));
    expect(a.totalLiability).toBe(a.netIncomeTax + a.medicareLevy + $(1_500) + $(246.09));
  });

  it('the family Medicare reduction removes the study-loan repayment (HESA s154-1(2))', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(40_000) },
      incomeTests: { reportableFringeBenefitsOther: $(20_000) },
      spouse: { taxableIncome: $(10_000) },
      dependants: { dependentChildren: 0 },
      privateHealth: { hospitalCover: 'full-year', statements: [] },
      studyLoan: { hasDebt: true, balance: $(10_000) },
    });
    expect(a.incomeTests.repaymentIncome).toBe($(60_000));
    expect(a.medicareLevy).toBe($(327.44)); // (40,000 / 50,000) × 10% × (50,000 − 45,907)
    expect(a.studyLoanRepayment).toBe(0);
  });
});

describe('assess: completeness and provisional figures', () => {
  it('asks only what matters', () => {
    const high = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(100_000) },
    });
    expect(high.completeness.complete).toBe(false);
    expect(high.completeness.missing.map((m) => m.id).sort()).toEqual([
      'dependants',
      'privateHealth.hospitalCover',
      'spouse',
      'studyLoan.hasDebt',
    ]);
    const low = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { salaryWages: $(15_000) },
    });
    expect(low.completeness).toEqual({ complete: true, missing: [], caveats: [] });
  });

  it('reports provisional figures that shaped the result', () => {
    const a = assessOk({
      incomeYear: '2026-27',
      residency: { kind: 'resident' },
      income: { salaryWages: $(80_000) },
      ...SINGLE_NO_COVER,
      studyLoan: { hasDebt: true, balance: $(30_000) },
    });
    // $80,000 is far above the Medicare phase-in range, so the provisional thresholds do not matter here
    expect(a.provisional.map((p) => p.id).sort()).toEqual(['studyLoan']);
    // 2026-27: 4,020 + 30% × 35,000 = 14,520; HELP 15% × (80,000 − 69,528) = 1,570.80
    expect(a.taxOnTaxableIncome).toBe($(14_520));
    expect(a.studyLoanRepayment).toBe($(1_570.8));
  });

  it('reports provisional Medicare thresholds only near the phase-in range', () => {
    const low = assessOk({
      incomeYear: '2025-26',
      residency: { kind: 'resident' },
      income: { salaryWages: $(30_000) },
      ...SINGLE_NO_COVER,
    });
    expect(low.provisional.map((p) => p.id)).toEqual(['medicareLowIncome']);
    expect(low.medicareLevy).toBe($(198.9)); // 10% × (30,000 − 28,011)
    const high = assessOk({
      incomeYear: '2025-26',
      residency: { kind: 'resident' },
      income: { salaryWages: $(90_000) },
      ...SINGLE_NO_COVER,
    });
    expect(high.provisional).toEqual([]);
  });

  it('flags the beneficiary tax offset as not modelled', () => {
    const a = assessOk({
      incomeYear: '2024-25',
      residency: { kind: 'resident' },
      income: { governmentAllowances: $(15_000), salaryWages: $(10_000) },
      ...SINGLE_NO_COVER,
    });
    expect(a.completeness.caveats.map((c) => c.id)).toEqual(['beneficiary-tax-offset']);
  });

  it('returns issues rather than throwing', () => {
    const r = assess({ incomeYear: '2019-20', residency: { kind: 'resident' } } as never);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: 'incomeYear', code: 'unknown-income-year' });
  });
});
