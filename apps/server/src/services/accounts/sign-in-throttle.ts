import { eq, sql } from 'drizzle-orm';
import type { Clock } from '../../adapters/clock/clock';
import type { Db } from '../../adapters/db/database';
import { signInThrottles } from '../../db/schema';
import { hashToken } from './secrets';

/** Free attempts before a lockout; each later failure doubles it, up to an hour. */
const FREE_FAILURES = 5;
const FIRST_LOCK_MS = 60_000;
const MAX_LOCK_MS = 60 * 60_000;
/** A quiet spell this long forgives earlier failures. */
const FORGET_AFTER_MS = 24 * 60 * 60_000;

/**
 * Lockout with growing back-off after repeated failures, keyed by a hash of what was attacked
 * (an email address, or a user's second factor). Kept in the database so every replica agrees,
 * and kept for addresses with no account so the behaviour reveals nothing.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  private key(subject: string): string {
    return hashToken(`throttle:${subject}`);
  }

  /** Seconds until `subject` may try again, or 0. */
  async lockedFor(subject: string): Promise<number> {
    const [row] = await this.db
      .select()
      .from(signInThrottles)
      .where(eq(signInThrottles.keyHash, this.key(subject)));
    if (!row?.lockedUntil) return 0;
    const ms = row.lockedUntil.getTime() - this.clock.now().getTime();
    return ms > 0 ? Math.ceil(ms / 1000) : 0;
  }

  /** Records a failure; returns the lockout in seconds it caused (0 when none). */
  async fail(subject: string): Promise<number> {
    const now = this.clock.now();
    const key = this.key(subject);
    const forgetBefore = new Date(now.getTime() - FORGET_AFTER_MS);
    const [row] = await this.db
      .insert(signInThrottles)
      .values({ keyHash: key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: signInThrottles.keyHash,
        set: {
          failures: sql`case when ${signInThrottles.lastFailureAt} < ${forgetBefore} then 1 else ${signInThrottles.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning();
    const failures = row!.failures;
    if (failures < FREE_FAILURES) return 0;
    const lockMs = Math.min(MAX_LOCK_MS, FIRST_LOCK_MS * 2 ** (failures - FREE_FAILURES));
    await this.db
      .update(signInThrottles)
      .set({ lockedUntil: new Date(now.getTime() + lockMs) })
      .where(eq(signInThrottles.keyHash, key));
    return Math.ceil(lockMs / 1000);
  }

  async reset(subject: string): Promise<void> {
    await this.db.delete(signInThrottles).where(eq(signInThrottles.keyHash, this.key(subject)));
  }
}
