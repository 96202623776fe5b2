import { bigint, boolean, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { documents } from './documents.schema';
import { users } from './users.schema';

export const transactions = pgTable(
  'transactions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The statement file this line was imported from. */
    sourceDocumentId: uuid('source_document_id').references(() => documents.id, { onDelete: 'set null' }),
    accountKey: text('account_key').notNull(),
    /** Deterministic hash of account, date, amount, description and occurrence: re-imports add nothing. */
    fingerprint: text('fingerprint').notNull(),
    postedOn: date('posted_on', { mode: 'string' }).notNull(),
    amountCents: bigint('amount_cents', { mode: 'number' }).notNull(),
    description: text('description').notNull(),
    category: text('category'),
    deductible: boolean('deductible'),
    suggestion: jsonb('suggestion'),
    reviewStatus: text('review_status', { enum: ['unreviewed', 'claimed', 'dismissed'] })
      .notNull()
      .default('unreviewed'),
    evidenceDocumentId: uuid('evidence_document_id').references(() => documents.id, { onDelete: 'set null' }),
    incomeYear: text('income_year'),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('transactions_owner_fingerprint_unique').on(t.ownerId, t.fingerprint),
    index('transactions_owner_posted_idx').on(t.ownerId, t.postedOn),
  ],
);
