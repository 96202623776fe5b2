import type { Assessment, AssessmentLine, LineInputValue, TaxReturnInput } from '@numeri/tax-engine';
import { z } from 'zod';
import { centsToDollars, dollars, dollarsToCents, signedDollars } from './money';

/**
 * POST /api/v1/tax/estimate — the public estimate (no sign-in). Amounts are dollars as JSON
 * numbers with at most two decimals; the server converts them to integer cents for the engine with
 * {@link estimateRequestToReturnInput}, and the engine's assessment back with
 * {@link assessmentToEstimateResponse}.
 *
 * Field names are part of the public API: add fields, never rename them. Every field has a default,
 * so `{ "incomeYear": "2024-25", "income": { "salaryWages": 85000 } }` is a complete request.
 * Objects are strict: an unknown key is a 400, not silently ignored.
 */
export const INCOME_YEARS = [
  '2020-21',
  '2021-22',
  '2022-23',
  '2023-24',
  '2024-25',
  '2025-26',
  '2026-27',
] as const;
export const incomeYearSchema = z
  .enum(INCOME_YEARS)
  .describe('Income year, e.g. "2024-25" = 1 July 2024 to 30 June 2025');

export const residencySchema = z.enum(['resident', 'foreign-resident', 'working-holiday-maker']);
export const saptoCategorySchema = z.enum(['single', 'couple', 'illness-separated-couple']);

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD');

export const rentalPropertySchema = z.strictObject({
  grossRent: dollars.default(0).describe('Gross rent (item 21 label P)'),
  interestDeductions: dollars.default(0).describe('Interest on the loan for the property (item 21 label F)'),
  capitalWorksDeductions: dollars.default(0).describe('Capital works deductions (item 21 label X)'),
  otherDeductions: dollars.default(0).describe('Other rental deductions (item 21 label U)'),
});

export const estimateIncomeSchema = z
  .strictObject({
    salaryWages: dollars.default(0).describe('Salary and wages (item 1)'),
    allowances: dollars.default(0).describe('Allowances, earnings, tips, director’s fees (item 2)'),
    interest: dollars.default(0).describe('Gross interest (item 10)'),
    dividendsUnfranked: dollars.default(0).describe('Unfranked dividend amounts (item 11S)'),
    dividendsFranked: dollars.default(0).describe('Franked dividend amounts (item 11T)'),
    frankingCredits: dollars.default(0).describe('Franking credits (item 11U)'),
    lumpSumA: dollars.default(0).describe('Employer lump sum A: unused leave (item 3R)'),
    lumpSumAType: z
      .enum(['R', 'T'])
      .default('T')
      .describe(
        'Lump sum A type: R for redundancy, invalidity or early retirement (taxed at no more than 30%), otherwise T',
      ),
    lumpSumB: dollars
      .default(0)
      .describe('Employer lump sum B: leave accrued before 16 August 1978, 5% taxable (item 3H)'),
    governmentAllowances: dollars
      .default(0)
      .describe('Australian Government allowances and payments such as JobSeeker (item 5)'),
    governmentPensions: dollars
      .default(0)
      .describe('Australian Government pensions such as the Age Pension (item 6)'),
    employeeShareSchemesReducible: dollars
      .default(0)
      .describe(
        'Employee share scheme discounts, taxed upfront, eligible for the $1,000 reduction (item 12D)',
      ),
    employeeShareSchemesNotReducible: dollars
      .default(0)
      .describe('Employee share scheme discounts, taxed upfront, not eligible for reduction (item 12E)'),
    employeeShareSchemesDeferral: dollars
      .default(0)
      .describe('Employee share scheme discounts from deferral schemes (item 12F)'),
    partnershipsAndTrusts: signedDollars
      .default(0)
      .describe('Net partnership and trust distributions; negative for a loss (item 13)'),
    trustFrankingCredits: dollars.default(0).describe('Franking credits from trusts (item 13Q)'),
    businessIncome: signedDollars
      .default(0)
      .describe('Net income or loss from business as a sole trader; negative for a loss (item 15)'),
    businessIsSmallBusiness: z
      .boolean()
      .default(true)
      .describe('The business’s aggregated turnover is under $5 million (small business income tax offset)'),
    businessLossDeductible: z
      .boolean()
      .default(false)
      .describe('A business loss passes the non-commercial loss rules and can reduce other income this year'),
    capitalGainsDiscountable: dollars
      .default(0)
      .describe('Capital gains on assets held at least 12 months, before the discount (item 18)'),
    capitalGainsNonDiscountable: dollars
      .default(0)
      .describe('Other capital gains (assets held under 12 months) (item 18)'),
    capitalLossesCurrentYear: dollars.default(0).describe('Capital losses made this year (item 18)'),
    capitalLossesPriorYears: dollars
      .default(0)
      .describe('Net capital losses carried forward from earlier years (item 18)'),
    foreignIncome: dollars.default(0).describe('Assessable foreign source income (item 20)'),
    foreignTaxPaid: dollars.default(0).describe('Foreign tax paid on that income (item 20O)'),
    netRent: signedDollars.default(0).describe('Net rent from all properties; negative for a loss (item 21)'),
    rentalProperties: z
      .array(rentalPropertySchema)
      .max(100)
      .default([])
      .describe('Rent per property, instead of or as well as netRent'),
    otherIncome: dollars.default(0).describe('Other income (item 24)'),
  })
  .describe('Income amounts in dollars; every field defaults to 0');

export const carSchema = z.strictObject({
  businessKilometres: z.number().int().min(0).max(1_000_000).describe('Work kilometres in this car'),
  logbook: z
    .strictObject({
      businessUsePercent: z.number().min(0).max(100).describe('Business-use percentage from the logbook'),
      carExpenses: dollars.describe('Running costs: fuel, servicing, registration, insurance, interest'),
      declineInValue: dollars.describe('Decline in value of the car'),
    })
    .nullable()
    .default(null),
});

export const workingFromHomeSchema = z.strictObject({
  hours: z.number().min(0).max(8_784).describe('Hours worked from home in the year'),
  energy: dollars.default(0).describe('Work share of electricity and gas'),
  phoneAndInternet: dollars.default(0).describe('Work share of phone and internet'),
  stationeryAndConsumables: dollars.default(0).describe('Stationery and computer consumables'),
  cleaning: dollars.default(0).describe('Cleaning of a dedicated work area'),
  furnitureDeclineInValue: dollars.default(0).describe('Decline in value of home office furniture'),
  equipmentDeclineInValue: dollars
    .default(0)
    .describe('Decline in value of computers, phones and other equipment'),
});

/** Deductions by ATO label D1–D15 and L1, in dollars. The names match the tax engine's. */
export const estimateDeductionsSchema = z
  .strictObject({
    car: dollars.default(0).describe('Work-related car expenses already worked out (D1)'),
    cars: z
      .array(carSchema)
      .max(20)
      .default([])
      .describe('D1 per car: cents per km and logbook compared, the better one used'),
    travel: dollars.default(0).describe('Work-related travel expenses (D2)'),
    clothing: dollars.default(0).describe('Work-related clothing, laundry and dry-cleaning expenses (D3)'),
    selfEducation: dollars.default(0).describe('Work-related self-education expenses (D4)'),
    otherWorkRelated: dollars.default(0).describe('Other work-related expenses, not working from home (D5)'),
    workingFromHome: workingFromHomeSchema
      .nullable()
      .default(null)
      .describe(
        'D5 working from home: the fixed rate per hour and actual costs compared, the better one used',
      ),
    lowValuePool: dollars.default(0).describe('Low-value pool deduction (D6)'),
    interest: dollars.default(0).describe('Interest deductions (D7)'),
    dividend: dollars.default(0).describe('Dividend deductions (D8)'),
    giftsAndDonations: dollars.default(0).describe('Gifts or donations (D9)'),
    costOfManagingTaxAffairs: dollars.default(0).describe('Cost of managing tax affairs (D10)'),
    foreignPensionUndeductedPurchasePrice: dollars
      .default(0)
      .describe('Undeducted purchase price of a foreign pension (D11)'),
    personalSuperContributions: dollars.default(0).describe('Personal superannuation contributions (D12)'),
    projectPool: dollars.default(0).describe('Deduction for project pool (D13)'),
    forestryManagedInvestment: dollars
      .default(0)
      .describe('Forestry managed investment scheme deduction (D14)'),
    other: dollars.default(0).describe('Other deductions, e.g. income protection insurance (D15)'),
    priorYearTaxLosses: dollars.default(0).describe('Tax losses of earlier income years (L1)'),
  })
  .describe('Deduction amounts in dollars, by ATO D-label');

export const partYearResidencySchema = z
  .strictObject({
    residentFrom: isoDate.nullable().default(null).describe('Date you became a resident, if during the year'),
    residentUntil: isoDate
      .nullable()
      .default(null)
      .describe('Date you stopped being a resident, if during the year'),
    monthsResident: z
      .number()
      .int()
      .min(1)
      .max(12)
      .nullable()
      .default(null)
      .describe('Months resident, counting the month of arrival or departure'),
    daysResident: z
      .number()
      .int()
      .min(1)
      .max(366)
      .nullable()
      .default(null)
      .describe('Days resident (for the Medicare levy)'),
  })
  .describe('Give dates, or month and day counts');

export const privateHealthStatementSchema = z.strictObject({
  premiumsEligible: dollars.describe('Your premiums eligible for the Australian Government rebate'),
  rebateReceived: dollars.describe('Your Australian Government rebate received'),
  benefitCode: z
    .union([z.literal(30), z.literal(31), z.literal(35), z.literal(36), z.literal(40), z.literal(41)])
    .describe('Benefit code'),
});

export const incomeTestsSchema = z
  .strictObject({
    reportableFringeBenefits: dollars
      .default(0)
      .describe('Reportable fringe benefits from taxable employers (IT1)'),
    reportableFringeBenefitsExempt: dollars
      .default(0)
      .describe('Reportable fringe benefits from FBT-exempt employers such as hospitals (IT1)'),
    reportableEmployerSuper: dollars.default(0).describe('Reportable employer super contributions (IT2)'),
    netFinancialInvestmentLoss: dollars.default(0).describe('Net financial investment loss (IT5)'),
    exemptForeignEmploymentIncome: dollars.default(0).describe('Exempt foreign employment income (IT4)'),
  })
  .describe('Amounts used only in income tests (Medicare levy surcharge, SAPTO, study loans)');

export const estimateRequestSchema = z
  .strictObject({
    incomeYear: incomeYearSchema,
    residency: residencySchema.default('resident'),
    income: estimateIncomeSchema.prefault({}),
    deductions: estimateDeductionsSchema.prefault({}),
    taxWithheld: dollars.default(0).describe('Total PAYG tax withheld'),
    spouseTaxableIncome: dollars
      .nullable()
      .default(null)
      .describe('Spouse’s taxable income, or null when there is no spouse'),
    dependentChildren: z.number().int().min(0).max(30).default(0),
    privateHospitalCover: z
      .boolean()
      .default(false)
      .describe('Appropriate private patient hospital cover for the whole year'),
    hasStudyLoan: z.boolean().default(false).describe('Has a HELP or other study and training loan debt'),
    saptoCategory: saptoCategorySchema.nullable().default(null),
    // Added fields (all optional with defaults).
    partYearResidency: partYearResidencySchema
      .nullable()
      .default(null)
      .describe(
        'For a resident who arrived or left during the year: the pro-rated tax-free threshold applies',
      ),
    workingHolidayNetIncome: dollars
      .nullable()
      .default(null)
      .describe(
        'Working holiday maker: income earned on the 417/462 visa less related deductions (null: all of it)',
      ),
    workingHolidayMakerTaxResident: z
      .boolean()
      .default(false)
      .describe('Working holiday maker who is an Australian resident for tax purposes'),
    hospitalCoverDays: z
      .number()
      .int()
      .min(0)
      .max(366)
      .nullable()
      .default(null)
      .describe(
        'Days with private patient hospital cover, when not the whole year (overrides privateHospitalCover)',
      ),
    privateHealthStatements: z
      .array(privateHealthStatementSchema)
      .max(50)
      .default([])
      .describe('Lines of your private health insurance statement'),
    studyLoanBalance: dollars
      .nullable()
      .default(null)
      .describe('Study loan balance, if known (the repayment cannot exceed it)'),
    tfnAmountsWithheld: dollars
      .default(0)
      .describe('TFN amounts withheld from interest, dividends and distributions'),
    paygInstalments: dollars.default(0).describe('PAYG instalments paid for the year'),
    incomeTests: incomeTestsSchema.prefault({}),
    medicareExemptionDays: z
      .strictObject({
        full: z.number().int().min(0).max(366).default(0),
        half: z.number().int().min(0).max(366).default(0),
      })
      .prefault({})
      .describe('Days with a full or half Medicare levy exemption'),
  })
  .meta({ id: 'EstimateRequest' });

export type EstimateRequest = z.infer<typeof estimateRequestSchema>;
export type EstimateRequestInput = z.input<typeof estimateRequestSchema>;

export const assessmentLineSchema = z
  .object({
    id: z.string(),
    label: z.string(),
    amount: signedDollars,
    rule: z.string().describe('The rule that produced this line'),
    inputs: z.record(z.string(), z.union([z.number(), z.string(), z.boolean(), z.null()])),
    explanation: z.string().describe('One sentence a taxpayer understands'),
    source: z.object({ title: z.string(), url: z.string().optional() }),
  })
  .meta({ id: 'AssessmentLine' });

export const missingFactSchema = z.object({
  id: z.string(),
  question: z.string(),
  reason: z.string(),
});

export const estimateResponseSchema = z
  .object({
    incomeYear: incomeYearSchema,
    taxableIncome: signedDollars,
    taxOnTaxableIncome: dollars,
    offsets: z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        amount: dollars,
        refundable: z.boolean().optional().describe('A refundable offset (franking credits, PHI)'),
      }),
    ),
    netIncomeTax: dollars,
    medicareLevy: dollars,
    medicareLevySurcharge: dollars,
    studyLoanRepayment: dollars,
    totalTax: dollars,
    taxWithheld: dollars,
    refund: signedDollars.describe('Positive: refund; negative: amount owed'),
    lines: z.array(assessmentLineSchema),
    complete: z.boolean(),
    missing: z.array(missingFactSchema),
    provisional: z.boolean().describe('True when a figure used is not yet final for this income year'),
    // Added fields (optional so existing consumers keep compiling; the server always sends them).
    totalIncome: signedDollars.optional().describe('Total income or loss'),
    totalDeductions: dollars.optional(),
    privateHealthAdjustment: signedDollars
      .optional()
      .describe('Positive: excess private health rebate repaid; negative: extra rebate refunded'),
    refundableOffsets: dollars.optional().describe('Franking credits and private health insurance offset'),
    marginalRatePercent: z
      .number()
      .optional()
      .describe('Rate of income tax on the last dollar of taxable income'),
    provisionalFigures: z.array(z.object({ id: z.string(), reason: z.string() })).optional(),
    caveats: z
      .array(z.object({ id: z.string(), message: z.string() }))
      .optional()
      .describe('Rules that may apply but are not calculated'),
    carryForward: z
      .object({ taxLosses: dollars, netCapitalLosses: dollars, deferredBusinessLosses: dollars })
      .optional()
      .describe('Losses carried forward to later years'),
  })
  .meta({ id: 'EstimateResponse' });

export type EstimateResponse = z.infer<typeof estimateResponseSchema>;

// ---------------------------------------------------------------------------------------------
// Mapping to and from the engine (types only are imported from @numeri/tax-engine).
// ---------------------------------------------------------------------------------------------

const c = dollarsToCents;
const optionalCents = (value: number): number | undefined => (value === 0 ? undefined : c(value));

function daysInIncomeYear(year: EstimateRequest['incomeYear']): number {
  return year === '2023-24' ? 366 : 365;
}

function residencyOf(req: EstimateRequest): TaxReturnInput['residency'] {
  if (req.residency === 'foreign-resident') return { kind: 'foreign-resident' };
  if (req.residency === 'working-holiday-maker') {
    return {
      kind: 'working-holiday-maker',
      taxResident: req.workingHolidayMakerTaxResident,
      ...(req.workingHolidayNetIncome === null
        ? {}
        : { workingHolidayNetIncome: c(req.workingHolidayNetIncome) }),
    };
  }
  const p = req.partYearResidency;
  if (p === null) return { kind: 'resident' };
  return {
    kind: 'part-year-resident',
    ...(p.residentFrom === null ? {} : { residentFrom: p.residentFrom }),
    ...(p.residentUntil === null ? {} : { residentUntil: p.residentUntil }),
    ...(p.monthsResident === null ? {} : { monthsResident: p.monthsResident }),
    ...(p.daysResident === null ? {} : { daysResident: p.daysResident }),
  };
}

/** The public request (dollars) as the engine's return (integer cents). Pure; no engine code runs. */
export function estimateRequestToReturnInput(req: EstimateRequest): TaxReturnInput {
  const i = req.income;
  const d = req.deductions;
  const gains: { amount: number; discountEligible: boolean }[] = [];
  if (i.capitalGainsDiscountable > 0)
    gains.push({ amount: c(i.capitalGainsDiscountable), discountEligible: true });
  if (i.capitalGainsNonDiscountable > 0)
    gains.push({ amount: c(i.capitalGainsNonDiscountable), discountEligible: false });
  const properties = i.rentalProperties.map((p) => ({
    grossRent: c(p.grossRent),
    interestDeductions: c(p.interestDeductions),
    capitalWorksDeductions: c(p.capitalWorksDeductions),
    otherDeductions: c(p.otherDeductions),
  }));
  if (i.netRent !== 0) {
    properties.push({
      grossRent: i.netRent > 0 ? c(i.netRent) : 0,
      interestDeductions: 0,
      capitalWorksDeductions: 0,
      otherDeductions: i.netRent < 0 ? c(-i.netRent) : 0,
    });
  }
  const t = req.incomeTests;
  const coverDays = req.hospitalCoverDays;
  return {
    incomeYear: req.incomeYear,
    residency: residencyOf(req),
    income: {
      salaryWages: c(i.salaryWages),
      allowances: optionalCents(i.allowances),
      lumpSumA: i.lumpSumA > 0 ? { amount: c(i.lumpSumA), type: i.lumpSumAType } : undefined,
      lumpSumB: optionalCents(i.lumpSumB),
      governmentAllowances: optionalCents(i.governmentAllowances),
      governmentPensions: optionalCents(i.governmentPensions),
      grossInterest: optionalCents(i.interest),
      dividends: {
        unfranked: c(i.dividendsUnfranked),
        franked: c(i.dividendsFranked),
        frankingCredits: c(i.frankingCredits),
      },
      employeeShareSchemes: {
        upfrontEligibleForReduction: c(i.employeeShareSchemesReducible),
        upfrontNotEligible: c(i.employeeShareSchemesNotReducible),
        deferral: c(i.employeeShareSchemesDeferral),
      },
      partnershipsAndTrusts:
        i.partnershipsAndTrusts !== 0 || i.trustFrankingCredits > 0
          ? { nonPrimaryProduction: c(i.partnershipsAndTrusts), frankingCredits: c(i.trustFrankingCredits) }
          : undefined,
      business:
        i.businessIncome !== 0
          ? {
              netIncome: c(i.businessIncome),
              smallBusinessEntity: i.businessIsSmallBusiness,
              lossDeductibleThisYear: i.businessLossDeductible,
            }
          : undefined,
      capitalGains:
        gains.length > 0 || i.capitalLossesCurrentYear > 0 || i.capitalLossesPriorYears > 0
          ? {
              gains,
              currentYearLosses: c(i.capitalLossesCurrentYear),
              priorYearNetLosses: c(i.capitalLossesPriorYears),
            }
          : undefined,
      foreignIncome:
        i.foreignIncome > 0 || i.foreignTaxPaid > 0
          ? { assessableForeignIncome: c(i.foreignIncome), foreignTaxPaid: c(i.foreignTaxPaid) }
          : undefined,
      rentalProperties: properties.length > 0 ? properties : undefined,
      otherIncome: optionalCents(i.otherIncome),
    },
    deductions: {
      car:
        d.car > 0 || d.cars.length > 0
          ? {
              otherAmount: c(d.car),
              cars: d.cars.map((car) => ({
                businessKilometres: car.businessKilometres,
                ...(car.logbook === null
                  ? {}
                  : {
                      logbook: {
                        businessUseBasisPoints: Math.round(car.logbook.businessUsePercent * 100),
                        carExpenses: c(car.logbook.carExpenses),
                        declineInValue: c(car.logbook.declineInValue),
                      },
                    }),
              })),
            }
          : undefined,
      travel: optionalCents(d.travel),
      clothing: optionalCents(d.clothing),
      selfEducation: d.selfEducation > 0 ? { expenses: c(d.selfEducation) } : undefined,
      otherWorkRelated: optionalCents(d.otherWorkRelated),
      workingFromHome:
        d.workingFromHome === null
          ? undefined
          : {
              hours: d.workingFromHome.hours,
              energy: c(d.workingFromHome.energy),
              phoneAndInternet: c(d.workingFromHome.phoneAndInternet),
              stationeryAndConsumables: c(d.workingFromHome.stationeryAndConsumables),
              cleaning: c(d.workingFromHome.cleaning),
              furnitureDeclineInValue: c(d.workingFromHome.furnitureDeclineInValue),
              equipmentDeclineInValue: c(d.workingFromHome.equipmentDeclineInValue),
            },
      lowValuePool: optionalCents(d.lowValuePool),
      interest: optionalCents(d.interest),
      dividend: optionalCents(d.dividend),
      giftsAndDonations: optionalCents(d.giftsAndDonations),
      costOfManagingTaxAffairs: optionalCents(d.costOfManagingTaxAffairs),
      foreignPensionUndeductedPurchasePrice: optionalCents(d.foreignPensionUndeductedPurchasePrice),
      personalSuperContributions: optionalCents(d.personalSuperContributions),
      projectPool: optionalCents(d.projectPool),
      forestryManagedInvestment: optionalCents(d.forestryManagedInvestment),
      other: optionalCents(d.other),
      priorYearTaxLosses: optionalCents(d.priorYearTaxLosses),
    },
    credits: {
      paygWithholding: c(req.taxWithheld),
      tfnAmountsWithheld: c(req.tfnAmountsWithheld),
      paygInstalments: c(req.paygInstalments),
    },
    spouse: req.spouseTaxableIncome === null ? null : { taxableIncome: c(req.spouseTaxableIncome) },
    dependants: { dependentChildren: req.dependentChildren },
    sapto: req.saptoCategory === null ? null : { eligible: true, category: req.saptoCategory },
    privateHealth: {
      hospitalCover:
        coverDays !== null
          ? coverDays >= daysInIncomeYear(req.incomeYear)
            ? 'full-year'
            : coverDays === 0
              ? 'none'
              : { days: coverDays }
          : req.privateHospitalCover
            ? 'full-year'
            : 'none',
      statements: req.privateHealthStatements.map((s) => ({
        premiumsEligible: c(s.premiumsEligible),
        rebateReceived: c(s.rebateReceived),
        benefitCode: s.benefitCode,
      })),
    },
    studyLoan: {
      hasDebt: req.hasStudyLoan,
      ...(req.hasStudyLoan && req.studyLoanBalance !== null ? { balance: c(req.studyLoanBalance) } : {}),
    },
    incomeTests: {
      reportableFringeBenefitsOther: c(t.reportableFringeBenefits),
      reportableFringeBenefitsExempt: c(t.reportableFringeBenefitsExempt),
      reportableEmployerSuper: c(t.reportableEmployerSuper),
      netFinancialInvestmentLoss: c(t.netFinancialInvestmentLoss),
      exemptForeignEmploymentIncome: c(t.exemptForeignEmploymentIncome),
    },
    medicare:
      req.residency === 'foreign-resident' ||
      (req.residency === 'working-holiday-maker' && !req.workingHolidayMakerTaxResident)
        ? undefined
        : {
            fullExemptionDays: req.medicareExemptionDays.full,
            halfExemptionDays: req.medicareExemptionDays.half,
          },
  };
}

/**
 * Engine validation paths (fields of `TaxReturnInput`) → the request field a client sent, so the
 * server can report an engine issue against the public field name. Longest prefix wins.
 */
const ISSUE_PATHS: readonly (readonly [string, string])[] = [
  ['income.grossInterest', 'income.interest'],
  ['income.dividends.unfranked', 'income.dividendsUnfranked'],
  ['income.dividends.franked', 'income.dividendsFranked'],
  ['income.dividends.frankingCredits', 'income.frankingCredits'],
  ['income.lumpSumA', 'income.lumpSumA'],
  ['income.employeeShareSchemes.upfrontEligibleForReduction', 'income.employeeShareSchemesReducible'],
  ['income.employeeShareSchemes.upfrontNotEligible', 'income.employeeShareSchemesNotReducible'],
  ['income.employeeShareSchemes.deferral', 'income.employeeShareSchemesDeferral'],
  ['income.partnershipsAndTrusts.frankingCredits', 'income.trustFrankingCredits'],
  ['income.partnershipsAndTrusts', 'income.partnershipsAndTrusts'],
  ['income.business', 'income.businessIncome'],
  ['income.capitalGains', 'income.capitalGainsDiscountable'],
  ['income.foreignIncome.foreignTaxPaid', 'income.foreignTaxPaid'],
  ['income.foreignIncome', 'income.foreignIncome'],
  ['income.rentalProperties', 'income.rentalProperties'],
  ['deductions.car.otherAmount', 'deductions.car'],
  ['deductions.car.cars', 'deductions.cars'],
  ['deductions.selfEducation', 'deductions.selfEducation'],
  ['credits.paygWithholding', 'taxWithheld'],
  ['credits.tfnAmountsWithheld', 'tfnAmountsWithheld'],
  ['credits.paygInstalments', 'paygInstalments'],
  ['spouse', 'spouseTaxableIncome'],
  ['dependants', 'dependentChildren'],
  ['sapto', 'saptoCategory'],
  ['privateHealth.hospitalCover', 'hospitalCoverDays'],
  ['privateHealth.statements', 'privateHealthStatements'],
  ['studyLoan.balance', 'studyLoanBalance'],
  ['studyLoan', 'hasStudyLoan'],
  ['incomeTests.reportableFringeBenefitsOther', 'incomeTests.reportableFringeBenefits'],
  ['medicare.fullExemptionDays', 'medicareExemptionDays.full'],
  ['medicare.halfExemptionDays', 'medicareExemptionDays.half'],
  ['medicare', 'medicareExemptionDays'],
  ['residency.workingHolidayNetIncome', 'workingHolidayNetIncome'],
  ['residency.taxResident', 'workingHolidayMakerTaxResident'],
  ['residency.kind', 'residency'],
  ['residency', 'partYearResidency'],
];

export function issuePathToRequestField(path: string): string {
  let best: readonly [string, string] | null = null;
  for (const entry of ISSUE_PATHS) {
    const [from] = entry;
    if ((path === from || path.startsWith(`${from}.`)) && (best === null || from.length > best[0].length))
      best = entry;
  }
  if (best === null) return path;
  const [from, to] = best;
  // Keep a list index or sub-field that the request shares (e.g. cars.0.businessKilometres).
  const rest = path.slice(from.length);
  const keepsRest =
    to.endsWith('rentalProperties') ||
    to.endsWith('cars') ||
    to === 'privateHealthStatements' ||
    to === 'partYearResidency';
  return keepsRest ? to + rest : to;
}

/** A line input: keys ending in "Cents" are money; they become dollars under the key without the suffix. */
function lineInputs(inputs: AssessmentLine['inputs']): Record<string, LineInputValue> {
  const out: Record<string, LineInputValue> = {};
  for (const [key, value] of Object.entries(inputs)) {
    if (key.endsWith('Cents') && key.length > 5)
      out[key.slice(0, -5)] = typeof value === 'number' ? centsToDollars(value) : value;
    else out[key] = value;
  }
  return out;
}

/** The engine's assessment (integer cents) as the public response (dollars). Pure. */
export function assessmentToEstimateResponse(a: Assessment): EstimateResponse {
  const $ = centsToDollars;
  return {
    incomeYear: a.incomeYear,
    taxableIncome: $(a.taxableIncome),
    taxOnTaxableIncome: $(a.taxOnTaxableIncome),
    offsets: a.offsets.map((o) => ({
      id: o.id,
      name: o.name,
      amount: $(o.applied),
      refundable: o.refundable,
    })),
    netIncomeTax: $(a.netIncomeTax),
    medicareLevy: $(a.medicareLevy),
    medicareLevySurcharge: $(a.medicareLevySurcharge),
    studyLoanRepayment: $(a.studyLoanRepayment),
    totalTax: $(a.totalLiability),
    taxWithheld: $(a.credits),
    refund: $(a.refund),
    lines: a.lines.map((l) => ({
      id: l.id,
      label: l.label,
      amount: $(l.amount),
      rule: l.rule,
      inputs: lineInputs(l.inputs),
      explanation: l.explanation,
      source: { title: l.source.title, url: l.source.url },
    })),
    complete: a.completeness.complete,
    missing: a.completeness.missing.map((m) => ({ id: m.id, question: m.question, reason: m.reason })),
    provisional: a.provisional.length > 0,
    totalIncome: $(a.totalIncome),
    totalDeductions: $(a.totalDeductions),
    privateHealthAdjustment: $(a.privateHealthAdjustment),
    refundableOffsets: $(a.refundableOffsets),
    marginalRatePercent: a.marginalRatePercent,
    provisionalFigures: a.provisional.map((p) => ({ id: p.id, reason: p.reason })),
    caveats: a.completeness.caveats.map((x) => ({ id: x.id, message: x.message })),
    carryForward: {
      taxLosses: $(a.carryForward.taxLosses),
      netCapitalLosses: $(a.carryForward.netCapitalLosses),
      deferredBusinessLosses: $(a.carryForward.deferredBusinessLosses),
    },
  };
}
