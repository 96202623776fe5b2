import { z } from 'zod';
import { dollars, signedDollars } from './money';

/**
 * POST /api/v1/tax/estimate — the public estimate (no sign-in). Amounts are dollars as JSON
 * numbers with at most two decimals; the server converts them to integer cents for the engine.
 *
 * Field names are part of the public API: add fields, never rename them.
 */
export const INCOME_YEARS = ['2020-21', '2021-22', '2022-23', '2023-24', '2024-25', '2025-26', '2026-27'] as const;
export const incomeYearSchema = z.enum(INCOME_YEARS).describe('Income year, e.g. "2024-25" = 1 July 2024 to 30 June 2025');

export const residencySchema = z.enum(['resident', 'foreign-resident', 'working-holiday-maker']);
export const saptoCategorySchema = z.enum(['single', 'couple', 'illness-separated-couple']);

export const estimateIncomeSchema = z
  .object({
    salaryWages: dollars.default(0).describe('Salary and wages (item 1)'),
    allowances: dollars.default(0).describe('Allowances, earnings, tips, director’s fees (item 2)'),
    interest: dollars.default(0).describe('Gross interest (item 10)'),
    dividendsUnfranked: dollars.default(0).describe('Unfranked dividend amounts (item 11S)'),
    dividendsFranked: dollars.default(0).describe('Franked dividend amounts (item 11T)'),
    frankingCredits: dollars.default(0).describe('Franking credits (item 11U)'),
  })
  .catchall(z.unknown())
  .describe('Income amounts in dollars; every field defaults to 0');

export const estimateDeductionsSchema = z
  .object({})
  .catchall(z.unknown())
  .describe('Deduction amounts in dollars, by ATO D-label');

export const estimateRequestSchema = z
  .object({
    incomeYear: incomeYearSchema,
    residency: residencySchema.default('resident'),
    income: estimateIncomeSchema.default({} as never),
    deductions: estimateDeductionsSchema.default({}),
    taxWithheld: dollars.default(0).describe('Total PAYG tax withheld'),
    spouseTaxableIncome: dollars.nullable().default(null).describe('Spouse’s taxable income, or null when there is no spouse'),
    dependentChildren: z.number().int().min(0).max(30).default(0),
    privateHospitalCover: z.boolean().default(false).describe('Appropriate private patient hospital cover for the whole year'),
    hasStudyLoan: z.boolean().default(false).describe('Has a HELP or other study and training loan debt'),
    saptoCategory: saptoCategorySchema.nullable().default(null),
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
    offsets: z.array(z.object({ id: z.string(), name: z.string(), amount: dollars })),
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
  })
  .meta({ id: 'EstimateResponse' });

export type EstimateResponse = z.infer<typeof estimateResponseSchema>;
