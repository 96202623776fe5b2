import { z } from 'zod';
import { deductionLabelSchema, regionSchema } from './return-items.contract';
import { incomeYearSchema } from './tax-estimate.contract';

/**
 * Documents: uploads, their reading pipeline, extracted fields, review, search, and the bank
 * transactions imported from statement files. Money is integer cents, dates ISO yyyy-mm-dd.
 */

export const DOCUMENT_STATUSES = [
  'queued',
  'reading',
  'extracting',
  'needs-review',
  'done',
  'failed',
  'needs-password',
] as const;
export const documentStatusSchema = z
  .enum(DOCUMENT_STATUSES)
  .describe(
    'queued → reading → extracting → needs-review → done; or failed (with a reason), or needs-password (an encrypted PDF)',
  );
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/** Mirrors packages/extract DOCUMENT_TYPES (contracts depend on nothing in the workspace). */
export const DOCUMENT_TYPES = [
  'income-statement',
  'payg-payment-summary',
  'receipt',
  'bank-statement',
  'dividend-statement',
  'distribution-statement',
  'interest-summary',
  'private-health-statement',
  'other',
] as const;
export const documentTypeSchema = z.enum(DOCUMENT_TYPES);
export type DocumentTypeName = z.infer<typeof documentTypeSchema>;

/** What kind of file it is: a document to read (PDF, photo) or a bank export to import. */
export const documentKindSchema = z.enum(['document', 'bank-file']);

export const SUPPORTED_UPLOAD_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/heic',
  'text/csv',
  'application/x-ofx',
  'application/x-qif',
] as const;

export const fieldValueTypeSchema = z.enum(['money', 'date', 'text', 'abn', 'integer']);

export const returnLabelRefSchema = z
  .object({
    item: z.string().describe('e.g. "Item 1", "Item 11", "D5"'),
    label: z.string().optional().describe('The label letter, e.g. "T"'),
    description: z.string(),
    role: z.enum([
      'income',
      'credit',
      'deduction-candidate',
      'offset-input',
      'medicare-input',
      'phi',
      'identity',
      'info',
    ]),
  })
  .meta({ id: 'ReturnLabelRef' });

export const extractedFieldSchema = z
  .object({
    key: z.string().describe('Stable field key, e.g. grossPayments'),
    label: z.string().describe('Display label, e.g. "Gross payments"'),
    valueType: fieldValueTypeSchema,
    value: z
      .union([z.string(), z.number()])
      .describe('money and integer: a number (money in cents); date: yyyy-mm-dd; abn: 11 digits; text'),
    raw: z.string().describe('The text the value was read from (a TFN is always masked)'),
    confidence: z.number().min(0).max(1),
    region: regionSchema
      .nullable()
      .describe('Where on the page it was read (fractions of the page, origin top-left)'),
    row: z.number().int().min(0).optional().describe('For table rows (private health statements): which row'),
    returnLabel: returnLabelRefSchema.nullable().describe('Where this value goes on the return'),
    /** Set once the user has confirmed or corrected the value. */
    corrected: z.boolean().optional(),
  })
  .meta({ id: 'ExtractedField' });
export type ExtractedFieldDto = z.infer<typeof extractedFieldSchema>;

export const csvColumnRefSchema = z.union([z.number().int().min(0).max(200), z.string().min(1).max(100)]);

export const csvColumnMappingSchema = z
  .object({
    date: csvColumnRefSchema,
    amount: csvColumnRefSchema.optional(),
    debit: csvColumnRefSchema.optional(),
    credit: csvColumnRefSchema.optional(),
    description: z.union([csvColumnRefSchema, z.array(csvColumnRefSchema).min(1).max(5)]),
    payee: csvColumnRefSchema.optional(),
    reference: csvColumnRefSchema.optional(),
    balance: csvColumnRefSchema.optional(),
    hasHeader: z.boolean().optional(),
    dateOrder: z.enum(['dmy', 'mdy', 'ymd']).optional(),
    invertAmount: z.boolean().optional(),
  })
  .refine((m) => m.amount !== undefined || m.debit !== undefined || m.credit !== undefined, {
    message: 'choose an amount column, or debit and credit columns',
    path: ['amount'],
  })
  .meta({ id: 'CsvColumnMapping' });
export type CsvColumnMappingDto = z.infer<typeof csvColumnMappingSchema>;

export const bankImportSummarySchema = z
  .object({
    format: z.enum(['csv', 'ofx', 'qfx', 'qif', 'unknown']),
    layout: z
      .string()
      .nullable()
      .describe('The recognised CSV layout (commbank, westpac, …, generic, mapped)'),
    encoding: z.string().nullable(),
    /** Transactions read from the file. */
    read: z.number().int().min(0),
    /** New transactions stored. */
    imported: z.number().int().min(0),
    /** Transactions already imported before (same fingerprint): nothing added. */
    duplicates: z.number().int().min(0),
    /** Of the new transactions, how many have a deduction suggestion. */
    suggestions: z.number().int().min(0),
    errors: z.array(z.object({ line: z.number().int().optional(), message: z.string() })).max(50),
    firstDate: z.string().nullable(),
    lastDate: z.string().nullable(),
    /** The columns were not recognised: choose them (POST …/mapping). */
    needsMapping: z.boolean(),
    /** With needsMapping on a single-document read: the header and a few rows to choose from. */
    mappingPreview: z
      .object({ headers: z.array(z.string()), sample: z.array(z.array(z.string())) })
      .optional(),
  })
  .meta({ id: 'BankImportSummary' });
export type BankImportSummary = z.infer<typeof bankImportSummarySchema>;

export const documentSchema = z
  .object({
    id: z.uuid(),
    ownerId: z.uuid(),
    originalName: z.string(),
    contentType: z.string().describe('Detected from the file content, never from its name'),
    kind: documentKindSchema,
    sizeBytes: z.number().int(),
    documentType: documentTypeSchema.nullable(),
    status: documentStatusSchema,
    progress: z.number().int().min(0).max(100),
    incomeYear: z.string().nullable(),
    pageCount: z.number().int().nullable(),
    failureReason: z.string().nullable().describe('Plain English, when status is failed'),
    fields: z.array(extractedFieldSchema),
    classification: z
      .object({ confidence: z.number().min(0).max(1), reasons: z.array(z.string()) })
      .nullable(),
    warnings: z.array(z.string()),
    /** How the text was read: the PDF text layer, OCR, or both (mixed PDFs). */
    textSource: z.enum(['text-layer', 'ocr', 'mixed']).nullable(),
    /** For receipts: the deduction label suggested from the receipt's content (the user confirms). */
    suggestedDeductionLabel: deductionLabelSchema.nullable(),
    import: bankImportSummarySchema.nullable(),
    confirmedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    /** Set on an upload response when the same file (by SHA-256) was already uploaded: this is that document. */
    duplicateOf: z.uuid().optional(),
  })
  .meta({ id: 'Document' });
export type DocumentDto = z.infer<typeof documentSchema>;

export const documentListQuerySchema = z.object({
  type: documentTypeSchema.optional(),
  incomeYear: incomeYearSchema.optional(),
  status: documentStatusSchema.optional(),
  kind: documentKindSchema.optional(),
  /** A reviewer reads a taxpayer's documents by naming them (needs an active delegation). */
  ownerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: z.string().max(200).optional(),
});
export type DocumentListQuery = z.infer<typeof documentListQuerySchema>;

export const documentListSchema = z
  .object({ items: z.array(documentSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'DocumentList' });

export const ownerQuerySchema = z.object({ ownerId: z.uuid().optional() });

export const documentSearchQuerySchema = z.object({
  q: z.string().trim().min(1, 'is required').max(200),
  ownerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** A snippet as plain-text segments: the client highlights the `match` ones (no HTML to inject). */
export const snippetSchema = z.array(z.object({ text: z.string(), match: z.boolean() }));

export const documentSearchResultSchema = z
  .object({
    items: z.array(
      z.object({
        document: documentSchema,
        rank: z.number(),
        snippet: snippetSchema,
      }),
    ),
  })
  .meta({ id: 'DocumentSearchResults' });

export const documentPasswordSchema = z.object({
  /** Used once, in this request, to read the file; never stored, logged or queued. */
  password: z.string().min(1, 'is required').max(256),
});

export const confirmFieldSchema = z.strictObject({
  key: z.string().min(1).max(80),
  row: z.number().int().min(0).max(50).optional(),
  /** The corrected value: money in cents, dates yyyy-mm-dd, text as shown. null removes the field. */
  value: z
    .union([z.string().max(500), z.number().int().min(-1_000_000_000_000).max(1_000_000_000_000)])
    .nullable(),
});

// Strict: a misspelt key ("corrections" for "fields") must be a 400, not a confirmation of the
// figures as extracted.
export const confirmDocumentSchema = z
  .strictObject({
    /** Override the detected type (fields are then read against the new type's keys). */
    documentType: documentTypeSchema.optional(),
    /** Override the income year read from the document's dates. */
    incomeYear: incomeYearSchema.optional(),
    /** Corrections; fields not listed are confirmed as extracted. */
    fields: z.array(confirmFieldSchema).max(100).default([]),
    /** Receipts: the deduction to claim (default: the suggested label). */
    deduction: z
      .strictObject({
        label: deductionLabelSchema.optional(),
        description: z.string().trim().min(1).max(200).optional(),
        workUseBasisPoints: z.number().int().min(0).max(10_000).optional(),
      })
      .optional(),
  })
  .meta({ id: 'ConfirmDocument' });
export type ConfirmDocumentRequest = z.infer<typeof confirmDocumentSchema>;

export const confirmDocumentResultSchema = z
  .object({
    document: documentSchema,
    incomeYear: incomeYearSchema,
    /** How many return items now carry this document as evidence. */
    itemsApplied: z.number().int().min(0),
  })
  .meta({ id: 'ConfirmDocumentResult' });

export const reprocessDocumentSchema = z.object({
  /** Read the document again as this type. */
  documentType: documentTypeSchema.optional(),
});

export const eventsTicketSchema = z
  .object({
    ticket: z
      .string()
      .describe('Pass as ?token= to GET /api/v1/documents/events (EventSource cannot send headers)'),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'DocumentEventsTicket' });

/** One server-sent event on /documents/events (event: document). */
export const documentEventSchema = z
  .object({
    id: z.uuid(),
    status: documentStatusSchema,
    progress: z.number().int().min(0).max(100),
    documentType: documentTypeSchema.nullable(),
    failureReason: z.string().nullable(),
    updatedAt: z.iso.datetime(),
    deleted: z.boolean().optional(),
  })
  .meta({ id: 'DocumentEvent' });
export type DocumentEvent = z.infer<typeof documentEventSchema>;

// ---------------------------------------------------------------------------------------------
// Bank transactions
// ---------------------------------------------------------------------------------------------

export const transactionReviewStatusSchema = z.enum(['unreviewed', 'claimed', 'dismissed']);

export const transactionSuggestionSchema = z
  .object({
    category: z.string(),
    dLabel: z.string().describe('Deduction label on the return, e.g. D5'),
    confidence: z.number().min(0).max(1),
    reason: z.string(),
    evidenceHint: z.string().describe('What records the ATO expects'),
    ruleId: z.string(),
  })
  .meta({ id: 'TransactionSuggestion' });

export const transactionSchema = z
  .object({
    id: z.uuid(),
    sourceDocumentId: z.uuid().nullable(),
    accountKey: z.string(),
    postedOn: z.string(),
    amountCents: z.number().int().describe('Signed: money out is negative'),
    description: z
      .string()
      .describe('As the bank wrote it; may start with = or + (never put it in a spreadsheet raw)'),
    formulaRisk: z.boolean().describe('The description would run as a formula in a spreadsheet'),
    incomeYear: z.string().nullable(),
    category: z.string().nullable(),
    deductible: z.boolean().nullable(),
    suggestion: transactionSuggestionSchema.nullable(),
    reviewStatus: transactionReviewStatusSchema,
    claim: z
      .object({ label: deductionLabelSchema, workUseBasisPoints: z.number().int(), description: z.string() })
      .nullable(),
    evidenceDocumentId: z.uuid().nullable(),
  })
  .meta({ id: 'Transaction' });
export type TransactionDto = z.infer<typeof transactionSchema>;

export const transactionListQuerySchema = z.object({
  incomeYear: incomeYearSchema.optional(),
  reviewStatus: transactionReviewStatusSchema.optional(),
  /** Only transactions with a deduction suggestion. */
  suggested: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  documentId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
});

export const transactionListSchema = z
  .object({ items: z.array(transactionSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'TransactionList' });

export const reviewTransactionSchema = z
  .discriminatedUnion('action', [
    z.strictObject({
      action: z.literal('claim'),
      /** Default: the suggestion's label. */
      label: deductionLabelSchema.optional(),
      description: z.string().trim().min(1).max(200).optional(),
      workUseBasisPoints: z.number().int().min(0).max(10_000).default(10_000),
      /** A receipt (an uploaded document of the same owner) as extra evidence. */
      evidenceDocumentId: z.uuid().nullable().optional(),
    }),
    z.object({ action: z.literal('dismiss') }),
    z.object({ action: z.literal('reset') }),
  ])
  .meta({ id: 'ReviewTransaction' });
export type ReviewTransactionRequest = z.infer<typeof reviewTransactionSchema>;
