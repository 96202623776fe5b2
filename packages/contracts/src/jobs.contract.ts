import { z } from 'zod';

/**
 * Every background job: its name and the schema of its payload. The server defines exactly one
 * handler per name (checked by the type system and again at start-up).
 */
export const jobPayloadSchemas = {
  /** Proves the job pipeline end to end (readiness checks, scale-out tests). */
  'system.selftest': z.object({
    marker: z.string().min(1).max(200),
    /** Keeps the job running this long (crash-and-resume tests). */
    holdMs: z.number().int().min(0).max(60_000).default(0),
  }),
  /** Removes closed accounts whose record-keeping period has ended (daily). */
  'account.purge-closed': z.object({ day: z.iso.date() }),
  /** Removes stored files that no document row refers to (daily, two-pass). */
  'storage.sweep-orphans': z.object({ day: z.iso.date() }),
  /** Reads an uploaded document or imports a bank file; resumes from its last durable step. */
  'document.process': z.object({ documentId: z.uuid() }),
} as const;

export type JobName = keyof typeof jobPayloadSchemas;
export type JobPayload<N extends JobName> = z.infer<(typeof jobPayloadSchemas)[N]>;
export const JOB_NAMES = Object.keys(jobPayloadSchemas) as JobName[];
