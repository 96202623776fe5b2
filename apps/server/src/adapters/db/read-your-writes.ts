import type { Redis } from 'ioredis';

/**
 * Read-your-writes for a primary + streaming replica (ADR 0011). After a user writes, that
 * user's list-style reads go to the primary for `stickyMs`, long enough for the replica to
 * replay the write. Marks live in this process's memory and, when Redis is attached, in Redis too,
 * so a user whose next request lands on another API replica still reads from the primary.
 *
 * Trade-offs: without Redis, a load balancer that spreads one user's requests over processes may
 * show that user a list a moment old on another process; with Redis, each replica-routed read
 * costs one GET (answered from memory when this process saw the write). When Redis cannot answer
 * quickly the read goes to the primary: correct, only less offloaded.
 */
export class ReadYourWrites {
  private readonly recent = new Map<string, number>();
  private redis: Redis | undefined;

  constructor(
    private readonly stickyMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Shares marks across processes through Redis. */
  useRedis(redis: Redis | undefined): void {
    this.redis = redis;
  }

  noteWrite(userId: string): void {
    if (this.stickyMs <= 0) return;
    const until = this.now() + this.stickyMs;
    this.recent.set(userId, until);
    if (this.recent.size > 50_000) this.prune();
    if (this.redis?.status === 'ready') {
      this.redis.set(key(userId), '1', 'PX', this.stickyMs).catch(() => {});
    }
  }

  /** True while this user's own write may not yet be on the replica. */
  async mustUsePrimary(userId: string): Promise<boolean> {
    if (this.stickyMs <= 0) return false;
    const until = this.recent.get(userId);
    if (until !== undefined) {
      if (until > this.now()) return true;
      this.recent.delete(userId);
    }
    const redis = this.redis;
    if (!redis) return false;
    if (redis.status !== 'ready') return true;
    let timer: NodeJS.Timeout | undefined;
    try {
      const found = await Promise.race([
        redis.exists(key(userId)),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('redis slow')), 250);
        }),
      ]);
      return found > 0;
    } catch {
      return true;
    } finally {
      clearTimeout(timer);
    }
  }

  private prune(): void {
    const now = this.now();
    for (const [userId, until] of this.recent) if (until <= now) this.recent.delete(userId);
  }
}

const key = (userId: string) => `numeri:ryw:${userId}`;
