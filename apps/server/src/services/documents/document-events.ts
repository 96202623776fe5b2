import { and, gt, inArray } from 'drizzle-orm';
import type { DocumentEvent } from '@numeri/contracts';
import type { Logger } from 'pino';
import type { Db } from '../../adapters/db/database';
import { documents } from '../../db/schema';
import type { DocumentRow } from './document-record';

type Listener = (event: DocumentEvent) => void;

/** Most live streams one person may hold at once (tabs, devices). */
export const MAX_STREAMS_PER_USER = 5;

export function eventOf(
  row: Pick<DocumentRow, 'id' | 'status' | 'progress' | 'documentType' | 'failureReason' | 'updatedAt'>,
): DocumentEvent {
  return {
    id: row.id,
    status: row.status,
    progress: row.progress,
    documentType: (row.documentType as DocumentEvent['documentType']) ?? null,
    failureReason: row.failureReason,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * Document status changes for live streams (server-sent events). Changes made in this process
 * are delivered at once; changes made by other processes (BullMQ workers) are found by one poll
 * of the documents table per second for all owners with a listener. The table stays the source of
 * truth: a client that reconnects gets the current state of unfinished documents first.
 */
export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>();
  private timer: NodeJS.Timeout | undefined;
  private since = new Date(Date.now() - 2_000);
  private polling = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly pollMs = 1_000,
  ) {}

  streamsOf(ownerId: string): number {
    return this.listeners.get(ownerId)?.size ?? 0;
  }

  publish(ownerId: string, event: DocumentEvent): void {
    for (const listener of this.listeners.get(ownerId) ?? []) {
      try {
        listener(event);
      } catch (err) {
        this.log.warn({ err }, 'document event listener failed');
      }
    }
  }

  /** Listens for one owner's changes; returns the function that stops listening. */
  subscribe(ownerId: string, listener: Listener): () => void {
    // The same change can arrive both directly and from the poll: pass each state on once.
    const seen = new Map<string, string>();
    const deduped: Listener = (event) => {
      const key = `${event.status}:${event.progress}:${event.updatedAt}:${event.deleted ? 1 : 0}`;
      if (seen.get(event.id) === key) return;
      seen.set(event.id, key);
      if (seen.size > 1_000) seen.delete(seen.keys().next().value!);
      listener(event);
    };
    let set = this.listeners.get(ownerId);
    if (!set) this.listeners.set(ownerId, (set = new Set()));
    set.add(deduped);
    this.ensurePolling();
    return () => {
      set.delete(deduped);
      if (!set.size) this.listeners.delete(ownerId);
      if (!this.listeners.size) this.stop();
    };
  }

  private ensurePolling(): void {
    if (this.timer) return;
    this.since = new Date(Date.now() - 2_000);
    this.timer = setInterval(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  /** Finds changes written by any process since the last poll (with a little overlap for clock skew). */
  async poll(): Promise<void> {
    if (this.polling || !this.listeners.size) return;
    this.polling = true;
    try {
      const owners = [...this.listeners.keys()];
      const from = new Date(this.since.getTime() - 2_000);
      const rows = await this.db
        .select({
          id: documents.id,
          ownerId: documents.ownerId,
          status: documents.status,
          progress: documents.progress,
          documentType: documents.documentType,
          failureReason: documents.failureReason,
          updatedAt: documents.updatedAt,
        })
        .from(documents)
        .where(and(inArray(documents.ownerId, owners), gt(documents.updatedAt, from)))
        .orderBy(documents.updatedAt)
        .limit(500);
      for (const row of rows) {
        this.publish(row.ownerId, eventOf(row));
        if (row.updatedAt > this.since) this.since = row.updatedAt;
      }
    } catch (err) {
      this.log.warn({ err }, 'document events poll failed');
    } finally {
      this.polling = false;
    }
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
