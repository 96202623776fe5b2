import { and, eq, gt, isNull } from 'drizzle-orm';
import type { Clock } from '../../adapters/clock/clock';
import type { DbOrTx } from '../../adapters/db/database';
import { accountTokens, type AccountTokenPurpose } from '../../db/schema';
import { hashToken, randomToken } from './secrets';

export const TOKEN_LIFETIMES_MS: Record<AccountTokenPurpose, number> = {
  'verify-email': 24 * 60 * 60_000,
  'reset-password': 60 * 60_000,
  'change-email': 24 * 60 * 60_000,
  'delegation-invite': 14 * 24 * 60 * 60_000,
};

/** Single-use, expiring tokens sent by email; only their hash is stored. */
export class AccountTokens {
  constructor(private readonly clock: Clock) {}

  async issue(
    db: DbOrTx,
    userId: string,
    purpose: AccountTokenPurpose,
    data: Record<string, unknown> = {},
  ): Promise<string> {
    const token = randomToken();
    await db.insert(accountTokens).values({
      userId,
      purpose,
      tokenHash: hashToken(token),
      expiresAt: new Date(this.clock.now().getTime() + TOKEN_LIFETIMES_MS[purpose]),
      data,
    });
    return token;
  }

  /**
   * Uses a token: succeeds once, atomically, and only before it expires. Returns its owner and
   * data, or null for an unknown, used, expired or wrong-purpose token (all alike to the caller).
   */
  async consume(db: DbOrTx, token: string, purpose: AccountTokenPurpose) {
    const now = this.clock.now();
    const [row] = await db
      .update(accountTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(accountTokens.tokenHash, hashToken(token)),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
          gt(accountTokens.expiresAt, now),
        ),
      )
      .returning({ userId: accountTokens.userId, data: accountTokens.data });
    return row ? { userId: row.userId, data: row.data as Record<string, unknown> } : null;
  }

  /** Voids a user's unused tokens of one purpose (e.g. older reset links after a reset). */
  async revokeAll(db: DbOrTx, userId: string, purpose: AccountTokenPurpose): Promise<void> {
    await db
      .update(accountTokens)
      .set({ usedAt: this.clock.now() })
      .where(
        and(
          eq(accountTokens.userId, userId),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
        ),
      );
  }
}
