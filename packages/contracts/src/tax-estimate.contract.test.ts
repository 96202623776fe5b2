import { assess, validateReturn } from '@numeri/tax-engine';
import { describe, expect, it } from 'vitest';
import {
  assessmentToEstimateResponse,
  estimateRequestSchema,
  estimateRequestToReturnInput,
  estimateResponseSchema,
  issuePathToRequestField,
  type EstimateRequestInput,
} from './tax-estimate.contract';

const parse = (input: EstimateRequestInput) => estimateRequestSchema.parse(input);

describe('estimate request schema', () => {
  it('fills every default from a minimal request', () => {
    const req = parse({ incomeYear: '2024-25', income: { salaryWages: 85_000 } });
    expect(req.residency).toBe('resident');
    expect(req.income.interest).toBe(0);
    expect(req.income.lumpSumAType).toBe('T');
    expect(req.deductions.travel).toBe(0);
    expect(req.deductions.workingFromHome).toBeNull();
    expect(req.incomeTests.reportableFringeBenefits).toBe(0);
    expect(req.medicareExemptionDays).toEqual({ full: 0, half: 0 });
    // An omitted income object is defaulted field by field, too.
    expect(parse({ incomeYear: '2024-25' }).income.salaryWages).toBe(0);
  });

  it('keeps the original public field names', () => {
    const shape = estimateRequestSchema.shape;
    for (const key of [
      'incomeYear',
      'residency',
      'income',
      'deductions',
      'taxWithheld',
      'spouseTaxableIncome',
      'dependentChildren',
      'privateHospitalCover',
      'hasStudyLoan',
      'saptoCategory',
    ]) {
      expect(shape).toHaveProperty(key);
    }
    for (const key of [
      'salaryWages',
      'allowances',
      'interest',
      'dividendsUnfranked',
      'dividendsFranked',
      'frankingCredits',
    ]) {
      expect(shape.income.unwrap().shape).toHaveProperty(key);
    }
  });

  it('rejects unknown keys at the top level, so a misspelt field is not silently taken as zero', () => {
    const result = estimateRequestSchema.safeParse({ incomeYear: '2025-26', salaryCents: 8_500_000 });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({ code: 'unrecognized_keys', keys: ['salaryCents'] });
  });

  it('rejects unknown keys in income and deductions', () => {
    expect(estimateRequestSchema.safeParse({ incomeYear: '2024-25', income: { salary: 1 } }).success).toBe(
      false,
    );
    expect(estimateRequestSchema.safeParse({ incomeYear: '2024-25', deductions: { d5: 1 } }).success).toBe(
      false,
    );
  });

  it('names deductions by D-label in their descriptions', () => {
    const shape = estimateRequestSchema.shape.deductions.unwrap().shape;
    expect(shape.car.description).toContain('(D1)');
    expect(shape.travel.description).toContain('(D2)');
    expect(shape.other.description).toContain('(D15)');
    expect(shape.priorYearTaxLosses.description).toContain('(L1)');
  });

  it('rejects negative income where the return has no losses, allows it where it does', () => {
    expect(
      estimateRequestSchema.safeParse({ incomeYear: '2024-25', income: { salaryWages: -1 } }).success,
    ).toBe(false);
    expect(
      estimateRequestSchema.safeParse({
        incomeYear: '2024-25',
        income: { businessIncome: -1_000, netRent: -500.25 },
      }).success,
    ).toBe(true);
  });
});

describe('estimateRequestToReturnInput', () => {
  it('converts dollars to integer cents', () => {
    const input = estimateRequestToReturnInput(
      parse({
        incomeYear: '2024-25',
        income: { salaryWages: 85_000.5, interest: 123.45, dividendsFranked: 700, frankingCredits: 300 },
        deductions: { clothing: 150.1 },
        taxWithheld: 18_000.99,
      }),
    );
    expect(input.income?.salaryWages).toBe(8_500_050);
    expect(input.income?.grossInterest).toBe(12_345);
    expect(input.income?.dividends).toEqual({ unfranked: 0, franked: 70_000, frankingCredits: 30_000 });
    expect(input.deductions?.clothing).toBe(15_010);
    expect(input.credits?.paygWithholding).toBe(1_800_099);
    expect(input.spouse).toBeNull();
    expect(input.sapto).toBeNull();
    expect(input.privateHealth?.hospitalCover).toBe('none');
    expect(input.studyLoan).toEqual({ hasDebt: false });
  });

  it('maps residency, cover days, cars, rent and capital gains', () => {
    const input = estimateRequestToReturnInput(
      parse({
        incomeYear: '2023-24',
        partYearResidency: { residentFrom: '2023-10-15' },
        income: {
          netRent: -1_234.56,
          rentalProperties: [{ grossRent: 20_000, interestDeductions: 15_000 }],
          capitalGainsDiscountable: 10_000,
          capitalLossesCurrentYear: 1_000,
          lumpSumA: 5_000,
          lumpSumAType: 'R',
        },
        deductions: {
          cars: [
            {
              businessKilometres: 3_000,
              logbook: { businessUsePercent: 62.5, carExpenses: 8_000, declineInValue: 2_000 },
            },
          ],
        },
        hospitalCoverDays: 366,
        spouseTaxableIncome: 40_000,
        saptoCategory: 'couple',
        hasStudyLoan: true,
        studyLoanBalance: 12_345.67,
      }),
    );
    expect(input.residency).toEqual({ kind: 'part-year-resident', residentFrom: '2023-10-15' });
    expect(input.income?.rentalProperties).toEqual([
      { grossRent: 2_000_000, interestDeductions: 1_500_000, capitalWorksDeductions: 0, otherDeductions: 0 },
      { grossRent: 0, interestDeductions: 0, capitalWorksDeductions: 0, otherDeductions: 123_456 },
    ]);
    expect(input.income?.capitalGains).toEqual({
      gains: [{ amount: 1_000_000, discountEligible: true }],
      currentYearLosses: 100_000,
      priorYearNetLosses: 0,
    });
    expect(input.income?.lumpSumA).toEqual({ amount: 500_000, type: 'R' });
    expect(input.deductions?.car?.cars).toEqual([
      {
        businessKilometres: 3_000,
        logbook: { businessUseBasisPoints: 6_250, carExpenses: 800_000, declineInValue: 200_000 },
      },
    ]);
    expect(input.privateHealth?.hospitalCover).toBe('full-year'); // 366 days in 2023-24
    expect(input.spouse).toEqual({ taxableIncome: 4_000_000 });
    expect(input.sapto).toEqual({ eligible: true, category: 'couple' });
    expect(input.studyLoan).toEqual({ hasDebt: true, balance: 1_234_567 });
  });

  it('maps a working holiday maker and part-year cover', () => {
    const input = estimateRequestToReturnInput(
      parse({
        incomeYear: '2024-25',
        residency: 'working-holiday-maker',
        workingHolidayNetIncome: 30_000,
        hospitalCoverDays: 100,
      }),
    );
    expect(input.residency).toEqual({
      kind: 'working-holiday-maker',
      taxResident: false,
      workingHolidayNetIncome: 3_000_000,
    });
    expect(input.privateHealth?.hospitalCover).toEqual({ days: 100 });
    expect(input.medicare).toBeUndefined();
  });

  it('produces input the engine accepts', () => {
    const input = estimateRequestToReturnInput(
      parse({
        incomeYear: '2025-26',
        income: {
          salaryWages: 95_000,
          businessIncome: -2_000,
          partnershipsAndTrusts: 1_000,
          foreignIncome: 500,
          foreignTaxPaid: 50,
        },
        deductions: {
          workingFromHome: { hours: 500.25, energy: 100 },
          selfEducation: 300,
          giftsAndDonations: 20,
        },
        privateHealthStatements: [{ premiumsEligible: 1_000, rebateReceived: 242.88, benefitCode: 30 }],
        incomeTests: { reportableFringeBenefits: 2_000 },
      }),
    );
    expect(validateReturn(input)).toEqual([]);
  });
});

describe('assessmentToEstimateResponse', () => {
  const request = parse({
    incomeYear: '2024-25',
    income: { salaryWages: 85_000, interest: 123.45, dividendsFranked: 700, frankingCredits: 300 },
    deductions: {
      workingFromHome: { hours: 1_000, energy: 300, phoneAndInternet: 200 },
      clothing: 150,
      costOfManagingTaxAffairs: 250,
    },
    taxWithheld: 18_000,
    hasStudyLoan: true,
    studyLoanBalance: 20_000,
  });
  const result = assess(estimateRequestToReturnInput(request));
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  const response = assessmentToEstimateResponse(result.assessment);

  it('converts cents to dollars exactly', () => {
    // Taxable income 85,023; tax 4,288 + 30% × 40,023 = 16,294.90; Medicare 1,700.46; HELP 4.5% = 3,826.04 (half-up of .035)
    expect(response.taxableIncome).toBe(85_023);
    expect(response.taxOnTaxableIncome).toBe(16_294.9);
    expect(response.medicareLevy).toBe(1_700.46);
    expect(response.studyLoanRepayment).toBe(3_826.04);
    expect(response.totalTax).toBe(21_821.4);
    expect(response.taxWithheld).toBe(18_000);
    expect(response.refund).toBe(-3_521.4); // 18,000 + 300 franking − 21,821.40
    expect(response.offsets).toEqual([
      { id: 'franking-credits', name: 'Franking credits', amount: 300, refundable: true },
    ]);
    expect(response.provisional).toBe(false);
    expect(response.complete).toBe(true);
  });

  it('renames money inputs of lines from cents to dollars', () => {
    const line = response.lines.find((l) => l.id === 'income.interest');
    expect(line?.amount).toBe(123);
    expect(line?.inputs).toEqual({ reported: 123.45 });
  });

  it('produces a response the schema accepts', () => {
    expect(estimateResponseSchema.safeParse(response).success).toBe(true);
  });

  it('reports provisional figures for 2026-27', () => {
    const r = assess(
      estimateRequestToReturnInput(
        parse({ incomeYear: '2026-27', income: { salaryWages: 30_000 }, hasStudyLoan: true }),
      ),
    );
    if (!r.ok) throw new Error('invalid');
    const out = assessmentToEstimateResponse(r.assessment);
    expect(out.provisional).toBe(true);
    expect(out.provisionalFigures?.map((p) => p.id)).toContain('medicareLowIncome');
  });
});

describe('issuePathToRequestField', () => {
  it.each([
    ['income.salaryWages', 'income.salaryWages'],
    ['income.grossInterest', 'income.interest'],
    ['credits.paygWithholding', 'taxWithheld'],
    ['sapto.eligible', 'saptoCategory'],
    ['dependants.soleParent', 'dependentChildren'],
    [
      'deductions.car.cars.0.logbook.businessUseBasisPoints',
      'deductions.cars.0.logbook.businessUseBasisPoints',
    ],
    ['deductions.workingFromHome.hours', 'deductions.workingFromHome.hours'],
    ['residency.residentFrom', 'partYearResidency.residentFrom'],
    ['residency.workingHolidayNetIncome', 'workingHolidayNetIncome'],
    ['privateHealth.statements.1.benefitCode', 'privateHealthStatements.1.benefitCode'],
    ['medicare.halfExemptionDays', 'medicareExemptionDays.half'],
  ])('%s → %s', (path, field) => {
    expect(issuePathToRequestField(path)).toBe(field);
  });

  it('maps the engine issue for SAPTO with a foreign resident to the request field', () => {
    const r = assess(
      estimateRequestToReturnInput(
        parse({ incomeYear: '2024-25', residency: 'foreign-resident', saptoCategory: 'single' }),
      ),
    );
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.issues.map((i) => [issuePathToRequestField(i.path), i.code])).toEqual([
        ['saptoCategory', 'not-applicable'],
      ]);
  });
});
