import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, users } from '../../src/db/schema';
import { verifyAuditChain } from '../../src/services/audit/audit.service';
import { createTestApp, type TestContext } from '../support/test-app';
import { unzip } from '../support/zip';
import {
  enableTwoFactor,
  lastEmailTo,
  newUser,
  nextTotp,
  randomIp,
  signIn,
  STRONG_PASSWORD,
  type SignedIn,
} from '../support/accounts';

let ctx: TestContext;
const TFN = '123456782';

beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(async () => {
  const logs = ctx.logs.text();
  expect(logs).not.toContain(TFN);
  expect(logs).not.toContain('123 456 782');
  await ctx.close();
});

const api = (
  user: SignedIn,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  url: string,
  payload?: object,
) => ctx.app.inject({ method, url, headers: user.auth, payload, remoteAddress: user.ip });

describe('profile', () => {
  it('updates details, stores phone, birth date and address encrypted, and audits field names only', async () => {
    const user = await newUser(ctx, 'profile');
    const update = await api(user, 'PATCH', '/api/v1/profile', {
      phone: '0412 345 678',
      dateOfBirth: '1985-03-09',
      postalAddress: { line1: '1 Example St', suburb: 'Fitzroy', state: 'VIC', postcode: '3065' },
      residency: 'resident',
    });
    expect(update.statusCode).toBe(200);
    expect(update.json()).toMatchObject({
      phone: '0412345678',
      dateOfBirth: '1985-03-09',
      postalAddress: { suburb: 'Fitzroy' },
      residency: 'resident',
    });
    const [row] = await ctx.adapters.database.db.select().from(users).where(eq(users.id, user.userId));
    const raw = JSON.stringify(row);
    for (const plain of ['0412345678', '1985-03-09', 'Fitzroy']) expect(raw).not.toContain(plain);
    expect(row!.phoneEncrypted!.length).toBeGreaterThan(20);
    const entries = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'profile.updated'));
    expect(JSON.stringify(entries.at(-1)!.details)).toBe(
      JSON.stringify({ fields: ['dateOfBirth', 'phone', 'postalAddress', 'residency'] }),
    );
  });

  it('rejects a malformed phone, date and postcode by field', async () => {
    const user = await newUser(ctx, 'badprofile');
    const response = await api(user, 'PATCH', '/api/v1/profile', {
      phone: '12',
      dateOfBirth: '31/12/1980',
      postalAddress: { line1: 'x', suburb: 'y', state: 'VIC', postcode: '30' },
    });
    expect(response.statusCode).toBe(400);
    expect(
      response
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['dateOfBirth', 'phone', 'postalAddress.postcode']);
  });

  it('the TFN is check-digit validated, encrypted at rest, masked in the profile and audited when shown', async () => {
    const user = await newUser(ctx, 'tfn');
    await enableTwoFactor(ctx, user);
    const bad = await api(user, 'PUT', '/api/v1/profile/tfn', { tfn: '123 456 789' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { field: 'tfn', message: 'is not a valid tax file number (check digit does not match)' },
    ]);
    expect(bad.body).not.toContain('123 456 789');

    const good = await api(user, 'PUT', '/api/v1/profile/tfn', { tfn: '123 456 782' });
    expect(good.json().tfn).toEqual({ present: true, masked: '*** *** 782' });
    expect(good.body).not.toContain(TFN);
    const [row] = await ctx.adapters.database.db
      .execute(sql`select tfn_encrypted::text as t from users where id = ${user.userId}`)
      .then((r) => (r as unknown as { rows: { t: string }[] }).rows);
    expect(row!.t).not.toContain(Buffer.from(TFN).toString('hex'));
    expect((await api(user, 'GET', '/api/v1/profile/tfn')).json()).toEqual({ tfn: TFN });
    const viewed = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'profile.tfn-viewed'));
    expect(viewed.some((entry) => entry.actorUserId === user.userId)).toBe(true);
  });

  it('an email change is confirmed from the new address and the old one is told', async () => {
    const user = await newUser(ctx, 'mover');
    const newEmail = `moved.${Date.now()}@example.com`;
    const requested = await api(user, 'POST', '/api/v1/account/email', {
      newEmail,
      password: STRONG_PASSWORD,
    });
    expect(requested.statusCode).toBe(202);
    const { token } = await lastEmailTo(ctx, newEmail);
    const confirmed = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/confirm-email-change',
      payload: { token },
      remoteAddress: randomIp(),
    });
    expect(confirmed.statusCode).toBe(200);
    expect((await api(user, 'GET', '/api/v1/auth/me')).json().email).toBe(newEmail);
    expect((await lastEmailTo(ctx, user.email)).message.subject).toBe('Your Numeri email was changed');
  });
});

describe('one user cannot read, change or detect another’s account data', () => {
  it('every account route acts on the caller only', async () => {
    const alice = await newUser(ctx, 'alice');
    const bob = await newUser(ctx, 'bob');
    await api(alice, 'PATCH', '/api/v1/profile', { phone: '0400 000 001' });
    const bobProfile = await api(bob, 'GET', '/api/v1/profile');
    expect(bobProfile.json().email).toBe(bob.email);
    expect(bobProfile.body).not.toContain(alice.email);
    const delegation = await api(alice, 'POST', '/api/v1/delegations', { email: 'agent@example.com' });
    const id = delegation.json().id;
    // Bob cannot end, or even see, Alice's delegation: the same 404 as an id that never existed.
    const bobDelete = await api(bob, 'DELETE', `/api/v1/delegations/${id}`);
    const missing = await api(bob, 'DELETE', `/api/v1/delegations/00000000-0000-4000-8000-000000000000`);
    expect(bobDelete.statusCode).toBe(404);
    expect({ ...bobDelete.json(), requestId: 0, instance: 0 }).toEqual({
      ...missing.json(),
      requestId: 0,
      instance: 0,
    });
    expect((await api(bob, 'GET', '/api/v1/delegations')).json()).toEqual({ granted: [], received: [] });
    const activity = await api(bob, 'GET', '/api/v1/account/activity');
    expect(activity.json().every((e: { action: string }) => !e.action.startsWith('delegation'))).toBe(true);
  });

  it('admin routes do not exist for anyone but admins', async () => {
    const user = await newUser(ctx, 'notadmin');
    expect((await api(user, 'GET', '/api/v1/admin/users')).statusCode).toBe(404);
  });
});

describe('reviewers (delegated access)', () => {
  it('invite → accept (2FA and matching email required) → access, audited → revoke ends it', async () => {
    const owner = await newUser(ctx, 'owner');
    const agentEmail = `agent.${Date.now()}@example.com`;
    const invited = await api(owner, 'POST', '/api/v1/delegations', { email: agentEmail });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ status: 'invited', reviewer: { email: agentEmail, id: null } });
    const { token, message } = await lastEmailTo(ctx, agentEmail);
    expect(message.subject).toMatch(/invited you to review/);

    const stranger = await newUser(ctx, 'stranger');
    await enableTwoFactor(ctx, stranger);
    const wrongPerson = await api(stranger, 'POST', '/api/v1/delegations/accept', { token });
    expect(wrongPerson.statusCode).toBe(403);

    const { signUpAndVerify } = await import('../support/accounts');
    await signUpAndVerify(ctx, agentEmail);
    const agent = await signIn(ctx, agentEmail);
    const no2fa = await api(agent, 'POST', '/api/v1/delegations/accept', { token });
    expect(no2fa.json().code).toBe('MFA_ENROLMENT_REQUIRED');
    await enableTwoFactor(ctx, agent);
    // The stranger's failed attempt spent nothing: the invitation still works for its addressee.
    const accepted = await api(agent, 'POST', '/api/v1/delegations/accept', { token });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'active', owner: { id: owner.userId } });
    expect((await api(agent, 'GET', '/api/v1/auth/me')).json().role).toBe('reviewer');

    const access = ctx.app.services.access;
    const context = { actorUserId: agent.userId, ip: '203.0.113.9', userAgent: 'test', requestId: 'r1' };
    await expect(
      access.ownerFor({ userId: agent.userId }, owner.userId, context, { action: 'return.read' }),
    ).resolves.toBe(owner.userId);
    await expect(
      access.ownerFor(
        { userId: stranger.userId },
        owner.userId,
        { ...context, actorUserId: stranger.userId },
        { action: 'return.read' },
      ),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const reads = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'return.read'));
    expect(reads.map((r) => [r.actorUserId, r.subjectUserId, r.outcome])).toEqual(
      expect.arrayContaining([
        [agent.userId, owner.userId, 'success'],
        [stranger.userId, null, 'denied'],
      ]),
    );

    expect((await api(owner, 'DELETE', `/api/v1/delegations/${invited.json().id}`)).statusCode).toBe(204);
    await expect(
      access.ownerFor({ userId: agent.userId }, owner.userId, context, { action: 'return.read' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('your data', () => {
  it('exports everything as a zip (after step-up) with the TFN and activity', async () => {
    const user = await newUser(ctx, 'export');
    const { secret } = await enableTwoFactor(ctx, user);
    await api(user, 'PUT', '/api/v1/profile/tfn', { tfn: TFN });
    ctx.clock.advance(11 * 60_000);
    expect((await api(user, 'GET', '/api/v1/account/export')).json().code).toBe('STEP_UP_REQUIRED');
    await api(user, 'POST', '/api/v1/auth/step-up', { code: await nextTotp(ctx, secret) });
    const response = await api(user, 'GET', '/api/v1/account/export');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toMatch(
      /attachment; filename="numeri-export-\d{4}-\d{2}-\d{2}\.zip"/,
    );
    const files = await unzip(response.rawPayload);
    const data = JSON.parse(files.get('export.json')!.toString());
    expect(data.profile).toMatchObject({ email: user.email, tfn: TFN });
    expect(data.activity.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['auth.sign-up', 'auth.sign-in', '2fa.enabled', 'profile.tfn-changed']),
    );
    expect(JSON.stringify(data)).not.toMatch(/refreshTokenHash|password_hash|passwordHash/);
  });

  it('closing the account stops sign-in at once and says when the data goes', async () => {
    const user = await newUser(ctx, 'closer');
    const wrong = await api(user, 'POST', '/api/v1/account/close', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    const closed = await api(user, 'POST', '/api/v1/account/close', { password: STRONG_PASSWORD });
    expect(closed.statusCode).toBe(200);
    const days = (Date.parse(closed.json().deletionDueAt) - ctx.clock.now().getTime()) / 86_400_000;
    expect(Math.round(days)).toBe(30);
    expect((await api(user, 'GET', '/api/v1/auth/me')).statusCode).toBe(401);
    const again = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: randomIp(),
      payload: { email: user.email, password: STRONG_PASSWORD },
    });
    expect(again.statusCode).toBe(401);
    expect((await lastEmailTo(ctx, user.email)).message.subject).toBe('Your Numeri account is closed');

    // The purge removes it only once the date has passed.
    expect(
      await ctx.app.services.accountData.purgeDue({
        actorUserId: null,
        ip: null,
        userAgent: null,
        requestId: null,
      }),
    ).toBe(0);
    ctx.clock.advance(31 * 86_400_000);
    expect(
      await ctx.app.services.accountData.purgeDue({
        actorUserId: null,
        ip: null,
        userAgent: null,
        requestId: null,
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(await ctx.adapters.database.db.select().from(users).where(eq(users.id, user.userId))).toEqual([]);
  });
});

describe('audit trail', () => {
  it('records sign-ins with IP, device and outcome, and shows the user their activity', async () => {
    const user = await newUser(ctx, 'activity');
    await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      remoteAddress: '198.51.100.7',
      headers: { 'user-agent': 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_0) Firefox/126.0' },
      payload: { email: user.email, password: 'wrong password!!' },
    });
    const activity = (await api(user, 'GET', '/api/v1/account/activity')).json();
    expect(activity[0]).toMatchObject({
      action: 'auth.sign-in',
      outcome: 'failure',
      ip: '198.51.100.7',
      device: 'Firefox on macOS',
    });
  });

  it('the chain verifies, and the verifier names the first edited entry', async () => {
    const db = ctx.adapters.database.db;
    const before = await verifyAuditChain(db);
    expect(before.ok).toBe(true);
    const [victim] = await db.select().from(auditLogs).where(eq(auditLogs.action, 'auth.sign-in')).limit(1);
    await db.execute(sql`alter table audit_logs disable trigger audit_logs_append_only`);
    try {
      await db.execute(
        sql`update audit_logs set outcome = 'success', ip = '127.0.0.1' where seq = ${victim!.seq}`,
      );
    } finally {
      await db.execute(sql`alter table audit_logs enable trigger audit_logs_append_only`);
    }
    const after = await verifyAuditChain(db);
    expect(after).toMatchObject({
      ok: false,
      brokenAtSeq: victim!.seq,
      reason: expect.stringMatching(/edited/),
    });
  });
});
