import { foldForLabels } from './fold';

const ABN_WEIGHTS = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19] as const;
const TFN_WEIGHTS = [1, 4, 3, 7, 5, 8, 6, 9, 10] as const;

/** Digits only. */
export function digitsOf(text: string): string {
  return text.replace(/\D/g, '');
}

/**
 * ABN check digit: subtract 1 from the first digit, weight the 11 digits by
 * 10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19; valid when the sum is divisible by 89.
 */
export function isValidAbn(abn: string): boolean {
  const d = digitsOf(abn);
  if (d.length !== 11 || d[0] === '0') return false;
  let sum = 0;
  for (let i = 0; i < 11; i++) {
    const digit = Number(d[i]) - (i === 0 ? 1 : 0);
    sum += digit * (ABN_WEIGHTS[i] as number);
  }
  return sum % 89 === 0;
}

/** "51824753556" → "51 824 753 556". */
export function formatAbn(abn: string): string {
  const d = digitsOf(abn);
  return d.length === 11 ? `${d.slice(0, 2)} ${d.slice(2, 5)} ${d.slice(5, 8)} ${d.slice(8)}` : abn;
}

/** TFN check (9 digits, weights 1,4,3,7,5,8,6,9,10, sum divisible by 11). Used only to redact. */
export function isValidTfn(tfn: string): boolean {
  const d = digitsOf(tfn);
  if (d.length !== 9) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(d[i]) * (TFN_WEIGHTS[i] as number);
  return sum % 11 === 0;
}

export interface AbnToken {
  start: number;
  end: number;
  digits: string;
  valid: boolean;
}

/** Finds 11-digit ABN-shaped numbers ("51 824 753 556", "51824753556") in (OCR-folded) text. */
export function findAbnTokens(text: string): AbnToken[] {
  const out: AbnToken[] = [];
  const re = /(?<![\d*])(\d{2})[ .-]?(\d{3})[ .-]?(\d{3})[ .-]?(\d{3})(?![\d*])/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const digits = `${m[1]}${m[2]}${m[3]}${m[4]}`;
    out.push({ start: m.index, end: m.index + m[0].length, digits, valid: isValidAbn(digits) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// TFN redaction. A TFN must never leave this package in a field value, a warning or a reason, and
// the server uses redactTfns() before it stores or logs any OCR text snippet.
// ---------------------------------------------------------------------------------------------

/** Labels that announce a TFN ("TFN", "Tax file number", "Payee's tax file number"). */
const TFN_LABEL = /(?<![a-z])(tfn|tax\s*fl?le\s*n(?:o|um(?:ber)?)?)/g;
/** 8–9 digit-like characters, optionally grouped 3-3-3 (digits plus OCR look-alikes). */
const TFN_CANDIDATE =
  /(?<![0-9OoIlSB|][ -]?)(?<![0-9])[0-9OoIlSB|]{3}[ -]?[0-9OoIlSB|]{3}[ -]?[0-9OoIlSB|]{2,3}(?![ -]?[0-9])/g;
/** Plain 9-digit numbers (3-3-3 or contiguous) that are not part of a longer number. */
const NINE_DIGITS = /(?<!\d[ -]?)(?<!\d)\d{3}([ -]?)\d{3}\1\d{3}(?![ -]?\d)/g;
/** How far after a TFN label (in characters, across line breaks) the number may appear. */
const TFN_CONTEXT_CHARS = 80;

export interface Span {
  start: number;
  end: number;
}

/**
 * Spans of text that hold a TFN: any 8–9 digit number (OCR look-alikes included) within a short
 * distance after a TFN label, and any 9-digit number anywhere that passes the TFN check digit
 * (over-redaction is the safe failure).
 */
export function findTfnSpans(text: string): Span[] {
  const spans: Span[] = [];
  const folded = foldForLabels(text);
  TFN_LABEL.lastIndex = 0;
  for (let m = TFN_LABEL.exec(folded); m; m = TFN_LABEL.exec(folded)) {
    const from = m.index + m[0].length;
    const window = text.slice(from, from + TFN_CONTEXT_CHARS);
    TFN_CANDIDATE.lastIndex = 0;
    for (let c = TFN_CANDIDATE.exec(window); c; c = TFN_CANDIDATE.exec(window)) {
      const digits = digitsOf(
        c[0].replace(/[Oo]/g, '0').replace(/[Il|]/g, '1').replace(/S/g, '5').replace(/B/g, '8'),
      );
      const realDigits = digitsOf(c[0]).length;
      if (digits.length >= 8 && realDigits >= 5)
        spans.push({ start: from + c.index, end: from + c.index + c[0].length });
    }
  }
  NINE_DIGITS.lastIndex = 0;
  for (let m = NINE_DIGITS.exec(text); m; m = NINE_DIGITS.exec(text)) {
    if (isValidTfn(m[0])) spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return mergeSpans(spans);
}

function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

/** Replaces every character of a span except spaces and dashes with "*". */
export function maskSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const chars = text.split('');
  for (const s of spans) {
    for (let i = s.start; i < s.end; i++) {
      const c = chars[i];
      if (c !== undefined && c !== ' ' && c !== '-') chars[i] = '*';
    }
  }
  return chars.join('');
}

/**
 * Redacts tax file numbers from text: "TFN: 123 456 782" → "TFN: *** *** ***". Use it on any OCR or
 * PDF text before it is stored in plain form or logged.
 */
export function redactTfns(text: string): string {
  return maskSpans(text, findTfnSpans(text));
}
