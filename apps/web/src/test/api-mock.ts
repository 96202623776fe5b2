import type { CurrentUser, Profile, SessionTokens } from '@numeri/contracts';
import { vi } from 'vitest';

/** A request as a mocked route sees it. */
export interface MockRequest {
  method: string;
  path: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export type MockHandler = (request: MockRequest) => unknown;

/** `{ 'POST /api/v1/auth/refresh': handler | json }`; handlers may return a Response or a JSON value. */
export type MockRoutes = Record<string, MockHandler | Response | Record<string, unknown> | unknown[]>;

export const USER_ID = '3f1c1d2e-8b7a-4c5d-9e0f-1a2b3c4d5e6f';

export function userFixture(overrides: Partial<CurrentUser> = {}): CurrentUser {
  return {
    id: USER_ID,
    email: 'alex@example.com',
    givenName: 'Alex',
    familyName: 'Nguyen',
    role: 'taxpayer',
    emailVerified: true,
    twoFactorEnabled: true,
    twoFactorEnrolmentRequired: false,
    ...overrides,
  };
}

export function tokensFixture(
  user: CurrentUser = userFixture(),
  accessToken = 'access-1',
  expiresIn = 900,
): SessionTokens {
  return { status: 'signed-in', accessToken, expiresIn, user };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}

/** An RFC 9457 problem response like the server's. */
export function problem(
  status: number,
  code: string,
  detail?: string,
  options: { errors?: { field: string; message: string }[]; headers?: Record<string, string> } = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `/api/problems#${code.toLowerCase()}`,
      title: detail ?? code,
      status,
      code,
      detail,
      errors: options.errors,
    }),
    { status, headers: { 'Content-Type': 'application/problem+json', ...options.headers } },
  );
}

export function signedOutResponse(): Response {
  return problem(401, 'UNAUTHENTICATED', 'Sign in to continue.');
}

/**
 * Stubs `fetch` with a small router keyed by "METHOD /path" (query strings ignored). Unknown
 * routes answer 404 and are listed in `unmatched`, so a test can assert nothing unexpected was called.
 */
export function mockApi(routes: MockRoutes) {
  const calls: MockRequest[] = [];
  const unmatched: string[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const method = (init.method ?? 'GET').toUpperCase();
    const path = url.split('?')[0]!;
    let body: unknown;
    if (typeof init.body === 'string' && init.body !== '') body = JSON.parse(init.body);
    const request: MockRequest = {
      method,
      path,
      url,
      headers: { ...(init.headers as Record<string, string> | undefined) },
      body,
    };
    calls.push(request);
    const key = `${method} ${path}`;
    if (!(key in routes)) {
      unmatched.push(key);
      return problem(404, 'NOT_FOUND', `No mock for ${key}`);
    }
    const route = routes[key];
    const result = typeof route === 'function' ? await (route as MockHandler)(request) : route;
    if (result instanceof Response) return result;
    if (result === undefined) return new Response(null, { status: 204 });
    return json(result);
  });
  vi.stubGlobal('fetch', fetchMock);
  return {
    fetchMock,
    calls,
    unmatched,
    /** The requests made to one route. */
    callsTo: (key: string) => calls.filter((call) => `${call.method} ${call.path}` === key),
  };
}

/** Routes for a signed-in session restored at start-up. */
export function signedInRoutes(user: CurrentUser = userFixture()): MockRoutes {
  return { 'POST /api/v1/auth/refresh': () => json(tokensFixture(user)) };
}

/** Routes for a visitor without a session. */
export function signedOutRoutes(): MockRoutes {
  return { 'POST /api/v1/auth/refresh': () => signedOutResponse() };
}

/** A promise with its resolve function, for controlling when a mocked response arrives. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

export function profileFixture(overrides: Partial<Profile> = {}): Profile {
  return {
    email: 'alex@example.com',
    givenName: 'Alex',
    familyName: 'Nguyen',
    phone: null,
    dateOfBirth: null,
    postalAddress: null,
    residency: 'resident',
    tfn: { present: true, masked: '*** *** 782' },
    role: 'taxpayer',
    emailVerified: true,
    twoFactorEnabled: true,
    recoveryCodesRemaining: 10,
    ...overrides,
  };
}
