import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';

export const JOB_STATUSES = ['queued', 'running', 'succeeded', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The state of background work. The queue (in-process or BullMQ) only carries job ids; this
 * table is the source of truth, so a crash loses nothing and unfinished jobs are re-dispatched
 * at the next start.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    payload: jsonb('payload').notNull(),
    status: text('status', { enum: JOB_STATUSES }).notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    /** Optional key that makes submitting the same work twice a no-op. */
    dedupeKey: text('dedupe_key'),
    lastError: text('last_error'),
    /** What the handler reported when it finished (counts, ids; never personal data). */
    result: jsonb('result'),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex('jobs_dedupe_key_unique').on(t.dedupeKey),
    index('jobs_status_idx').on(t.status, t.updatedAt),
  ],
);
