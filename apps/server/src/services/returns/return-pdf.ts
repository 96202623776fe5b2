import { PDFDocument, StandardFonts, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { DEDUCTION_LABEL_NAMES, type Evidence, type ReturnItem, type TaxReturnView } from '@numeri/contracts';
import {
  BENEFIT_CODE_MEANING,
  DEDUCTION_ITEMS,
  DEDUCTION_ORDER,
  INCOME_ITEM_TITLES,
  INCOME_LABELS,
  INCOME_TEST_LABELS,
  MEDICARE_LABELS,
  PRIVATE_HEALTH_LABELS,
  SAPTO_LABEL,
  TAX_LOSSES_LABEL,
  labelRefText,
  letterText,
  type ReturnLabelRef,
} from './ato-labels';
import { recordStatusText } from './records';

/**
 * The exported return summary: a PDF laid out by ATO item and label, ready to type into myTax or to
 * hand to a tax agent. Pure apart from pdf-lib: the same view, person and generatedAt give the same
 * bytes.
 *
 * Figures on item lines are as the documents show them (cents included); each label's total is in
 * whole dollars with the cents dropped, which is what the return asks for and what the assessment
 * used (TAA 1953 Sch 1 s388-85). Credits (tax withheld) and franking credits keep their cents.
 */
export interface ReturnPdfPerson {
  name: string;
  /** Only ever the masked TFN (e.g. "*** *** 782"); the full number is never printed. */
  tfnMasked: string | null;
  email: string;
}

export interface ReturnPdfOptions {
  generatedAt: Date;
}

export async function renderReturnPdf(
  view: TaxReturnView,
  person: ReturnPdfPerson,
  options: ReturnPdfOptions,
): Promise<Uint8Array> {
  return (await layoutReturnPdf(view, person, options)).bytes;
}

/** Page geometry (points). Content stays between contentTop and contentBottom; header above, footer below. */
export const PDF_LAYOUT = {
  pageWidth: 595.28,
  pageHeight: 841.89,
  marginX: 56,
  contentTop: 841.89 - 72,
  contentBottom: 64,
  headerBaseline: 841.89 - 42,
  footerBaseline: 34,
} as const;

/** One line of text as drawn, for layout tests. `y` is the baseline; pages are numbered from 1. */
export interface DrawnLine {
  page: number;
  x: number;
  y: number;
  width: number;
  size: number;
  text: string;
  role: 'content' | 'header' | 'footer';
}

export interface ReturnPdfLayout {
  bytes: Uint8Array;
  pageCount: number;
  lines: DrawnLine[];
}

/** Renders the summary and reports where every line of text went (the layout is otherwise internal). */
export async function layoutReturnPdf(
  view: TaxReturnView,
  person: ReturnPdfPerson,
  options: ReturnPdfOptions,
): Promise<ReturnPdfLayout> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const regular = await doc.embedFont(StandardFonts.Helvetica);
  const bold = await doc.embedFont(StandardFonts.HelveticaBold);
  const w = new Writer(doc, regular, bold);
  const ctx = new Context(view, person, options.generatedAt);

  w.addPage();
  renderCover(w, ctx);
  w.addPage();
  renderIncome(w, ctx);
  renderDeductions(w, ctx);
  renderOffsetsAndOther(w, ctx);
  renderAssessment(w, ctx);
  renderRecords(w, ctx);
  renderOpenItems(w, ctx);

  w.finish({
    left: `${person.name} · Income year ${incomeYearText(view.incomeYear)}`,
    right: 'Prepared with Numeri',
    footerLeft: `Tax return summary ${view.incomeYear}${view.revision > 1 ? `, revision ${view.revision}` : ''} · generated ${formatDateTime(options.generatedAt)}`,
  });

  const title = `Tax return summary ${view.incomeYear} — ${person.name}`;
  doc.setTitle(w.clean(title));
  doc.setAuthor(w.clean(person.name));
  doc.setSubject(w.clean(`Individual tax return ${incomeYearText(view.incomeYear)}, by ATO item and label`));
  doc.setCreator('Numeri');
  doc.setProducer('Numeri (pdf-lib)');
  doc.setCreationDate(options.generatedAt);
  doc.setModificationDate(options.generatedAt);
  doc.setLanguage('en-AU');

  const bytes = await doc.save({ useObjectStreams: false });
  return { bytes, pageCount: w.pages.length, lines: w.lines };
}

// ---------------------------------------------------------------------------------------------
// Formatting

/** 1234567 → "1,234,567" (non-negative integers). */
function group(value: number): string {
  const digits = String(value);
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return out;
}

/**
 * Cents as en-AU dollars: "$85,432.55"; "$85,432" when there are no cents (or `cents: 'never'`,
 * which expects a whole-dollar amount). A negative amount reads "-$189.87".
 */
export function formatMoney(cents: number, options: { cents?: 'auto' | 'always' | 'never' } = {}): string {
  const mode = options.cents ?? 'auto';
  const negative = cents < 0;
  const abs = Math.abs(Math.round(cents));
  const whole = Math.floor(abs / 100);
  const part = abs - whole * 100;
  const showCents = mode === 'always' || (mode === 'auto' && part !== 0);
  const text = `$${group(whole)}${showCents ? `.${String(part).padStart(2, '0')}` : ''}`;
  return negative && (whole > 0 || (showCents && part > 0)) ? `-${text}` : text;
}

/** Drops the cents (toward zero), as the return and the engine do: 12,345.67 → 12,345.00; -12.50 → -12.00. */
export function truncateToWholeDollars(cents: number): number {
  const whole = Math.trunc(cents / 100) * 100;
  return whole === 0 ? 0 : whole;
}

/** A label total: whole dollars, cents dropped. */
const whole = (cents: number) => formatMoney(truncateToWholeDollars(cents), { cents: 'never' });
/** A tax figure: always with cents. */
const exact = (cents: number) => formatMoney(cents, { cents: 'always' });
/** An amount from a document: cents when it has them. */
const asShown = (cents: number) => formatMoney(cents);
/** An income figure that can be a loss, as the form shows it (an L beside the amount): "$1,200 loss". */
const incomeOrLoss = (text: (cents: number) => string, cents: number) =>
  cents < 0 ? `${text(-cents)} loss` : text(cents);

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** "2024-25" → "1 July 2024 – 30 June 2025". */
export function incomeYearText(incomeYear: string): string {
  const start = Number(incomeYear.slice(0, 4));
  return `1 July ${start} – 30 June ${start + 1}`;
}

/** An ISO date ("2024-11-03") as "3 November 2024" (no time zone shift). */
function formatIsoDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(date);
  if (!match) return date;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}

const SYDNEY_DATE = new Intl.DateTimeFormat('en-AU', {
  timeZone: 'Australia/Sydney',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const SYDNEY_TIME = new Intl.DateTimeFormat('en-AU', {
  timeZone: 'Australia/Sydney',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

/** An instant in Sydney: "26 May 2025, 10:15 am (Sydney time)". */
function formatDateTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  if (Number.isNaN(date.getTime())) return String(at);
  return `${SYDNEY_DATE.format(date)}, ${SYDNEY_TIME.format(date).replace(/\s+/g, ' ').toLowerCase()} (Sydney time)`;
}

/** "51824753556" → "51 824 753 556". */
function formatAbn(abn: string): string {
  return /^\d{11}$/.test(abn)
    ? `${abn.slice(0, 2)} ${abn.slice(2, 5)} ${abn.slice(5, 8)} ${abn.slice(8)}`
    : abn;
}

const percentOf = (basisPoints: number) =>
  `${(basisPoints / 100).toLocaleString('en-AU', { maximumFractionDigits: 2 })}%`;

const STATUS_TEXT: Record<TaxReturnView['status'], string> = {
  draft: 'Draft (still being prepared)',
  ready: 'Ready (marked ready to lodge)',
  lodged: 'Lodged',
  superseded: 'Superseded by a later amendment',
};

const SOURCE_TEXT: Record<ReturnItem['source'], string> = {
  manual: 'entered by hand',
  document: 'read from a document',
  transaction: 'taken from a bank transaction',
  'carried-forward': 'carried forward from last year',
};

// ---------------------------------------------------------------------------------------------
// Text sanitising: the standard fonts draw WinAnsi only.

const REPLACEMENTS: Record<string, string> = {
  '\u2192': '->',
  '\u2190': '<-',
  '\u21d2': '=>',
  '\u2212': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2012': '-',
  '\u2015': '—',
  '\u2264': '<=',
  '\u2265': '>=',
  '\u2260': '!=',
  '\u2248': '~',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u200b': '',
  '\u200d': '',
  '\ufeff': '',
  '\u2713': 'yes',
  '\u2714': 'yes',
  '\u2717': 'no',
  '\u2718': 'no',
  '\u2032': "'",
  '\u2033': '"',
  '\u2044': '/',
  '\u2215': '/',
  '\u00ad': '',
};

/** Replaces what the font cannot draw: known look-alikes first, then accents dropped, then "?". */
export function sanitizeText(text: string, drawable: ReadonlySet<number>): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === '\n' || char === '\r' || char === '\t') {
      out += ' ';
      continue;
    }
    const replacement = REPLACEMENTS[char];
    if (replacement !== undefined) {
      out += replacement;
      continue;
    }
    if (code < 0x20 || (code >= 0x7f && code < 0xa0)) continue;
    if (drawable.has(code)) {
      out += char;
      continue;
    }
    const stripped = char.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
    out += stripped && [...stripped].every((c) => drawable.has(c.codePointAt(0) ?? 0)) ? stripped : '?';
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Layout

const COLOURS = {
  text: rgb(0.11, 0.12, 0.14),
  muted: rgb(0.38, 0.4, 0.44),
  accent: rgb(0.05, 0.29, 0.52),
  warn: rgb(0.62, 0.12, 0.1),
  rule: rgb(0.8, 0.82, 0.86),
  leader: rgb(0.72, 0.74, 0.78),
  boxFill: rgb(0.95, 0.965, 0.98),
  warnFill: rgb(0.995, 0.95, 0.94),
};

type Tone = 'normal' | 'muted' | 'bold' | 'warn' | 'accent';

interface TextStyle {
  size: number;
  leading: number;
  font: 'regular' | 'bold';
  colour: RGB;
}

const BODY: TextStyle = { size: 9.5, leading: 13, font: 'regular', colour: COLOURS.text };
const SMALL: TextStyle = { size: 8.3, leading: 11, font: 'regular', colour: COLOURS.muted };

function toneStyle(tone: Tone, base: TextStyle = BODY): TextStyle {
  switch (tone) {
    case 'muted':
      return { ...base, colour: COLOURS.muted };
    case 'bold':
      return { ...base, font: 'bold' };
    case 'warn':
      return { ...base, font: 'bold', colour: COLOURS.warn };
    case 'accent':
      return { ...base, font: 'bold', colour: COLOURS.accent };
    default:
      return base;
  }
}

interface RowOptions {
  bold?: boolean;
  indent?: number;
  tone?: Tone;
}

class Writer {
  readonly pages: PDFPage[] = [];
  readonly lines: DrawnLine[] = [];
  private page: PDFPage | undefined;
  private y: number = PDF_LAYOUT.contentTop;
  private readonly drawable: ReadonlySet<number>;
  readonly left = PDF_LAYOUT.marginX;
  readonly right = PDF_LAYOUT.pageWidth - PDF_LAYOUT.marginX;
  readonly width = PDF_LAYOUT.pageWidth - 2 * PDF_LAYOUT.marginX;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly boldFont: PDFFont,
  ) {
    const regularSet = new Set(regular.getCharacterSet());
    this.drawable = new Set(boldFont.getCharacterSet().filter((c) => regularSet.has(c)));
  }

  clean(text: string): string {
    return sanitizeText(text, this.drawable);
  }

  private font(style: TextStyle): PDFFont {
    return style.font === 'bold' ? this.boldFont : this.regular;
  }

  measure(text: string, style: TextStyle): number {
    return this.font(style).widthOfTextAtSize(this.clean(text), style.size);
  }

  addPage(): void {
    this.page = this.doc.addPage([PDF_LAYOUT.pageWidth, PDF_LAYOUT.pageHeight]);
    this.pages.push(this.page);
    this.y = PDF_LAYOUT.contentTop;
  }

  private current(): PDFPage {
    if (!this.page) this.addPage();
    return this.page as PDFPage;
  }

  /** Starts a new page unless `height` more points fit above the bottom margin. */
  ensure(height: number): void {
    if (this.y - height < PDF_LAYOUT.contentBottom) this.addPage();
  }

  gap(height: number): void {
    this.y -= height;
    if (this.y < PDF_LAYOUT.contentBottom) this.addPage();
  }

  atTopOfPage(): boolean {
    return this.y >= PDF_LAYOUT.contentTop - 0.5;
  }

  private drawText(
    text: string,
    x: number,
    baseline: number,
    style: TextStyle,
    role: DrawnLine['role'] = 'content',
    page = this.current(),
  ): number {
    const clean = this.clean(text);
    const font = this.font(style);
    const width = font.widthOfTextAtSize(clean, style.size);
    page.drawText(clean, { x, y: baseline, size: style.size, font, color: style.colour });
    this.lines.push({
      page: this.pages.indexOf(page) + 1,
      x,
      y: baseline,
      width,
      size: style.size,
      text: clean,
      role,
    });
    return width;
  }

  /** Splits text into lines no wider than `maxWidth` (long words are broken). */
  wrap(text: string, style: TextStyle, maxWidth: number): string[] {
    const font = this.font(style);
    const fits = (s: string) => font.widthOfTextAtSize(s, style.size) <= maxWidth;
    const words = this.clean(text).split(/ +/).filter(Boolean);
    const out: string[] = [];
    let line = '';
    for (const word of words) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
        continue;
      }
      if (line) out.push(line);
      if (fits(word)) {
        line = word;
        continue;
      }
      let piece = '';
      for (const char of word) {
        if (piece && !fits(piece + char)) {
          out.push(piece);
          piece = '';
        }
        piece += char;
      }
      line = piece;
    }
    if (line || !out.length) out.push(line);
    return out;
  }

  /** A line of text at the cursor (with a page break first if it does not fit). */
  private line(text: string, style: TextStyle, x: number): void {
    this.ensure(style.leading);
    this.drawText(text, x, this.y - style.size, style);
    this.y -= style.leading;
  }

  paragraph(
    text: string,
    options: { tone?: Tone; small?: boolean; indent?: number; after?: number; keepTogether?: boolean } = {},
  ): void {
    const style = toneStyle(options.tone ?? 'normal', options.small ? SMALL : BODY);
    const indent = options.indent ?? 0;
    const lines = this.wrap(text, style, this.width - indent);
    if (
      options.keepTogether &&
      lines.length * style.leading < PDF_LAYOUT.contentTop - PDF_LAYOUT.contentBottom
    )
      this.ensure(lines.length * style.leading);
    for (const l of lines) this.line(l, style, this.left + indent);
    this.gap(options.after ?? 2);
  }

  heading(text: string, level: 1 | 2 | 3): void {
    const style: TextStyle =
      level === 1
        ? { size: 16, leading: 21, font: 'bold', colour: COLOURS.accent }
        : level === 2
          ? { size: 12, leading: 16, font: 'bold', colour: COLOURS.text }
          : { size: 10, leading: 14, font: 'bold', colour: COLOURS.text };
    const before = level === 1 ? 14 : level === 2 ? 10 : 6;
    const lines = this.wrap(text, style, this.width);
    // Keep a heading with at least three lines of what follows it.
    this.ensure(before + lines.length * style.leading + 3 * BODY.leading + (level === 1 ? 8 : 0));
    if (!this.atTopOfPage()) this.y -= before;
    for (const l of lines) {
      this.drawText(l, this.left, this.y - style.size, style);
      this.y -= style.leading;
    }
    if (level === 1) {
      this.current().drawLine({
        start: { x: this.left, y: this.y + 2 },
        end: { x: this.right, y: this.y + 2 },
        thickness: 1,
        color: COLOURS.accent,
      });
      this.y -= 8;
    } else {
      this.y -= 2;
    }
  }

  rule(): void {
    this.ensure(8);
    this.current().drawLine({
      start: { x: this.left, y: this.y - 3 },
      end: { x: this.right, y: this.y - 3 },
      thickness: 0.5,
      color: COLOURS.rule,
    });
    this.y -= 8;
  }

  /** A label on the left and a value right-aligned, with a dotted leader between them. */
  row(label: string, value: string, options: RowOptions = {}): void {
    const style = toneStyle(options.tone ?? (options.bold ? 'bold' : 'normal'));
    const indent = options.indent ?? 0;
    const valueWidth = this.measure(value, style);
    const gutter = 14;
    if (valueWidth > this.width * 0.5) {
      this.paragraph(label, { tone: options.bold ? 'bold' : 'normal', indent, after: 0 });
      const lines = this.wrap(value, style, this.width - indent - 16);
      for (const l of lines) this.line(l, style, this.left + indent + 16);
      this.gap(1);
      return;
    }
    const lines = this.wrap(label, style, this.width - indent - valueWidth - gutter);
    this.ensure(lines.length * style.leading);
    lines.forEach((l, i) => {
      const baseline = this.y - style.size;
      const labelWidth = this.drawText(l, this.left + indent, baseline, style);
      if (i === lines.length - 1) {
        const valueX = this.right - valueWidth;
        if (value) {
          const from = this.left + indent + labelWidth + 4;
          const to = valueX - 4;
          if (to - from > 6) {
            this.current().drawLine({
              start: { x: from, y: baseline + 1 },
              end: { x: to, y: baseline + 1 },
              thickness: 0.6,
              color: COLOURS.leader,
              dashArray: [0.6, 2.4],
            });
          }
          this.drawText(value, valueX, baseline, style);
        }
      }
      this.y -= style.leading;
    });
    this.gap(1);
  }

  /** A shaded box of label/value rows (kept on one page). */
  box(title: string | null, rows: { label: string; value: string; bold?: boolean }[]): void {
    const pad = 10;
    const inner = this.width - 2 * pad;
    const titleStyle: TextStyle = { size: 11, leading: 16, font: 'bold', colour: COLOURS.accent };
    const measured = rows.map((r) => {
      const style = r.bold
        ? toneStyle('bold', { ...BODY, size: 10.5, leading: 15 })
        : { ...BODY, size: 10.5, leading: 15 };
      const valueWidth = this.measure(r.value, style);
      return { ...r, style, valueWidth, lines: this.wrap(r.label, style, inner - valueWidth - 14) };
    });
    const height =
      2 * pad +
      (title ? titleStyle.leading + 2 : 0) +
      measured.reduce((sum, r) => sum + r.lines.length * r.style.leading, 0);
    this.ensure(height + 4);
    const top = this.y;
    this.current().drawRectangle({
      x: this.left,
      y: top - height,
      width: this.width,
      height,
      color: COLOURS.boxFill,
      borderColor: COLOURS.rule,
      borderWidth: 0.8,
    });
    let y = top - pad;
    if (title) {
      this.drawText(title, this.left + pad, y - titleStyle.size, titleStyle);
      y -= titleStyle.leading + 2;
    }
    for (const r of measured) {
      r.lines.forEach((l, i) => {
        const baseline = y - r.style.size;
        this.drawText(l, this.left + pad, baseline, r.style);
        if (i === r.lines.length - 1)
          this.drawText(r.value, this.right - pad - r.valueWidth, baseline, r.style);
        y -= r.style.leading;
      });
    }
    this.y = top - height - 8;
  }

  /** A bordered notice (bold lines stand out); kept on one page when it fits. */
  notice(parts: { text: string; bold?: boolean }[], tone: 'warn' | 'info'): void {
    const pad = 9;
    const bar = 4;
    const inner = this.width - 2 * pad - bar;
    const wrapped = parts.map((p) => {
      const style = p.bold ? toneStyle(tone === 'warn' ? 'warn' : 'bold') : BODY;
      return { style, lines: this.wrap(p.text, style, inner) };
    });
    const height =
      2 * pad +
      wrapped.reduce((sum, p) => sum + p.lines.length * p.style.leading, 0) +
      (wrapped.length - 1) * 3;
    if (height > PDF_LAYOUT.contentTop - PDF_LAYOUT.contentBottom) {
      for (const p of parts)
        this.paragraph(p.text, { tone: p.bold ? (tone === 'warn' ? 'warn' : 'bold') : 'normal' });
      return;
    }
    this.ensure(height + 4);
    const top = this.y;
    const colour = tone === 'warn' ? COLOURS.warn : COLOURS.accent;
    this.current().drawRectangle({
      x: this.left,
      y: top - height,
      width: this.width,
      height,
      color: tone === 'warn' ? COLOURS.warnFill : COLOURS.boxFill,
      borderColor: colour,
      borderWidth: 0.8,
    });
    this.current().drawRectangle({ x: this.left, y: top - height, width: bar, height, color: colour });
    let y = top - pad;
    for (const p of wrapped) {
      for (const l of p.lines) {
        this.drawText(l, this.left + bar + pad, y - p.style.size, p.style);
        y -= p.style.leading;
      }
      y -= 3;
    }
    this.y = top - height - 8;
  }

  /** Header and footer on every page, now that the page count is known. */
  finish(text: { left: string; right: string; footerLeft: string }): void {
    const total = this.pages.length;
    const head: TextStyle = { size: 8.3, leading: 10, font: 'bold', colour: COLOURS.text };
    const headMuted: TextStyle = { ...head, font: 'regular', colour: COLOURS.muted };
    this.pages.forEach((page, i) => {
      const rightWidth = this.font(headMuted).widthOfTextAtSize(this.clean(text.right), headMuted.size);
      const leftText = this.wrap(text.left, head, this.width - rightWidth - 20)[0] ?? '';
      this.drawText(leftText, this.left, PDF_LAYOUT.headerBaseline, head, 'header', page);
      this.drawText(
        text.right,
        this.right - rightWidth,
        PDF_LAYOUT.headerBaseline,
        headMuted,
        'header',
        page,
      );
      page.drawLine({
        start: { x: this.left, y: PDF_LAYOUT.headerBaseline - 6 },
        end: { x: this.right, y: PDF_LAYOUT.headerBaseline - 6 },
        thickness: 0.6,
        color: COLOURS.rule,
      });

      const pageText = `Page ${i + 1} of ${total}`;
      const pageWidth = this.font(headMuted).widthOfTextAtSize(pageText, headMuted.size);
      page.drawLine({
        start: { x: this.left, y: PDF_LAYOUT.footerBaseline + 12 },
        end: { x: this.right, y: PDF_LAYOUT.footerBaseline + 12 },
        thickness: 0.6,
        color: COLOURS.rule,
      });
      const footerLeft = this.wrap(text.footerLeft, headMuted, this.width - pageWidth - 20)[0] ?? '';
      this.drawText(footerLeft, this.left, PDF_LAYOUT.footerBaseline, headMuted, 'footer', page);
      this.drawText(pageText, this.right - pageWidth, PDF_LAYOUT.footerBaseline, headMuted, 'footer', page);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The return, read for printing

type ItemOf<K extends ReturnItem['kind']> = Extract<ReturnItem, { kind: K }>;
type Line = NonNullable<TaxReturnView['assessment']>['lines'][number];

class Context {
  readonly assessment: TaxReturnView['assessment'];
  private readonly linesById = new Map<string, Line>();

  constructor(
    readonly view: TaxReturnView,
    readonly person: ReturnPdfPerson,
    readonly generatedAt: Date,
  ) {
    this.assessment = view.assessment;
    for (const line of view.assessment?.lines ?? [])
      if (!this.linesById.has(line.id)) this.linesById.set(line.id, line);
  }

  of<K extends ReturnItem['kind']>(kind: K): ItemOf<K>[] {
    return this.view.items.filter((item): item is ItemOf<K> => item.kind === kind);
  }

  line(id: string): Line | undefined {
    return this.linesById.get(id);
  }

  /** An explanation line's amount in cents (lines carry dollars). */
  lineCents(id: string): number | undefined {
    const line = this.linesById.get(id);
    return line ? Math.round(line.amount * 100) : undefined;
  }

  itemById(id: string): ReturnItem | undefined {
    return this.view.items.find((item) => item.id === id);
  }
}

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);

/** The work-related share of a deduction, rounded down to the cent (as the mapping to the engine does). */
function workShare(item: ItemOf<'deduction'>): number {
  return Math.floor((item.amountCents * item.workUseBasisPoints) / 10_000);
}

/** Which extracted fields back each figure (keys as the document reader names them). */
const FIELD_KEYS: Record<string, string[]> = {
  grossPaymentsCents: ['grossPayments'],
  taxWithheldCents: ['taxWithheld'],
  allowancesCents: ['allowances'],
  lumpSumACents: ['lumpSumA'],
  lumpSumBCents: ['lumpSumB'],
  reportableFringeBenefitsCents: ['reportableFringeBenefits'],
  reportableEmployerSuperCents: ['reportableSuper'],
  grossInterestCents: ['interest'],
  tfnWithheldCents: ['tfnWithheld'],
  unfrankedCents: ['unfrankedAmount'],
  frankedCents: ['frankedAmount'],
  frankingCreditCents: ['frankingCredit'],
  frankingCreditsCents: ['frankingCredit'],
  nonPrimaryProductionCents: ['nonPrimaryProductionIncome', 'frankedDistributions'],
  capitalGainsCents: ['capitalGainsTotal', 'netCapitalGain'],
  foreignIncomeCents: ['foreignIncome'],
  foreignTaxPaidCents: ['foreignTaxOffset'],
  amountCents: ['total', 'amount'],
  premiumsEligibleCents: ['premiumsPaid'],
  rebateReceivedCents: ['rebateReceived'],
  benefitCode: ['benefitCode'],
};

interface Figure {
  name: string;
  label?: ReturnLabelRef;
  value: string;
  /** The item field it came from, to find its evidence. */
  field?: string;
  tone?: Tone;
}

interface EvidenceEntry {
  text: string;
  fieldKeys: Set<string>;
}

function evidenceEntries(evidence: readonly Evidence[]): EvidenceEntry[] {
  const entries: EvidenceEntry[] = [];
  for (const e of evidence) {
    const text = `${e.label ?? 'Document'}${e.region ? ` (document page ${e.region.page})` : ''}`;
    const existing = entries.find((x) => x.text === text);
    if (existing) {
      if (e.fieldKey) existing.fieldKeys.add(e.fieldKey);
      continue;
    }
    entries.push({ text, fieldKeys: new Set(e.fieldKey ? [e.fieldKey] : []) });
  }
  return entries;
}

/** "[1]" / "[1, 2]": the evidence behind a figure (or the item's general evidence). */
function markerFor(entries: EvidenceEntry[], field: string | undefined): string {
  if (!entries.length || !field) return '';
  const keys = FIELD_KEYS[field] ?? [];
  let hits = entries.flatMap((e, i) => ([...e.fieldKeys].some((k) => keys.includes(k)) ? [i + 1] : []));
  if (!hits.length) hits = entries.flatMap((e, i) => (e.fieldKeys.size === 0 ? [i + 1] : []));
  return hits.length ? ` [${hits.join(', ')}]` : '';
}

/** One return item: a title, its figures (each with its label and evidence marker) and the evidence list. */
function itemBlock(
  w: Writer,
  item: ReturnItem,
  title: string,
  figures: Figure[],
  details: string[] = [],
): void {
  const entries = evidenceEntries(item.evidence);
  w.ensure(BODY.leading * (2 + Math.min(figures.length, 4)));
  w.paragraph(title, { tone: 'bold', after: 0 });
  for (const d of details) w.paragraph(d, { small: true, indent: 10, after: 0 });
  for (const f of figures) {
    w.row(`${f.name}${f.label ? letterText(f.label) : ''}`, `${f.value}${markerFor(entries, f.field)}`, {
      indent: 10,
      ...(f.tone ? { tone: f.tone } : {}),
    });
  }
  const source = SOURCE_TEXT[item.source];
  const evidence = entries.length
    ? `Evidence (${source}): ${entries.map((e, i) => `[${i + 1}] ${e.text}`).join('; ')}`
    : `Evidence: none attached (${source}).`;
  w.paragraph(evidence, { small: true, indent: 10, after: 0 });
  if (item.note) w.paragraph(`Note: ${item.note}`, { small: true, indent: 10, after: 0 });
  w.gap(5);
}

function totalsBlock(w: Writer, rows: { label: string; value: string }[], note?: string): void {
  if (!rows.length) return;
  // Keep the totals and their note together.
  w.ensure(
    rows.length * (BODY.leading + 1) +
      10 +
      (note ? Math.ceil(w.measure(note, SMALL) / w.width + 0.5) * SMALL.leading : 0),
  );
  w.rule();
  for (const r of rows) w.row(r.label, r.value, { bold: true });
  if (note) w.paragraph(note, { small: true, after: 0 });
  w.gap(6);
}

/** Title of an income item: "Item 11 Dividends". */
const itemTitle = (item: string) => `Item ${item} ${INCOME_ITEM_TITLES[item] ?? ''}`.trim();

/** "Label total ... (whole dollars)" wording for a total row. */
const totalLabel = (label: ReturnLabelRef, what = label.name) =>
  /^total\b/i.test(what)
    ? `${what}, ${labelRefText(label)}`
    : `Total ${what.charAt(0).toLowerCase()}${what.slice(1)}, ${labelRefText(label)}`;

/** A one-line description of an item, for the records checklist. */
export function describeItem(item: ReturnItem): string {
  switch (item.kind) {
    case 'employment':
      return `Item 1 Salary or wages: ${item.payerName}`;
    case 'government-payment':
      return `Item ${item.paymentType === 'allowance' ? 5 : 6} ${item.description}`;
    case 'interest':
      return `Item 10 Interest: ${item.institution}`;
    case 'dividend':
      return `Item 11 Dividends: ${item.company}`;
    case 'distribution':
      return `Item 13 Distribution: ${item.trustName}`;
    case 'capital-gain':
      return `Item 18 Capital gain: ${item.description}`;
    case 'rental-property':
      return `Item 21 Rental property: ${item.address}`;
    case 'business':
      return `Item 15 Business: ${item.description}`;
    case 'foreign-income':
      return `Item 20 Foreign income: ${item.description}`;
    case 'other-income':
      return `Item 24 Other income: ${item.description}`;
    case 'deduction':
      return `${item.label} ${DEDUCTION_LABEL_NAMES[item.label]}: ${item.description}${item.supplier ? ` (${item.supplier})` : ''}, ${asShown(item.amountCents)}`;
    case 'car':
      return `D1 Work-related car expenses: ${item.description}`;
    case 'working-from-home':
      return `D5 Working from home: ${item.hours.toLocaleString('en-AU')} hours`;
    case 'self-education':
      return `D4 Self-education: ${item.description}, ${asShown(item.amountCents)}`;
    case 'private-health':
      return `Private health insurance: ${item.insurer} (benefit code ${item.benefitCode})`;
  }
}

// ---------------------------------------------------------------------------------------------
// 1. Cover

function renderCover(w: Writer, ctx: Context): void {
  const { view, person } = ctx;
  w.gap(6);
  w.paragraph('Individual tax return summary', { tone: 'accent', after: 0 });
  w.heading(`${person.name}`, 1);
  w.row('Income year', `${incomeYearText(view.incomeYear)} (${view.incomeYear})`);
  w.row('Tax file number', person.tfnMasked ?? 'Not provided');
  w.row('Email', person.email);
  w.row('Status', STATUS_TEXT[view.status]);
  w.row(
    'Revision',
    view.amendsId ? `${view.revision} (amends an earlier lodged return)` : String(view.revision),
  );
  if (view.owner && view.owner.name !== person.name) w.row('Return of', view.owner.name);
  w.row('Last changed', formatDateTime(view.updatedAt));
  w.row('Summary generated', formatDateTime(ctx.generatedAt));
  w.gap(6);

  if (view.amendsId) {
    w.notice(
      [
        { text: 'This is an amendment.', bold: true },
        {
          text: 'It replaces a return already lodged for this year. In myTax use "Amend a return" (or ask your tax agent to lodge an amendment) and enter the figures below in full.',
        },
      ],
      'info',
    );
  }

  if (view.lodgment) {
    const l = view.lodgment;
    w.notice(
      [
        { text: `Lodged through the Numeri sandbox on ${formatDateTime(l.lodgedAt)}.`, bold: true },
        { text: `Receipt number: ${l.receiptNumber}`, bold: true },
        {
          text: 'Sandbox lodgment: this return was not sent to the ATO. It is not lodged with the ATO until you lodge it in myTax or through a registered tax agent.',
          bold: true,
        },
        { text: l.notice },
      ],
      'warn',
    );
    if (l.events.length) {
      w.paragraph('Lodgment history', { tone: 'bold', after: 0 });
      for (const e of l.events)
        w.paragraph(`${formatDateTime(e.at)}: ${e.status}. ${e.detail}`, {
          small: true,
          indent: 10,
          after: 0,
        });
      w.gap(6);
    }
  } else {
    w.notice(
      [
        {
          text: 'Not lodged — enter these figures in myTax or give this summary to your tax agent.',
          bold: true,
        },
        {
          text: 'Numeri cannot lodge with the ATO. Each figure below shows the ATO item and label where it goes.',
        },
      ],
      'info',
    );
  }

  const a = ctx.assessment;
  if (a) {
    const refund = a.refundCents;
    w.box('Summary', [
      { label: 'Taxable income', value: whole(a.taxableIncomeCents) },
      {
        label:
          'Total tax (income tax, Medicare levy, surcharge, private health adjustment and study loan repayment)',
        value: exact(a.totalLiabilityCents),
      },
      { label: 'Tax already paid and credits', value: exact(a.creditsCents + a.refundableOffsetsCents) },
      refund >= 0
        ? { label: 'Estimated refund', value: exact(refund), bold: true }
        : { label: 'Estimated amount owing', value: exact(-refund), bold: true },
    ]);
  } else {
    const issues = view.assessmentIssues.map((i) => `${i.field}: ${i.message}`).join('; ');
    w.notice(
      [
        { text: 'This return has not been assessed yet.', bold: true },
        { text: issues || 'Some answers are still needed before the tax can be worked out.' },
      ],
      'warn',
    );
  }

  w.paragraph(
    view.complete
      ? 'Complete: every question the interview asks has an answer.'
      : `Not complete: ${view.missing.length} open item${view.missing.length === 1 ? '' : 's'} (see "Open items" at the end).`,
    { tone: view.complete ? 'normal' : 'warn' },
  );
  w.gap(4);
  w.heading('How to read this summary', 3);
  w.paragraph(
    'Each figure is shown under its ATO item and, where the form has one, its label letter. Amounts on item lines are as your documents show them; the total for each label is in whole dollars with the cents dropped, which is what the return asks for and what the estimate used. Tax withheld and franking credits keep their cents.',
    { after: 4 },
  );
  w.paragraph(
    'A number in square brackets after a figure points to the evidence listed under that item (the document and page it was read from).',
    { after: 4 },
  );
  w.paragraph('The estimate is Numeri’s own calculation. The ATO’s notice of assessment is final.', {
    tone: 'muted',
  });
}

// ---------------------------------------------------------------------------------------------
// 2. Income

function renderIncome(w: Writer, ctx: Context): void {
  w.heading('Income', 1);
  const employment = ctx.of('employment');
  const government = ctx.of('government-payment');
  const interest = ctx.of('interest');
  const dividends = ctx.of('dividend');
  const distributions = ctx.of('distribution');
  const business = ctx.of('business');
  const gains = ctx.of('capital-gain');
  const foreign = ctx.of('foreign-income');
  const rentals = ctx.of('rental-property');
  const other = ctx.of('other-income');
  let any = false;

  if (employment.length) {
    any = true;
    w.heading(itemTitle('1'), 2);
    for (const e of employment) {
      itemBlock(w, e, `${e.payerName}${e.payerAbn ? `, ABN ${formatAbn(e.payerAbn)}` : ''}`, [
        {
          name: 'Gross payments',
          label: INCOME_LABELS.salaryGross,
          value: asShown(e.grossPaymentsCents),
          field: 'grossPaymentsCents',
        },
        {
          name: 'Tax withheld',
          label: INCOME_LABELS.salaryWithheld,
          value: asShown(e.taxWithheldCents),
          field: 'taxWithheldCents',
        },
      ]);
    }
    const gross = sum(employment.map((e) => e.grossPaymentsCents));
    totalsBlock(w, [
      {
        label: 'Total gross payments, item 1 (whole dollars)',
        value: whole(ctx.lineCents('income.salaryWages') ?? gross),
      },
      { label: 'Total tax withheld, item 1', value: exact(sum(employment.map((e) => e.taxWithheldCents))) },
    ]);
  }

  const withAllowances = employment.filter((e) => e.allowancesCents > 0);
  if (withAllowances.length) {
    any = true;
    w.heading(itemTitle('2'), 2);
    for (const e of withAllowances) {
      itemBlock(w, e, e.payerName, [
        {
          name: 'Allowances',
          label: INCOME_LABELS.allowances,
          value: asShown(e.allowancesCents),
          field: 'allowancesCents',
        },
      ]);
    }
    totalsBlock(w, [
      {
        label: 'Total allowances, item 2 (whole dollars)',
        value: whole(ctx.lineCents('income.allowances') ?? sum(withAllowances.map((e) => e.allowancesCents))),
      },
    ]);
  }

  const withLumpSums = employment.filter((e) => e.lumpSumACents > 0 || e.lumpSumBCents > 0);
  if (withLumpSums.length) {
    any = true;
    w.heading(itemTitle('3'), 2);
    for (const e of withLumpSums) {
      const figures: Figure[] = [];
      if (e.lumpSumACents > 0)
        figures.push({
          name: `Lump sum A, type ${e.lumpSumAType}`,
          label: INCOME_LABELS.lumpSumA,
          value: asShown(e.lumpSumACents),
          field: 'lumpSumACents',
        });
      if (e.lumpSumBCents > 0)
        figures.push({
          name: 'Lump sum B (the whole payment)',
          value: asShown(e.lumpSumBCents),
          field: 'lumpSumBCents',
        });
      itemBlock(w, e, e.payerName, figures);
    }
    const rows: { label: string; value: string }[] = [];
    const a = sum(withLumpSums.map((e) => e.lumpSumACents));
    if (a > 0)
      rows.push({
        label: `${totalLabel(INCOME_LABELS.lumpSumA)} (type ${withLumpSums.some((e) => e.lumpSumACents > 0 && e.lumpSumAType === 'R') ? 'R' : 'T'})`,
        value: whole(ctx.lineCents('income.lumpSumA') ?? a),
      });
    const b = sum(withLumpSums.map((e) => e.lumpSumBCents));
    if (b > 0)
      rows.push({
        label: `5% of lump sum B, ${labelRefText(INCOME_LABELS.lumpSumB)}`,
        value: whole(ctx.lineCents('income.lumpSumB') ?? Math.floor(b / 20)),
      });
    totalsBlock(w, rows);
  }

  for (const [type, item, ref, lineId] of [
    ['allowance', '5', INCOME_LABELS.governmentAllowances, 'income.governmentAllowances'],
    ['pension', '6', INCOME_LABELS.governmentPensions, 'income.governmentPensions'],
  ] as const) {
    const payments = government.filter((g) => g.paymentType === type);
    if (!payments.length) continue;
    any = true;
    w.heading(itemTitle(item), 2);
    for (const g of payments) {
      itemBlock(w, g, g.description, [
        { name: 'Income', label: ref, value: asShown(g.amountCents), field: 'amountCents' },
        { name: 'Tax withheld', value: asShown(g.taxWithheldCents), field: 'taxWithheldCents' },
      ]);
    }
    totalsBlock(w, [
      {
        label: `Total income, ${labelRefText(ref)} (whole dollars)`,
        value: whole(ctx.lineCents(lineId) ?? sum(payments.map((g) => g.amountCents))),
      },
      {
        label: `Total tax withheld, item ${item}`,
        value: exact(sum(payments.map((g) => g.taxWithheldCents))),
      },
    ]);
  }

  if (interest.length) {
    any = true;
    w.heading(itemTitle('10'), 2);
    for (const i of interest) {
      itemBlock(w, i, i.institution, [
        {
          name: 'Gross interest',
          label: INCOME_LABELS.interest,
          value: asShown(i.grossInterestCents),
          field: 'grossInterestCents',
        },
        ...(i.tfnWithheldCents > 0
          ? [
              {
                name: 'TFN amounts withheld',
                label: INCOME_LABELS.interestTfn,
                value: asShown(i.tfnWithheldCents),
                field: 'tfnWithheldCents',
              },
            ]
          : []),
      ]);
    }
    const tfn = sum(interest.map((i) => i.tfnWithheldCents));
    totalsBlock(w, [
      {
        label: `${totalLabel(INCOME_LABELS.interest)} (whole dollars)`,
        value: whole(ctx.lineCents('income.interest') ?? sum(interest.map((i) => i.grossInterestCents))),
      },
      ...(tfn > 0 ? [{ label: totalLabel(INCOME_LABELS.interestTfn), value: exact(tfn) }] : []),
    ]);
  }

  if (dividends.length) {
    any = true;
    w.heading(itemTitle('11'), 2);
    for (const d of dividends) {
      itemBlock(
        w,
        d,
        d.company,
        [
          {
            name: 'Unfranked amount',
            label: INCOME_LABELS.dividendUnfranked,
            value: asShown(d.unfrankedCents),
            field: 'unfrankedCents',
          },
          {
            name: 'Franked amount',
            label: INCOME_LABELS.dividendFranked,
            value: asShown(d.frankedCents),
            field: 'frankedCents',
          },
          {
            name: 'Franking credit',
            label: INCOME_LABELS.dividendFrankingCredit,
            value: asShown(d.frankingCreditCents),
            field: 'frankingCreditCents',
          },
          ...(d.tfnWithheldCents > 0
            ? [
                {
                  name: 'TFN amounts withheld',
                  label: INCOME_LABELS.dividendTfn,
                  value: asShown(d.tfnWithheldCents),
                  field: 'tfnWithheldCents',
                },
              ]
            : []),
        ],
        d.paymentDate ? [`Paid ${formatIsoDate(d.paymentDate)}`] : [],
      );
    }
    const tfn = sum(dividends.map((d) => d.tfnWithheldCents));
    totalsBlock(
      w,
      [
        {
          label: `${totalLabel(INCOME_LABELS.dividendUnfranked)} (whole dollars)`,
          value: whole(
            ctx.lineCents('income.dividends.unfranked') ?? sum(dividends.map((d) => d.unfrankedCents)),
          ),
        },
        {
          label: `${totalLabel(INCOME_LABELS.dividendFranked)} (whole dollars)`,
          value: whole(
            ctx.lineCents('income.dividends.franked') ?? sum(dividends.map((d) => d.frankedCents)),
          ),
        },
        {
          label: totalLabel(INCOME_LABELS.dividendFrankingCredit),
          value: exact(
            ctx.lineCents('income.dividends.frankingCredits') ??
              sum(dividends.map((d) => d.frankingCreditCents)),
          ),
        },
        ...(tfn > 0 ? [{ label: totalLabel(INCOME_LABELS.dividendTfn), value: exact(tfn) }] : []),
      ],
      'Franking credits keep their cents; the ATO adds them to your income and credits them back against your tax.',
    );
  }

  if (distributions.length) {
    any = true;
    w.heading(itemTitle('13'), 2);
    for (const d of distributions) {
      const figures: Figure[] = [];
      if (d.primaryProductionCents !== 0)
        figures.push({
          name: 'Share of net income, primary production',
          label: INCOME_LABELS.trustPrimaryProduction,
          value: incomeOrLoss(asShown, d.primaryProductionCents),
          field: 'primaryProductionCents',
        });
      figures.push({
        name: 'Share of net income, non-primary production (labels U and C)',
        value: incomeOrLoss(asShown, d.nonPrimaryProductionCents),
        field: 'nonPrimaryProductionCents',
      });
      if (d.frankingCreditsCents > 0)
        figures.push({
          name: 'Share of franking credits',
          label: INCOME_LABELS.trustFrankingCredits,
          value: asShown(d.frankingCreditsCents),
          field: 'frankingCreditsCents',
        });
      if (d.tfnWithheldCents > 0)
        figures.push({
          name: 'Share of TFN amounts withheld',
          label: INCOME_LABELS.trustTfn,
          value: asShown(d.tfnWithheldCents),
          field: 'tfnWithheldCents',
        });
      const details: string[] = [];
      const gainsTotal = d.capitalGainsDiscountableCents + d.capitalGainsOtherCents;
      if (gainsTotal > 0)
        details.push(
          `Also: capital gains of ${asShown(gainsTotal)} (${asShown(d.capitalGainsDiscountableCents)} discountable), shown at item 18.`,
        );
      if (d.foreignIncomeCents > 0)
        details.push(
          `Also: foreign income of ${asShown(d.foreignIncomeCents)} with ${asShown(d.foreignTaxPaidCents)} foreign tax paid, shown at item 20.`,
        );
      itemBlock(w, d, d.trustName, figures, details);
    }
    const pp = sum(distributions.map((d) => d.primaryProductionCents));
    const npp = sum(distributions.map((d) => d.nonPrimaryProductionCents));
    const franking = sum(distributions.map((d) => d.frankingCreditsCents));
    const tfn = sum(distributions.map((d) => d.tfnWithheldCents));
    totalsBlock(
      w,
      [
        ...(pp !== 0
          ? [
              {
                label: `${totalLabel(INCOME_LABELS.trustPrimaryProduction, 'Share of net income, primary production')} (whole dollars)`,
                value: incomeOrLoss(whole, pp),
              },
            ]
          : []),
        {
          label: 'Total share of net income, non-primary production, item 13 labels U and C (whole dollars)',
          value: incomeOrLoss(whole, npp),
        },
        ...(franking > 0
          ? [{ label: totalLabel(INCOME_LABELS.trustFrankingCredits), value: exact(franking) }]
          : []),
        ...(tfn > 0 ? [{ label: totalLabel(INCOME_LABELS.trustTfn), value: exact(tfn) }] : []),
      ],
      'Item 13 splits the non-primary production share: franked distributions go at C and the rest at U. The trust’s annual tax statement shows the split.',
    );
  }

  if (business.length) {
    any = true;
    w.heading(itemTitle('15'), 2);
    for (const b of business) {
      itemBlock(
        w,
        b,
        b.description,
        [
          {
            name: b.netIncomeCents < 0 ? 'Net loss from business' : 'Net income from business',
            label: INCOME_LABELS.business,
            value: asShown(Math.abs(b.netIncomeCents)),
            field: 'netIncomeCents',
          },
        ],
        [
          `${b.smallBusinessEntity ? 'Small business entity (aggregated turnover under $5 million).' : 'Not a small business entity.'}${b.netIncomeCents < 0 ? (b.lossDeductibleThisYear ? ' The loss passes the non-commercial loss rules.' : ' The loss is deferred under the non-commercial loss rules.') : ''}`,
        ],
      );
    }
    const net = sum(business.map((b) => b.netIncomeCents));
    const used = ctx.lineCents('income.business');
    totalsBlock(
      w,
      [
        {
          label: 'Net income or loss from business, item 15 (whole dollars)',
          value: incomeOrLoss(whole, net),
        },
        ...(used !== undefined && truncateToWholeDollars(used) !== truncateToWholeDollars(net)
          ? [
              {
                label: 'Counted in this year’s income (a non-commercial loss is deferred)',
                value: incomeOrLoss(whole, used),
              },
            ]
          : []),
      ],
      'Item 15 needs the Business and professional items schedule; lodge it with myTax or through your tax agent.',
    );
  }

  const trustGains = distributions.filter(
    (d) => d.capitalGainsDiscountableCents + d.capitalGainsOtherCents > 0,
  );
  if (gains.length || trustGains.length || (ctx.view.facts.priorYearCapitalLossesCents ?? 0) > 0) {
    any = true;
    w.heading(itemTitle('18'), 2);
    for (const g of gains) {
      itemBlock(
        w,
        g,
        g.description,
        [
          {
            name: 'Capital gain (before losses and the discount)',
            value: asShown(g.amountCents),
            field: 'amountCents',
          },
        ],
        [
          g.discountEligible
            ? 'Held at least 12 months: the 50% CGT discount can apply.'
            : 'Held less than 12 months: no CGT discount.',
        ],
      );
    }
    for (const d of trustGains) {
      itemBlock(w, d, `${d.trustName} (trust distribution)`, [
        {
          name: 'Discountable capital gains (grossed up)',
          value: asShown(d.capitalGainsDiscountableCents),
          field: 'capitalGainsCents',
        },
        { name: 'Other capital gains', value: asShown(d.capitalGainsOtherCents), field: 'capitalGainsCents' },
      ]);
    }
    const total =
      sum(gains.map((g) => g.amountCents)) +
      sum(trustGains.map((d) => d.capitalGainsDiscountableCents + d.capitalGainsOtherCents));
    const rows = [
      {
        label: `${INCOME_LABELS.capitalGainsEvent.name} ${labelRefText(INCOME_LABELS.capitalGainsEvent)}`,
        value: total > 0 ? 'Yes' : 'No',
      },
      { label: `${totalLabel(INCOME_LABELS.capitalGainsTotal)} (whole dollars)`, value: whole(total) },
    ];
    const net = ctx.lineCents('income.capitalGains');
    rows.push({
      label: `${INCOME_LABELS.netCapitalGain.name}, ${labelRefText(INCOME_LABELS.netCapitalGain)} (after losses and the discount)`,
      value: net !== undefined ? whole(net) : 'Worked out when assessed',
    });
    if (ctx.assessment)
      rows.push({
        label: `${INCOME_LABELS.capitalLossesCarriedForward.name}, ${labelRefText(INCOME_LABELS.capitalLossesCarriedForward)}`,
        value: whole(ctx.assessment.carryForward.netCapitalLossesCents),
      });
    totalsBlock(
      w,
      rows,
      (ctx.view.facts.priorYearCapitalLossesCents ?? 0) > 0
        ? `Net capital losses from earlier years available: ${asShown(ctx.view.facts.priorYearCapitalLossesCents ?? 0)} (applied before the CGT discount).`
        : undefined,
    );
  }

  const trustForeign = distributions.filter((d) => d.foreignIncomeCents > 0);
  if (foreign.length || trustForeign.length) {
    any = true;
    w.heading(itemTitle('20'), 2);
    for (const f of foreign) {
      itemBlock(w, f, f.description, [
        {
          name: 'Foreign income',
          label: INCOME_LABELS.foreignAssessable,
          value: asShown(f.amountCents),
          field: 'amountCents',
        },
        { name: 'Foreign tax paid', value: asShown(f.foreignTaxPaidCents), field: 'foreignTaxPaidCents' },
      ]);
    }
    for (const d of trustForeign) {
      itemBlock(w, d, `${d.trustName} (trust distribution)`, [
        {
          name: 'Foreign income',
          label: INCOME_LABELS.foreignAssessable,
          value: asShown(d.foreignIncomeCents),
          field: 'foreignIncomeCents',
        },
        { name: 'Foreign tax paid', value: asShown(d.foreignTaxPaidCents), field: 'foreignTaxPaidCents' },
      ]);
    }
    const assessable =
      sum(foreign.map((f) => f.amountCents)) + sum(trustForeign.map((d) => d.foreignIncomeCents));
    const taxPaid =
      sum(foreign.map((f) => f.foreignTaxPaidCents)) + sum(trustForeign.map((d) => d.foreignTaxPaidCents));
    const fito = ctx.assessment?.offsets.find((o) => o.id === 'foreign-income');
    totalsBlock(
      w,
      [
        {
          label: `${totalLabel(INCOME_LABELS.foreignAssessable)} (whole dollars)`,
          value: whole(ctx.lineCents('income.foreign') ?? assessable),
        },
        { label: 'Total foreign tax paid', value: exact(taxPaid) },
        {
          label: `${INCOME_LABELS.foreignIncomeTaxOffset.name}, ${labelRefText(INCOME_LABELS.foreignIncomeTaxOffset)}`,
          value: fito ? exact(fito.appliedCents) : ctx.assessment ? exact(0) : 'Worked out when assessed',
        },
      ],
      `myTax asks what kind of foreign income each amount is; income that is not employment, a pension or rent is "${INCOME_LABELS.foreignOtherNet.name}" (${labelRefText(INCOME_LABELS.foreignOtherNet)}).`,
    );
  }

  if (rentals.length) {
    any = true;
    w.heading(itemTitle('21'), 2);
    rentals.forEach((r, i) => {
      const net = r.grossRentCents - r.interestCents - r.capitalWorksCents - r.otherDeductionsCents;
      itemBlock(w, r, r.address, [
        { name: INCOME_LABELS.rentGross.name, value: asShown(r.grossRentCents), field: 'grossRentCents' },
        { name: INCOME_LABELS.rentInterest.name, value: asShown(r.interestCents), field: 'interestCents' },
        {
          name: INCOME_LABELS.rentCapitalWorks.name,
          value: asShown(r.capitalWorksCents),
          field: 'capitalWorksCents',
        },
        {
          name: INCOME_LABELS.rentOther.name,
          value: asShown(r.otherDeductionsCents),
          field: 'otherDeductionsCents',
        },
        {
          name: net < 0 ? 'Net rental loss' : 'Net rent',
          value: asShown(Math.abs(ctx.lineCents(`income.rent.${i}`) ?? net)),
          tone: 'bold',
        },
      ]);
    });
    const rows = [
      {
        label: 'Total gross rent, item 21 (whole dollars)',
        value: whole(sum(rentals.map((r) => r.grossRentCents))),
      },
      {
        label: 'Total interest deductions, item 21 (whole dollars)',
        value: whole(sum(rentals.map((r) => r.interestCents))),
      },
      {
        label: 'Total capital works deductions, item 21 (whole dollars)',
        value: whole(sum(rentals.map((r) => r.capitalWorksCents))),
      },
      {
        label: 'Total other rental deductions, item 21 (whole dollars)',
        value: whole(sum(rentals.map((r) => r.otherDeductionsCents))),
      },
      {
        label: 'Net rent, item 21 (whole dollars)',
        value: incomeOrLoss(
          whole,
          sum(
            rentals.map(
              (r) => r.grossRentCents - r.interestCents - r.capitalWorksCents - r.otherDeductionsCents,
            ),
          ),
        ),
      },
    ];
    totalsBlock(w, rows, 'myTax also asks for each property’s details in the rental property schedule.');
  }

  if (other.length) {
    any = true;
    w.heading(itemTitle('24'), 2);
    for (const o of other)
      itemBlock(w, o, o.description, [
        {
          name: 'Amount',
          label: INCOME_LABELS.otherIncome,
          value: asShown(o.amountCents),
          field: 'amountCents',
        },
      ]);
    totalsBlock(
      w,
      [
        {
          label: 'Total other income, item 24 (whole dollars)',
          value: whole(ctx.lineCents('income.other') ?? sum(other.map((o) => o.amountCents))),
        },
      ],
      'Item 24 has a label for each category of other income; myTax asks which category each amount is.',
    );
  }

  if (!any) w.paragraph('No income has been added to this return yet.', { tone: 'muted' });
  if (ctx.assessment) {
    w.gap(4);
    w.box(null, [
      {
        label: 'Total income or loss (whole dollars)',
        value: whole(ctx.assessment.totalIncomeCents),
        bold: true,
      },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// 3. Deductions

function renderDeductions(w: Writer, ctx: Context): void {
  w.heading('Deductions', 1);
  const deductions = ctx.of('deduction');
  const cars = ctx.of('car');
  const wfh = ctx.of('working-from-home');
  const selfEducation = ctx.of('self-education');
  let any = false;

  for (const code of DEDUCTION_ORDER) {
    const receipts = deductions.filter((d) => d.label === (code as string));
    const hasCars = code === 'D1' && cars.length > 0;
    const hasWfh = code === 'D5' && wfh.length > 0;
    const hasSelfEd = code === 'D4' && selfEducation.length > 0;
    if (!receipts.length && !hasCars && !hasWfh && !hasSelfEd) continue;
    any = true;
    const ref = DEDUCTION_ITEMS[code];
    w.heading(`${code} ${ref.name}${ref.letter ? ` (label ${ref.letter})` : ''}`, 2);

    if (code === 'D1') {
      cars.forEach((c, i) => {
        const figures: Figure[] = [
          { name: 'Work kilometres', value: c.businessKilometres.toLocaleString('en-AU') },
        ];
        if (c.logbook) {
          figures.push({
            name: 'Logbook business-use percentage',
            value: percentOf(c.logbook.businessUseBasisPoints),
          });
          figures.push({
            name: 'Car expenses (running costs)',
            value: asShown(c.logbook.carExpensesCents),
            field: 'carExpensesCents',
          });
          figures.push({
            name: 'Decline in value',
            value: asShown(c.logbook.declineInValueCents),
            field: 'declineInValueCents',
          });
        }
        const line = ctx.line(`deduction.D1.car.${i}`);
        if (line)
          figures.push({
            name: `Claim: ${line.label}`,
            value: asShown(Math.round(line.amount * 100)),
            tone: 'bold',
          });
        itemBlock(w, c, c.description, figures, line ? [line.explanation] : []);
      });
    }
    if (code === 'D4') {
      for (const s of selfEducation)
        itemBlock(w, s, s.description, [
          { name: 'Expenses', value: asShown(s.amountCents), field: 'amountCents' },
        ]);
    }
    for (const d of receipts) {
      const figures: Figure[] = [
        { name: 'Amount paid', value: asShown(d.amountCents), field: 'amountCents' },
      ];
      if (d.workUseBasisPoints < 10_000) {
        figures.push({
          name: `Work-related share (${percentOf(d.workUseBasisPoints)})`,
          value: asShown(workShare(d)),
          tone: 'bold',
        });
      }
      const details = [
        [d.supplier, d.date ? formatIsoDate(d.date) : undefined].filter(Boolean).join(', '),
      ].filter(Boolean);
      itemBlock(w, d, d.description, figures, details);
    }
    if (code === 'D5') {
      for (const h of wfh) {
        const figures: Figure[] = [
          { name: 'Hours worked from home', value: h.hours.toLocaleString('en-AU') },
        ];
        const parts: [string, number, string][] = [
          ['Electricity and gas (work share)', h.energyCents, 'energyCents'],
          ['Phone and internet (work share)', h.phoneAndInternetCents, 'phoneAndInternetCents'],
          ['Stationery and computer consumables', h.stationeryCents, 'stationeryCents'],
          ['Cleaning of a dedicated work area', h.cleaningCents, 'cleaningCents'],
          ['Decline in value of furniture', h.furnitureDeclineCents, 'furnitureDeclineCents'],
          ['Decline in value of equipment', h.equipmentDeclineCents, 'equipmentDeclineCents'],
        ];
        for (const [name, cents, field] of parts)
          if (cents > 0) figures.push({ name, value: asShown(cents), field });
        const line = ctx.line('deduction.D5.workingFromHome');
        if (line)
          figures.push({
            name: `Claim: ${line.label}`,
            value: asShown(Math.round(line.amount * 100)),
            tone: 'bold',
          });
        itemBlock(w, h, 'Working from home', figures, line ? [line.explanation] : []);
      }
    }

    const fromLine = ctx.lineCents(`deduction.${code}`);
    const computedByEngine = hasCars || hasWfh || hasSelfEd;
    const fromItems = sum(receipts.map(workShare));
    const total = fromLine ?? (computedByEngine ? undefined : fromItems);
    totalsBlock(
      w,
      [
        {
          label: `Total ${code}${ref.letter ? ` label ${ref.letter}` : ''} (whole dollars)`,
          value: total !== undefined ? whole(total) : 'Worked out when assessed',
        },
      ],
      fromLine !== undefined &&
        truncateToWholeDollars(fromLine) !== truncateToWholeDollars(fromItems) &&
        !computedByEngine
        ? 'The assessment limits this claim (see "How your tax was worked out").'
        : code === 'D10'
          ? 'In myTax, split D10 by type: interest the ATO charged, litigation costs, and other costs such as tax agent fees.'
          : undefined,
    );
  }

  const losses = ctx.view.facts.priorYearTaxLossesCents ?? 0;
  if (losses > 0) {
    any = true;
    w.heading(`${TAX_LOSSES_LABEL.item} ${TAX_LOSSES_LABEL.name}`, 2);
    w.row('Tax losses carried forward from earlier years', asShown(losses));
    const applied = ctx.lineCents('deduction.L1');
    totalsBlock(
      w,
      [
        {
          label: 'Deducted this year, L1 (whole dollars)',
          value: applied !== undefined ? whole(applied) : 'Worked out when assessed',
        },
        ...(ctx.assessment
          ? [
              {
                label: 'Tax losses to carry forward to later years',
                value: whole(ctx.assessment.carryForward.taxLossesCents),
              },
            ]
          : []),
      ],
      'L1 separates primary production losses from other losses; show each at its own label in myTax.',
    );
  }

  if (!any) w.paragraph('No deductions have been claimed in this return.', { tone: 'muted' });
  if (ctx.assessment) {
    w.gap(4);
    w.box(null, [
      {
        label: 'Total deductions (whole dollars)',
        value: whole(ctx.assessment.totalDeductionsCents),
        bold: true,
      },
    ]);
  }
}

// ---------------------------------------------------------------------------------------------
// 4. Offsets, Medicare, private health, study loan and other facts

function yesNo(value: boolean | undefined | null, unanswered = 'Not answered'): string {
  return value === undefined || value === null ? unanswered : value ? 'Yes' : 'No';
}

function renderOffsetsAndOther(w: Writer, ctx: Context): void {
  const { facts } = ctx.view;
  const a = ctx.assessment;
  w.heading('Offsets, Medicare and other details', 1);

  w.heading('Tax offsets', 2);
  if (a && a.offsets.length) {
    for (const o of a.offsets)
      w.row(`${o.name}${o.refundable ? ' (refundable)' : ''}`, exact(o.appliedCents));
  } else {
    w.paragraph(a ? 'No tax offsets apply.' : 'Worked out when the return is assessed.', { tone: 'muted' });
  }
  w.row(
    `${SAPTO_LABEL.item} ${SAPTO_LABEL.name}`,
    facts.sapto === undefined
      ? 'Not answered'
      : facts.sapto === null
        ? 'Not eligible'
        : `Eligible (${facts.sapto.category.replace(/-/g, ' ')})`,
  );
  w.paragraph(
    'The ATO works out the low income tax offset and the franking credit offset from the figures above; you do not enter them.',
    { small: true },
  );

  w.heading('Medicare levy (M1)', 2);
  const residency = facts.residency;
  w.row(
    'Residency for tax purposes',
    !residency
      ? 'Not answered'
      : residency.kind === 'resident'
        ? 'Australian resident for the whole year'
        : residency.kind === 'foreign-resident'
          ? 'Foreign resident'
          : residency.kind === 'working-holiday-maker'
            ? 'Working holiday maker'
            : `Part-year resident${residency.residentFrom ? ` from ${formatIsoDate(residency.residentFrom)}` : ''}${residency.residentUntil ? ` until ${formatIsoDate(residency.residentUntil)}` : ''}`,
  );
  w.row(
    MEDICARE_LABELS.exemptionDays.name,
    facts.medicareFullExemptionDays !== undefined ? String(facts.medicareFullExemptionDays) : 'None claimed',
  );
  w.row(
    `${MEDICARE_LABELS.dependentChildren.name}`,
    facts.dependentChildren !== undefined ? String(facts.dependentChildren) : 'Not answered',
  );
  if (facts.soleParent !== undefined) w.row('Sole parent', yesNo(facts.soleParent));
  if (a) w.row('Medicare levy', exact(a.medicareLevyCents), { bold: true });

  w.heading('Spouse details', 2);
  if (facts.spouse === undefined) w.paragraph('Not answered.', { tone: 'muted' });
  else if (facts.spouse === null) w.paragraph('No spouse at any time during the year.');
  else {
    w.row('Spouse’s taxable income', asShown(facts.spouse.taxableIncomeCents));
    w.row('Spouse’s other income-test amounts', asShown(facts.spouse.otherIncomeTestCents));
  }

  w.heading('Medicare levy surcharge (M2)', 2);
  const cover = facts.hospitalCover;
  w.row(
    `${MEDICARE_LABELS.surchargeCovered.name} ${labelRefText(MEDICARE_LABELS.surchargeCovered)}`,
    cover === undefined ? 'Not answered' : cover === 'full-year' ? 'Yes' : 'No',
  );
  if (cover !== undefined && cover !== 'full-year')
    w.row(
      'Days with an appropriate level of private patient hospital cover',
      cover === 'none' ? '0' : String(cover.days),
    );
  w.paragraph(
    `myTax asks at ${labelRefText(MEDICARE_LABELS.surchargeDays)} for the number of days you do not have to pay the surcharge; it depends on your cover and your income for surcharge purposes.`,
    { small: true },
  );
  if (a) w.row('Medicare levy surcharge', exact(a.medicareLevySurchargeCents), { bold: true });

  const health = ctx.of('private-health');
  w.heading('Private health insurance policy details', 2);
  if (!health.length) w.paragraph('No private health insurance statement has been added.', { tone: 'muted' });
  for (const h of health) {
    itemBlock(
      w,
      h,
      h.insurer,
      [
        {
          name: PRIVATE_HEALTH_LABELS.premiums.name,
          label: PRIVATE_HEALTH_LABELS.premiums,
          value: asShown(h.premiumsEligibleCents),
          field: 'premiumsEligibleCents',
        },
        {
          name: PRIVATE_HEALTH_LABELS.rebate.name,
          label: PRIVATE_HEALTH_LABELS.rebate,
          value: asShown(h.rebateReceivedCents),
          field: 'rebateReceivedCents',
        },
        {
          name: PRIVATE_HEALTH_LABELS.benefitCode.name,
          label: PRIVATE_HEALTH_LABELS.benefitCode,
          value: String(h.benefitCode),
          field: 'benefitCode',
        },
      ],
      [
        `Benefit code ${h.benefitCode}: ${BENEFIT_CODE_MEANING[h.benefitCode]}. Enter the health insurer ID (label ${PRIVATE_HEALTH_LABELS.insurer.letter}) and membership number from the statement.`,
      ],
    );
  }
  if (health.length && a) {
    const adj = a.privateHealthAdjustmentCents;
    w.row(
      adj > 0
        ? 'Excess private health insurance rebate to repay'
        : adj < 0
          ? 'Extra private health insurance rebate refunded'
          : 'Private health insurance rebate adjustment',
      exact(Math.abs(adj)),
      { bold: true },
    );
  }

  w.heading('Income tests', 2);
  const employment = ctx.of('employment');
  const exempt = sum(
    employment.filter((e) => e.fringeBenefitsEmployerExempt).map((e) => e.reportableFringeBenefitsCents),
  );
  const other = sum(
    employment.filter((e) => !e.fringeBenefitsEmployerExempt).map((e) => e.reportableFringeBenefitsCents),
  );
  const resc = sum(employment.map((e) => e.reportableEmployerSuperCents));
  w.row(
    `${INCOME_TEST_LABELS.fringeBenefitsExempt.name}, ${labelRefText(INCOME_TEST_LABELS.fringeBenefitsExempt)}`,
    whole(exempt),
  );
  w.row(
    `${INCOME_TEST_LABELS.fringeBenefitsOther.name}, ${labelRefText(INCOME_TEST_LABELS.fringeBenefitsOther)}`,
    whole(other),
  );
  w.row(
    `${INCOME_TEST_LABELS.employerSuper.name}, ${labelRefText(INCOME_TEST_LABELS.employerSuper)}`,
    whole(resc),
  );
  if (facts.netFinancialInvestmentLossCents)
    w.row(
      `${INCOME_TEST_LABELS.netFinancialInvestmentLoss.name}, ${labelRefText(INCOME_TEST_LABELS.netFinancialInvestmentLoss)}`,
      whole(facts.netFinancialInvestmentLossCents),
    );
  for (const e of employment.filter(
    (x) => x.reportableFringeBenefitsCents > 0 || x.reportableEmployerSuperCents > 0,
  )) {
    const parts = [
      e.reportableFringeBenefitsCents > 0
        ? `reportable fringe benefits ${asShown(e.reportableFringeBenefitsCents)}${e.fringeBenefitsEmployerExempt ? ' (employer exempt from FBT)' : ''}`
        : '',
      e.reportableEmployerSuperCents > 0
        ? `reportable employer super ${asShown(e.reportableEmployerSuperCents)}`
        : '',
    ].filter(Boolean);
    w.paragraph(`From ${e.payerName}: ${parts.join('; ')}.`, { small: true, indent: 10, after: 0 });
  }
  w.paragraph('Only reportable fringe benefits of $3,773 or more appear on an income statement.', {
    small: true,
  });

  w.heading('Study and training loans', 2);
  w.row('Study or training loan debt (HELP, VSL, SFSS, SSL, ABSTUDY SSL or AASL)', yesNo(facts.hasStudyLoan));
  if (facts.studyLoanBalanceCents !== undefined)
    w.row('Balance at 1 June (as the ATO shows it)', asShown(facts.studyLoanBalanceCents));
  if (a) w.row('Compulsory repayment', exact(a.studyLoanRepaymentCents), { bold: true });

  const otherFacts: [string, string][] = [];
  if (facts.paygInstalmentsCents)
    otherFacts.push(['PAYG instalments paid this year', asShown(facts.paygInstalmentsCents)]);
  if (facts.priorYearCapitalLossesCents)
    otherFacts.push(['Net capital losses from earlier years', asShown(facts.priorYearCapitalLossesCents)]);
  if (
    facts.residency?.kind === 'working-holiday-maker' &&
    facts.residency.workingHolidayNetIncomeCents !== undefined
  ) {
    otherFacts.push([
      'Working holiday maker net income',
      asShown(facts.residency.workingHolidayNetIncomeCents),
    ]);
  }
  if (otherFacts.length) {
    w.heading('Other details', 2);
    for (const [label, value] of otherFacts) w.row(label, value);
  }
}

// ---------------------------------------------------------------------------------------------
// 5. The assessment

function renderAssessment(w: Writer, ctx: Context): void {
  w.heading('How your tax was worked out', 1);
  const a = ctx.assessment;
  if (!a) {
    w.paragraph('There is no estimate yet: some answers cannot be assessed together.', { tone: 'warn' });
    for (const issue of ctx.view.assessmentIssues)
      w.paragraph(`${issue.field}: ${issue.message}`, { indent: 10 });
    return;
  }
  w.paragraph(
    'Every step of the estimate, in the order the tax law applies them. Amounts are in dollars and cents.',
    { tone: 'muted', after: 6 },
  );
  for (const line of a.lines) {
    w.ensure(BODY.leading + 2 * SMALL.leading);
    // The engine signs the result line (negative: owing); its label already says which it is.
    const cents = Math.round(line.amount * 100);
    w.row(
      line.label,
      formatMoney(line.id === 'result.refund' ? Math.abs(cents) : cents, { cents: 'always' }),
      { bold: true },
    );
    w.paragraph(line.explanation, { indent: 10, after: 0 });
    w.paragraph(`Source: ${line.source.title}`, { small: true, indent: 10, after: 5 });
  }

  w.heading('Totals', 2);
  const refund = a.refundCents;
  const rows: { label: string; value: string; bold?: boolean }[] = [
    { label: 'Total income', value: whole(a.totalIncomeCents) },
    { label: 'Total deductions', value: whole(a.totalDeductionsCents) },
    { label: 'Taxable income', value: whole(a.taxableIncomeCents), bold: true },
    { label: 'Tax on taxable income', value: exact(a.taxOnTaxableIncomeCents) },
    {
      label: 'Non-refundable tax offsets',
      value: exact(sum(a.offsets.filter((o) => !o.refundable).map((o) => o.appliedCents))),
    },
    { label: 'Net income tax', value: exact(a.netIncomeTaxCents) },
    { label: 'Medicare levy', value: exact(a.medicareLevyCents) },
    { label: 'Medicare levy surcharge', value: exact(a.medicareLevySurchargeCents) },
    {
      label:
        a.privateHealthAdjustmentCents < 0
          ? 'Private health insurance rebate adjustment (refunded)'
          : 'Private health insurance rebate adjustment (repaid)',
      value: exact(Math.abs(a.privateHealthAdjustmentCents)),
    },
    { label: 'Study and training loan repayment', value: exact(a.studyLoanRepaymentCents) },
    { label: 'Total tax', value: exact(a.totalLiabilityCents), bold: true },
    { label: 'Tax withheld, instalments and other credits', value: exact(a.creditsCents) },
    {
      label: 'Refundable tax offsets (franking credits, private health insurance)',
      value: exact(a.refundableOffsetsCents),
    },
    refund >= 0
      ? { label: 'Estimated refund', value: exact(refund), bold: true }
      : { label: 'Estimated amount owing', value: exact(-refund), bold: true },
  ];
  w.box(null, rows);
  w.row(
    'Marginal tax rate on the last dollar',
    `${a.marginalRatePercent.toLocaleString('en-AU', { maximumFractionDigits: 2 })}%`,
  );
  if (a.carryForward.taxLossesCents > 0)
    w.row('Tax losses to carry forward', whole(a.carryForward.taxLossesCents));
  if (a.carryForward.netCapitalLossesCents > 0)
    w.row('Net capital losses to carry forward', whole(a.carryForward.netCapitalLossesCents));

  if (a.provisional.length) {
    w.heading('Figures not yet final for this year', 3);
    for (const p of a.provisional) w.paragraph(`- ${p.reason}`, { indent: 6 });
  }
  if (a.caveats.length) {
    w.heading('Things the estimate does not work out', 3);
    for (const c of a.caveats) w.paragraph(`- ${c.message}`, { indent: 6 });
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Records

function renderRecords(w: Writer, ctx: Context): void {
  w.heading('Records checklist', 1);
  const records = ctx.view.records;
  if (!records.length) {
    w.paragraph('No claim in this return needs records beyond the documents listed with each figure.', {
      tone: 'muted',
    });
    return;
  }
  const attached = records.filter((r) => r.attached).length;
  w.paragraph(
    `Keep records for 5 years from when you lodge. ${attached} of ${records.length} claims have a record attached in Numeri.`,
    { after: 6 },
  );
  for (const r of records) {
    const item = ctx.itemById(r.itemId);
    w.ensure(BODY.leading * 4);
    w.row(item ? describeItem(item) : `Item ${r.itemId}`, recordStatusText(r, item), {
      bold: true,
      tone: r.attached ? 'bold' : 'warn',
    });
    w.paragraph(`What the ATO expects: ${r.expected}`, { indent: 10, after: 0 });
    if (r.note) w.paragraph(r.note, { indent: 10, after: 0 });
    w.paragraph(`Source: ${r.source.title}`, { small: true, indent: 10, after: 6 });
  }
}

// ---------------------------------------------------------------------------------------------
// 7. Open items and review

function renderOpenItems(w: Writer, ctx: Context): void {
  const { view } = ctx;
  w.heading('Open items', 1);
  if (!view.missing.length && !view.assessmentIssues.length) {
    w.paragraph('Nothing is missing: every question the interview asks has an answer.');
  }
  for (const m of view.missing) {
    w.ensure(BODY.leading * 2);
    w.paragraph(`- ${m.question}`, { tone: 'bold', after: 0 });
    w.paragraph(m.reason, { indent: 10, small: true, after: 4 });
  }
  for (const issue of view.assessmentIssues)
    w.paragraph(`- Cannot be assessed together: ${issue.field}: ${issue.message}`, { tone: 'warn' });

  w.heading('Review', 2);
  if (view.reviewSignedOff)
    w.paragraph(
      `Reviewed and signed off by ${view.reviewSignedOff.by} on ${formatDateTime(view.reviewSignedOff.at)}.`,
    );
  else w.paragraph('Not yet reviewed by a tax agent or reviewer.', { tone: 'muted' });

  w.gap(8);
  w.rule();
  w.paragraph(
    'Prepared with Numeri from your answers and documents. Numeri is not a registered tax agent and does not lodge with the ATO. Check each figure against your records before you lodge; you are responsible for the return you lodge.',
    { small: true },
  );
}
