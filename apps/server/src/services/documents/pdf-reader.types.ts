import type { PdfTextPage } from '@numeri/extract';

/** Longest document read (pages); a longer one fails with a clear reason instead of tying up a worker. */
export const MAX_PDF_PAGES = 50;
/** A page with fewer visible characters than this in its text layer is treated as a scan. */
export const MIN_TEXT_LAYER_CHARS = 20;

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
