import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users.schema';

export const DELEGATION_STATUSES = ['invited', 'active', 'revoked', 'declined'] as const;

/**
 * A taxpayer's grant of read-and-comment access to a reviewer (a tax agent). Only an active
 * delegation opens the owner's data; the owner can revoke it at any time.
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    ownerId: uuid('owner_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    reviewerId: uuid('reviewer_id').references(() => users.id, { onDelete: 'cascade' }),
    inviteEmail: text('invite_email').notNull(),
    status: text('status', { enum: DELEGATION_STATUSES }).notNull().default('invited'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    endedAt: timestamp('ended_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('delegations_owner_idx').on(t.ownerId),
    index('delegations_reviewer_idx').on(t.reviewerId, t.status),
  ],
);
