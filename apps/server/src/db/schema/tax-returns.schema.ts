import {
  bigint,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users.schema';

export const RETURN_STATUSES = ['draft', 'ready', 'lodged', 'superseded'] as const;
export type ReturnStatus = (typeof RETURN_STATUSES)[number];

export const taxReturns = pgTable(
  'tax_returns',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    incomeYear: text('income_year').notNull(),
    /** 1 for the original return; each amendment is a new revision linked to the one it amends. */
    revision: integer('revision').notNull().default(1),
    amendsId: uuid('amends_id').references((): AnyPgColumn => taxReturns.id),
    status: text('status', { enum: RETURN_STATUSES }).notNull().default('draft'),
    /** Optimistic locking: every write names the version it read. */
    version: integer('version').notNull().default(1),
    input: jsonb('input').notNull().default({}),
    assessment: jsonb('assessment'),
    taxableIncomeCents: bigint('taxable_income_cents', { mode: 'number' }),
    totalTaxCents: bigint('total_tax_cents', { mode: 'number' }),
    refundCents: bigint('refund_cents', { mode: 'number' }),
    lodgment: jsonb('lodgment'),
    lodgedAt: timestamp('lodged_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('tax_returns_owner_year_revision_unique').on(t.ownerId, t.incomeYear, t.revision),
    index('tax_returns_owner_idx').on(t.ownerId),
  ],
);
