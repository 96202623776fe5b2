import { z } from 'zod';
import { returnFactsSchema, returnItemSchema, returnSectionSchema } from './return-items.contract';
import { assessmentLineSchema, incomeYearSchema, missingFactSchema } from './tax-estimate.contract';

/**
 * /api/v1/returns — one return per person per income year (amendments are new revisions).
 * Money is integer cents. Every write names the `version` it read; a stale write is a 409.
 */
export const returnStatusSchema = z.enum(['draft', 'ready', 'lodged', 'superseded']);

export const returnSummarySchema = z
  .object({
    id: z.uuid(),
    incomeYear: incomeYearSchema,
    revision: z.number().int(),
    status: returnStatusSchema,
    version: z.number().int(),
    taxableIncomeCents: z.number().int().nullable(),
    totalTaxCents: z.number().int().nullable(),
    refundCents: z.number().int().nullable(),
    complete: z.boolean(),
    updatedAt: z.iso.datetime(),
    lodgedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReturnSummary' });
export type ReturnSummary = z.infer<typeof returnSummarySchema>;

/** The engine's result in cents, as stored with the return. */
export const returnAssessmentSchema = z
  .object({
    totalIncomeCents: z.number().int(),
    totalDeductionsCents: z.number().int(),
    taxableIncomeCents: z.number().int(),
    taxOnTaxableIncomeCents: z.number().int(),
    offsets: z.array(
      z.object({ id: z.string(), name: z.string(), appliedCents: z.number().int(), refundable: z.boolean() }),
    ),
    netIncomeTaxCents: z.number().int(),
    medicareLevyCents: z.number().int(),
    medicareLevySurchargeCents: z.number().int(),
    privateHealthAdjustmentCents: z.number().int(),
    studyLoanRepaymentCents: z.number().int(),
    totalLiabilityCents: z.number().int(),
    creditsCents: z.number().int(),
    refundableOffsetsCents: z.number().int(),
    refundCents: z.number().int(),
    marginalRatePercent: z.number(),
    carryForward: z.object({ taxLossesCents: z.number().int(), netCapitalLossesCents: z.number().int() }),
    /** Explanation lines; `amount` is in dollars as in the estimate API. */
    lines: z.array(assessmentLineSchema),
    provisional: z.array(z.object({ id: z.string(), reason: z.string() })),
    caveats: z.array(z.object({ id: z.string(), message: z.string() })),
  })
  .meta({ id: 'ReturnAssessment' });
export type ReturnAssessment = z.infer<typeof returnAssessmentSchema>;

export const checklistItemSchema = z
  .object({
    id: z.string(),
    severity: z.enum(['missing', 'risk', 'info']),
    title: z.string(),
    detail: z.string(),
    /** The return item it is about, when there is one. */
    itemId: z.string().optional(),
    documentId: z.uuid().optional(),
    /** The ATO page or law behind it. */
    source: z.object({ title: z.string(), url: z.string().optional() }).optional(),
  })
  .meta({ id: 'ChecklistItem' });
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

/** What records the ATO expects for a claim, and whether they are attached. */
export const recordsCheckSchema = z.object({
  itemId: z.string(),
  expected: z.string(),
  /** Whether what is attached meets what the ATO expects (see recordStatus). */
  attached: z.boolean(),
  /** Why a bank statement alone does or doesn't do, when that is all there is. */
  note: z.string().nullable().default(null),
  source: z.object({ title: z.string(), url: z.string().optional() }),
});

export const returnSchema = returnSummarySchema
  .extend({
    amendsId: z.uuid().nullable(),
    sections: z.array(returnSectionSchema),
    facts: returnFactsSchema,
    items: z.array(returnItemSchema),
    assessment: returnAssessmentSchema.nullable(),
    /** Why there is no assessment (answers the engine cannot assess together). */
    assessmentIssues: z.array(z.object({ field: z.string(), message: z.string() })),
    /** What the interview still needs, most important first. */
    missing: z.array(missingFactSchema),
    records: z.array(recordsCheckSchema),
    reviewSignedOff: z.object({ by: z.string(), at: z.iso.datetime() }).nullable(),
    lodgment: z
      .object({
        receiptNumber: z.string(),
        lodgedAt: z.iso.datetime(),
        channel: z.enum(['sandbox']),
        /** Always shown: a sandbox lodgment is not sent to the ATO. */
        notice: z.string(),
        events: z.array(z.object({ status: z.string(), at: z.iso.datetime(), detail: z.string() })),
      })
      .nullable(),
    /** Set when the caller is a reviewer reading someone else's return. */
    owner: z.object({ id: z.uuid(), name: z.string() }).optional(),
  })
  .meta({ id: 'TaxReturn' });
export type TaxReturnView = z.infer<typeof returnSchema>;

export const createReturnSchema = z.object({
  incomeYear: incomeYearSchema,
  /** Start from last year's return: employers, properties, losses carried forward, sections. */
  copyFromPrevious: z.boolean().default(true),
});

// Strict: a misspelt key ("fact" for "facts") must be a 400, not a 200 that changed nothing.
export const updateReturnSchema = z
  .strictObject({
    version: z.number().int().min(1).describe('The version this change is based on'),
    sections: z.array(returnSectionSchema).max(40).optional(),
    facts: returnFactsSchema.optional().describe('Replaces the facts (send them all)'),
    upsertItems: z
      .array(returnItemSchema)
      .max(200)
      .optional()
      .describe('Adds items, or replaces those with the same id'),
    removeItemIds: z.array(z.uuid()).max(200).optional(),
    status: z.enum(['draft', 'ready']).optional(),
  })
  .meta({ id: 'ReturnUpdate' });
export type ReturnUpdate = z.infer<typeof updateReturnSchema>;

export const commentSchema = z
  .object({
    id: z.uuid(),
    itemId: z.string().nullable(),
    body: z.string(),
    author: z.object({ id: z.uuid(), name: z.string(), role: z.string() }),
    createdAt: z.iso.datetime(),
    resolvedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'ReturnComment' });
export const newCommentSchema = z.object({
  body: z.string().trim().min(1, 'is required').max(4000),
  itemId: z.string().max(80).optional(),
});

export const lodgeRequestSchema = z.object({
  version: z.number().int().min(1),
  declaration: z.literal(true, 'you must confirm the declaration'),
});
