import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, documents, transactions } from '../../src/db/schema';
import { buildCorpus, textLayerPdf } from '../fixtures/documents';
import {
  enableTwoFactor,
  lastEmailTo,
  newUser,
  signIn,
  signUpAndVerify,
  type SignedIn,
} from '../support/accounts';
import { settled, upload, uploadAndSettle } from '../support/documents';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
const corpus = buildCorpus(1, 777);
const fixtureOf = (type: string) => corpus.find((f) => f.type === type)!;

beforeAll(async () => {
  ctx = await createTestApp();
  await ctx.app.services.jobs.start(2);
});
afterAll(async () => {
  await ctx?.close();
});

const api = (user: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: user.auth, payload, remoteAddress: user.ip });
const strip = (body: Record<string, unknown>) => ({ ...body, requestId: 0, instance: 0 });

describe('one user cannot read, change or detect another’s documents', () => {
  it('every document route answers 404 for another user’s id, exactly as for a missing one', async () => {
    const alice = await newUser(ctx, 'alice-docs');
    const bob = await newUser(ctx, 'bob-docs');
    const doc = await uploadAndSettle(
      ctx,
      alice,
      'dividend.pdf',
      await textLayerPdf(fixtureOf('dividend-statement').text),
    );
    const missing = '00000000-0000-4000-8000-000000000000';
    const routes: ['GET' | 'POST' | 'DELETE', string, object?][] = [
      ['GET', ''],
      ['GET', '/file'],
      ['POST', '/confirm', { fields: [] }],
      ['POST', '/password', { password: 'x' }],
      ['POST', '/mapping', { date: 0, amount: 1, description: 2 }],
      ['POST', '/reprocess', {}],
      ['DELETE', ''],
    ];
    for (const [method, suffix, body] of routes) {
      const theirs = await api(bob, method, `/api/v1/documents/${doc.id}${suffix}`, body);
      const none = await api(bob, method, `/api/v1/documents/${missing}${suffix}`, body);
      expect(theirs.statusCode, `${method} ${suffix}`).toBe(404);
      expect(strip(theirs.json())).toEqual(strip(none.json()));
    }
    // Naming Alice as the owner without a delegation is refused the same way, and audited as denied.
    const asOwner = await api(bob, 'GET', `/api/v1/documents/${doc.id}?ownerId=${alice.userId}`);
    expect(asOwner.statusCode).toBe(404);
    expect((await api(bob, 'GET', `/api/v1/documents?ownerId=${alice.userId}`)).statusCode).toBe(404);
    expect((await api(bob, 'GET', '/api/v1/documents')).json().items).toEqual([]);
    expect((await api(bob, 'GET', '/api/v1/documents/search?q=dividend')).json().items).toEqual([]);
    const [stillThere] = await ctx.adapters.database.db
      .select()
      .from(documents)
      .where(eq(documents.id, doc.id));
    expect(stillThere).toBeDefined();
  });

  it('a reviewer with an active delegation reads the taxpayer’s documents, and each read is audited', async () => {
    const owner = await newUser(ctx, 'owner-docs');
    const doc = await uploadAndSettle(
      ctx,
      owner,
      'interest.pdf',
      await textLayerPdf(fixtureOf('interest-summary').text),
    );
    const agentEmail = `agent.docs.${Date.now()}@example.com`;
    await api(owner, 'POST', '/api/v1/delegations', { email: agentEmail });
    const { token } = await lastEmailTo(ctx, agentEmail);
    await signUpAndVerify(ctx, agentEmail);
    const agent = await signIn(ctx, agentEmail);
    await enableTwoFactor(ctx, agent);
    expect((await api(agent, 'POST', '/api/v1/delegations/accept', { token })).statusCode).toBe(200);

    const list = await api(agent, 'GET', `/api/v1/documents?ownerId=${owner.userId}`);
    expect(list.json().items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
    const read = await api(agent, 'GET', `/api/v1/documents/${doc.id}?ownerId=${owner.userId}`);
    expect(read.statusCode).toBe(200);
    const file = await api(agent, 'GET', `/api/v1/documents/${doc.id}/file?ownerId=${owner.userId}`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Reviewers read; they do not change the taxpayer's documents.
    expect((await api(agent, 'DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    const entries = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.actorUserId, agent.userId));
    const reads = entries.filter((e) => e.action === 'document.read' && e.targetId === doc.id);
    expect(reads.length).toBeGreaterThanOrEqual(2);
    expect(reads.every((e) => e.subjectUserId === owner.userId && e.outcome === 'success')).toBe(true);
    expect(entries.some((e) => e.action === 'document.downloaded' && e.subjectUserId === owner.userId)).toBe(
      true,
    );
  });
});

describe('search', () => {
  it('finds the caller’s documents by content with highlighted snippets, never another user’s', async () => {
    const alice = await newUser(ctx, 'search-a');
    const bob = await newUser(ctx, 'search-b');
    const receipt = fixtureOf('receipt');
    const aliceDoc = await uploadAndSettle(
      ctx,
      alice,
      'r.pdf',
      await textLayerPdf(`${receipt.text}\nErgonomic keyboard for work`),
    );
    await uploadAndSettle(
      ctx,
      bob,
      'r.pdf',
      await textLayerPdf(`${fixtureOf('income-statement').text}\nErgonomic keyboard for work`),
    );
    const result = await api(alice, 'GET', '/api/v1/documents/search?q=ergonomic%20keyboard');
    expect(result.statusCode, result.body).toBe(200);
    const items = result.json().items;
    expect(items.map((i: { document: { id: string } }) => i.document.id)).toEqual([aliceDoc.id]);
    const marked = items[0].snippet
      .filter((s: { match: boolean }) => s.match)
      .map((s: { text: string }) => s.text.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['ergonomic', 'keyboard']));
    expect((await api(alice, 'GET', '/api/v1/documents/search?q=nothinglikethis')).json().items).toEqual([]);
  });
});

describe('delete', () => {
  it('removes the file, its text and search vector, the transactions from it and its return items; audited', async () => {
    const user = await newUser(ctx, 'deleter');
    const doc = await uploadAndSettle(
      ctx,
      user,
      'interest.pdf',
      await textLayerPdf(fixtureOf('interest-summary').text),
    );
    const confirmed = await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {});
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const year = confirmed.json().incomeYear;
    expect(
      (await api(user, 'GET', `/api/v1/returns/${year}`))
        .json()
        .items.some((i: { kind: string }) => i.kind === 'interest'),
    ).toBe(true);
    const csv = await uploadAndSettle(
      ctx,
      user,
      'bank.csv',
      Buffer.from('Date,Description,Amount\n01/08/2024,JB HI-FI,-99.00\n02/08/2024,SALARY,1000.00\n'),
    );
    expect(csv.import.imported).toBe(2);

    const keysBefore = await ctx.adapters.blobStore.list(`documents/${user.userId}/`);
    expect(keysBefore.length).toBeGreaterThanOrEqual(2);
    expect((await api(user, 'DELETE', `/api/v1/documents/${doc.id}`)).statusCode).toBe(204);
    expect((await api(user, 'DELETE', `/api/v1/documents/${csv.id}`)).statusCode).toBe(204);
    expect(await ctx.adapters.blobStore.list(`documents/${user.userId}/`)).toEqual([]);
    expect(
      await ctx.adapters.database.db.select().from(documents).where(eq(documents.ownerId, user.userId)),
    ).toEqual([]);
    expect(
      await ctx.adapters.database.db.select().from(transactions).where(eq(transactions.ownerId, user.userId)),
    ).toEqual([]);
    expect(
      (await api(user, 'GET', `/api/v1/returns/${year}`))
        .json()
        .items.some((i: { kind: string }) => i.kind === 'interest'),
    ).toBe(false);
    expect((await api(user, 'GET', `/api/v1/documents/${doc.id}`)).statusCode).toBe(404);
    const audit = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.action, 'document.deleted'));
    expect(
      audit
        .filter((a) => a.actorUserId === user.userId)
        .map((a) => a.targetId)
        .sort(),
    ).toEqual([doc.id, csv.id].sort());
  });
});

describe('upload limits', () => {
  it('413 with a clear reason over the size limit, 415 for a type Numeri does not read', async () => {
    const small = await createTestApp({ env: { UPLOAD_MAX_BYTES: '50000' } });
    try {
      const user = await newUser(small, 'limits');
      const big = await upload(
        small,
        user,
        'big.pdf',
        Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(60_000, 0x20)]),
      );
      expect(big.statusCode).toBe(413);
      expect(big.json()).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        detail: expect.stringMatching(/larger than 49 KB, the most Numeri accepts/),
      });
      const zip = await upload(
        small,
        user,
        'statement.pdf',
        Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]),
      );
      expect(zip.statusCode).toBe(415);
      expect(zip.json().detail).toMatch(/ZIP archive/);
      const gif = await upload(small, user, 'photo.jpg', Buffer.from('GIF89a....'));
      expect(gif.statusCode).toBe(415);
      expect(gif.json().detail).toMatch(/GIF image/);
      const notMultipart = await small.app.inject({
        method: 'POST',
        url: '/api/v1/documents',
        headers: user.auth,
        payload: { file: 'x' },
        remoteAddress: user.ip,
      });
      expect(notMultipart.statusCode).toBe(415);
    } finally {
      await small.close();
    }
  });
});

describe('statuses for polling', () => {
  it('lists with filters by type, income year, status and kind', async () => {
    const user = await newUser(ctx, 'filters');
    const a = await uploadAndSettle(
      ctx,
      user,
      'div.pdf',
      await textLayerPdf(fixtureOf('dividend-statement').text),
    );
    await uploadAndSettle(
      ctx,
      user,
      'bank.csv',
      Buffer.from('Date,Description,Amount\n01/08/2024,COFFEE,-4.50\n'),
    );
    const byType = (await api(user, 'GET', '/api/v1/documents?type=dividend-statement')).json();
    expect(byType.items.map((d: { id: string }) => d.id)).toEqual([a.id]);
    expect((await api(user, 'GET', '/api/v1/documents?kind=bank-file')).json().items).toHaveLength(1);
    expect(
      (await api(user, 'GET', `/api/v1/documents?incomeYear=${a.incomeYear}&status=needs-review`))
        .json()
        .items.map((d: { id: string }) => d.id),
    ).toEqual([a.id]);
    const paged = (await api(user, 'GET', '/api/v1/documents?limit=1')).json();
    expect(paged.items).toHaveLength(1);
    const next = (await api(user, 'GET', `/api/v1/documents?limit=1&cursor=${paged.nextCursor}`)).json();
    expect(next.items).toHaveLength(1);
    expect(next.items[0].id).not.toBe(paged.items[0].id);
    expect(await settled(ctx, user, a.id)).toMatchObject({ status: 'needs-review' });
  });
});
