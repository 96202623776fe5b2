import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users } from './users.schema';

/**
 * One row per refresh token issued. Tokens are stored only as a SHA-256 hash. A rotation
 * creates a new row in the same family; presenting a rotated token revokes the family.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    refreshTokenHash: text('refresh_token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    rotatedAt: timestamp('rotated_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    /** When the user last proved a second factor in this session (step-up). */
    mfaVerifiedAt: timestamp('mfa_verified_at', { withTimezone: true }),
    ip: text('ip'),
    userAgent: text('user_agent'),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }).notNull().defaultNow(),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('user_sessions_refresh_token_hash_unique').on(t.refreshTokenHash),
    index('user_sessions_user_id_idx').on(t.userId),
    index('user_sessions_family_id_idx').on(t.familyId),
  ],
);
