import { customType, timestamp } from 'drizzle-orm/pg-core';

/** created_at / updated_at on every table (DESIGN.md §4). */
export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** Ciphertext from the KeyRing (AES-256-GCM), stored as bytes. */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/** Full-text search vector (PostgreSQL `tsvector`), written by the app from decrypted text. */
export const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });
