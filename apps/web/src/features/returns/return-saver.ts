import type { ReturnFacts, ReturnItem, ReturnSection, ReturnUpdate, TaxReturnView } from '@numeri/contracts';
import { isApiError } from '../../lib/api';
import { describeItem } from './item-specs';

/**
 * Autosave for one return. Edits change the local draft at once (the live estimate reads it) and
 * are remembered as pending changes; after a short pause they are sent as one PATCH naming the
 * version they were based on. One request is in flight at a time; edits made meanwhile go in the
 * next. Network failures are retried with back-off and the changes kept; a 409 stops everything
 * and asks the person to load the newer version — a stale write never overwrites anything.
 */

export interface Draft {
  sections: ReturnSection[];
  facts: ReturnFacts;
  items: ReturnItem[];
}

export type SaveState =
  /** Nothing waiting. */
  | 'saved'
  /** Changes waiting for the pause before saving. */
  | 'pending'
  | 'saving'
  /** The server couldn't be reached: changes are kept and retried. */
  | 'offline'
  /** The server refused the change (not a conflict): shown with the reason, retried on request. */
  | 'error'
  /** Someone saved a newer version: nothing more is sent until the person loads it. */
  | 'conflict'
  /** Lodged: nothing can change. */
  | 'readonly';

export interface SaverSnapshot {
  year: string;
  draft: Draft;
  /** The last version the server confirmed (the next PATCH names it). */
  version: number;
  /** The server's latest view of the return (assessment of record, records, missing). */
  server: TaxReturnView;
  state: SaveState;
  error: unknown;
  lastSavedAt: number | null;
  /** Number of changes not yet confirmed by the server. */
  pending: number;
}

export interface SaverOptions {
  send: (year: string, body: ReturnUpdate) => Promise<TaxReturnView>;
  delayMs?: number;
  retryDelaysMs?: readonly number[];
  /** Called with each view the server confirms (to refresh caches). */
  onSaved?: (view: TaxReturnView) => void;
}

/** Timings, adjustable for tests. */
export const saverTiming = {
  delayMs: 800,
  retryDelaysMs: [1_000, 2_000, 5_000, 10_000, 30_000] as readonly number[],
};

type ChangeKey = 'facts' | 'sections' | `item:${string}` | `remove:${string}`;

const EDITABLE = new Set(['draft', 'ready']);

export function draftOf(view: TaxReturnView): Draft {
  return { sections: [...view.sections], facts: view.facts, items: [...view.items] };
}

export class ReturnSaver {
  private snapshot: SaverSnapshot;
  private readonly listeners = new Set<() => void>();
  /** Change key → the edit counter when it last changed; a save clears only what it sent. */
  private readonly changes = new Map<ChangeKey, number>();
  private counter = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private attempt = 0;
  /** Not mounted: no timers are set (a last save may still be sent). */
  private stopped = true;
  private readonly waiters: ((saved: boolean) => void)[] = [];

  constructor(
    view: TaxReturnView,
    private readonly options: SaverOptions,
  ) {
    this.snapshot = {
      year: view.incomeYear,
      draft: draftOf(view),
      version: view.version,
      server: view,
      state: EDITABLE.has(view.status) ? 'saved' : 'readonly',
      error: null,
      lastSavedAt: null,
      pending: 0,
    };
  }

  /** Begins listening (mounted). Safe to call again after `stop` (React StrictMode remounts). */
  start() {
    this.stopped = false;
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('beforeunload', this.onBeforeUnload);
      document.addEventListener('visibilitychange', this.onHidden);
    }
    if (this.changes.size > 0 && !this.inFlight) this.schedule(0);
  }

  /** Stops timers and listeners (unmounted), sending any changes still waiting one last time. */
  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('beforeunload', this.onBeforeUnload);
      document.removeEventListener('visibilitychange', this.onHidden);
    }
    if (this.changes.size > 0 && !this.inFlight && this.editable) void this.save();
  }

  /** Switching away (another app on a phone, closing the tab): save now rather than after the pause. */
  private onHidden = () => {
    if (document.visibilityState === 'hidden' && this.changes.size > 0 && !this.inFlight && this.editable) {
      if (this.timer) clearTimeout(this.timer);
      this.timer = null;
      void this.save();
    }
  };

  /** Leaving the page with changes not yet saved: let the browser ask first. */
  private onBeforeUnload = (event: BeforeUnloadEvent) => {
    if (this.changes.size > 0 && this.snapshot.state !== 'readonly') {
      event.preventDefault();
      event.returnValue = '';
    }
  };

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  private set(next: Partial<SaverSnapshot>) {
    this.snapshot = { ...this.snapshot, ...next, pending: this.changes.size };
    for (const listener of this.listeners) listener();
  }

  get editable() {
    return this.snapshot.state !== 'readonly' && this.snapshot.state !== 'conflict';
  }

  private mark(keys: ChangeKey[]) {
    this.counter += 1;
    for (const key of keys) this.changes.set(key, this.counter);
  }

  private edited(draft: Draft, keys: ChangeKey[]) {
    if (!this.editable) return;
    this.mark(keys);
    const state =
      this.snapshot.state === 'offline' || this.snapshot.state === 'error' ? this.snapshot.state : 'pending';
    this.set({ draft, state });
    this.schedule(this.options.delayMs ?? saverTiming.delayMs);
  }

  upsertItem(item: ReturnItem) {
    const { draft } = this.snapshot;
    const exists = draft.items.some((existing) => existing.id === item.id);
    const items = exists
      ? draft.items.map((existing) => (existing.id === item.id ? item : existing))
      : [...draft.items, item];
    this.changes.delete(`remove:${item.id}`);
    this.edited({ ...draft, items }, [`item:${item.id}`]);
  }

  removeItem(id: string) {
    const { draft } = this.snapshot;
    this.changes.delete(`item:${id}`);
    const known = this.snapshot.server.items.some((item) => item.id === id);
    const items = draft.items.filter((item) => item.id !== id);
    if (known) this.edited({ ...draft, items }, [`remove:${id}`]);
    else {
      // Never saved: forgetting it is enough.
      this.set({ draft: { ...draft, items } });
      if (this.changes.size === 0 && this.snapshot.state === 'pending') this.set({ state: 'saved' });
    }
  }

  setFacts(facts: ReturnFacts) {
    this.edited({ ...this.snapshot.draft, facts }, ['facts']);
  }

  setSections(sections: ReturnSection[]) {
    this.edited({ ...this.snapshot.draft, sections }, ['sections']);
  }

  private schedule(delay: number) {
    if (this.stopped || this.snapshot.state === 'conflict') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.save();
    }, delay);
  }

  private onOnline = () => {
    if (this.snapshot.state === 'offline') this.retryNow();
  };

  /** "Try again now" (and coming back online). */
  retryNow() {
    if (this.snapshot.state === 'conflict' || this.snapshot.state === 'readonly') return;
    this.attempt = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.save();
  }

  /** Sends pending changes now and resolves true once everything is saved (false on failure). */
  flush(): Promise<boolean> {
    if (this.snapshot.state === 'conflict') return Promise.resolve(false);
    if (this.changes.size === 0 && !this.inFlight)
      return Promise.resolve(this.snapshot.state === 'saved' || this.snapshot.state === 'readonly');
    const done = new Promise<boolean>((resolve) => this.waiters.push(resolve));
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.inFlight) void this.save();
    return done;
  }

  private settle(saved: boolean) {
    for (const resolve of this.waiters.splice(0)) resolve(saved);
  }

  /** The body of the next PATCH and the change counters it covers. */
  private nextRequest(): { body: ReturnUpdate; sent: Map<ChangeKey, number> } {
    const sent = new Map(this.changes);
    const { draft } = this.snapshot;
    const upsertItems: ReturnItem[] = [];
    const removeItemIds: string[] = [];
    for (const key of sent.keys()) {
      if (key.startsWith('item:')) {
        const item = draft.items.find((candidate) => candidate.id === key.slice(5));
        if (item) upsertItems.push(item);
      } else if (key.startsWith('remove:')) removeItemIds.push(key.slice(7));
    }
    const body: ReturnUpdate = {
      version: this.snapshot.version,
      ...(sent.has('sections') ? { sections: draft.sections } : {}),
      ...(sent.has('facts') ? { facts: draft.facts } : {}),
      ...(upsertItems.length ? { upsertItems } : {}),
      ...(removeItemIds.length ? { removeItemIds } : {}),
    };
    return { body, sent };
  }

  private async save(): Promise<void> {
    if (this.inFlight || this.snapshot.state === 'conflict' || this.snapshot.state === 'readonly') return;
    if (this.changes.size === 0) {
      this.set({ state: 'saved' });
      this.settle(true);
      return;
    }
    const { body, sent } = this.nextRequest();
    this.set({ state: 'saving' });
    const run = (async () => {
      try {
        const view = await this.options.send(this.snapshot.year, body);
        for (const [key, at] of sent) if (this.changes.get(key) === at) this.changes.delete(key);
        this.attempt = 0;
        this.set({
          version: view.version,
          server: view,
          error: null,
          lastSavedAt: Date.now(),
          state: this.changes.size ? 'pending' : 'saved',
        });
        this.options.onSaved?.(view);
      } catch (error) {
        this.failed(error);
      }
    })();
    this.inFlight = run;
    await run;
    this.inFlight = null;
    if (this.snapshot.state === 'pending') {
      // More edits arrived meanwhile: send them (at once if someone is waiting for a flush).
      this.schedule(this.waiters.length ? 0 : (this.options.delayMs ?? saverTiming.delayMs));
    } else if (this.snapshot.state === 'saved') this.settle(true);
  }

  private failed(error: unknown) {
    if (isApiError(error) && error.code === 'VERSION_CONFLICT') {
      this.set({ state: 'conflict', error });
      this.settle(false);
      return;
    }
    const retryable =
      !isApiError(error) || error.isUnreachable || error.status === 429 || error.status >= 500;
    if (retryable) {
      const delays = this.options.retryDelaysMs ?? saverTiming.retryDelaysMs;
      const delay = delays[Math.min(this.attempt, delays.length - 1)] ?? 30_000;
      this.attempt += 1;
      this.set({ state: 'offline', error });
      this.settle(false);
      this.schedule(isApiError(error) && error.retryAfterSeconds ? error.retryAfterSeconds * 1000 : delay);
      return;
    }
    if (isApiError(error) && error.status === 409) {
      // The return was lodged elsewhere: it can no longer change.
      this.set({ state: 'conflict', error });
      this.settle(false);
      return;
    }
    this.set({ state: 'error', error });
    this.settle(false);
  }

  /** What has not been saved, in words (for the conflict dialog). */
  describePending(): string[] {
    const { draft, server } = this.snapshot;
    const lines: string[] = [];
    for (const key of this.changes.keys()) {
      if (key === 'facts') lines.push('Your answers about you, your family, cover and loans');
      else if (key === 'sections') lines.push('The parts of the return you said apply to you');
      else if (key.startsWith('item:')) {
        const item = draft.items.find((candidate) => candidate.id === key.slice(5));
        if (!item) continue;
        const before = server.items.some((candidate) => candidate.id === item.id);
        lines.push(`${before ? 'Changed' : 'Added'}: ${describeItem(item)}`);
      } else if (key.startsWith('remove:')) {
        const item = server.items.find((candidate) => candidate.id === key.slice(7));
        lines.push(`Removed: ${item ? describeItem(item) : 'an item'}`);
      }
    }
    return lines;
  }

  /**
   * Takes in a newer version fetched in the background (a document confirmed into this return, an
   * edit in another tab) when nothing of the person's is waiting or being sent. Returns whether it
   * did; otherwise the next save meets the 409 and the person chooses.
   */
  adopt(view: TaxReturnView): boolean {
    if (view.id !== this.snapshot.server.id || view.version <= this.snapshot.version) return false;
    if (this.changes.size > 0 || this.inFlight) return false;
    this.replace(view);
    return true;
  }

  /** Starts over from a view the server sent (the newer version, a lodgment, an amendment). */
  replace(view: TaxReturnView) {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.changes.clear();
    this.attempt = 0;
    this.set({
      year: view.incomeYear,
      draft: draftOf(view),
      version: view.version,
      server: view,
      state: EDITABLE.has(view.status) ? 'saved' : 'readonly',
      error: null,
    });
    this.settle(EDITABLE.has(view.status));
  }
}
