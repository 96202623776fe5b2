import { z } from 'zod';

/**
 * What a return is made of: line items (one per employer, bank account, dividend, receipt, …)
 * each with a link to the evidence it came from, plus the facts about the person that shape the
 * assessment. Money here is integer cents (exact; this API is for the app, not a calculator).
 * `returnToTaxReturnInput` (returns.mapping.ts) turns items and facts into the engine's input.
 */
export const cents = z
  .number()
  .int('must be whole cents')
  .min(0, 'must not be negative')
  .max(1_000_000_000_000, 'is too large');
export const signedCents = z
  .number()
  .int('must be whole cents')
  .min(-1_000_000_000_000)
  .max(1_000_000_000_000);

export const regionSchema = z.object({
  page: z.number().int().min(1),
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().min(0).max(1),
  h: z.number().min(0).max(1),
});

/** "Where did this number come from": a document, the field read from it, and where on the page. */
export const evidenceSchema = z
  .object({
    documentId: z.uuid(),
    /** The extracted field (e.g. grossPayments) this value came from, if it was read from the document. */
    fieldKey: z.string().max(80).optional(),
    region: regionSchema.nullable().default(null),
    /** Human label, e.g. "Income statement — Acme Pty Ltd". */
    label: z.string().max(200).optional(),
    /**
     * A line of a bank statement: it shows that a payment was made, not what was bought, so on
     * its own it is not the receipt the ATO expects (see records.ts).
     */
    bankTransaction: z.boolean().optional(),
  })
  .meta({ id: 'Evidence' });
export type Evidence = z.infer<typeof evidenceSchema>;

const itemBase = {
  id: z.uuid(),
  /** How the item got here: typed in, read from a document, or taken from a bank transaction. */
  source: z.enum(['manual', 'document', 'transaction', 'carried-forward']).default('manual'),
  evidence: z.array(evidenceSchema).max(50).default([]),
  note: z.string().max(1000).optional(),
};

export const DEDUCTION_LABELS = ['D2', 'D3', 'D5', 'D6', 'D7', 'D8', 'D9', 'D10', 'D12', 'D15'] as const;
export const deductionLabelSchema = z.enum(DEDUCTION_LABELS);
export type DeductionLabel = z.infer<typeof deductionLabelSchema>;

export const DEDUCTION_LABEL_NAMES: Record<DeductionLabel, string> = {
  D2: 'Work-related travel expenses',
  D3: 'Work-related clothing, laundry and dry-cleaning',
  D5: 'Other work-related expenses',
  D6: 'Low-value pool deduction',
  D7: 'Interest deductions',
  D8: 'Dividend deductions',
  D9: 'Gifts or donations',
  D10: 'Cost of managing tax affairs',
  D12: 'Personal superannuation contributions',
  D15: 'Other deductions',
};

export const returnItemSchema = z
  .discriminatedUnion('kind', [
    z.object({
      ...itemBase,
      kind: z.literal('employment'),
      payerName: z.string().trim().min(1).max(200),
      payerAbn: z
        .string()
        .regex(/^\d{11}$/, 'must be 11 digits')
        .optional(),
      grossPaymentsCents: cents.default(0).describe('Item 1'),
      taxWithheldCents: cents.default(0),
      allowancesCents: cents.default(0).describe('Item 2'),
      lumpSumACents: cents.default(0).describe('Item 3 label R'),
      lumpSumAType: z.enum(['R', 'T']).default('T'),
      lumpSumBCents: cents.default(0).describe('Item 3 label H'),
      reportableFringeBenefitsCents: cents.default(0).describe('Item IT1'),
      fringeBenefitsEmployerExempt: z.boolean().default(false),
      reportableEmployerSuperCents: cents.default(0).describe('Item IT2'),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('government-payment'),
      paymentType: z
        .enum(['allowance', 'pension'])
        .describe('Item 5 (allowances such as JobSeeker) or item 6 (pensions)'),
      description: z.string().trim().min(1).max(200),
      amountCents: cents,
      taxWithheldCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('interest'),
      institution: z.string().trim().min(1).max(200),
      grossInterestCents: cents.describe('Item 10 label L'),
      tfnWithheldCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('dividend'),
      company: z.string().trim().min(1).max(200),
      paymentDate: z.iso.date().optional(),
      unfrankedCents: cents.default(0).describe('Item 11 label S'),
      frankedCents: cents.default(0).describe('Item 11 label T'),
      frankingCreditCents: cents.default(0).describe('Item 11 label U'),
      tfnWithheldCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('distribution'),
      trustName: z.string().trim().min(1).max(200),
      primaryProductionCents: signedCents.default(0),
      nonPrimaryProductionCents: signedCents.default(0).describe('Item 13 labels U and C'),
      frankingCreditsCents: cents.default(0).describe('Item 13 label Q'),
      capitalGainsDiscountableCents: cents.default(0).describe('Gross discountable capital gains (item 18)'),
      capitalGainsOtherCents: cents.default(0),
      foreignIncomeCents: cents.default(0).describe('Item 20'),
      foreignTaxPaidCents: cents.default(0),
      tfnWithheldCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('capital-gain'),
      description: z.string().trim().min(1).max(200),
      amountCents: cents.describe('Capital gain before losses and the discount'),
      discountEligible: z.boolean().describe('Held at least 12 months'),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('rental-property'),
      address: z.string().trim().min(1).max(200),
      grossRentCents: cents.default(0),
      interestCents: cents.default(0),
      capitalWorksCents: cents.default(0),
      otherDeductionsCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('business'),
      description: z.string().trim().min(1).max(200),
      netIncomeCents: signedCents,
      smallBusinessEntity: z.boolean().default(true),
      lossDeductibleThisYear: z.boolean().default(false),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('foreign-income'),
      description: z.string().trim().min(1).max(200),
      amountCents: cents,
      foreignTaxPaidCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('other-income'),
      description: z.string().trim().min(1).max(200),
      amountCents: cents.describe('Item 24'),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('deduction'),
      label: deductionLabelSchema,
      description: z.string().trim().min(1).max(200),
      amountCents: cents,
      date: z.iso.date().optional(),
      supplier: z.string().max(200).optional(),
      /** The work-related share in basis points, when only part of the expense is deductible. */
      workUseBasisPoints: z.number().int().min(0).max(10_000).default(10_000),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('car'),
      description: z.string().trim().min(1).max(200).describe('D1: one car'),
      businessKilometres: z.number().int().min(0).max(1_000_000),
      logbook: z
        .object({
          businessUseBasisPoints: z.number().int().min(0).max(10_000),
          carExpensesCents: cents,
          declineInValueCents: cents.default(0),
        })
        .nullable()
        .default(null),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('working-from-home'),
      hours: z.number().min(0).max(8_784).describe('Hours worked from home in the year'),
      energyCents: cents.default(0),
      phoneAndInternetCents: cents.default(0),
      stationeryCents: cents.default(0),
      cleaningCents: cents.default(0),
      furnitureDeclineCents: cents.default(0),
      equipmentDeclineCents: cents.default(0),
    }),
    z.object({
      ...itemBase,
      kind: z.literal('self-education'),
      description: z.string().trim().min(1).max(200).describe('D4'),
      amountCents: cents,
    }),
    z.object({
      ...itemBase,
      kind: z.literal('private-health'),
      insurer: z.string().trim().min(1).max(200),
      benefitCode: z.union([
        z.literal(30),
        z.literal(31),
        z.literal(35),
        z.literal(36),
        z.literal(40),
        z.literal(41),
      ]),
      premiumsEligibleCents: cents,
      rebateReceivedCents: cents.default(0),
    }),
  ])
  .meta({ id: 'ReturnItem' });

export type ReturnItem = z.infer<typeof returnItemSchema>;
export type ReturnItemInput = z.input<typeof returnItemSchema>;
export type ReturnItemKind = ReturnItem['kind'];

/** Facts about the person and their year that are not line items. */
export const returnFactsSchema = z
  .object({
    residency: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('resident') }),
        z.object({ kind: z.literal('foreign-resident') }),
        z.object({
          kind: z.literal('part-year-resident'),
          residentFrom: z.iso.date().optional(),
          residentUntil: z.iso.date().optional(),
        }),
        z.object({
          kind: z.literal('working-holiday-maker'),
          workingHolidayNetIncomeCents: cents.optional(),
        }),
      ])
      .optional(),
    /** null: no spouse at any time in the year. */
    spouse: z
      .object({ taxableIncomeCents: cents, otherIncomeTestCents: cents.default(0) })
      .nullable()
      .optional(),
    dependentChildren: z.number().int().min(0).max(30).optional(),
    soleParent: z.boolean().optional(),
    hospitalCover: z
      .union([z.enum(['full-year', 'none']), z.object({ days: z.number().int().min(0).max(366) })])
      .optional(),
    hasStudyLoan: z.boolean().optional(),
    studyLoanBalanceCents: cents.optional(),
    /** null: not eligible for the seniors and pensioners tax offset. */
    sapto: z
      .object({ category: z.enum(['single', 'couple', 'illness-separated-couple']) })
      .nullable()
      .optional(),
    medicareFullExemptionDays: z.number().int().min(0).max(366).optional(),
    priorYearTaxLossesCents: cents.optional(),
    priorYearCapitalLossesCents: cents.optional(),
    netFinancialInvestmentLossCents: cents.optional(),
    paygInstalmentsCents: cents.optional(),
  })
  .meta({ id: 'ReturnFacts' });
export type ReturnFacts = z.infer<typeof returnFactsSchema>;

/** The sections a person picked in "personalise your return"; the interview shows only these. */
export const RETURN_SECTIONS = [
  'employment',
  'government-payments',
  'interest',
  'dividends',
  'distributions',
  'capital-gains',
  'rental',
  'business',
  'foreign-income',
  'other-income',
  'work-deductions',
  'car',
  'working-from-home',
  'self-education',
  'other-deductions',
  'private-health',
  'spouse-and-dependants',
  'study-loan',
  'seniors',
] as const;
export const returnSectionSchema = z.enum(RETURN_SECTIONS);
export type ReturnSection = z.infer<typeof returnSectionSchema>;
