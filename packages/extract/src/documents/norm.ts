// The internal, normalised view of a DocumentLayout that every extractor reads: lines that sit on
// the same row are merged, every word has a box and character offsets into its line's text, TFNs
// are masked before anything else sees the text, and OCR'd lines carry a digit-repaired copy
// ("scan") for number parsing and a folded copy ("fold") for label matching.

import { regionUnion, splitIntoWords } from '../layout/build';
import type { DocumentLayout, Region, TextLine, TextWord } from '../layout/types';
import { foldForLabels, foldOcrDigits } from '../text/fold';
import { findTfnSpans, maskSpans } from '../text/ids';

export interface NormWord {
  text: string;
  box: Region;
  confidence?: number;
  /** Offsets of the word in its line's text. */
  start: number;
  end: number;
}

export interface NormLine {
  page: number;
  /** Position in document reading order. */
  index: number;
  /** Words joined by one space, or two where the page shows a wide gap (a column break). */
  text: string;
  /** Same as text, with OCR letter-for-digit confusions repaired inside numbers (OCR lines only). */
  scan: string;
  /** Folded for label matching (see foldForLabels). */
  fold: string;
  words: NormWord[];
  box: Region;
  /** Mean word confidence (0..1); 1 for exact text. */
  confidence: number;
  ocr: boolean;
  /** Typical character width on this line, as a fraction of the page width. */
  charW: number;
}

export interface NormDoc {
  lines: NormLine[];
  /** Whether any TFN was found (and masked). */
  tfnFound: boolean;
  /** Whether lines or characters beyond the limits below were left out. */
  truncated: boolean;
}

/** Tax documents fit well within these; anything larger is read in part (and says so). */
export const MAX_LINES = 20_000;
export const MAX_LINE_CHARS = 2_000;

function wordsOf(line: TextLine): TextWord[] {
  const base =
    line.words && line.words.length > 0 ? line.words : splitIntoWords(line.text, line.box, line.confidence);
  const out: TextWord[] = [];
  for (const w of base) {
    const conf = w.confidence ?? line.confidence;
    if (/\s/.test(w.text.trim())) {
      out.push(...splitIntoWords(w.text.trim(), w.box, conf));
    } else if (w.text.trim().length > 0) {
      const word: TextWord = { text: w.text.trim(), box: w.box };
      if (conf !== undefined) word.confidence = conf;
      out.push(word);
    }
  }
  return out;
}

/**
 * OCR reads specks and paper texture beside a word as quote marks (`"credit`, `‘Franked`). Tax
 * documents do not quote their labels or figures, so quote marks at either end of an OCR'd word
 * are dropped; a word of nothing else goes.
 */
function withoutQuoteNoise(word: TextWord): TextWord[] {
  const text = word.text.replace(/^["'`‘’“”]+|["'`‘’“”]+$/g, '');
  if (text === word.text) return [word];
  return text ? [{ ...word, text }] : [];
}

interface RowGroup {
  page: number;
  y0: number;
  y1: number;
  words: TextWord[];
  ocr: boolean;
}

/** Normalises a layout. Pure; the input is not modified. */
export function normaliseLayout(layout: DocumentLayout): NormDoc {
  const lines: NormLine[] = [];
  let tfnFound = false;
  let truncated = false;
  const pages = [...layout.pages].sort((a, b) => a.page - b.page);
  for (const page of pages) {
    if (lines.length >= MAX_LINES) {
      truncated = true;
      break;
    }
    // 1. Merge lines that share a row (an OCR engine or a PDF may split one visual line in two).
    const rows: RowGroup[] = [];
    const sorted = [...page.lines]
      .filter((l) => l.text.trim().length > 0)
      .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
    if (sorted.length > MAX_LINES - lines.length) {
      sorted.length = MAX_LINES - lines.length;
      truncated = true;
    }
    for (const line of sorted) {
      let words = wordsOf(line);
      let chars = 0;
      const kept = words.findIndex((w) => (chars += w.text.length + 1) > MAX_LINE_CHARS);
      if (kept >= 0) {
        words = words.slice(0, kept);
        truncated = true;
      }
      const ocr = line.confidence !== undefined || words.some((w) => w.confidence !== undefined);
      if (ocr) words = words.flatMap(withoutQuoteNoise);
      // An OCR'd line without a letter or digit is a speck or a rule read as a symbol ("©", "~"):
      // kept, it split table headings that wrap onto two lines.
      if (ocr && !words.some((w) => /[\p{L}\p{N}]/u.test(w.text))) continue;
      if (words.length === 0) continue;
      const y0 = line.box.y;
      const y1 = line.box.y + line.box.h;
      let target: RowGroup | undefined;
      for (let i = Math.max(0, rows.length - 3); i < rows.length; i++) {
        const g = rows[i] as RowGroup;
        const overlap = Math.min(g.y1, y1) - Math.max(g.y0, y0);
        const minH = Math.min(g.y1 - g.y0, y1 - y0);
        if (minH <= 0 || overlap / minH < 0.6) continue;
        const collides = g.words.some((gw) =>
          words.some(
            (w) =>
              Math.min(gw.box.x + gw.box.w, w.box.x + w.box.w) - Math.max(gw.box.x, w.box.x) >
              0.25 * Math.min(gw.box.w, w.box.w),
          ),
        );
        if (!collides) target = g;
      }
      if (target) {
        target.words.push(...words);
        target.y0 = Math.min(target.y0, y0);
        target.y1 = Math.max(target.y1, y1);
        target.ocr ||= ocr;
      } else {
        rows.push({ page: page.page, y0, y1, words: [...words], ocr });
      }
    }
    // 2. Build line text with word offsets; wide gaps become two spaces.
    const pageLines: { row: RowGroup; text: string; words: NormWord[] }[] = [];
    for (const row of rows) {
      const ws = [...row.words].sort((a, b) => a.box.x - b.box.x);
      const charW = medianCharWidth(ws);
      let text = '';
      const nws: NormWord[] = [];
      ws.forEach((w, i) => {
        if (i > 0) {
          const prev = ws[i - 1] as TextWord;
          const gap = w.box.x - (prev.box.x + prev.box.w);
          text += gap > charW * 1.8 ? '  ' : ' ';
        }
        const start = text.length;
        text += w.text;
        const nw: NormWord = { text: w.text, box: w.box, start, end: text.length };
        if (w.confidence !== undefined) nw.confidence = w.confidence;
        nws.push(nw);
      });
      pageLines.push({ row, text, words: nws });
    }
    // 3. Mask TFNs using the page text, so a label on one line covers a number on the next.
    const pageText = pageLines.map((l) => l.text).join('\n');
    const spans = findTfnSpans(pageText);
    if (spans.length > 0) tfnFound = true;
    const masked = maskSpans(pageText, spans).split('\n');
    pageLines.forEach((pl, i) => {
      const text = masked[i] ?? pl.text;
      const words = pl.words.map((w) => ({ ...w, text: text.slice(w.start, w.end) }));
      const confs = words.map((w) => w.confidence ?? 1);
      const confidence = confs.reduce((a, b) => a + b, 0) / Math.max(1, confs.length);
      lines.push({
        page: pl.row.page,
        index: lines.length,
        text,
        scan: pl.row.ocr ? foldOcrDigits(text) : text,
        fold: foldForLabels(text),
        words,
        box: regionUnion(words.map((w) => w.box)) as Region,
        confidence,
        ocr: pl.row.ocr,
        charW: medianCharWidth(words),
      });
    });
  }
  return { lines, tfnFound, truncated };
}

function medianCharWidth(words: readonly { text: string; box: Region }[]): number {
  const widths = words
    .filter((w) => w.text.length > 0)
    .map((w) => w.box.w / w.text.length)
    .sort((a, b) => a - b);
  return widths[Math.floor(widths.length / 2)] ?? 0.01;
}

/** The page region covered by characters [start, end) of a line (partial words pro rata). */
export function regionFor(line: NormLine, start: number, end: number): Region {
  const parts: Region[] = [];
  for (const w of line.words) {
    if (w.end <= start || w.start >= end) continue;
    const len = Math.max(1, w.end - w.start);
    const s = Math.max(start, w.start) - w.start;
    const e = Math.min(end, w.end) - w.start;
    parts.push({
      page: w.box.page,
      x: w.box.x + (w.box.w * s) / len,
      y: w.box.y,
      w: (w.box.w * (e - s)) / len,
      h: w.box.h,
    });
  }
  return regionUnion(parts) ?? line.box;
}

/** Mean OCR confidence of the words touched by [start, end); 1 for exact text. */
export function confidenceFor(line: NormLine, start: number, end: number): number {
  const confs = line.words.filter((w) => !(w.end <= start || w.start >= end)).map((w) => w.confidence ?? 1);
  if (confs.length === 0) return line.confidence;
  return confs.reduce((a, b) => a + b, 0) / confs.length;
}

// ---------------------------------------------------------------------------------------------
// Label matching
// ---------------------------------------------------------------------------------------------

export interface CompiledLabel {
  re: RegExp;
  /** The label's words as regex sources, for labels that wrap onto a second line. */
  parts: string[];
  strength: number;
  source: string;
  /** Reject a match when the text right after it matches (e.g. "Total" followed by "GST"). */
  notFollowedBy?: RegExp;
  /** Reject a match when the text right before it matches (e.g. "inc" before "GST"). */
  notPrecededBy?: RegExp;
}

export interface LabelSpec {
  text: string;
  strength: number;
  notFollowedBy?: RegExp;
  notPrecededBy?: RegExp;
}

/**
 * What may separate two words of a label: nothing (OCR drops spaces), one space, or punctuation
 * with optional spaces ("Union/professional", "Payer's - name"); never a wide gap, which is a
 * column break between two different headings.
 */
const LABEL_GAP = "(?: ?[^a-z0-9' ]{1,2} ?| ?)";

/**
 * Compiles a human label ("Payer's ABN", "Gross payments") to a regex over folded text: words are
 * separated as LABEL_GAP allows, apostrophes are optional, and a final plural "s" is allowed.
 */
export function compileLabel(spec: LabelSpec): CompiledLabel {
  const words = foldForLabels(spec.text)
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) =>
      w
        .split('')
        .map((c) => (c === "'" ? "'?" : c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')))
        .join(''),
    );
  const body = words.join(LABEL_GAP);
  const compiled: CompiledLabel = {
    re: new RegExp(`${body}s?`, 'g'),
    parts: words,
    strength: spec.strength,
    source: spec.text,
  };
  // The guards are written in plain lower case but run on folded text, where "i" reads "l".
  if (spec.notFollowedBy) compiled.notFollowedBy = foldRegex(spec.notFollowedBy);
  if (spec.notPrecededBy) compiled.notPrecededBy = foldRegex(spec.notPrecededBy);
  return compiled;
}

/** Up to 24 characters after a position, within the same cell (a wide gap ends a cell). */
function cellAfter(text: string, pos: number): string {
  const after = text.slice(pos, pos + 24);
  const gap = after.indexOf('  ');
  return gap >= 0 ? after.slice(0, gap) : after;
}

/** Up to 24 characters before a position, within the same cell. */
function cellBefore(text: string, pos: number): string {
  const before = text.slice(Math.max(0, pos - 24), pos);
  const gap = before.lastIndexOf('  ');
  return gap >= 0 ? before.slice(gap + 2) : before;
}

/** Folds a guard regex's literal letters the way foldForLabels folds text (i → l). */
function foldRegex(re: RegExp): RegExp {
  return new RegExp(re.source.replace(/i/g, 'l'), re.flags);
}

export interface LabelHit {
  line: NormLine;
  start: number;
  end: number;
  strength: number;
  source: string;
  /** Where the whole label sits, when it wraps over two lines (otherwise the span's region). */
  box?: Region;
}

const isAsciiLetter = (c: string | undefined): boolean => c !== undefined && /[A-Za-z]/.test(c);
/** Short words OCR often glues to the word before ("Receiptfrom", "Numberof"), in folded form. */
const GLUED_WORD = /^(from|for|of|to|the|and|ln|on|at|by|wlth|date|no|number|amount|total|pald)(?![a-z])/;
const isCaseBoundary = (a: string | undefined, b: string | undefined): boolean =>
  a !== undefined && b !== undefined && /[a-z]/.test(a) && /[A-Z]/.test(b);

/** All matches of a compiled label in a line, with word boundaries checked on the original text. */
export function matchLabel(line: NormLine, label: CompiledLabel): LabelHit[] {
  const hits: LabelHit[] = [];
  label.re.lastIndex = 0;
  for (let m = label.re.exec(line.fold); m; m = label.re.exec(line.fold)) {
    if (m[0].length === 0) {
      label.re.lastIndex++;
      continue;
    }
    const start = m.index;
    const end = start + m[0].length;
    // a plural "s" that is really the next word's start is given back
    // Word boundaries on the original text. A case change ("withheldGross", "paymentsTax") counts
    // as a boundary, because OCR often drops the space between a label and the next word.
    if (isAsciiLetter(line.text[start - 1]) && !isCaseBoundary(line.text[start - 1], line.text[start]))
      continue;
    if (
      isAsciiLetter(line.text[end]) &&
      !isCaseBoundary(line.text[end - 1], line.text[end]) &&
      !GLUED_WORD.test(line.fold.slice(end, end + 8))
    )
      continue;
    if (label.notFollowedBy && label.notFollowedBy.test(cellAfter(line.fold, end))) continue;
    if (label.notPrecededBy && label.notPrecededBy.test(cellBefore(line.fold, start))) continue;
    hits.push({ line, start, end, strength: label.strength, source: label.source });
  }
  return hits;
}

const partCache = new Map<string, RegExp>();
function partsRegex(parts: readonly string[], plural: boolean): RegExp {
  const key = `${plural ? 1 : 0}${parts.join('\u0000')}`;
  let re = partCache.get(key);
  if (!re) {
    re = new RegExp(`${parts.join(LABEL_GAP)}${plural ? 's?' : ''}`, 'g');
    partCache.set(key, re);
  }
  return re;
}

/**
 * Matches a label that wraps in a table heading: its first words end a cell on one line and the
 * rest start a cell on the next line, in the same column ("Franking" above "credit"). The hit is
 * placed on the lower line, with a box covering both parts.
 */
export function matchStackedLabel(upper: NormLine, lower: NormLine, label: CompiledLabel): LabelHit[] {
  const hits: LabelHit[] = [];
  const n = label.parts.length;
  for (let k = 1; k < n; k++) {
    const pre = partsRegex(label.parts.slice(0, k), false);
    const suf = partsRegex(label.parts.slice(k), true);
    pre.lastIndex = 0;
    for (let a = pre.exec(upper.fold); a; a = pre.exec(upper.fold)) {
      const aEnd = a.index + a[0].length;
      if (isAsciiLetter(upper.text[a.index - 1]) || !/^( {2}|$)/.test(upper.text.slice(aEnd, aEnd + 2)))
        continue;
      if (label.notPrecededBy && label.notPrecededBy.test(cellBefore(upper.fold, a.index))) continue;
      const aBox = regionFor(upper, a.index, aEnd);
      suf.lastIndex = 0;
      for (let b = suf.exec(lower.fold); b; b = suf.exec(lower.fold)) {
        const bEnd = b.index + b[0].length;
        if (!(b.index === 0 || lower.text.slice(b.index - 2, b.index) === '  ')) continue;
        if (isAsciiLetter(lower.text[bEnd])) continue;
        if (label.notFollowedBy && label.notFollowedBy.test(cellAfter(lower.fold, bEnd))) continue;
        const bBox = regionFor(lower, b.index, bEnd);
        if (Math.min(aBox.x + aBox.w, bBox.x + bBox.w) - Math.max(aBox.x, bBox.x) <= 0) continue;
        const box = regionUnion([aBox, bBox]) as Region;
        hits.push({
          line: lower,
          start: b.index,
          end: bEnd,
          strength: label.strength * 0.95,
          source: label.source,
          box,
        });
      }
    }
  }
  return hits;
}
