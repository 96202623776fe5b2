import { randomBytes } from 'node:crypto';
import { SignJWT, UnsecuredJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestContext } from '../support/test-app';
import {
  cookieFrom,
  lastEmailTo,
  newUser,
  randomIp,
  signIn,
  signUpAndVerify,
  STRONG_PASSWORD,
} from '../support/accounts';

let ctx: TestContext;
const secretsSeen: string[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  // Nothing secret that passed through this suite may appear in the logs.
  const logs = ctx.logs.text();
  for (const secret of [STRONG_PASSWORD, ...secretsSeen]) expect(logs).not.toContain(secret);
  await ctx.close();
});

const post = (url: string, payload?: object, headers: Record<string, string> = {}, ip = randomIp()) =>
  ctx.app.inject({ method: 'POST', url, payload, headers, remoteAddress: ip });
const withoutRequestId = (body: Record<string, unknown>) => ({ ...body, requestId: undefined });

describe('sign-up and email verification', () => {
  it('creates an account, emails a single-use link, and verifies once', async () => {
    const email = `new.${Date.now()}@example.com`;
    const response = await post('/api/v1/auth/sign-up', {
      email: email.toUpperCase(),
      password: STRONG_PASSWORD,
      givenName: 'Jane',
      familyName: 'Citizen',
    });
    expect(response.statusCode).toBe(202);
    const { token, message } = await lastEmailTo(ctx, email);
    expect(message.subject).toBe('Confirm your email for Numeri');
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    secretsSeen.push(token!);

    const before = await post('/api/v1/auth/sign-in', { email, password: STRONG_PASSWORD });
    expect(before.statusCode).toBe(403);
    expect(before.json().code).toBe('EMAIL_NOT_VERIFIED');

    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(200);
    const again = await post('/api/v1/auth/verify-email', { token });
    expect(again.statusCode).toBe(410);
    expect((await post('/api/v1/auth/sign-in', { email, password: STRONG_PASSWORD })).json().status).toBe(
      'signed-in',
    );
  });

  it('answers the same whether or not the email already has an account', async () => {
    const email = `taken.${Date.now()}@example.com`;
    await signUpAndVerify(ctx, email);
    const fresh = await post('/api/v1/auth/sign-up', {
      email: `fresh.${Date.now()}@example.com`,
      password: STRONG_PASSWORD,
      givenName: 'A',
      familyName: 'B',
    });
    const taken = await post('/api/v1/auth/sign-up', {
      email,
      password: STRONG_PASSWORD,
      givenName: 'A',
      familyName: 'B',
    });
    expect(taken.statusCode).toBe(fresh.statusCode);
    expect(taken.json()).toEqual(fresh.json());
    // The real owner hears about it instead.
    expect((await lastEmailTo(ctx, email)).message.subject).toBe('You already have a Numeri account');
  });

  it('a verification link expires after 24 hours', async () => {
    const email = `slow.${Date.now()}@example.com`;
    await post('/api/v1/auth/sign-up', {
      email,
      password: STRONG_PASSWORD,
      givenName: 'S',
      familyName: 'Low',
    });
    const { token } = await lastEmailTo(ctx, email);
    ctx.clock.advance(24 * 60 * 60_000 + 1_000);
    expect((await post('/api/v1/auth/verify-email', { token })).statusCode).toBe(410);
  });

  it('rejects short, common and personal passwords with the reason on the field', async () => {
    for (const password of ['short', 'password1234', 'qwertyuiop123', 'janecitizen2024']) {
      const response = await post('/api/v1/auth/sign-up', {
        email: `weak.${Date.now()}@example.com`,
        password,
        givenName: 'Jane',
        familyName: 'Citizen',
      });
      expect(response.statusCode, password).toBe(400);
      const problem = response.json();
      expect(problem.errors[0].field).toBe('password');
      expect(problem.errors[0].message).toMatch(/at least 12|too easy to guess/);
    }
  });

  it('invalid input names the fields', async () => {
    const response = await post('/api/v1/auth/sign-up', {
      email: 'not-an-email',
      password: STRONG_PASSWORD,
      givenName: '',
      familyName: 'X',
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['email', 'givenName']);
  });
});

describe('sign-in', () => {
  it('a wrong password and an unknown email look the same', async () => {
    const user = await newUser(ctx, 'same');
    const wrong = await post('/api/v1/auth/sign-in', {
      email: user.email,
      password: 'not the right password',
    });
    const unknown = await post('/api/v1/auth/sign-in', {
      email: `nobody.${Date.now()}@example.com`,
      password: 'not the right password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(withoutRequestId(wrong.json())).toEqual(withoutRequestId(unknown.json()));
  });

  it('locks an address after repeated failures, with a growing wait, even for the right password', async () => {
    const user = await newUser(ctx, 'locked');
    for (let i = 0; i < 5; i += 1)
      expect(
        (await post('/api/v1/auth/sign-in', { email: user.email, password: `guess number ${i}!` }))
          .statusCode,
      ).toBe(401);
    const locked = await post('/api/v1/auth/sign-in', { email: user.email, password: STRONG_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(Number(locked.headers['retry-after'])).toBe(60);
    // After the wait, one more failure locks for twice as long.
    ctx.clock.advance(61_000);
    expect(
      (await post('/api/v1/auth/sign-in', { email: user.email, password: 'still wrong!!' })).statusCode,
    ).toBe(401);
    const longer = await post('/api/v1/auth/sign-in', { email: user.email, password: STRONG_PASSWORD });
    expect(Number(longer.headers['retry-after'])).toBe(120);
    ctx.clock.advance(121_000);
    expect(
      (await post('/api/v1/auth/sign-in', { email: user.email, password: STRONG_PASSWORD })).json().status,
    ).toBe('signed-in');
  });

  it('locks unknown addresses the same way, revealing nothing', async () => {
    const email = `ghost.${Date.now()}@example.com`;
    for (let i = 0; i < 5; i += 1)
      await post('/api/v1/auth/sign-in', { email, password: `guess number ${i}!` });
    const locked = await post('/api/v1/auth/sign-in', { email, password: 'anything at all' });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('rate-limits sign-in attempts per IP address', async () => {
    const ip = randomIp();
    const statuses: number[] = [];
    for (let i = 0; i < 12; i += 1)
      statuses.push(
        (await post('/api/v1/auth/sign-in', { email: `rl${i}@example.com`, password: 'x' }, {}, ip))
          .statusCode,
      );
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const limited = await post('/api/v1/auth/sign-in', { email: 'rl@example.com', password: 'x' }, {}, ip);
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(limited.json().code).toBe('RATE_LIMITED');
  });
});

describe('access tokens', () => {
  it('a valid token reads /auth/me', async () => {
    const user = await newUser(ctx, 'me');
    const response = await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({
      email: user.email,
      role: 'taxpayer',
      emailVerified: true,
      twoFactorEnabled: false,
    });
  });

  it('refuses tampered, expired, wrong-key and alg:none tokens', async () => {
    const user = await newUser(ctx, 'tokens');
    secretsSeen.push(user.accessToken);
    const [header, payload, signature] = user.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    const forged = { ...claims, role: 'admin' };
    const tampered = `${header}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${signature}`;
    const wrongKey = await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(randomBytes(32));
    const none = new UnsecuredJWT(claims).encode();
    const noneWithTypo = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
    for (const token of [tampered, wrongKey, none, noneWithTypo, 'garbage', '']) {
      const response = await ctx.app.inject({
        url: '/api/v1/auth/me',
        headers: { authorization: `Bearer ${token}` },
      });
      expect(response.statusCode, token.slice(0, 20)).toBe(401);
    }
    ctx.clock.advance(15 * 60_000 + 1_000);
    const expired = await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth });
    expect(expired.statusCode).toBe(401);
  });

  it('no token at all is a 401 problem', async () => {
    const response = await ctx.app.inject('/api/v1/auth/me');
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('refresh tokens', () => {
  const refresh = (cookie: string, headers: Record<string, string> = { 'x-requested-with': 'numeri' }) =>
    ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers,
      cookies: { numeri_refresh: cookie },
      remoteAddress: randomIp(),
    });

  it('the cookie is httpOnly, Secure, SameSite=Strict and scoped to the auth API', async () => {
    const response = await post('/api/v1/auth/sign-in', {
      email: (await newUser(ctx, 'cookie')).email,
      password: STRONG_PASSWORD,
    });
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/api\/v1\/auth/);
    expect(response.body).not.toContain(cookieFrom(response.headers['set-cookie']));
  });

  it('rotates on every use, and a reused token revokes the whole session', async () => {
    const user = await newUser(ctx, 'rotate');
    secretsSeen.push(user.refreshCookie);
    const first = await refresh(user.refreshCookie);
    expect(first.statusCode).toBe(200);
    const rotated = cookieFrom(first.headers['set-cookie']);
    expect(rotated).not.toBe(user.refreshCookie);
    const newAccess = first.json().accessToken;

    // An attacker replays the old cookie: refused, and the session family is revoked.
    const replay = await refresh(user.refreshCookie);
    expect(replay.statusCode).toBe(401);
    expect((await refresh(rotated)).statusCode).toBe(401);
    expect(
      (await ctx.app.inject({ url: '/api/v1/auth/me', headers: { authorization: `Bearer ${newAccess}` } }))
        .statusCode,
    ).toBe(401);
  });

  it('refuses a refresh without the CSRF header', async () => {
    const user = await newUser(ctx, 'csrf');
    const response = await refresh(user.refreshCookie, {});
    expect(response.statusCode).toBe(403);
  });

  it('sign-out ends the session at once: access token and cookie both stop working', async () => {
    const user = await newUser(ctx, 'out');
    const out = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      headers: { 'x-requested-with': 'numeri' },
      cookies: { numeri_refresh: user.refreshCookie },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/numeri_refresh=;/);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth })).statusCode).toBe(401);
    expect((await refresh(user.refreshCookie)).statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('lists each device and revokes one, and sign-out-everywhere ends them all', async () => {
    const first = await newUser(ctx, 'devices');
    const second = await signIn(ctx, first.email);
    const list = await ctx.app.inject({
      url: '/api/v1/auth/sessions',
      headers: { ...first.auth, 'user-agent': 'Mozilla/5.0 (Windows NT 10.0) Chrome/120.0' },
    });
    const sessions = list.json();
    expect(sessions).toHaveLength(2);
    expect(sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    const other = sessions.find((s: { current: boolean }) => !s.current);
    expect(
      (
        await ctx.app.inject({
          method: 'DELETE',
          url: `/api/v1/auth/sessions/${other.id}`,
          headers: first.auth,
        })
      ).statusCode,
    ).toBe(204);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: second.auth })).statusCode).toBe(401);

    const third = await signIn(ctx, first.email);
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out-everywhere', headers: third.auth }))
        .statusCode,
    ).toBe(204);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: first.auth })).statusCode).toBe(401);
  });

  it('one user cannot see or revoke another user’s session', async () => {
    const alice = await newUser(ctx, 'alice');
    const mallory = await newUser(ctx, 'mallory');
    const [aliceSession] = (
      await ctx.app.inject({ url: '/api/v1/auth/sessions', headers: alice.auth })
    ).json();
    const attempt = await ctx.app.inject({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${aliceSession.id}`,
      headers: mallory.auth,
    });
    expect(attempt.statusCode).toBe(404);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: alice.auth })).statusCode).toBe(200);
  });
});

describe('password reset', () => {
  it('says the same for unknown addresses', async () => {
    const known = await newUser(ctx, 'reset-known');
    const a = await post('/api/v1/auth/forgot-password', { email: known.email });
    const b = await post('/api/v1/auth/forgot-password', { email: `unknown.${Date.now()}@example.com` });
    expect(a.statusCode).toBe(202);
    expect(b.json()).toEqual(a.json());
  });

  it('a reset link works once, sets the password and ends every session', async () => {
    const user = await newUser(ctx, 'reset');
    await post('/api/v1/auth/forgot-password', { email: user.email });
    const { token } = await lastEmailTo(ctx, user.email);
    secretsSeen.push(token!);
    const newPassword = 'a brand new long passphrase 7';
    secretsSeen.push(newPassword);
    expect((await post('/api/v1/auth/reset-password', { token, password: newPassword })).statusCode).toBe(
      200,
    );
    expect((await post('/api/v1/auth/reset-password', { token, password: newPassword })).statusCode).toBe(
      410,
    );
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth })).statusCode).toBe(401);
    expect(
      (await post('/api/v1/auth/sign-in', { email: user.email, password: STRONG_PASSWORD })).statusCode,
    ).toBe(401);
    expect(
      (await post('/api/v1/auth/sign-in', { email: user.email, password: newPassword })).json().status,
    ).toBe('signed-in');
    expect((await lastEmailTo(ctx, user.email)).message.subject).toBe('Your Numeri password was changed');
  });

  it('a reset link expires after an hour', async () => {
    const user = await newUser(ctx, 'reset-late');
    await post('/api/v1/auth/forgot-password', { email: user.email });
    const { token } = await lastEmailTo(ctx, user.email);
    ctx.clock.advance(60 * 60_000 + 1_000);
    expect(
      (await post('/api/v1/auth/reset-password', { token, password: 'another fine passphrase 9' }))
        .statusCode,
    ).toBe(410);
  });
});
