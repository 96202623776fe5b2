import { createRequire } from 'node:module';
import path from 'node:path';
import type { PdfTextItem } from '@numeri/extract';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';
import { MAX_PDF_PAGES, PdfPasswordError, PdfRejectedError, type PdfReader } from './pdf-reader.types';

// Runs inside the PDF reader's worker thread (pdf-reader.thread.ts), never on the API's event
// loop: pdfjs parses and draws synchronously, and a hostile PDF can keep it busy for minutes or
// grow its heap without bound. The host (pdf-reader.ts) bounds time and memory by ending the thread.

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Rendered page images are capped at this many pixels (an A4 page at 300 dpi is 8.7 million). */
const MAX_RENDER_PIXELS = 12_000_000;
const RENDER_DPI = 300;

/** pdfjs-dist 5.6 legacy build (the modern build needs DOM globals Node does not have), loaded by the thread. */
export type PdfJs = typeof PdfJsModule;

/**
 * Opens a PDF with pdfjs. Scripts are never evaluated (isEvalSupported: false), fonts are not
 * installed into anything, embedded images are capped in size, and documents longer than
 * MAX_PDF_PAGES are refused before any page is parsed.
 */
export async function openPdfWithPdfjs(
  lib: PdfJs,
  bytes: Uint8Array,
  options: { password?: string; maxPages?: number } = {},
): Promise<PdfReader> {
  const task = lib.getDocument({
    data: bytes,
    ...(options.password !== undefined ? { password: options.password } : {}),
    standardFontDataUrl: `${PDFJS_DIR}/standard_fonts/`,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    maxImageSize: 40_000_000,
    verbosity: 0,
  });
  let doc: Awaited<typeof task.promise>;
  try {
    doc = await task.promise;
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PdfPasswordError(
        (err as { code?: number }).code === lib.PasswordResponses.INCORRECT_PASSWORD,
      );
    }
    throw new PdfRejectedError(
      'This PDF is damaged or incomplete, so it cannot be read. Download it again from where you got it.',
      { cause: err },
    );
  }
  const maxPages = options.maxPages ?? MAX_PDF_PAGES;
  if (doc.numPages > maxPages) {
    await task.destroy().catch(() => undefined);
    throw new PdfRejectedError(
      `This PDF has ${doc.numPages.toLocaleString('en-AU')} pages; Numeri reads documents of up to ${maxPages} pages. Upload just the pages you need.`,
    );
  }
  if (doc.numPages < 1) {
    await task.destroy().catch(() => undefined);
    throw new PdfRejectedError('This PDF has no pages.');
  }

  const getPage = async (n: number) => {
    try {
      return await doc.getPage(n);
    } catch (err) {
      throw new PdfRejectedError(`Page ${n} of this PDF is damaged and cannot be read.`, { cause: err });
    }
  };

  return {
    pageCount: doc.numPages,
    async textPage(n) {
      const page = await getPage(n);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent();
        const items: PdfTextItem[] = [];
        let chars = 0;
        for (const item of content.items) {
          if (!('str' in item) || !item.str) continue;
          const [, , , d = 0, x = 0, y = 0] = item.transform as number[];
          items.push({ str: item.str, x, y, w: item.width, h: item.height || Math.abs(d) });
          chars += item.str.replace(/\s+/g, '').length;
        }
        return { page: { page: n, width: viewport.width, height: viewport.height, items }, chars };
      } catch (err) {
        throw new PdfRejectedError(`The text of page ${n} could not be read.`, { cause: err });
      } finally {
        page.cleanup();
      }
    },
    async renderPage(n) {
      const page = await getPage(n);
      try {
        const base = page.getViewport({ scale: 1 });
        const scale = Math.min(
          RENDER_DPI / 72,
          Math.sqrt(MAX_RENDER_PIXELS / Math.max(1, base.width * base.height)),
        );
        const viewport = page.getViewport({ scale });
        const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
        const { canvas, context } = factory.create(
          Math.max(1, Math.floor(viewport.width)),
          Math.max(1, Math.floor(viewport.height)),
        );
        try {
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          await page.render({ canvasContext: context, viewport, canvas } as never).promise;
          return canvas.toBuffer('image/png');
        } finally {
          factory.destroy({ canvas, context });
        }
      } catch (err) {
        throw new PdfRejectedError(`Page ${n} of this PDF could not be drawn for reading.`, { cause: err });
      } finally {
        page.cleanup();
      }
    },
    async close() {
      await task.destroy().catch(() => undefined);
    },
  };
}

interface CanvasLike {
  width: number;
  height: number;
  toBuffer(type: 'image/png'): Buffer;
}
interface CanvasFactory {
  create(
    width: number,
    height: number,
  ): {
    canvas: CanvasLike;
    context: { fillStyle: string; fillRect(x: number, y: number, w: number, h: number): void };
  };
  destroy(pair: { canvas: CanvasLike; context: unknown }): void;
}
