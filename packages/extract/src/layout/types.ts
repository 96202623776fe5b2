/**
 * The input layout model. The server builds it from one of two sources — the PDF text layer
 * (pdfjs text items: exact text and positions) or OCR (tesseract.js words with boxes and a 0–100
 * confidence) — and every parser in this package reads only this model.
 *
 * Coordinates are fractions of the page (0..1) with the origin at the top-left, so the UI can
 * highlight a region on any rendering of the page, at any size.
 */

/** A rectangle on one page, as fractions of the page width and height (origin top-left). */
export interface Region {
  /** 1-based page number. */
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextWord {
  text: string;
  box: Region;
  /** 0..1; absent for text taken from a PDF text layer (exact). */
  confidence?: number;
}

export interface TextLine {
  text: string;
  box: Region;
  /** 0..1; absent for exact text (PDF text layer, plain text). Present means "this came from OCR". */
  confidence?: number;
  /** Word boxes, left to right. When absent, word boxes are estimated from the line box. */
  words?: TextWord[];
}

export interface PageLayout {
  /** 1-based. */
  page: number;
  /** Page size in the source's units (PDF points or image pixels); informational only. */
  width: number;
  height: number;
  /** Lines in reading order (top to bottom, then left to right). */
  lines: TextLine[];
}

export interface DocumentLayout {
  pages: PageLayout[];
}

/** A pdfjs-style text item in PDF user space: origin bottom-left, (x, y) at the baseline start. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfTextPage {
  page: number;
  width: number;
  height: number;
  items: PdfTextItem[];
}

/** A tesseract.js-style word: pixel box with origin top-left, confidence 0..100. */
export interface OcrWord {
  text: string;
  bbox: { x0: number; y0: number; x1: number; y1: number };
  confidence: number;
}

export interface OcrPage {
  page: number;
  width: number;
  height: number;
  words: OcrWord[];
}
