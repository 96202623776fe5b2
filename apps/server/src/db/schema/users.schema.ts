import { sql } from 'drizzle-orm';
import { check, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { bytea, timestamps } from './columns';

export const USER_ROLES = ['taxpayer', 'reviewer', 'admin'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased and trimmed; unique. */
    email: text('email').notNull(),
    passwordHash: text('password_hash').notNull(),
    givenName: text('given_name').notNull().default(''),
    familyName: text('family_name').notNull().default(''),
    role: text('role', { enum: USER_ROLES }).notNull().default('taxpayer'),
    emailVerifiedAt: timestamp('email_verified_at', { withTimezone: true }),
    /** This user's data key, wrapped by a versioned master key (envelope encryption). */
    dataKeyWrapped: text('data_key_wrapped').notNull(),
    phoneEncrypted: bytea('phone_encrypted'),
    dateOfBirthEncrypted: bytea('date_of_birth_encrypted'),
    postalAddressEncrypted: bytea('postal_address_encrypted'),
    tfnEncrypted: bytea('tfn_encrypted'),
    residency: text('residency'),
    totpSecretEncrypted: bytea('totp_secret_encrypted'),
    /** A secret being enrolled: becomes the real one once the user proves it with a code. */
    totpPendingSecretEncrypted: bytea('totp_pending_secret_encrypted'),
    totpEnabledAt: timestamp('totp_enabled_at', { withTimezone: true }),
    /** Last accepted TOTP time step: a code is never accepted twice. */
    totpLastTimeStep: integer('totp_last_time_step'),
    failedSignIns: integer('failed_sign_ins').notNull().default(0),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    status: text('status', { enum: ['active', 'closed'] })
      .notNull()
      .default('active'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    /** When the record-keeping period allows this account's data to be removed. */
    deletionDueAt: timestamp('deletion_due_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('users_email_unique').on(t.email),
    check('users_email_lowercase', sql`${t.email} = lower(${t.email})`),
  ],
);
