import { parse as csvParse } from 'csv-parse/sync';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogs } from '../../src/db/schema';
import { buildCorpus, textLayerPdf } from '../fixtures/documents';
import { HEIC_RECEIPT } from '../fixtures/heic';
import { newUser, type SignedIn } from '../support/accounts';
import { settled, uploadAndSettle } from '../support/documents';
import { createTestApp, type TestContext } from '../support/test-app';
import { unzip } from '../support/zip';

let ctx: TestContext;
const corpus = buildCorpus(1, 2024);
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
const returnItems = async (user: SignedIn, year: string) =>
  ((await api(user, 'GET', `/api/v1/returns/${year}`)).json().items ?? []) as {
    id: string;
    kind: string;
    source: string;
    evidence: { documentId: string }[];
    amountCents?: number;
    label?: string;
  }[];

describe('bank transactions on the return', () => {
  it('a claimed transaction becomes a deduction with the statement (and an attached receipt) as evidence; dismissing removes it', async () => {
    const user = await newUser(ctx, 'claims');
    const csv = await uploadAndSettle(
      ctx,
      user,
      'bank.csv',
      Buffer.from(
        'Date,Description,Amount\n12/08/2024,OFFICEWORKS 0423 CARLTON,-189.00\n13/08/2024,WOOLWORTHS,-52.10\n14/08/2024,SALARY ACME,2500.00\n',
      ),
    );
    expect(csv.import).toMatchObject({ imported: 3, suggestions: 1 });
    const suggested = (await api(user, 'GET', '/api/v1/transactions?suggested=true')).json().items;
    expect(suggested).toHaveLength(1);
    const tx = suggested[0];
    expect(tx).toMatchObject({
      incomeYear: '2024-25',
      reviewStatus: 'unreviewed',
      suggestion: { dLabel: 'D5' },
    });

    const credit = (await api(user, 'GET', '/api/v1/transactions'))
      .json()
      .items.find((t: { amountCents: number }) => t.amountCents > 0);
    expect(
      (await api(user, 'PATCH', `/api/v1/transactions/${credit.id}`, { action: 'claim', label: 'D5' }))
        .statusCode,
    ).toBe(400);
    // A misspelt key would otherwise claim at the default label and 100% work use.
    const misspelt = await api(user, 'PATCH', `/api/v1/transactions/${tx.id}`, {
      action: 'claim',
      workUse: 5_000,
    });
    expect(misspelt.statusCode).toBe(400);
    expect(JSON.stringify(misspelt.json())).toContain('workUse');

    const receipt = await uploadAndSettle(
      ctx,
      user,
      'receipt.pdf',
      await textLayerPdf(fixtureOf('receipt').text),
    );
    const claimed = await api(user, 'PATCH', `/api/v1/transactions/${tx.id}`, {
      action: 'claim',
      workUseBasisPoints: 8_000,
      evidenceDocumentId: receipt.id,
    });
    expect(claimed.statusCode, claimed.body).toBe(200);
    expect(claimed.json()).toMatchObject({
      reviewStatus: 'claimed',
      claim: { label: 'D5', workUseBasisPoints: 8_000 },
      evidenceDocumentId: receipt.id,
    });
    let items = await returnItems(user, '2024-25');
    const item = items.find((i) => i.id === tx.id)!;
    expect(item).toMatchObject({
      kind: 'deduction',
      source: 'transaction',
      label: 'D5',
      amountCents: 18_900,
    });
    expect(item.evidence.map((e) => e.documentId)).toEqual([csv.id, receipt.id]);

    // Confirming the attached receipt does not claim the same expense twice, and keeps the claim.
    const confirmed = await api(user, 'POST', `/api/v1/documents/${receipt.id}/confirm`, {
      incomeYear: '2024-25',
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json().itemsApplied).toBe(0);
    items = await returnItems(user, '2024-25');
    expect(items.filter((i) => i.kind === 'deduction')).toHaveLength(1);

    expect(
      (await api(user, 'PATCH', `/api/v1/transactions/${tx.id}`, { action: 'dismiss' })).json().reviewStatus,
    ).toBe('dismissed');
    expect((await returnItems(user, '2024-25')).some((i) => i.id === tx.id)).toBe(false);
    // Another user cannot see or review it.
    const other = await newUser(ctx, 'claims-other');
    expect((await api(other, 'PATCH', `/api/v1/transactions/${tx.id}`, { action: 'reset' })).statusCode).toBe(
      404,
    );
    expect((await api(other, 'GET', '/api/v1/transactions')).json().items).toEqual([]);
  });
});

describe('records for claims from the bank', () => {
  it('a bank statement alone does for work expenses up to $300 in all, not beyond; a receipt always does', async () => {
    const user = await newUser(ctx, 'bank-records');
    await uploadAndSettle(
      ctx,
      user,
      'bank.csv',
      Buffer.from(
        'Date,Description,Amount\n12/08/2024,OFFICEWORKS 0423 CARLTON,-189.00\n20/09/2024,OFFICEWORKS 0101 FITZROY,-150.00\n',
      ),
    );
    const [first, second] = (await api(user, 'GET', '/api/v1/transactions?suggested=true')).json().items as {
      id: string;
      amountCents: number;
    }[];
    const recordOf = async (id: string) =>
      ((await api(user, 'GET', '/api/v1/returns/2024-25')).json().records as { itemId: string }[]).find(
        (r) => r.itemId === id,
      );

    // $189 of work expenses: the statement line is enough (ATO: no written evidence at $300 or less).
    expect(
      (await api(user, 'PATCH', `/api/v1/transactions/${first!.id}`, { action: 'claim' })).statusCode,
    ).toBe(200);
    const items = await returnItems(user, '2024-25');
    expect(items.find((i) => i.id === first!.id)?.evidence).toEqual([
      expect.objectContaining({ bankTransaction: true }),
    ]);
    expect(await recordOf(first!.id)).toMatchObject({
      attached: true,
      note: expect.stringMatching(/\$300 or less/),
    });

    // $339 in all: now each claim needs its receipt, and the review checklist says which.
    expect(
      (await api(user, 'PATCH', `/api/v1/transactions/${second!.id}`, { action: 'claim' })).statusCode,
    ).toBe(200);
    for (const id of [first!.id, second!.id])
      expect(await recordOf(id)).toMatchObject({
        attached: false,
        note: expect.stringMatching(/more than \$300/),
      });
    const checklist = (await api(user, 'GET', '/api/v1/returns/2024-25/checklist')).json() as {
      title: string;
      itemId?: string;
    }[];
    expect(
      checklist
        .filter((c) => c.title === 'Only a bank statement for this claim')
        .map((c) => c.itemId)
        .sort(),
    ).toEqual([first!.id, second!.id].sort());

    // The receipt attached to one claim is its record; the other still lacks one.
    const receipt = await uploadAndSettle(
      ctx,
      user,
      'receipt.pdf',
      await textLayerPdf(fixtureOf('receipt').text),
    );
    expect(
      (await api(user, 'PATCH', `/api/v1/transactions/${first!.id}`, { action: 'reset' })).statusCode,
    ).toBe(200);
    expect(
      (
        await api(user, 'PATCH', `/api/v1/transactions/${first!.id}`, {
          action: 'claim',
          evidenceDocumentId: receipt.id,
        })
      ).statusCode,
    ).toBe(200);
    expect(await recordOf(first!.id)).toMatchObject({ attached: true, note: null });
    expect(await recordOf(second!.id)).toMatchObject({ attached: false });
  });
});

describe('the same statement twice', () => {
  it('a second file with the same figures is not added to the return again', async () => {
    const user = await newUser(ctx, 'twice');
    const statement = fixtureOf('income-statement').text;
    const first = await uploadAndSettle(ctx, user, 'income.pdf', await textLayerPdf(statement));
    // A different file (another name line at the end) with identical figures: not a byte-for-byte duplicate.
    const second = await uploadAndSettle(
      ctx,
      user,
      'income-copy.pdf',
      await textLayerPdf(`${statement}\nDownloaded again`),
    );
    expect(second.id).not.toBe(first.id);
    const year = (await api(user, 'POST', `/api/v1/documents/${first.id}/confirm`, {})).json().incomeYear;
    const again = await api(user, 'POST', `/api/v1/documents/${second.id}/confirm`, { incomeYear: year });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already on your .* return/);
    expect((await returnItems(user, year)).filter((i) => i.kind === 'employment')).toHaveLength(1);
    // Confirming the first one again (a correction) is still fine.
    expect(
      (await api(user, 'POST', `/api/v1/documents/${first.id}/confirm`, { incomeYear: year })).statusCode,
    ).toBe(200);
  });
});

describe('review details', () => {
  it('corrections are validated by type; the income year can be overridden; reading again as another type', async () => {
    const user = await newUser(ctx, 'corrections');
    const doc = await uploadAndSettle(
      ctx,
      user,
      'div.pdf',
      await textLayerPdf(fixtureOf('dividend-statement').text),
    );
    const bad = await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {
      fields: [
        { key: 'frankedAmount', value: 'lots' },
        { key: 'grossPayments', value: 1 },
        { key: 'paymentDate', value: '2024-02-30' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['frankedAmount', 'grossPayments', 'paymentDate']);
    // A misspelt key is refused, not taken as "confirm the figures as read".
    const misspelt = await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {
      corrections: [{ key: 'frankedAmount', value: 70_000 }],
    });
    expect(misspelt.statusCode).toBe(400);
    expect(JSON.stringify(misspelt.json())).toContain('corrections');
    expect((await settled(ctx, user, doc.id)).confirmedAt).toBeNull();
    const ok = await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, {
      incomeYear: '2023-24',
      fields: [{ key: 'frankedAmount', value: 70_000 }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({
      incomeYear: '2023-24',
      document: { incomeYear: '2023-24', status: 'done' },
    });
    expect((await returnItems(user, '2023-24')).find((i) => i.kind === 'dividend')).toMatchObject({
      frankedCents: 70_000,
    });
    // Moving it to another year moves its items.
    await api(user, 'POST', `/api/v1/documents/${doc.id}/confirm`, { incomeYear: '2024-25' });
    expect((await returnItems(user, '2023-24')).some((i) => i.kind === 'dividend')).toBe(false);
    expect((await returnItems(user, '2024-25')).some((i) => i.kind === 'dividend')).toBe(true);

    const again = await api(user, 'POST', `/api/v1/documents/${doc.id}/reprocess`, { documentType: 'other' });
    expect(again.statusCode, again.body).toBe(200);
    const reread = await settled(ctx, user, doc.id);
    expect(reread).toMatchObject({
      status: 'needs-review',
      documentType: 'other',
      confirmedAt: null,
      classification: { reasons: ['You chose this type of document.'] },
    });
    expect((await returnItems(user, '2024-25')).some((i) => i.kind === 'dividend')).toBe(false);
  });
});

describe('HEIC photos', () => {
  it('decodes an iPhone HEIC photo (libheif in WebAssembly) and reads it', async () => {
    const user = await newUser(ctx, 'heic');
    const doc = await uploadAndSettle(ctx, user, 'IMG_0042.HEIC', HEIC_RECEIPT);
    expect(doc).toMatchObject({ contentType: 'image/heic', status: 'needs-review', textSource: 'ocr' });
    expect(doc.fields.find((f: { key: string }) => f.key === 'total')?.value).toBe(12_345);
  });
});

describe('records pack', () => {
  it('zips the summary, a records checklist and every document behind the return; each read audited; owner only', async () => {
    const user = await newUser(ctx, 'records-pack');
    const receiptBytes = await textLayerPdf(fixtureOf('receipt').text);
    const receipt = await uploadAndSettle(ctx, user, 'receipt.pdf', receiptBytes);
    const confirmed = await api(user, 'POST', `/api/v1/documents/${receipt.id}/confirm`, {
      incomeYear: '2024-25',
      deduction: { label: 'D5' },
    });
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    const view = (await api(user, 'GET', '/api/v1/returns/2024-25')).json();
    // A claim typed in by hand, with no record, and a description CSV must quote.
    const added = await api(user, 'PATCH', '/api/v1/returns/2024-25', {
      version: view.version,
      upsertItems: [
        {
          id: '9d6f7a1e-2b3c-4d5e-8f90-123456789abc',
          kind: 'deduction',
          source: 'manual',
          label: 'D3',
          description: 'Boots, "steel-capped"',
          amountCents: 4_500,
          evidence: [],
        },
      ],
    });
    expect(added.statusCode, added.body).toBe(200);

    const response = await api(user, 'GET', '/api/v1/returns/2024-25/records.zip');
    expect(response.statusCode, response.body).toBe(200);
    expect(response.headers['content-type']).toBe('application/zip');
    expect(response.headers['content-disposition']).toContain('numeri-records-2024-25.zip');
    const files = await unzip(response.rawPayload);
    expect([...files.keys()].sort()).toEqual([
      'README.txt',
      'documents/01-receipt.pdf',
      'numeri-return-2024-25.pdf',
      'records.csv',
    ]);
    expect(files.get('documents/01-receipt.pdf')!.equals(receiptBytes)).toBe(true);
    expect(files.get('numeri-return-2024-25.pdf')!.subarray(0, 5).toString()).toBe('%PDF-');
    expect(files.get('README.txt')!.toString()).toContain('1 claim has no record attached yet');

    const rows = parseCsv(
      files
        .get('records.csv')!
        .toString()
        .replace(/^\uFEFF/, ''),
    );
    expect(rows[0]).toEqual([
      'Item',
      'Record the ATO expects',
      'Status',
      'Note',
      'Files in this pack',
      'ATO source',
    ]);
    const receiptRow = rows.find((row) => row[4] === 'documents/01-receipt.pdf')!;
    expect(receiptRow[0]).toMatch(/^D5 /);
    expect(receiptRow[2]).toBe('Attached (1 document)');
    expect(receiptRow[1]).toContain('receipt');
    const typedRow = rows.find((row) => row[0]!.includes('Boots, "steel-capped"'))!;
    expect(typedRow[0]!.startsWith('D3 ')).toBe(true);
    expect(typedRow[2]).toBe('Not attached');
    expect(typedRow[4]).toBe('');

    // The pack and each document read in it are on the audit log.
    const actions = (
      await ctx.adapters.database.db
        .select({ action: auditLogs.action, details: auditLogs.details })
        .from(auditLogs)
        .where(eq(auditLogs.subjectUserId, user.userId))
    ).map((row) => row.action);
    expect(actions).toContain('return.exported');
    expect(actions).toContain('document.downloaded');

    // Another person gets the same answer as for a return that does not exist.
    const stranger = await newUser(ctx, 'records-pack-stranger');
    expect((await api(stranger, 'GET', '/api/v1/returns/2024-25/records.zip')).statusCode).toBe(404);
    expect(
      (await api(stranger, 'GET', `/api/v1/returns/2024-25/records.zip?ownerId=${user.userId}`)).statusCode,
    ).toBe(404);
  });
});

function parseCsv(text: string): string[][] {
  return csvParse(text, { bom: true }) as string[][];
}
