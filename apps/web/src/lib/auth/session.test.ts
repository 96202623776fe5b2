import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  deferred,
  json,
  mockApi,
  problem,
  tokensFixture,
  userFixture,
  type MockRequest,
} from '../../test/api-mock';
import { createApiClient } from '../api';
import { AuthSession, REFRESH_LOCK } from './session';

const REFRESH = 'POST /api/v1/auth/refresh';

function newSession(options: Partial<ConstructorParameters<typeof AuthSession>[0]> = {}) {
  const client = createApiClient();
  const session = new AuthSession({ client, locks: () => undefined, channel: () => undefined, ...options });
  return { client, session };
}

/** An in-memory LockManager shared by "tabs": exclusive locks granted in request order. */
function sharedLocks() {
  const tails = new Map<string, Promise<unknown>>();
  const requested: string[] = [];
  const locks = {
    request: (name: string, options: unknown, callback?: (lock: unknown) => Promise<unknown>) => {
      const task = (typeof options === 'function' ? options : callback) as (
        lock: unknown,
      ) => Promise<unknown>;
      requested.push(name);
      const previous = tails.get(name) ?? Promise.resolve();
      const run = previous.then(() => task({ name, mode: 'exclusive' }));
      tails.set(
        name,
        run.catch(() => undefined),
      );
      return run;
    },
    query: async () => ({ held: [], pending: [] }),
  } as unknown as LockManager;
  return { locks, requested };
}

const bearer = (request: MockRequest) => request.headers.Authorization;

afterEach(() => {
  vi.useRealTimers();
});

describe('session refresh', () => {
  it('restores the session from the cookie once at start', async () => {
    const api = mockApi({ [REFRESH]: () => json(tokensFixture()) });
    const { session } = newSession();
    await Promise.all([session.start(), session.start()]);
    expect(api.callsTo(REFRESH)).toHaveLength(1);
    expect(api.callsTo(REFRESH)[0]!.headers['X-Requested-With']).toBe('numeri');
    expect(session.getSnapshot()).toMatchObject({ status: 'signed-in', user: { email: 'alex@example.com' } });
  });

  it('is signed out when there is no session, and "unreachable" when the server cannot be reached', async () => {
    mockApi({ [REFRESH]: () => problem(401, 'UNAUTHENTICATED') });
    const first = newSession().session;
    await first.start();
    expect(first.getSnapshot()).toEqual({ status: 'signed-out', user: null, unreachable: false });

    vi.stubGlobal('fetch', async () => {
      throw new TypeError('Failed to fetch');
    });
    const second = newSession().session;
    await second.start();
    expect(second.getSnapshot()).toEqual({ status: 'signed-out', user: null, unreachable: true });
  });

  it('sends the access token, and refreshes only once for two requests that get 401 at the same time', async () => {
    const second = deferred<Response>();
    let refreshes = 0;
    const api = mockApi({
      [REFRESH]: () => (++refreshes === 1 ? json(tokensFixture(userFixture(), 'access-1')) : second.promise),
      'GET /api/v1/a': (request) =>
        bearer(request) === 'Bearer access-2' ? { from: 'a' } : problem(401, 'UNAUTHENTICATED'),
      'GET /api/v1/b': (request) =>
        bearer(request) === 'Bearer access-2' ? { from: 'b' } : problem(401, 'UNAUTHENTICATED'),
    });
    const { client, session } = newSession();
    await session.start();

    const both = Promise.all([client.get('/api/v1/a'), client.get('/api/v1/b')]);
    // Both requests have failed with the old token before the (single) refresh answers.
    await vi.waitFor(() => expect(api.callsTo(REFRESH)).toHaveLength(2));
    await vi.waitFor(() => {
      expect(api.callsTo('GET /api/v1/a')).toHaveLength(1);
      expect(api.callsTo('GET /api/v1/b')).toHaveLength(1);
    });
    second.resolve(json(tokensFixture(userFixture(), 'access-2')));

    await expect(both).resolves.toEqual([{ from: 'a' }, { from: 'b' }]);
    expect(api.callsTo(REFRESH)).toHaveLength(2); // start-up + one shared refresh
    expect(api.callsTo('GET /api/v1/a').map(bearer)).toEqual(['Bearer access-1', 'Bearer access-2']);
    expect(api.callsTo('GET /api/v1/b').map(bearer)).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('does not refresh again for a 401 that comes back after someone else already refreshed', async () => {
    let refreshes = 0;
    const slow = deferred<Response>();
    const api = mockApi({
      [REFRESH]: () => json(tokensFixture(userFixture(), `access-${++refreshes}`)),
      'GET /api/v1/slow': (request) => (bearer(request) === 'Bearer access-1' ? slow.promise : { ok: true }),
      'GET /api/v1/fast': (request) =>
        bearer(request) === 'Bearer access-1' ? problem(401, 'UNAUTHENTICATED') : { ok: true },
    });
    const { client, session } = newSession();
    await session.start();
    const slowCall = client.get('/api/v1/slow');
    await client.get('/api/v1/fast'); // 401 → refresh → access-2
    slow.resolve(problem(401, 'UNAUTHENTICATED'));
    await expect(slowCall).resolves.toEqual({ ok: true });
    expect(api.callsTo(REFRESH)).toHaveLength(2);
    expect(api.callsTo('GET /api/v1/slow').map(bearer)).toEqual(['Bearer access-1', 'Bearer access-2']);
  });

  it('takes the numeri-refresh Web Lock for every refresh, sign-in and sign-out', async () => {
    mockApi({
      [REFRESH]: () => json(tokensFixture()),
      'POST /api/v1/auth/sign-in': () => json(tokensFixture()),
      'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
    });
    const { locks, requested } = sharedLocks();
    const { session } = newSession({ locks: () => locks });
    await session.start();
    await session.signIn('alex@example.com', 'a long passphrase');
    await session.signOut();
    expect(requested).toEqual([REFRESH_LOCK, REFRESH_LOCK, REFRESH_LOCK]);
  });

  describe('two tabs sharing one rotating refresh cookie', () => {
    /**
     * A server that rotates the cookie on every refresh and ends the whole session when a rotated
     * cookie is presented again — as Numeri's does. The cookie is read when the request is sent
     * and replaced when the response arrives, like a browser's cookie jar.
     */
    function rotatingServer() {
      const jar = { cookie: 'c1' };
      const used = new Set<string>();
      let revoked = false;
      let serial = 0;
      const api = mockApi({
        [REFRESH]: async () => {
          const presented = jar.cookie;
          await new Promise((resolve) => setTimeout(resolve, 5));
          if (revoked || used.has(presented)) {
            revoked = true;
            return problem(401, 'UNAUTHENTICATED', 'Your session has ended. Sign in again.');
          }
          used.add(presented);
          serial += 1;
          jar.cookie = `c${serial + 1}`;
          return json(tokensFixture(userFixture(), `access-${serial}`));
        },
      });
      return { api, isRevoked: () => revoked };
    }

    it('never present the same cookie twice when they hold the lock', async () => {
      const server = rotatingServer();
      const { locks } = sharedLocks();
      const tabA = newSession({ locks: () => locks }).session;
      const tabB = newSession({ locks: () => locks }).session;

      await Promise.all([tabA.start(), tabB.start()]);

      expect(server.isRevoked()).toBe(false);
      expect(tabA.getSnapshot().status).toBe('signed-in');
      expect(tabB.getSnapshot().status).toBe('signed-in');
    });

    it('(without the lock, the same race ends the session — which is why it is there)', async () => {
      const server = rotatingServer();
      const tabA = newSession({ locks: () => undefined }).session;
      const tabB = newSession({ locks: () => undefined }).session;
      await Promise.all([tabA.start(), tabB.start()]);
      expect(server.isRevoked()).toBe(true);
    });
  });

  it('renews the access token a minute before it expires', async () => {
    vi.useFakeTimers();
    let refreshes = 0;
    const api = mockApi({
      [REFRESH]: () => json(tokensFixture(userFixture(), `access-${++refreshes}`, 900)),
    });
    const { session } = newSession();
    await session.start();
    expect(api.callsTo(REFRESH)).toHaveLength(1);

    await vi.advanceTimersByTimeAsync(838_000);
    expect(api.callsTo(REFRESH)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(3_000);
    expect(api.callsTo(REFRESH)).toHaveLength(2);
    expect(await session.accessToken()).toBe('access-2');
  });

  it('refreshes before sending when the token has already expired (e.g. after sleep)', async () => {
    let now = 1_000_000;
    let refreshes = 0;
    const api = mockApi({
      [REFRESH]: () => json(tokensFixture(userFixture(), `access-${++refreshes}`, 900)),
      'GET /api/v1/thing': (request) => ({ token: bearer(request) }),
    });
    const { client, session } = newSession({ now: () => now });
    await session.start();
    now += 901_000;
    await expect(client.get('/api/v1/thing')).resolves.toEqual({ token: 'Bearer access-2' });
    expect(api.callsTo(REFRESH)).toHaveLength(2);
  });

  it('signs out: tells the server, forgets the token, and ignores a refresh that was already under way', async () => {
    const late = deferred<Response>();
    let refreshes = 0;
    const api = mockApi({
      [REFRESH]: () => (++refreshes === 1 ? json(tokensFixture()) : late.promise),
      'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
      'GET /api/v1/thing': (request) => ({ token: bearer(request) ?? null }),
    });
    const { client, session } = newSession();
    await session.start();
    const pending = session.refresh();
    await session.signOut();
    late.resolve(json(tokensFixture(userFixture(), 'access-late')));
    await expect(pending).resolves.toBe(false);

    expect(session.getSnapshot().status).toBe('signed-out');
    expect(api.callsTo('POST /api/v1/auth/sign-out')[0]!.headers['X-Requested-With']).toBe('numeri');
    await expect(client.get('/api/v1/thing', { auth: false })).resolves.toEqual({ token: null });
  });

  it('keeps the access token out of storage', async () => {
    mockApi({ [REFRESH]: () => json(tokensFixture(userFixture(), 'secret-access-token')) });
    const { session } = newSession();
    await session.start();
    const stored = [
      ...Object.keys(localStorage).map((key) => localStorage.getItem(key)),
      ...Object.keys(sessionStorage).map((key) => sessionStorage.getItem(key)),
      document.cookie,
    ].join(' ');
    expect(stored).not.toContain('secret-access-token');
  });
});
