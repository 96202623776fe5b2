import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { encryptPdf } from '../../../test/fixtures/encrypted-pdf';
import { operatorBombPdf, textLayerPdf } from '../../../test/fixtures/documents';
import { openPdf, PdfPasswordError, PdfRejectedError } from './pdf-reader';

const statement = 'PAYG payment summary\nGross payments     $85,000.00\fTotal tax withheld  $19,500.00';

const pageTexts = async (pdf: Buffer) => {
  const reader = await openPdf(pdf);
  try {
    const texts = [];
    for (let n = 1; n <= reader.pageCount; n += 1)
      texts.push((await reader.textPage(n)).page.items.map((item) => item.str).join(' '));
    return texts;
  } finally {
    await reader.close();
  }
};

describe('the PDF reader (pdfjs in a worker thread)', () => {
  it('reads each page’s text layer and draws a page as a PNG for OCR', async () => {
    const reader = await openPdf(await textLayerPdf(statement));
    try {
      expect(reader.pageCount).toBe(2);
      const first = await reader.textPage(1);
      expect(first.page).toMatchObject({ page: 1, width: 595, height: 842 });
      expect(first.page.items.map((item) => item.str).join(' ')).toContain('$85,000.00');
      expect(first.chars).toBeGreaterThan(20);
      const png = await reader.renderPage(2);
      expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
      // About 300 dpi: an A4 page is 2,480 pixels wide.
      expect(png.readUInt32BE(16)).toBeGreaterThan(2000);
    } finally {
      await reader.close();
    }
  });

  it('reads one PDF after another, each with its own text', async () => {
    expect(await pageTexts(await textLayerPdf('First document'))).toEqual(['First document']);
    expect(await pageTexts(await textLayerPdf('Second document'))).toEqual(['Second document']);
  });

  it('asks for a password, tells a wrong one apart, and opens with the right one', async () => {
    const plain = await PDFDocument.load(await textLayerPdf(statement));
    const locked = await encryptPdf(await plain.save(), 'correct horse');
    await expect(openPdf(locked)).rejects.toMatchObject({ name: 'PdfPasswordError', incorrect: false });
    await expect(openPdf(locked, { password: 'wrong' })).rejects.toBeInstanceOf(PdfPasswordError);
    await expect(openPdf(locked, { password: 'wrong' })).rejects.toMatchObject({ incorrect: true });
    const reader = await openPdf(locked, { password: 'correct horse' });
    expect(reader.pageCount).toBe(2);
    await reader.close();
  });

  it('refuses damaged files and documents over the page limit with a plain reason', async () => {
    await expect(openPdf(Buffer.from('%PDF-1.7\nnot really a PDF'))).rejects.toThrow(/damaged or incomplete/);
    await expect(openPdf(await textLayerPdf('a\fb\fc'), { maxPages: 2 })).rejects.toThrow(
      /has 3 pages; Numeri reads documents of up to 2 pages/,
    );
  });

  it('keeps the event loop free while a heavy page is parsed', async () => {
    const reader = await openPdf(await operatorBombPdf(5_000_000));
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    try {
      await reader.textPage(1);
    } finally {
      clearInterval(timer);
      await reader.close();
    }
    const elapsed = performance.now() - started;
    // Parsed on this thread, the page blocks it for the whole read (a handful of ticks at most).
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
  });

  it('ends a step that runs past its time limit and refuses the PDF; the next PDF reads normally', async () => {
    const reader = await openPdf(await operatorBombPdf(5_000_000), { stepTimeoutMs: 100 });
    const read = reader.textPage(1);
    await expect(read).rejects.toBeInstanceOf(PdfRejectedError);
    await expect(read).rejects.toThrow(/took too long \(text of page 1\)/);
    await reader.close();
    expect(await pageTexts(await textLayerPdf('After the slow one'))).toEqual(['After the slow one']);
  });

  it('refuses a PDF that needs more heap than its thread may have, leaving this process unharmed', async () => {
    const bomb = await operatorBombPdf(30_000_000);
    expect(bomb.length).toBeLessThan(100_000);
    const reader = await openPdf(bomb, { maxHeapMb: 64 });
    await expect(reader.textPage(1)).rejects.toThrow(/needs more memory to read than Numeri allows/);
    await reader.close();
    expect(await pageTexts(await textLayerPdf('After the bomb'))).toEqual(['After the bomb']);
  });
});
