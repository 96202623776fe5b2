import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine, OcrResult } from '../../src/adapters/ocr/ocr.port';
import { OcrUnavailableError } from '../../src/adapters/ocr/ocr.port';
import type { BlobStore } from '../../src/adapters/storage/blob-store.port';
import { documents, jobs } from '../../src/db/schema';
import { DocumentPipeline } from '../../src/services/documents/document-pipeline';
import {
  buildCorpus,
  decompressionBombPng,
  hugePagePdf,
  notReallyPdf,
  scannedPdf,
  textLayerPdf,
  truncatedPdf,
  zipNamedPdf,
} from '../fixtures/documents';
import { encryptPdf } from '../fixtures/encrypted-pdf';
import { newUser, type SignedIn } from '../support/accounts';
import { settled, upload, uploadAndSettle } from '../support/documents';
import { createTestApp, type TestContext } from '../support/test-app';

let ctx: TestContext;
const corpus = buildCorpus(1, 99);
const fixtureOf = (type: string) => corpus.find((f) => f.type === type)!;
const PASSWORD = 'correct-horse-7719';

/** An OCR engine that answers from a script (fast, deterministic) and can be made to fail. */
class ScriptedOcr implements OcrEngine {
  readonly kind = 'fake' as const;
  calls = 0;
  failOn = new Set<number>();
  constructor(private readonly text: string) {}
  async recognize(): Promise<OcrResult> {
    this.calls += 1;
    if (this.failOn.has(this.calls)) throw new OcrUnavailableError('worker crashed (test)');
    const words = this.text.split('\n').flatMap((line, row) =>
      line
        .split(/\s+/)
        .filter(Boolean)
        .map((text, col) => ({
          text,
          confidence: 95,
          bbox: {
            x0: 40 + col * 120,
            y0: 40 + row * 40,
            x1: 40 + col * 120 + text.length * 14,
            y1: 70 + row * 40,
          },
        })),
    );
    return { width: 2000, height: 2800, words, confidence: 95 };
  }
  async close() {}
}

const ocrText = fixtureOf('dividend-statement').text.split('\f')[0]!;
const ocr = new ScriptedOcr(ocrText.replace(/ {2,}/g, '   '));

beforeAll(async () => {
  ctx = await createTestApp({ overrides: { ocr } });
});
afterAll(async () => {
  const logs = ctx.logs.text();
  expect(logs).not.toContain(PASSWORD);
  await ctx?.close();
});

const api = (user: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) =>
  ctx.app.inject({ method, url, headers: user.auth, payload, remoteAddress: user.ip });
const rowOf = async (id: string) =>
  (await ctx.adapters.database.db.select().from(documents).where(eq(documents.id, id)))[0]!;
const context = (attempt = 1) => ({ attempt, log: ctx.logs.log });

describe('crash and replay (the job run by hand, jobs not started)', () => {
  it('a crash between pages resumes at the next unread page; a replay after needs-review changes nothing', async () => {
    const user = await newUser(ctx, 'crash');
    const pages = [
      fixtureOf('income-statement').text,
      'Page two\nNothing here but words to make a text layer of twenty characters.',
      'Page three\nMore ordinary words so this page also has a text layer.',
    ];
    const response = await upload(ctx, user, 'three-pages.pdf', await textLayerPdf(pages.join('\f')));
    const id = response.json().id;
    expect((await rowOf(id)).status).toBe('queued');

    // A blob store that dies on the second page write: the process "crashes" mid-document.
    const puts: string[] = [];
    let failNext = false;
    const real = ctx.adapters.blobStore;
    const flaky: BlobStore = {
      ...real,
      get: (k) => real.get(k),
      list: (p) => real.list(p),
      delete: (k) => real.delete(k),
      exists: (k) => real.exists(k),
      ping: () => real.ping(),
      put: async (key, data) => {
        if (key.includes('/work/page-0002')) failNext = true;
        if (failNext) throw new Error('storage unavailable (test)');
        puts.push(key);
        return real.put(key, data);
      },
    };
    const services = ctx.app.services;
    const crashing = new DocumentPipeline({
      db: ctx.adapters.database.db,
      blobs: flaky,
      vault: services.vault,
      ocr,
      events: services.documentEvents,
      log: ctx.logs.log,
    });
    await expect(crashing.process(id, context(1))).rejects.toThrow(/storage unavailable/);
    expect(await rowOf(id)).toMatchObject({ status: 'reading', failureReason: null });
    expect(puts.filter((k) => k.includes('/work/page-'))).toHaveLength(1);

    const resumedPuts: string[] = [];
    const watching: BlobStore = {
      ...flaky,
      put: async (key, data) => (resumedPuts.push(key), real.put(key, data)),
    };
    const resumed = new DocumentPipeline({
      db: ctx.adapters.database.db,
      blobs: watching,
      vault: services.vault,
      ocr,
      events: services.documentEvents,
      log: ctx.logs.log,
    });
    expect(await resumed.process(id, context(2))).toMatchObject({ outcome: 'needs-review', pages: 3 });
    expect(resumedPuts.filter((k) => k.includes('/work/page-'))).toEqual([
      expect.stringContaining('page-0002'),
      expect.stringContaining('page-0003'),
    ]);
    const done = await rowOf(id);
    expect(done).toMatchObject({ status: 'needs-review', pageCount: 3, documentType: 'income-statement' });
    // Working files are gone once the document is read.
    expect((await real.list(`documents/${user.userId}/${id}/`)).filter((k) => k.includes('/work/'))).toEqual(
      [],
    );

    // Replays (a redelivered job) leave the result exactly as it was.
    expect(await services.documentPipeline.process(id, context(3))).toEqual({ skipped: 'needs-review' });
    expect(await rowOf(id)).toEqual(done);
  });

  it('an OCR worker crash is retried; after the last attempt the document fails with a plain reason', async () => {
    const user = await newUser(ctx, 'ocrcrash');
    const response = await upload(
      ctx,
      user,
      'scan.pdf',
      await scannedPdf('Dividend statement\nFranked amount $10.00'),
    );
    const id = response.json().id;
    ocr.failOn = new Set([ocr.calls + 1]);
    await expect(ctx.app.services.documentPipeline.process(id, context(1))).rejects.toBeInstanceOf(
      OcrUnavailableError,
    );
    expect((await rowOf(id)).status).toBe('reading');
    expect(await ctx.app.services.documentPipeline.process(id, context(2))).toMatchObject({
      outcome: 'needs-review',
      ocrPages: 1,
    });
    expect((await rowOf(id)).documentType).toBe('dividend-statement');

    const other = (
      await upload(ctx, user, 'scan2.pdf', await scannedPdf('Another scan\nof something'))
    ).json().id;
    ocr.failOn = new Set([ocr.calls + 1]);
    await expect(ctx.app.services.documentPipeline.process(other, context(5))).rejects.toBeInstanceOf(
      OcrUnavailableError,
    );
    expect(await rowOf(other)).toMatchObject({
      status: 'failed',
      failureReason: expect.stringMatching(/temporary problem/),
    });
    ocr.failOn = new Set();
  });
});

describe('password-protected PDFs', () => {
  it('asks for the password, uses it once inside the request, and never stores, logs or queues it', async () => {
    await ctx.app.services.jobs.start(1);
    const user = await newUser(ctx, 'locked');
    const fixture = fixtureOf('interest-summary');
    const locked = await encryptPdf(await textLayerPdf(fixture.text), PASSWORD);
    const doc = await uploadAndSettle(ctx, user, 'locked.pdf', locked);
    expect(doc).toMatchObject({ status: 'needs-password', failureReason: null });

    const wrong = await api(user, 'POST', `/api/v1/documents/${doc.id}/password`, { password: 'not it' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'password', message: 'is not right for this PDF' }]);
    const right = await api(user, 'POST', `/api/v1/documents/${doc.id}/password`, { password: PASSWORD });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().status).toBe('queued');
    const read = await settled(ctx, user, doc.id);
    expect(read).toMatchObject({ status: 'needs-review', documentType: 'interest-summary' });
    expect(read.fields.find((f: { key: string }) => f.key === 'interest').value).toBe(
      fixture.truth.find((t) => t.key === 'interest')!.value,
    );
    const allJobs = await ctx.adapters.database.db.select().from(jobs);
    expect(JSON.stringify(allJobs)).not.toContain(PASSWORD);
    expect(JSON.stringify(await rowOf(doc.id))).not.toContain(PASSWORD);
    // The stored file is still the encrypted original.
    const file = await api(user, 'GET', `/api/v1/documents/${doc.id}/file`);
    expect(file.rawPayload.equals(locked)).toBe(true);
  });
});

describe('hostile and malformed files fail cleanly and fast', () => {
  it('each is refused at upload (415) or fails its job with a plain reason, in well under a few seconds', async () => {
    const user = await newUser(ctx, 'hostile');
    const timings: Record<string, number> = {};
    const refused = async (name: string, filename: string, bytes: Buffer, reason: RegExp) => {
      const started = performance.now();
      const response = await upload(ctx, user, filename, bytes);
      timings[name] = performance.now() - started;
      expect(response.statusCode, name).toBe(415);
      expect(response.json().detail, name).toMatch(reason);
    };
    const failed = async (name: string, filename: string, bytes: Buffer, reason: RegExp) => {
      const started = performance.now();
      const doc = await uploadAndSettle(ctx, user, filename, bytes);
      timings[name] = performance.now() - started;
      expect(doc.status, name).toBe('failed');
      expect(doc.failureReason, name).toMatch(reason);
    };
    await refused('zip renamed .pdf', 'statement.pdf', zipNamedPdf(), /ZIP archive/);
    await refused(
      'text renamed .pdf',
      'statement.pdf',
      notReallyPdf(),
      /named \.pdf but its content is not a PDF/,
    );
    await refused('empty file', 'empty.pdf', Buffer.alloc(0), /empty/);
    await failed('truncated PDF', 'cut.pdf', await truncatedPdf(), /damaged or incomplete/);
    await failed(
      '10,000-page PDF',
      'huge.pdf',
      await hugePagePdf(10_000),
      /10,000 pages; Numeri reads documents of up to 50 pages/,
    );
    await failed('decompression-bomb PNG', 'bomb.png', decompressionBombPng(), /larger than Numeri reads/);
    await failed(
      'corrupt JPEG',
      'photo.jpg',
      Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]),
      /could not be read/,
    );
    console.log(
      'hostile files (upload → settled):',
      Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, `${Math.round(v)} ms`])),
    );
  });
});

describe('bank CSV with columns Numeri does not recognise', () => {
  it('returns the header and sample rows, then imports with the user’s mapping', async () => {
    const user = await newUser(ctx, 'mapping');
    const csv = Buffer.from(
      'Posted;Narr;Value;Bal\n01/08/2024;OFFICEWORKS BOX HILL;-45,50;1000\n02/08/2024;WAGES;2000,00;3000\n'
        .replace(/,(\d\d);/g, '.$1;')
        .replace(/,00;/g, '.00;'),
    );
    const doc = await uploadAndSettle(ctx, user, 'odd.csv', csv);
    expect(doc).toMatchObject({ status: 'needs-review', import: { needsMapping: true, imported: 0 } });
    expect(doc.import.mappingPreview.headers).toEqual(['Posted', 'Narr', 'Value', 'Bal']);
    expect(doc.import.mappingPreview.sample[0]).toContain('OFFICEWORKS BOX HILL');
    const bad = await api(user, 'POST', `/api/v1/documents/${doc.id}/mapping`, {
      date: 'Narr',
      amount: 'Value',
      description: 'Posted',
    });
    expect(bad.statusCode).toBe(400);
    const mapped = await api(user, 'POST', `/api/v1/documents/${doc.id}/mapping`, {
      date: 'Posted',
      amount: 'Value',
      description: 'Narr',
    });
    expect(mapped.statusCode, mapped.body).toBe(200);
    const done = await settled(ctx, user, doc.id);
    expect(done).toMatchObject({
      status: 'done',
      import: { imported: 2, layout: 'mapped', needsMapping: false },
    });
  });
});

describe('live status (server-sent events)', () => {
  it('streams a document’s status changes to its owner, opened with a short-lived ticket', async () => {
    const user = await newUser(ctx, 'sse');
    const address = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const bad = await fetch(`${address}/api/v1/documents/events?token=forged`);
    expect(bad.status).toBe(401);
    const ticket = (await api(user, 'POST', '/api/v1/documents/events/ticket')).json().ticket;
    const abort = new AbortController();
    const response = await fetch(`${address}/api/v1/documents/events?token=${ticket}`, {
      signal: abort.signal,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = response.body!.getReader();
    const uploaded = await upload(
      ctx,
      user,
      'div.pdf',
      await textLayerPdf(fixtureOf('dividend-statement').text),
    );
    const id = uploaded.json().id;
    const seen: string[] = [];
    let buffer = '';
    const deadline = Date.now() + 20_000;
    while (!seen.includes('needs-review') && Date.now() < deadline) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += new TextDecoder().decode(value);
      for (const block of buffer.split('\n\n').slice(0, -1)) {
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (data) {
          const event = JSON.parse(data);
          if (event.id === id) seen.push(event.status);
        }
      }
      buffer = buffer.slice(buffer.lastIndexOf('\n\n') + 2);
    }
    abort.abort();
    expect(seen[0]).toBe('queued');
    expect(seen).toEqual(expect.arrayContaining(['reading', 'needs-review']));
  });
});

describe('logs', () => {
  it('hold no stream ticket, password or document text', () => {
    const logs = ctx.logs.text();
    expect(logs).not.toMatch(/events\?token=ey/);
    expect(logs).not.toContain('Franked amount');
  });
});
