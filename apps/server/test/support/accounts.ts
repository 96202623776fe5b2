import { randomInt } from 'node:crypto';
import { simpleParser } from 'mailparser';
import { readOutbox } from '../../src/adapters/email/mailer.outbox';
import { currentTotp } from '../../src/services/accounts/totp';
import type { TestContext } from './test-app';

export const STRONG_PASSWORD = 'correct horse battery staple 42';

/** Each caller looks like a different client, so per-IP rate limits don't couple unrelated tests. */
export function randomIp(): string {
  return `10.${randomInt(0, 255)}.${randomInt(0, 255)}.${randomInt(1, 254)}`;
}

export async function inbox(ctx: TestContext) {
  await ctx.app.services.emails.flush();
  const raw = await readOutbox(ctx.config.mail.kind === 'outbox' ? ctx.config.mail.dir : '');
  return Promise.all(raw.map(async (message) => simpleParser(message)));
}

/** The newest email to `to`, and the token in its link. */
export async function lastEmailTo(ctx: TestContext, to: string) {
  const messages = (await inbox(ctx)).filter((m) => (m.to as { text: string } | undefined)?.text === to);
  const message = messages.at(-1);
  if (!message) throw new Error(`no email to ${to}`);
  const token = /token=([A-Za-z0-9_-]+)/.exec(message.text ?? '')?.[1];
  return { message, token };
}

export interface SignedIn {
  email: string;
  userId: string;
  accessToken: string;
  refreshCookie: string;
  ip: string;
  auth: { authorization: string };
}

export function cookieFrom(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie.join('; ') : (setCookie ?? '');
  const match = /numeri_refresh=([^;]*)/.exec(header);
  if (!match) throw new Error(`no refresh cookie in ${header}`);
  return match[1]!;
}

export async function signUpAndVerify(ctx: TestContext, email: string, password = STRONG_PASSWORD) {
  const ip = randomIp();
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-up',
    remoteAddress: ip,
    payload: { email, password, givenName: 'Test', familyName: 'Person' },
  });
  if (response.statusCode !== 202) throw new Error(`sign-up failed: ${response.body}`);
  const { token } = await lastEmailTo(ctx, email);
  const verified = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    remoteAddress: ip,
    payload: { token },
  });
  if (verified.statusCode !== 200) throw new Error(`verify failed: ${verified.body}`);
}

export async function signIn(ctx: TestContext, email: string, password = STRONG_PASSWORD): Promise<SignedIn> {
  const ip = randomIp();
  const response = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: ip,
    payload: { email, password },
  });
  const body = response.json();
  if (body.status !== 'signed-in') throw new Error(`sign-in did not complete: ${response.body}`);
  return {
    email,
    userId: body.user.id,
    accessToken: body.accessToken,
    refreshCookie: cookieFrom(response.headers['set-cookie']),
    ip,
    auth: { authorization: `Bearer ${body.accessToken}` },
  };
}

export async function newUser(ctx: TestContext, prefix = 'user'): Promise<SignedIn> {
  const email = `${prefix.toLowerCase()}.${randomInt(1e9)}@example.com`;
  await signUpAndVerify(ctx, email);
  return signIn(ctx, email);
}

/** Turns on 2FA for a signed-in user; returns the secret and recovery codes. */
export async function enableTwoFactor(ctx: TestContext, user: SignedIn) {
  const setup = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/2fa/setup',
    headers: user.auth,
    remoteAddress: user.ip,
  });
  const { secret } = setup.json();
  const code = await currentTotp(secret, ctx.clock.now().getTime());
  const enabled = await ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/2fa/enable',
    headers: user.auth,
    remoteAddress: user.ip,
    payload: { code },
  });
  if (enabled.statusCode !== 200) throw new Error(`enable failed: ${enabled.body}`);
  return { secret: secret as string, recoveryCodes: enabled.json().recoveryCodes as string[] };
}

/** A code for the next 30-second step (codes are single-use, so tests move the clock on). */
export async function nextTotp(ctx: TestContext, secret: string): Promise<string> {
  ctx.clock.advance(30_000);
  return currentTotp(secret, ctx.clock.now().getTime());
}
