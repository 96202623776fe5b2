import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { currentTotp } from '../../src/services/accounts/totp';
import { createTestApp, type TestContext } from '../support/test-app';
import {
  cookieFrom,
  enableTwoFactor,
  newUser,
  nextTotp,
  randomIp,
  STRONG_PASSWORD,
} from '../support/accounts';

let ctx: TestContext;
const secretsSeen: string[] = [];

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  const logs = ctx.logs.text();
  for (const secret of secretsSeen) expect(logs).not.toContain(secret);
  await ctx.close();
});

const signInPassword = (email: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: randomIp(),
    payload: { email, password: STRONG_PASSWORD },
  });
const signInCode = (mfaToken: string, code: string) =>
  ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in/mfa',
    remoteAddress: randomIp(),
    payload: { mfaToken, code },
  });

describe('two-factor enrolment', () => {
  it('gives a QR code of the otpauth URI, then 10 recovery codes once confirmed', async () => {
    const user = await newUser(ctx, 'enrol');
    const setup = await ctx.app.inject({ method: 'POST', url: '/api/v1/auth/2fa/setup', headers: user.auth });
    expect(setup.statusCode).toBe(200);
    const body = setup.json();
    secretsSeen.push(body.secret);
    expect(body.otpauthUri).toMatch(
      new RegExp(`^otpauth://totp/Numeri:${encodeURIComponent(user.email)}\\?secret=${body.secret}`),
    );
    expect(body.qrCodeDataUrl).toMatch(/^data:image\/png;base64,/);

    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/2fa/enable',
      headers: user.auth,
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('code');

    const code = await currentTotp(body.secret, ctx.clock.now().getTime());
    const enabled = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/2fa/enable',
      headers: user.auth,
      payload: { code },
    });
    expect(enabled.statusCode).toBe(200);
    const { recoveryCodes } = enabled.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    secretsSeen.push(...recoveryCodes);
    const me = await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth });
    expect(me.json().twoFactorEnabled).toBe(true);
  });
});

describe('sign-in with two factors', () => {
  it('the password step gives only a challenge: no session, no cookie, no access', async () => {
    const user = await newUser(ctx, 'challenge');
    await enableTwoFactor(ctx, user);
    const step1 = await signInPassword(user.email);
    expect(step1.json().status).toBe('mfa-required');
    expect(step1.headers['set-cookie']).toBeUndefined();
    const { mfaToken } = step1.json();
    secretsSeen.push(mfaToken);
    // Skipping step two: the challenge token is not an access token anywhere.
    for (const url of ['/api/v1/auth/me', '/api/v1/profile', '/api/v1/auth/sessions']) {
      expect(
        (await ctx.app.inject({ url, headers: { authorization: `Bearer ${mfaToken}` } })).statusCode,
      ).toBe(401);
    }
    expect((await signInCode(mfaToken, '123456')).statusCode).toBe(400);
  });

  it('completes with a TOTP code, and the same code cannot be used twice', async () => {
    const user = await newUser(ctx, 'totp');
    const { secret } = await enableTwoFactor(ctx, user);
    const code = await nextTotp(ctx, secret);
    const first = await signInCode((await signInPassword(user.email)).json().mfaToken, code);
    expect(first.statusCode).toBe(200);
    expect(first.json().status).toBe('signed-in');
    expect(cookieFrom(first.headers['set-cookie'])).toBeTruthy();
    const replay = await signInCode((await signInPassword(user.email)).json().mfaToken, code);
    expect(replay.statusCode).toBe(400);
  });

  it('a recovery code works exactly once', async () => {
    const user = await newUser(ctx, 'recovery');
    const { recoveryCodes } = await enableTwoFactor(ctx, user);
    const code = recoveryCodes[3]!;
    expect(
      (await signInCode((await signInPassword(user.email)).json().mfaToken, code.toUpperCase())).statusCode,
    ).toBe(200);
    expect((await signInCode((await signInPassword(user.email)).json().mfaToken, code)).statusCode).toBe(400);
    const profile = await ctx.app.inject({ url: '/api/v1/profile', headers: user.auth });
    expect(profile.json().recoveryCodesRemaining).toBe(9);
  });

  it('a challenge expires after five minutes', async () => {
    const user = await newUser(ctx, 'slowmfa');
    const { secret } = await enableTwoFactor(ctx, user);
    const { mfaToken } = (await signInPassword(user.email)).json();
    ctx.clock.advance(5 * 60_000 + 1_000);
    expect(
      (await signInCode(mfaToken, await currentTotp(secret, ctx.clock.now().getTime()))).statusCode,
    ).toBe(401);
  });

  it('locks the second factor after repeated wrong codes', async () => {
    const user = await newUser(ctx, 'mfalock');
    const { secret } = await enableTwoFactor(ctx, user);
    const { mfaToken } = (await signInPassword(user.email)).json();
    for (let i = 0; i < 5; i += 1)
      expect((await signInCode(mfaToken, String(100000 + i))).statusCode).toBe(400);
    const locked = await signInCode(mfaToken, await nextTotp(ctx, secret));
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });
});

describe('step-up before sensitive actions', () => {
  it('the TFN needs 2FA on and a second factor in the last 10 minutes', async () => {
    const user = await newUser(ctx, 'stepup');
    const noTwoFactor = await ctx.app.inject({ url: '/api/v1/profile/tfn', headers: user.auth });
    expect(noTwoFactor.statusCode).toBe(403);
    expect(noTwoFactor.json().code).toBe('MFA_ENROLMENT_REQUIRED');

    const { secret } = await enableTwoFactor(ctx, user); // enrolling proves a factor for this session
    expect(
      (
        await ctx.app.inject({
          method: 'PUT',
          url: '/api/v1/profile/tfn',
          headers: user.auth,
          payload: { tfn: '123 456 782' },
        })
      ).statusCode,
    ).toBe(200);

    ctx.clock.advance(10 * 60_000 + 1_000);
    const stale = await ctx.app.inject({ url: '/api/v1/profile/tfn', headers: user.auth });
    expect(stale.statusCode).toBe(403);
    expect(stale.json().code).toBe('STEP_UP_REQUIRED');
    const code = await nextTotp(ctx, secret);
    const stepUp = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/step-up',
      headers: user.auth,
      payload: { code },
    });
    expect(stepUp.statusCode).toBe(200);
    const tfn = await ctx.app.inject({ url: '/api/v1/profile/tfn', headers: user.auth });
    expect(tfn.statusCode).toBe(200);
    expect(tfn.json()).toEqual({ tfn: '123456782' });
  });

  it('disabling 2FA needs a fresh code and removes the recovery codes', async () => {
    const user = await newUser(ctx, 'disable');
    const { secret, recoveryCodes } = await enableTwoFactor(ctx, user);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/2fa/disable',
          headers: user.auth,
          payload: { code: '111111' },
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/2fa/disable',
          headers: user.auth,
          payload: { code: await nextTotp(ctx, secret) },
        })
      ).statusCode,
    ).toBe(204);
    const signIn = await signInPassword(user.email);
    expect(signIn.json().status).toBe('signed-in');
    expect(
      (
        await ctx.app.inject({
          method: 'POST',
          url: '/api/v1/auth/step-up',
          headers: user.auth,
          payload: { code: recoveryCodes[0] },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('changing the password needs step-up when 2FA is on, and ends other sessions', async () => {
    const user = await newUser(ctx, 'pwchange');
    const { secret } = await enableTwoFactor(ctx, user);
    const otherDevice = await signInCode(
      (await signInPassword(user.email)).json().mfaToken,
      await nextTotp(ctx, secret),
    );
    const otherAuth = { authorization: `Bearer ${otherDevice.json().accessToken}` };
    ctx.clock.advance(11 * 60_000);
    const blocked = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: user.auth,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'fresh horse battery staple 43' },
    });
    expect(blocked.json().code).toBe('STEP_UP_REQUIRED');
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/step-up',
      headers: user.auth,
      payload: { code: await nextTotp(ctx, secret) },
    });
    const changed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/account/password',
      headers: user.auth,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'fresh horse battery staple 43' },
    });
    expect(changed.statusCode).toBe(204);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: user.auth })).statusCode).toBe(200);
    expect((await ctx.app.inject({ url: '/api/v1/auth/me', headers: otherAuth })).statusCode).toBe(401);
  });
});

describe('REQUIRE_2FA', () => {
  it('a user without 2FA can only enrol until they have it', async () => {
    const strict = await createTestApp({ env: { REQUIRE_2FA: 'true' } });
    try {
      const user = await newUser(strict, 'strict');
      const me = await strict.app.inject({ url: '/api/v1/auth/me', headers: user.auth });
      expect(me.json().twoFactorEnrolmentRequired).toBe(true);
      const blocked = await strict.app.inject({
        method: 'PATCH',
        url: '/api/v1/profile',
        headers: user.auth,
        payload: { givenName: 'X' },
      });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('MFA_ENROLMENT_REQUIRED');
      const { secret } = await enableTwoFactor(strict, user);
      expect(
        (
          await strict.app.inject({
            method: 'PATCH',
            url: '/api/v1/profile',
            headers: user.auth,
            payload: { givenName: 'X' },
          })
        ).statusCode,
      ).toBe(200);
      const disable = await strict.app.inject({
        method: 'POST',
        url: '/api/v1/auth/2fa/disable',
        headers: user.auth,
        payload: { code: await nextTotp(strict, secret) },
      });
      expect(disable.statusCode).toBe(403);
    } finally {
      await strict.close();
    }
  });
});
