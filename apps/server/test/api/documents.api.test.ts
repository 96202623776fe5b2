import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs, documents, transactions } from '../../src/db/schema';
import { buildCorpus, formulaInjectionCsv, scannedImage, textLayerPdf } from '../fixtures/documents';
import { newUser, type SignedIn } from '../support/accounts';
import { settled, upload, uploadAndSettle } from '../support/documents';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
const corpus = buildCorpus(2, 4242);
const fixtureOf = (type: string, variant?: string) =>
  corpus.find((f) => f.type === type && (!variant || f.variant === variant))!;

beforeAll(async () => {
  ctx = await createTestApp({ env: { UPLOAD_MAX_BYTES: String(3 * 1024 * 1024) } });
  await ctx.app.services.jobs.start(2);
});
afterAll(async () => {
  const logs = ctx.logs.text();
  for (const fixture of corpus) if (fixture.tfn) expect(logs).not.toContain(fixture.tfn);
  await ctx?.close();
});

const api = (user: SignedIn, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: user.auth, payload, remoteAddress: user.ip });

describe('upload → read → confirm → return', () => {
  it('reads an income statement PDF, stores its text sealed, and puts the confirmed values on the return with evidence', async () => {
    const user = await newUser(ctx, 'docs');
    const fixture = fixtureOf('income-statement');
    const uploaded = await upload(ctx, user, 'income statement.pdf', await textLayerPdf(fixture.text));
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json()).toMatchObject({
      status: 'queued',
      contentType: 'application/pdf',
      kind: 'document',
      progress: 0,
    });
    const doc = await settled(ctx, user, uploaded.json().id);
    expect(doc).toMatchObject({
      status: 'needs-review',
      documentType: 'income-statement',
      textSource: 'text-layer',
      pageCount: 1,
      progress: 100,
    });
    const gross = doc.fields.find((f: { key: string }) => f.key === 'grossPayments');
    expect(gross).toMatchObject({
      value: fixture.truth.find((t) => t.key === 'grossPayments')!.value,
      returnLabel: { item: 'Item 1', label: 'C' },
    });
    expect(gross.region).toMatchObject({ page: 1 });
    expect(gross.confidence).toBeGreaterThan(0.8);
    expect(JSON.stringify(doc)).not.toContain(fixture.tfn!);

    const [row] = await ctx.adapters.database.db.select().from(documents).where(eq(documents.id, doc.id));
    expect(row!.textEncrypted!.toString('latin1')).not.toContain('Gross payments');
    expect(row!.searchVector).toContain('gross');
    expect(row!.searchVector).not.toContain(fixture.tfn!.slice(0, 3) + fixture.tfn!.slice(3, 6));

    const confirmed = await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {
      fields: [{ key: 'taxWithheld', value: 1_234_500 }],
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const year = confirmed.json().incomeYear;
    expect(confirmed.json()).toMatchObject({ itemsApplied: 1, document: { status: 'done' } });
    const ret = await api(user, 'GET', `/api/v1/returns/${year}`);
    expect(ret.statusCode, ret.body).toBe(200);
    const items = ret.json().items.filter((i: { source: string }) => i.source === 'document');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      kind: 'employment',
      grossPaymentsCents: gross.value,
      taxWithheldCents: 1_234_500,
    });
    expect(items[0].evidence.map((e: { fieldKey: string }) => e.fieldKey)).toEqual(
      expect.arrayContaining(['grossPayments', 'taxWithheld']),
    );
    expect(items[0].evidence.every((e: { documentId: string }) => e.documentId === doc.id)).toBe(true);

    // Confirming again is idempotent: still one item.
    await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {
      fields: [{ key: 'taxWithheld', value: 1_234_500 }],
    });
    expect(
      (await api(user, 'GET', `/api/v1/returns/${year}`))
        .json()
        .items.filter((i: { source: string }) => i.source === 'document'),
    ).toHaveLength(1);
    const audits = await ctx.adapters.database.db
      .select()
      .from(auditLogs)
      .where(eq(auditLogs.targetId, doc.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['document.uploaded', 'document.confirmed']),
    );
  });

  it('the same file twice is recognised by its SHA-256', async () => {
    const user = await newUser(ctx, 'dupe');
    const pdf = await textLayerPdf(fixtureOf('receipt').text);
    const first = await upload(ctx, user, 'a.pdf', pdf);
    const second = await upload(ctx, user, 'renamed.pdf', pdf);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(200);
    expect(second.json()).toMatchObject({ id: first.json().id, duplicateOf: first.json().id });
    expect((await api(user, 'GET', '/api/v1/documents')).json().items).toHaveLength(1);
  });
});

describe('bank files', () => {
  it('imports a CSV into transactions with suggestions; re-importing adds nothing; formula text is flagged, not run', async () => {
    const user = await newUser(ctx, 'bank');
    const csv = formulaInjectionCsv();
    const doc = await uploadAndSettle(ctx, user, 'statement.csv', csv);
    expect(doc).toMatchObject({
      status: 'done',
      kind: 'bank-file',
      import: { read: 4, imported: 4, duplicates: 0 },
    });
    // The same lines in another file (a re-export with a trailing line break) add nothing.
    const again = await uploadAndSettle(
      ctx,
      user,
      'statement-again.csv',
      Buffer.concat([csv, Buffer.from('\r\n')]),
    );
    expect(again.import).toMatchObject({ read: 4, imported: 0, duplicates: 4 });
    const list = (await api(user, 'GET', '/api/v1/transactions')).json();
    expect(list.items).toHaveLength(4);
    expect(list.items.filter((t: { formulaRisk: boolean }) => t.formulaRisk)).toHaveLength(3);
    const officeworks = list.items.find((t: { description: string }) =>
      t.description.startsWith('OFFICEWORKS'),
    );
    expect(officeworks.suggestion).toMatchObject({ dLabel: 'D5' });
    const count = await ctx.adapters.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(transactions)
      .where(eq(transactions.ownerId, user.userId));
    expect(count[0]!.n).toBe(4);
  });
});

describe('OCR', () => {
  it('reads a scanned receipt photo (tilted, blurred, low contrast)', async () => {
    const user = await newUser(ctx, 'ocr');
    const fixture = fixtureOf('receipt');
    const image = await scannedImage(fixture.text, {
      rotate: 1.5,
      blur: 0.7,
      ink: 70,
      paper: 200,
      specks: 4,
      format: 'jpeg',
      quality: 70,
    });
    const doc = await uploadAndSettle(ctx, user, 'receipt.jpg', image);
    expect(doc).toMatchObject({ status: 'needs-review', documentType: 'receipt', textSource: 'ocr' });
    const total = doc.fields.find((f: { key: string }) => f.key === 'total');
    expect(total?.value).toBe(fixture.truth.find((t) => t.key === 'total')!.value);
  });
});
