import { describe, expect, it } from 'vitest';
import type { DocumentLayout, OcrPage, PdfTextPage, Region } from '../src/index';
import {
  extractFields,
  groupWordsIntoLines,
  layoutFromOcrWords,
  layoutFromText,
  layoutFromTextItems,
  layoutText,
} from '../src/index';
import { buildCorpus } from './fixtures/documents';
import { sameValue } from './fixtures/score';

const close = (a: number, b: number): boolean => Math.abs(a - b) < 1e-9;

describe('layoutFromText', () => {
  it('places words by character column and line, as page fractions', () => {
    const layout = layoutFromText('Gross payments    $85,432.00\nTax', { columns: 100, linesPerPage: 50 });
    const line = layout.pages[0]?.lines[0];
    expect(line?.text).toBe('Gross payments $85,432.00');
    const amount = line?.words?.[2];
    expect(amount?.text).toBe('$85,432.00');
    // column 18 of 100, line 0 of 50
    expect(amount?.box.x).toBeCloseTo(0.18, 9);
    expect(amount?.box.w).toBeCloseTo(0.1, 9);
    expect(amount?.box.y).toBe(0);
    expect(layout.pages[0]?.lines[1]?.box.y).toBeCloseTo(0.02, 9);
  });
  it('splits pages on form feeds and skips blank lines', () => {
    const layout = layoutFromText('one\n\ntwo\fthree');
    expect(layout.pages.map((p) => p.lines.map((l) => l.text))).toEqual([['one', 'two'], ['three']]);
    expect(layout.pages[1]?.page).toBe(2);
    expect(layoutText(layout)).toBe('one\ntwo\fthree');
  });
});

describe('layoutFromTextItems (pdfjs, origin bottom-left)', () => {
  const page: PdfTextPage = {
    page: 1,
    width: 600,
    height: 800,
    items: [
      // pdfjs often splits a word into fragments; "Gross pay" + "ments" touch (gap 0)
      { str: 'Gross pay', x: 50, y: 700, w: 60, h: 10 },
      { str: 'ments', x: 110, y: 700, w: 34, h: 10 },
      { str: '$85,432.00', x: 400, y: 700.5, w: 60, h: 10 },
      { str: ' ', x: 470, y: 700, w: 3, h: 10 },
      { str: 'Tax withheld', x: 50, y: 680, w: 70, h: 10 },
      { str: '$19,880.00', x: 400, y: 680, w: 60, h: 10 },
    ],
  };

  it('converts to top-left fractions and merges items on one baseline into a line', () => {
    const layout = layoutFromTextItems([page]);
    const lines = layout.pages[0]?.lines ?? [];
    expect(lines.map((l) => l.text)).toEqual(['Gross payments $85,432.00', 'Tax withheld $19,880.00']);
    const amount = lines[0]?.words?.find((w) => w.text === '$85,432.00');
    // x = 400/600; top = 800 - (700.5 + 10) = 89.5 → 89.5/800
    expect(close(amount?.box.x ?? 0, 400 / 600)).toBe(true);
    expect(close(amount?.box.y ?? 0, 89.5 / 800)).toBe(true);
    expect(close(amount?.box.h ?? 0, 10 / 800)).toBe(true);
    // exact text: no confidence
    expect(lines[0]?.confidence).toBeUndefined();
  });

  it('gives word boxes within a multi-word item by character share', () => {
    const layout = layoutFromTextItems([page]);
    const tax = layout.pages[0]?.lines[1]?.words?.[0];
    // "Tax withheld" is 12 characters over 70 units: "Tax" is 3/12 of the width
    expect(tax?.text).toBe('Tax');
    expect(close(tax?.box.w ?? 0, (70 * 3) / 12 / 600)).toBe(true);
  });
});

describe('layoutFromOcrWords (tesseract, pixels, confidence 0–100)', () => {
  const page: OcrPage = {
    page: 1,
    width: 1000,
    height: 2000,
    words: [
      { text: '$85,432.00', bbox: { x0: 600, y0: 103, x1: 720, y1: 128 }, confidence: 71 },
      { text: 'Gross', bbox: { x0: 100, y0: 100, x1: 170, y1: 125 }, confidence: 96 },
      { text: 'payments', bbox: { x0: 180, y0: 101, x1: 300, y1: 126 }, confidence: 90 },
      { text: 'Tax', bbox: { x0: 100, y0: 160, x1: 140, y1: 185 }, confidence: 88 },
    ],
  };
  it('groups words into lines left to right and scales confidence to 0..1', () => {
    const layout = layoutFromOcrWords([page]);
    const lines = layout.pages[0]?.lines ?? [];
    expect(lines.map((l) => l.text)).toEqual(['Gross payments $85,432.00', 'Tax']);
    expect(lines[0]?.words?.[2]?.confidence).toBeCloseTo(0.71, 9);
    expect(lines[0]?.confidence).toBeCloseTo((0.96 + 0.9 + 0.71) / 3, 9);
    expect(lines[0]?.words?.[0]?.box).toEqual({ page: 1, x: 0.1, y: 0.05, w: 0.07, h: 0.0125 });
  });
});

describe('groupWordsIntoLines', () => {
  it('keeps separate rows apart even when they are close', () => {
    const box = (x: number, y: number): Region => ({ page: 1, x, y, w: 0.05, h: 0.01 });
    const lines = groupWordsIntoLines([
      { text: 'b', box: box(0.3, 0.1) },
      { text: 'c', box: box(0.1, 0.112) },
      { text: 'a', box: box(0.1, 0.1005) },
    ]);
    expect(lines.map((l) => l.text)).toEqual(['a b', 'c']);
  });
});

/** Turns a fixed-width fixture into pdfjs items (one item per word, bottom-left origin). */
function asPdfItems(text: string): DocumentLayout {
  const clean = layoutFromText(text);
  const W = 612;
  const H = 792;
  const pages: PdfTextPage[] = clean.pages.map((p) => ({
    page: p.page,
    width: W,
    height: H,
    items: p.lines.flatMap((l) =>
      (l.words ?? []).map((w) => ({
        str: w.text,
        x: w.box.x * W,
        y: H - (w.box.y + w.box.h) * H,
        w: w.box.w * W,
        h: w.box.h * H,
      })),
    ),
  }));
  return layoutFromTextItems(pages);
}

/** Turns a fixture into OCR words in pixels with confidences, in scrambled order. */
function asOcrWords(text: string): DocumentLayout {
  const clean = layoutFromText(text);
  const W = 2480;
  const H = 3508;
  const pages: OcrPage[] = clean.pages.map((p) => ({
    page: p.page,
    width: W,
    height: H,
    words: p.lines
      .flatMap((l) => l.words ?? [])
      .map((w, i) => ({
        text: w.text,
        bbox: {
          x0: Math.round(w.box.x * W),
          y0: Math.round(w.box.y * H),
          x1: Math.round((w.box.x + w.box.w) * W),
          y1: Math.round((w.box.y + w.box.h) * H),
        },
        confidence: 80 + (i % 17),
      }))
      .reverse(),
  }));
  return layoutFromOcrWords(pages);
}

describe('the same document through each layout source', () => {
  const corpus = buildCorpus(2, 4242).filter((f) => f.type !== 'other');
  it.each(corpus.map((f) => [f.id, f.variant, f] as const))(
    '%s %s: PDF items and OCR words extract the same values',
    (_id, _variant, f) => {
      for (const layout of [asPdfItems(f.text), asOcrWords(f.text)]) {
        const result = extractFields(layout, f.type);
        for (const t of f.truth) {
          const field = result.fields.find((x) => x.key === t.key && (x.row ?? 0) === (t.row ?? 0));
          expect(field && sameValue(field, t), `${t.key} ${t.row ?? ''}`).toBe(true);
        }
      }
    },
  );
});

describe('OCR noise around table headings', () => {
  // Seen on photographed dividend statements: a speck read as "©" on a row of its own between
  // the two rows of a wrapped heading, and paper texture read as a quote mark before "credit".
  it('a quote mark on a word and a symbol-only line do not hide a wrapped heading', () => {
    const fixture = buildCorpus(1, 7).find((f) => f.type === 'dividend-statement')!;
    const truth = fixture.truth.find((t) => t.key === 'frankingCredit')!;
    const clean = asOcrWords(fixture.text);
    const noisy: DocumentLayout = {
      pages: clean.pages.map((page) => {
        const heading = page.lines.find((line) => /^description\b/.test(line.text))!;
        const speck: Region = {
          ...heading.box,
          x: heading.box.x + 0.3,
          y: heading.box.y - heading.box.h * 0.9,
          w: 0.004,
        };
        return {
          ...page,
          lines: [
            ...page.lines.map((line) =>
              line === heading
                ? {
                    ...line,
                    text: line.text.replace(/\bcredit\b/, '"credit'),
                    words: line.words!.map((w) => (w.text === 'credit' ? { ...w, text: '"credit' } : w)),
                  }
                : line,
            ),
            { text: '©', box: speck, words: [{ text: '©', box: speck, confidence: 0.31 }], confidence: 0.31 },
          ],
        };
      }),
    };
    expect(layoutText(noisy)).toContain('"credit');
    const field = extractFields(noisy, 'dividend-statement').fields.find((f) => f.key === 'frankingCredit');
    expect(field && sameValue(field, truth)).toBe(true);
  });
});
