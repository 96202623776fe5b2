import { createRequire } from 'node:module';
import path from 'node:path';
import type { PdfTextItem, PdfTextPage } from '@numeri/extract';
import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

const require = createRequire(import.meta.url);
const PDFJS_DIR = path.dirname(require.resolve('pdfjs-dist/package.json'));

/** Longest document read (pages); a longer one fails with a clear reason instead of tying up a worker. */
export const MAX_PDF_PAGES = 50;
/** A page with fewer visible characters than this in its text layer is treated as a scan. */
export const MIN_TEXT_LAYER_CHARS = 20;
/** Rendered page images are capped at this many pixels (an A4 page at 300 dpi is 8.7 million). */
const MAX_RENDER_PIXELS = 12_000_000;
const RENDER_DPI = 300;
/** Any one parse or render step taking longer than this is abandoned. */
const STEP_TIMEOUT_MS = 60_000;

type PdfJs = typeof PdfJsModule;
let pdfjsModule: Promise<PdfJs> | undefined;
/** pdfjs-dist 5.6 legacy build: the modern build needs DOM globals Node does not have. */
const pdfjs = () => (pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

/** The PDF is encrypted: it needs the user's password (or the one given was wrong). */
export class PdfPasswordError extends Error {
  constructor(readonly incorrect: boolean) {
    super(incorrect ? 'The password is not right' : 'This PDF is protected by a password');
    this.name = 'PdfPasswordError';
  }
}

/** The PDF cannot be read, and trying again will not change that. `reason` is plain English. */
export class PdfRejectedError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'PdfRejectedError';
  }
}

export interface PdfPageText {
  page: PdfTextPage;
  /** Visible (non-space) characters in the text layer. */
  chars: number;
}

export interface PdfReader {
  readonly pageCount: number;
  textPage(pageNumber: number): Promise<PdfPageText>;
  /** The page as a PNG at about 300 dpi (for OCR). */
  renderPage(pageNumber: number): Promise<Buffer>;
  close(): Promise<void>;
}

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new PdfRejectedError(
              `Reading this PDF took too long (${what}). It may be damaged or unusually complex.`,
            ),
          ),
        STEP_TIMEOUT_MS,
      );
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Opens a PDF with pdfjs. Scripts are never evaluated (isEvalSupported: false), fonts are not
 * installed into anything, embedded images are capped in size, and documents longer than
 * MAX_PDF_PAGES are refused before any page is parsed.
 */
export async function openPdf(
  bytes: Buffer,
  options: { password?: string; maxPages?: number } = {},
): Promise<PdfReader> {
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: new Uint8Array(bytes),
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
    doc = await withTimeout(task.promise, 'opening it');
  } catch (err) {
    await task.destroy().catch(() => undefined);
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new PdfPasswordError(
        (err as { code?: number }).code === lib.PasswordResponses.INCORRECT_PASSWORD,
      );
    }
    if (err instanceof PdfRejectedError) throw err;
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
      return await withTimeout(doc.getPage(n), `page ${n}`);
    } catch (err) {
      if (err instanceof PdfRejectedError) throw err;
      throw new PdfRejectedError(`Page ${n} of this PDF is damaged and cannot be read.`, { cause: err });
    }
  };

  return {
    pageCount: doc.numPages,
    async textPage(n) {
      const page = await getPage(n);
      try {
        const viewport = page.getViewport({ scale: 1 });
        const content = await withTimeout(page.getTextContent(), `text of page ${n}`);
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
        if (err instanceof PdfRejectedError) throw err;
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
          await withTimeout(
            page.render({ canvasContext: context, viewport, canvas } as never).promise,
            `drawing page ${n}`,
          );
          return canvas.toBuffer('image/png');
        } finally {
          factory.destroy({ canvas, context });
        }
      } catch (err) {
        if (err instanceof PdfRejectedError) throw err;
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
