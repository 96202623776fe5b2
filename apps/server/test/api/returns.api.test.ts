import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnItemInput } from '@numeri/contracts';
import { auditLogs, documents } from '../../src/db/schema';
import { createTestApp, type TestContext } from '../support/test-app';
import { enableTwoFactor, newUser, nextTotp, type SignedIn } from '../support/accounts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestApp();
});
afterAll(() => ctx.close());

const api = (user: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: user.auth, payload, remoteAddress: user.ip });

const employer = (overrides: Partial<ReturnItemInput> = {}): ReturnItemInput =>
  ({
    id: randomUUID(),
    kind: 'employment',
    payerName: 'Acme Pty Ltd',
    payerAbn: '51824753556',
    grossPaymentsCents: 8_500_000,
    taxWithheldCents: 1_800_000,
    ...overrides,
  }) as ReturnItemInput;

async function startReturn(user: SignedIn, year = '2024-25') {
  const response = await api(user, 'POST', '/api/v1/returns', { incomeYear: year, copyFromPrevious: true });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

describe('returns', () => {
  it('creates one return per year, refuses a second, and refuses unsupported years', async () => {
    const user = await newUser(ctx, 'ret');
    const created = await startReturn(user);
    expect(created).toMatchObject({
      incomeYear: '2024-25',
      status: 'draft',
      version: 1,
      revision: 1,
      items: [],
    });
    expect(created.missing[0].id).toBe('residency');
    expect((await api(user, 'POST', '/api/v1/returns', { incomeYear: '2024-25' })).statusCode).toBe(409);
    expect((await api(user, 'POST', '/api/v1/returns', { incomeYear: '2019-20' })).statusCode).toBe(400);
    expect((await api(user, 'GET', '/api/v1/returns/2019-20')).statusCode).toBe(404);
  });

  it('recomputes the assessment on every change and stores it', async () => {
    const user = await newUser(ctx, 'assess');
    const created = await startReturn(user);
    const updated = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      sections: ['employment'],
      facts: {
        residency: { kind: 'resident' },
        spouse: null,
        dependentChildren: 0,
        hospitalCover: 'full-year',
        hasStudyLoan: false,
        sapto: null,
      },
      upsertItems: [employer()],
    });
    expect(updated.statusCode, updated.body).toBe(200);
    const body = updated.json();
    // 2024-25: TI $85,000 → tax $16,288; Medicare $1,700; withheld $18,000 → refund $12.
    expect(body.assessment).toMatchObject({
      taxableIncomeCents: 8_500_000,
      taxOnTaxableIncomeCents: 1_628_800,
      medicareLevyCents: 170_000,
      refundCents: 1_200,
    });
    expect(body.version).toBe(2);
    const list = (await api(user, 'GET', '/api/v1/returns')).json();
    expect(list[0]).toMatchObject({
      incomeYear: '2024-25',
      refundCents: 1_200,
      taxableIncomeCents: 8_500_000,
      version: 2,
    });
  });

  it('a stale write is a 409 and changes nothing', async () => {
    const user = await newUser(ctx, 'stale');
    const created = await startReturn(user);
    const first = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      upsertItems: [employer()],
    });
    expect(first.statusCode).toBe(200);
    const stale = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      removeItemIds: [first.json().items[0].id],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');
    expect((await api(user, 'GET', '/api/v1/returns/2024-25')).json().items).toHaveLength(1);
  });

  it('validates items by field', async () => {
    const user = await newUser(ctx, 'badItem');
    const created = await startReturn(user);
    const response = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      upsertItems: [{ id: randomUUID(), kind: 'employment', payerName: '', grossPaymentsCents: 12.5 }],
    });
    expect(response.statusCode).toBe(400);
    const fields = response.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining(['upsertItems.0.payerName', 'upsertItems.0.grossPaymentsCents']),
    );
  });

  it('a misspelt key is a 400 and the return is unchanged', async () => {
    const user = await newUser(ctx, 'typoKey');
    const created = await startReturn(user);
    const response = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      fact: { residency: { kind: 'resident' } },
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(response.json())).toContain('fact');
    const after = (await api(user, 'GET', '/api/v1/returns/2024-25')).json();
    expect(after.version).toBe(created.version);
  });

  it('refuses evidence that points at someone else’s document', async () => {
    const alice = await newUser(ctx, 'evA');
    const bob = await newUser(ctx, 'evB');
    const [aliceDoc] = await ctx.adapters.database.db
      .insert(documents)
      .values({
        ownerId: alice.userId,
        originalName: 'alice.pdf',
        contentType: 'application/pdf',
        sizeBytes: 1,
        sha256: randomUUID(),
        storageKey: 'x',
      })
      .returning();
    const created = await startReturn(bob);
    const response = await api(bob, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      upsertItems: [employer({ evidence: [{ documentId: aliceDoc!.id }] } as Partial<ReturnItemInput>)],
    });
    expect(response.statusCode).toBe(400);
  });

  it('another user’s return does not exist for you', async () => {
    const alice = await newUser(ctx, 'isoA');
    const mallory = await newUser(ctx, 'isoM');
    await startReturn(alice);
    for (const url of [
      '/api/v1/returns/2024-25',
      `/api/v1/returns/2024-25?ownerId=${alice.userId}`,
      `/api/v1/returns?ownerId=${alice.userId}`,
      `/api/v1/returns/2024-25/checklist?ownerId=${alice.userId}`,
    ]) {
      expect((await api(mallory, 'GET', url)).statusCode, url).toBe(404);
    }
    expect(
      (await api(mallory, 'PATCH', '/api/v1/returns/2024-25', { version: 1, facts: {} })).statusCode,
    ).toBe(404);
    expect((await api(mallory, 'GET', '/api/v1/returns')).json()).toEqual([]);
  });

  it('the checklist flags claims without records and sections with nothing in them', async () => {
    const user = await newUser(ctx, 'check');
    const created = await startReturn(user);
    await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      sections: ['employment', 'work-deductions', 'working-from-home'],
      facts: { residency: { kind: 'resident' } },
      upsertItems: [
        employer(),
        { id: randomUUID(), kind: 'deduction', label: 'D5', description: 'Laptop bag', amountCents: 12_000 },
      ],
    });
    const checklist = (await api(user, 'GET', '/api/v1/returns/2024-25/checklist')).json();
    const ids = checklist.map((c: { id: string }) => c.id);
    expect(ids).toContain('missing.section.working-from-home');
    const record = checklist.find((c: { id: string; severity: string }) => c.id.startsWith('records.'));
    expect(record).toMatchObject({ severity: 'risk', title: 'No record attached to this claim' });
    expect(record.detail).toMatch(/receipt, invoice/);
    expect(record.source.url).toMatch(/^https:\/\/www\.ato\.gov\.au\//);
  });
});

describe('lodgment and amendment', () => {
  async function completeReturn(user: SignedIn) {
    const created = await startReturn(user);
    const response = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      sections: ['employment'],
      facts: {
        residency: { kind: 'resident' },
        spouse: null,
        dependentChildren: 0,
        hospitalCover: 'none',
        hasStudyLoan: false,
        sapto: null,
      },
      upsertItems: [employer()],
    });
    return response.json();
  }

  it('lodges through the sandbox after step-up, freezes the return, and an amendment starts a new revision', async () => {
    const user = await newUser(ctx, 'lodge');
    const { secret } = await enableTwoFactor(ctx, user);
    const ready = await completeReturn(user);
    expect(ready.missing, JSON.stringify(ready.missing)).toEqual([]);
    expect(
      (
        await api(user, 'POST', '/api/v1/returns/2024-25/lodge', {
          version: ready.version,
          declaration: false,
        })
      ).statusCode,
    ).toBe(400);
    ctx.clock.advance(11 * 60_000);
    expect(
      (
        await api(user, 'POST', '/api/v1/returns/2024-25/lodge', {
          version: ready.version,
          declaration: true,
        })
      ).json().code,
    ).toBe('STEP_UP_REQUIRED');
    await api(user, 'POST', '/api/v1/auth/step-up', { code: await nextTotp(ctx, secret) });
    const lodged = await api(user, 'POST', '/api/v1/returns/2024-25/lodge', {
      version: ready.version,
      declaration: true,
    });
    expect(lodged.statusCode, lodged.body).toBe(200);
    const body = lodged.json();
    expect(body.status).toBe('lodged');
    expect(body.lodgment.receiptNumber).toMatch(/^SBX-202425-[A-Z2-9]{8}$/);
    expect(body.lodgment.notice).toMatch(/NOT sent to the ATO/);
    expect(body.lodgment.events.map((e: { status: string }) => e.status)).toEqual([
      'submitted',
      'validated',
      'recorded (sandbox)',
    ]);

    const edit = await api(user, 'PATCH', '/api/v1/returns/2024-25', { version: body.version, facts: {} });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail).toMatch(/amendment/);

    const amendment = await api(user, 'POST', '/api/v1/returns/2024-25/amend');
    expect(amendment.statusCode).toBe(201);
    expect(amendment.json()).toMatchObject({ revision: 2, status: 'draft', amendsId: body.id });
    expect((await api(user, 'GET', '/api/v1/returns/2024-25')).json().revision).toBe(2);
    const audit = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'return.lodged'));
    expect(audit.some((a) => a.actorUserId === user.userId)).toBe(true);
  });

  it('an incomplete return cannot be lodged, and says what is missing', async () => {
    const user = await newUser(ctx, 'incomplete');
    await enableTwoFactor(ctx, user);
    const created = await startReturn(user);
    const response = await api(user, 'POST', '/api/v1/returns/2024-25/lodge', {
      version: created.version,
      declaration: true,
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((e: { field: string }) => e.field)).toContain('residency');
  });

  it('next year starts from this one: employers, sections, residency and carried-forward losses', async () => {
    const user = await newUser(ctx, 'rollover');
    const created = await startReturn(user, '2023-24');
    await api(user, 'PATCH', '/api/v1/returns/2023-24', {
      version: created.version,
      sections: ['employment', 'capital-gains'],
      facts: { residency: { kind: 'resident' }, priorYearCapitalLossesCents: 0 },
      upsertItems: [
        employer(),
        {
          id: randomUUID(),
          kind: 'capital-gain',
          description: 'Shares',
          amountCents: 0,
          discountEligible: true,
        },
      ],
    });
    const next = await startReturn(user, '2024-25');
    expect(next.sections).toEqual(['employment', 'capital-gains']);
    expect(next.facts.residency).toEqual({ kind: 'resident' });
    expect(next.items).toHaveLength(1);
    expect(next.items[0]).toMatchObject({
      kind: 'employment',
      payerName: 'Acme Pty Ltd',
      source: 'carried-forward',
      grossPaymentsCents: 0,
    });
  });
});

describe('review by an invited tax agent', () => {
  it('a reviewer reads, comments and signs off; every step is audited; the owner sees the comments', async () => {
    const owner = await newUser(ctx, 'client');
    const created = await startReturn(owner);
    const agentEmail = `agent.${Date.now()}@example.com`;
    const invite = await api(owner, 'POST', '/api/v1/delegations', { email: agentEmail });
    const { lastEmailTo, signUpAndVerify, signIn } = await import('../support/accounts');
    const { token } = await lastEmailTo(ctx, agentEmail);
    await signUpAndVerify(ctx, agentEmail);
    const agent = await signIn(ctx, agentEmail);
    await enableTwoFactor(ctx, agent);
    expect((await api(agent, 'POST', '/api/v1/delegations/accept', { token })).statusCode).toBe(200);

    const read = await api(agent, 'GET', `/api/v1/returns/2024-25?ownerId=${owner.userId}`);
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ id: created.id, owner: { id: owner.userId } });
    // Reviewers read and comment; they do not edit.
    expect(
      (
        await api(agent, 'PATCH', `/api/v1/returns/2024-25?ownerId=${owner.userId}`, {
          version: 1,
          facts: {},
        })
      ).statusCode,
    ).toBe(404);
    const comment = await api(agent, 'POST', `/api/v1/returns/2024-25/comments?ownerId=${owner.userId}`, {
      body: 'Please attach the receipt for the laptop bag.',
    });
    expect(comment.statusCode).toBe(201);
    expect((await api(owner, 'GET', '/api/v1/returns/2024-25/comments')).json()[0]).toMatchObject({
      body: 'Please attach the receipt for the laptop bag.',
      author: { role: 'reviewer' },
    });
    expect(
      (await api(agent, 'POST', `/api/v1/returns/2024-25/sign-off?ownerId=${owner.userId}`)).statusCode,
    ).toBe(204);
    const signed = (await api(owner, 'GET', '/api/v1/returns/2024-25')).json();
    expect(signed.reviewSignedOff).not.toBeNull();
    // A later change needs a new sign-off.
    await api(owner, 'PATCH', '/api/v1/returns/2024-25', {
      version: signed.version,
      facts: { residency: { kind: 'resident' } },
    });
    expect((await api(owner, 'GET', '/api/v1/returns/2024-25')).json().reviewSignedOff).toBeNull();
    expect(
      (await api(owner, 'POST', `/api/v1/returns/2024-25/sign-off?ownerId=${owner.userId}`)).statusCode,
    ).toBe(403);

    const actions = (
      await ctx.adapters.database.db.select().from(auditLogs).where(eq(auditLogs.actorUserId, agent.userId))
    ).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'return.read',
        'return.comment',
        'return.comment-added',
        'return.sign-off',
        'return.review-signed-off',
      ]),
    );

    await api(owner, 'DELETE', `/api/v1/delegations/${invite.json().id}`);
    expect((await api(agent, 'GET', `/api/v1/returns/2024-25?ownerId=${owner.userId}`)).statusCode).toBe(404);
  });
});

describe('exports', () => {
  it('exports a PDF summary whose figures match the return', async () => {
    const user = await newUser(ctx, 'pdf');
    const created = await startReturn(user);
    await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      facts: { residency: { kind: 'resident' } },
      upsertItems: [employer()],
    });
    const response = await api(user, 'GET', '/api/v1/returns/2024-25/export.pdf');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const standardFontDataUrl = `${path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'))}/standard_fonts/`;
    const doc = await pdfjs.getDocument({
      data: new Uint8Array(response.rawPayload),
      useSystemFonts: false,
      standardFontDataUrl,
    }).promise;
    let text = '';
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join(' ');
    }
    expect(text).toContain('Acme Pty Ltd');
    expect(text).toContain('$85,000');
    expect(text).toMatch(/Not lodged/);
  });

  it('exports the return as JSON with its evidence links', async () => {
    const user = await newUser(ctx, 'json');
    const created = await startReturn(user);
    await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: created.version,
      upsertItems: [employer()],
    });
    const response = await api(user, 'GET', '/api/v1/returns/2024-25/export.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toBe('attachment; filename="numeri-return-2024-25.json"');
    const body = response.json();
    expect(body.format).toBe('numeri-return/1');
    expect(body.return.items[0]).toMatchObject({
      kind: 'employment',
      payerName: 'Acme Pty Ltd',
      evidence: [],
    });
  });
});
