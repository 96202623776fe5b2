import {
  currentUserSchema,
  sessionTokensSchema,
  signInResponseSchema,
  type CurrentUser,
  type SessionTokens,
  type SignInResponse,
} from '@numeri/contracts';
import { api, isApiError, type ApiClient } from '../api';
import { AUTH_API } from './paths';

export type AuthStatus = 'loading' | 'signed-in' | 'signed-out';

export interface AuthSnapshot {
  status: AuthStatus;
  user: CurrentUser | null;
  /** True when the last attempt to restore or renew the session could not reach the server. */
  unreachable: boolean;
}

/** The Web Locks lock every tab takes before using the refresh cookie. */
export const REFRESH_LOCK = 'numeri-refresh';
const CHANNEL = 'numeri-auth';

type AuthMessage = { type: 'signed-in' } | { type: 'signed-out' };

/**
 * Where a protected page should go when the person deliberately signs out from it (instead of
 * the usual "sign in to continue"): e.g. the sign-in page with "You're signed out", or the
 * account-closed page with its message. The route guard performs this one navigation, so it
 * can't race with a second one.
 */
export interface AuthExit {
  /** The path the person left from; the exit applies only there. */
  from: string;
  to: string;
  state?: unknown;
}

export interface AuthSessionOptions {
  client: ApiClient;
  /** Web Locks; default `navigator.locks` when the browser has it. */
  locks?: () => LockManager | undefined;
  /** Tells other tabs about sign-in and sign-out; default a `BroadcastChannel` when available. */
  channel?: () => BroadcastChannel | undefined;
  now?: () => number;
  /** Renew this long before the access token expires. */
  refreshLeadSeconds?: number;
}

const defaultLocks = () => (typeof navigator !== 'undefined' ? navigator.locks : undefined);
const defaultChannel = () =>
  typeof BroadcastChannel === 'undefined' ? undefined : new BroadcastChannel(CHANNEL);

/**
 * The signed-in session of this tab.
 *
 * - The access token lives only in this object's memory: never in storage, never in a cookie the
 *   page can read. The refresh token is an httpOnly cookie the page never sees.
 * - On start, one POST /auth/refresh restores the session from the cookie.
 * - Refreshes are single-flight (callers share one promise) and run under the Web Locks lock
 *   `numeri-refresh`, so two tabs never present the same refresh cookie at once: the server
 *   rotates the cookie on every refresh and ends the whole session if a rotated one comes back.
 *   Sign-in and sign-out take the same lock, because they replace or clear that cookie too.
 *   Without Web Locks the tab still refreshes single-flight (other tabs are then on their own).
 * - A refresh is scheduled a minute before the access token expires, and done at once when a
 *   request finds it expired (e.g. after the laptop slept).
 * - Other tabs hear about sign-in and sign-out on a BroadcastChannel and follow.
 */
export class AuthSession {
  private snapshot: AuthSnapshot = { status: 'loading', user: null, unreachable: false };
  private readonly listeners = new Set<() => void>();
  private token: string | null = null;
  private expiresAt = 0;
  private inflight: Promise<boolean> | null = null;
  private started: Promise<void> | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on sign-out, so a refresh that was already under way can't sign the tab back in. */
  private generation = 0;
  private channel: BroadcastChannel | undefined;
  private exit: AuthExit | null = null;
  private readonly client: ApiClient;
  private readonly locks: () => LockManager | undefined;
  private readonly openChannel: () => BroadcastChannel | undefined;
  private readonly now: () => number;
  private readonly lead: number;

  constructor(options: AuthSessionOptions) {
    this.client = options.client;
    this.locks = options.locks ?? defaultLocks;
    this.openChannel = options.channel ?? defaultChannel;
    this.now = options.now ?? Date.now;
    this.lead = options.refreshLeadSeconds ?? 60;
    this.client.setHooks({
      accessToken: () => this.accessToken(),
      refresh: (failedToken) => this.refreshAfterUnauthorized(failedToken),
    });
  }

  // ── state for React (useSyncExternalStore) ─────────────────────────────────────────────────

  readonly getSnapshot = (): AuthSnapshot => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private set(next: Partial<AuthSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...next };
    for (const listener of this.listeners) listener();
  }

  // ── lifecycle ─────────────────────────────────────────────────────────────────────────────

  /** Restores the session from the refresh cookie, once per page load. */
  start(): Promise<void> {
    if (!this.started) {
      this.listen();
      this.started = this.refresh().then(() => undefined);
    }
    return this.started;
  }

  /** Tries to restore the session again (after "can't reach Numeri"). */
  retry(): Promise<boolean> {
    this.set({ status: 'loading', unreachable: false });
    return this.refresh();
  }

  private listen(): void {
    this.channel = this.openChannel();
    if (this.channel) {
      this.channel.onmessage = (event: MessageEvent<AuthMessage>) => {
        if (event.data?.type === 'signed-out') {
          this.generation += 1;
          this.clear();
        } else if (event.data?.type === 'signed-in') {
          // Another tab signed in (maybe as someone else): pick up the session from the cookie.
          void this.refresh();
        }
      };
    }
    if (typeof document !== 'undefined') document.addEventListener('visibilitychange', this.onVisible);
  }

  /** Timers in background tabs are throttled: catch up when the tab is shown again. */
  private readonly onVisible = () => {
    if (document.visibilityState !== 'visible' || this.snapshot.status !== 'signed-in') return;
    if (this.now() >= this.expiresAt - this.lead * 1000) void this.refresh();
  };

  private broadcast(message: AuthMessage): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel only means other tabs won't follow at once; they will on their next request.
    }
  }

  /** Runs `task` holding the cross-tab refresh lock (or directly when Web Locks is unavailable). */
  private withLock<T>(task: () => Promise<T>): Promise<T> {
    const locks = this.locks();
    if (!locks?.request) return task();
    return locks.request(REFRESH_LOCK, { mode: 'exclusive' }, task) as Promise<T>;
  }

  // ── tokens ────────────────────────────────────────────────────────────────────────────────

  /** The access token for a request; renewed first when it has already expired. */
  async accessToken(): Promise<string | null> {
    if (this.token && this.now() >= this.expiresAt - 5_000) await this.refresh();
    return this.token;
  }

  /** A request sent with `failedToken` got a 401: refresh unless someone already has since. */
  private async refreshAfterUnauthorized(failedToken: string | null): Promise<boolean> {
    if (this.token && this.token !== failedToken) return true;
    return this.refresh();
  }

  /** Gets a new access token from the refresh cookie. Concurrent callers share one request. */
  refresh(): Promise<boolean> {
    this.inflight ??= this.runRefresh().finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  private async runRefresh(): Promise<boolean> {
    const generation = this.generation;
    try {
      const tokens = await this.withLock(() =>
        this.client.post(AUTH_API.refresh, undefined, { schema: sessionTokensSchema, auth: false }),
      );
      if (generation !== this.generation) return false;
      this.accept(tokens);
      return true;
    } catch (error) {
      if (generation !== this.generation) return false;
      if (isApiError(error) && error.status >= 400 && error.status < 500 && error.status !== 429) {
        // No session, or it ended (signed out elsewhere, expired, revoked).
        this.clear();
        return false;
      }
      // Offline, rate-limited or the server is struggling: keep a session we may still have, and try again soon.
      if (this.snapshot.status === 'signed-in') {
        this.schedule(15);
        this.set({ unreachable: true });
      } else {
        this.set({ status: 'signed-out', user: null, unreachable: true });
      }
      return false;
    }
  }

  /** Takes the tokens from sign-in or refresh. */
  private accept(tokens: SessionTokens): void {
    this.token = tokens.accessToken;
    this.expiresAt = this.now() + tokens.expiresIn * 1000;
    const lead = tokens.expiresIn > 2 * this.lead ? tokens.expiresIn - this.lead : tokens.expiresIn / 2;
    this.schedule(lead);
    this.set({ status: 'signed-in', user: tokens.user, unreachable: false });
  }

  private schedule(seconds: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), Math.max(1, seconds) * 1000);
  }

  private clear(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.token = null;
    this.expiresAt = 0;
    this.set({ status: 'signed-out', user: null, unreachable: false });
  }

  // ── leaving deliberately ──────────────────────────────────────────────────────────────────

  /** Call just before signing out on purpose (see {@link AuthExit}). */
  planExit(exit: AuthExit): void {
    this.exit = exit;
  }

  /** The planned exit for a protected page at `pathname`, if any. */
  exitFor(pathname: string): AuthExit | null {
    return this.exit?.from === pathname ? this.exit : null;
  }

  /** Once the person is somewhere else, a planned exit no longer applies. */
  dropExitUnlessAt(pathname: string): void {
    if (this.exit && this.exit.from !== pathname) this.exit = null;
  }

  // ── sign-in and sign-out ──────────────────────────────────────────────────────────────────

  /** Email and password. Either signs in, or returns the challenge for the second factor. */
  async signIn(email: string, password: string): Promise<SignInResponse> {
    const result = await this.withLock(() =>
      this.client.post(AUTH_API.signIn, { email, password }, { schema: signInResponseSchema, auth: false }),
    );
    if (result.status === 'signed-in') this.signedIn(result);
    return result;
  }

  /** The second step: a 6-digit code or a recovery code. */
  async completeMfa(mfaToken: string, code: string): Promise<SessionTokens> {
    const tokens = await this.withLock(() =>
      this.client.post(AUTH_API.signInMfa, { mfaToken, code }, { schema: sessionTokensSchema, auth: false }),
    );
    this.signedIn(tokens);
    return tokens;
  }

  private signedIn(tokens: SessionTokens): void {
    this.generation += 1;
    this.exit = null;
    this.accept(tokens);
    this.broadcast({ type: 'signed-in' });
  }

  /** Ends this session on the server (which clears the cookie) and here, and tells other tabs. */
  async signOut(): Promise<void> {
    const token = this.token;
    this.generation += 1;
    try {
      await this.withLock(() =>
        this.client.post(AUTH_API.signOut, undefined, {
          auth: false,
          headers: token ? { Authorization: `Bearer ${token}` } : undefined,
        }),
      );
    } catch {
      // Signed out here regardless; the server session expires on its own.
    }
    this.clear();
    this.broadcast({ type: 'signed-out' });
  }

  /** Ends every session of this account (all devices), then this one. */
  async signOutEverywhere(): Promise<void> {
    await this.client.post(AUTH_API.signOutEverywhere);
    this.generation += 1;
    this.clear();
    this.broadcast({ type: 'signed-out' });
  }

  /** The session ended from outside (e.g. the account was closed): forget it here and in other tabs. */
  forget(): void {
    this.generation += 1;
    this.clear();
    this.broadcast({ type: 'signed-out' });
  }

  /** Re-reads the current user (after turning on 2FA, changing email, …). */
  async reloadUser(): Promise<CurrentUser> {
    const user = await this.client.get(AUTH_API.me, { schema: currentUserSchema });
    if (this.snapshot.status === 'signed-in') this.set({ user });
    return user;
  }

  /** Tests only: back to a fresh page load. */
  reset(): void {
    this.generation += 1;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.token = null;
    this.expiresAt = 0;
    this.inflight = null;
    this.started = null;
    this.channel?.close();
    this.channel = undefined;
    this.exit = null;
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', this.onVisible);
    this.snapshot = { status: 'loading', user: null, unreachable: false };
  }
}

/** The app's session, wired into the app's API client. */
export const authSession = new AuthSession({ client: api });
