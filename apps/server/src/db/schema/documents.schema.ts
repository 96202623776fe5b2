import { bigint, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamps, tsvector } from './columns';
import { users } from './users.schema';

export const DOCUMENT_STATUSES = [
  'queued',
  'reading',
  'extracting',
  'needs-review',
  'done',
  'failed',
  'needs-password',
] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    originalName: text('original_name').notNull(),
    contentType: text('content_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    /** income-statement, receipt, bank-statement, … (packages/extract DocumentType). */
    documentType: text('document_type'),
    status: text('status', { enum: DOCUMENT_STATUSES }).notNull().default('queued'),
    progress: integer('progress').notNull().default(0),
    incomeYear: text('income_year'),
    pageCount: integer('page_count'),
    /** Text read from the document, encrypted under the owner's data key. */
    textEncrypted: bytea('text_encrypted'),
    /** Extracted fields with confidence and page region (no TFN ever). */
    extractedFields: jsonb('extracted_fields'),
    failureReason: text('failure_reason'),
    /** Lexemes for full-text search, computed from the decrypted text at write time. */
    searchVector: tsvector('search_vector'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('documents_owner_sha256_unique').on(t.ownerId, t.sha256),
    index('documents_owner_created_idx').on(t.ownerId, t.createdAt),
    index('documents_search_idx').using('gin', t.searchVector),
  ],
);
