import type { DocumentLayout, OcrPage, PageLayout, PdfTextPage, Region, TextLine, TextWord } from './types';

const clamp01 = (n: number): number => (Number.isFinite(n) ? Math.min(1, Math.max(0, n)) : 0);

export function regionUnion(regions: readonly Region[]): Region | undefined {
  const first = regions[0];
  if (!first) return undefined;
  let x0 = first.x;
  let y0 = first.y;
  let x1 = first.x + first.w;
  let y1 = first.y + first.h;
  for (const r of regions) {
    x0 = Math.min(x0, r.x);
    y0 = Math.min(y0, r.y);
    x1 = Math.max(x1, r.x + r.w);
    y1 = Math.max(y1, r.y + r.h);
  }
  return { page: first.page, x: x0, y: y0, w: x1 - x0, h: y1 - y0 };
}

export interface TextLayoutOptions {
  /** Lines per page used to place lines vertically (default: at least 66, like a printed page). */
  linesPerPage?: number;
  /** Characters per line used to place words horizontally (default: at least 100). */
  columns?: number;
}

/**
 * Builds a layout from plain text, treating it as a fixed-width page: each text line becomes a
 * TextLine and each whitespace-separated word gets a box from its character columns. Pages are
 * split on form feeds (\f). Used by tests and for previews of text-only sources.
 */
export function layoutFromText(text: string, options: TextLayoutOptions = {}): DocumentLayout {
  const pageTexts = text.replace(/\r\n?/g, '\n').split('\f');
  const pages: PageLayout[] = pageTexts.map((pageText, pageIndex) => {
    const rawLines = pageText.split('\n');
    const rows = Math.max(options.linesPerPage ?? 66, rawLines.length);
    const cols = Math.max(options.columns ?? 100, ...rawLines.map((l) => l.length));
    const lineH = 1 / rows;
    const charW = 1 / cols;
    const page = pageIndex + 1;
    const lines: TextLine[] = [];
    rawLines.forEach((raw, row) => {
      const words: TextWord[] = [];
      for (const m of raw.matchAll(/\S+/g)) {
        const col = m.index;
        words.push({
          text: m[0],
          box: { page, x: col * charW, y: row * lineH, w: m[0].length * charW, h: lineH * 0.8 },
        });
      }
      if (words.length === 0) return;
      const box = regionUnion(words.map((w) => w.box)) as Region;
      lines.push({ text: words.map((w) => w.text).join(' '), box, words });
    });
    return { page, width: cols, height: rows, lines };
  });
  return { pages };
}

interface PositionedWord extends TextWord {
  /** Vertical centre and height, used for grouping. */
  cy: number;
}

export interface GroupOptions {
  /** Two words share a line when their vertical overlap is at least this share of the smaller height. */
  minVerticalOverlap?: number;
}

/**
 * Groups word boxes (any order, one page) into lines: words whose boxes overlap vertically by at
 * least half the smaller height form one line; lines are returned top to bottom, words left to
 * right. Adjacent fragments with (almost) no gap are joined without a space, as pdfjs splits words
 * into several items when the font or kerning changes.
 */
export function groupWordsIntoLines(words: readonly TextWord[], options: GroupOptions = {}): TextLine[] {
  const minOverlap = options.minVerticalOverlap ?? 0.5;
  const items: PositionedWord[] = words
    .filter((w) => w.text.trim().length > 0)
    .map((w) => ({ ...w, text: w.text.trim(), cy: w.box.y + w.box.h / 2 }))
    .sort((a, b) => a.cy - b.cy || a.box.x - b.box.x);
  const groups: { y0: number; y1: number; words: PositionedWord[] }[] = [];
  for (const w of items) {
    const wy0 = w.box.y;
    const wy1 = w.box.y + w.box.h;
    let best: (typeof groups)[number] | undefined;
    let bestOverlap = 0;
    // Only the last few groups can overlap, since words arrive sorted by vertical centre.
    for (let i = Math.max(0, groups.length - 4); i < groups.length; i++) {
      const g = groups[i] as (typeof groups)[number];
      const overlap = Math.min(g.y1, wy1) - Math.max(g.y0, wy0);
      const minH = Math.min(g.y1 - g.y0, wy1 - wy0);
      if (minH <= 0) continue;
      const share = overlap / minH;
      if (share >= minOverlap && share > bestOverlap) {
        best = g;
        bestOverlap = share;
      }
    }
    if (best) {
      best.words.push(w);
      best.y0 = Math.min(best.y0, wy0);
      best.y1 = Math.max(best.y1, wy1);
    } else {
      groups.push({ y0: wy0, y1: wy1, words: [w] });
    }
  }
  return groups
    .sort((a, b) => a.y0 - b.y0)
    .map((g) => {
      const sorted = g.words.sort((a, b) => a.box.x - b.box.x);
      const merged: TextWord[] = [];
      for (const w of sorted) {
        const prev = merged[merged.length - 1];
        const gap = prev ? w.box.x - (prev.box.x + prev.box.w) : Infinity;
        const height = Math.min(w.box.h, prev?.box.h ?? w.box.h);
        if (prev && gap < height * 0.12) {
          const conf = combineConfidence(prev.confidence, w.confidence);
          const box = regionUnion([prev.box, w.box]) as Region;
          merged[merged.length - 1] =
            conf === undefined
              ? { text: prev.text + w.text, box }
              : { text: prev.text + w.text, box, confidence: conf };
        } else {
          const word: TextWord = { text: w.text, box: w.box };
          if (w.confidence !== undefined) word.confidence = w.confidence;
          merged.push(word);
        }
      }
      const box = regionUnion(merged.map((w) => w.box)) as Region;
      const line: TextLine = { text: merged.map((w) => w.text).join(' '), box, words: merged };
      const confs = merged.map((w) => w.confidence).filter((c): c is number => c !== undefined);
      if (confs.length > 0) line.confidence = confs.reduce((a, b) => a + b, 0) / confs.length;
      return line;
    });
}

function combineConfidence(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  return Math.min(a, b);
}

/**
 * Builds a layout from pdfjs text items. Items are in PDF user space (origin bottom-left, y at the
 * baseline, h the font height); they are converted to top-left fractions and merged into lines by
 * their vertical position.
 */
export function layoutFromTextItems(pages: readonly PdfTextPage[]): DocumentLayout {
  return {
    pages: pages.map((p) => {
      const width = p.width > 0 ? p.width : 1;
      const height = p.height > 0 ? p.height : 1;
      const words: TextWord[] = [];
      for (const item of p.items) {
        const str = item.str.replace(/\s+/g, ' ');
        if (str.trim().length === 0) continue;
        const h = Math.abs(item.h) > 0 ? Math.abs(item.h) : 10;
        const top = height - (item.y + h);
        const itemBox: Region = {
          page: p.page,
          x: clamp01(item.x / width),
          y: clamp01(top / height),
          w: clamp01(Math.abs(item.w) / width),
          h: clamp01(h / height),
        };
        // One pdfjs item can hold several words ("Gross payments"); split it so that words keep
        // their own boxes (widths shared by character count).
        words.push(...splitIntoWords(str, itemBox, undefined));
      }
      return { page: p.page, width: p.width, height: p.height, lines: groupWordsIntoLines(words) };
    }),
  };
}

/**
 * Builds a layout from OCR words (tesseract.js: pixel boxes, origin top-left, confidence 0..100),
 * grouping them into lines.
 */
export function layoutFromOcrWords(pages: readonly OcrPage[]): DocumentLayout {
  return {
    pages: pages.map((p) => {
      const width = p.width > 0 ? p.width : 1;
      const height = p.height > 0 ? p.height : 1;
      const words: TextWord[] = p.words
        .filter((w) => w.text.trim().length > 0)
        .map((w) => ({
          text: w.text.trim(),
          box: {
            page: p.page,
            x: clamp01(w.bbox.x0 / width),
            y: clamp01(w.bbox.y0 / height),
            w: clamp01((w.bbox.x1 - w.bbox.x0) / width),
            h: clamp01((w.bbox.y1 - w.bbox.y0) / height),
          },
          confidence: clamp01(w.confidence / 100),
        }));
      return { page: p.page, width: p.width, height: p.height, lines: groupWordsIntoLines(words) };
    }),
  };
}

/** Splits a text span with one box into words with boxes proportional to character positions. */
export function splitIntoWords(text: string, box: Region, confidence: number | undefined): TextWord[] {
  const len = Math.max(1, text.length);
  const out: TextWord[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    const word: TextWord = {
      text: m[0],
      box: {
        page: box.page,
        x: box.x + (box.w * m.index) / len,
        y: box.y,
        w: (box.w * m[0].length) / len,
        h: box.h,
      },
    };
    if (confidence !== undefined) word.confidence = confidence;
    out.push(word);
  }
  return out;
}

/** The plain text of a layout: pages separated by form feeds, lines by newlines. */
export function layoutText(layout: DocumentLayout): string {
  return layout.pages.map((p) => p.lines.map((l) => l.text).join('\n')).join('\f');
}
