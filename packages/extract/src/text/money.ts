import { foldOcrDigits } from './fold';

export interface MoneyToken {
  /** Offsets in the scanned text. */
  start: number;
  end: number;
  /** Signed integer cents. */
  cents: number;
  hasDollar: boolean;
  hasDecimals: boolean;
  hasGrouping: boolean;
  /** Strong tokens look like money ($, decimals or thousands separators); weak ones are bare integers. */
  strong: boolean;
}

const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const MAX_CENTS = 100_000_000_000_00; // ten billion dollars: well inside Number.MAX_SAFE_INTEGER

/**
 * Scans text (already OCR-folded if it came from OCR) for money amounts. Understands "$85,432.00",
 * "85432", "85,432", "(1,234.56)", "-$12.00", "$-12.00", "12.00-", "1 234.56", "85.412,00" style
 * OCR misreads of separators, and trailing CR/DR. Skips numbers that are part of dates, times,
 * percentages or identifiers glued to letters ("13U", "2nd").
 */
export function findMoneyTokens(text: string): MoneyToken[] {
  const out: MoneyToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (!(isDigit(c) || c === '$' || c === '(' || c === '-' || c === '−' || c === '+')) {
      i++;
      continue;
    }
    const tok = scanMoneyAt(text, i);
    if (tok) {
      out.push(tok);
      i = tok.end;
    } else {
      // skip this digit run entirely so "2024" in "01/07/2024" is not re-read from its middle
      if (isDigit(c)) {
        while (i < text.length && /[0-9]/.test(text[i] as string)) i++;
      } else i++;
    }
  }
  return out;
}

function scanMoneyAt(text: string, from: number): MoneyToken | undefined {
  // A number glued to a preceding letter or digit-ish context is not a fresh token.
  const before = text[from - 1];
  if (before !== undefined && /[0-9/:.,]/.test(before) && isDigit(text[from])) return undefined;
  let i = from;
  let negative = false;
  let paren = false;
  let hasDollar = false;
  const skipSpace = (): void => {
    if (text[i] === ' ') i++;
  };
  if (text[i] === '(') {
    paren = true;
    i++;
    skipSpace();
  }
  if (text[i] === '-' || text[i] === '−') {
    negative = true;
    i++;
    skipSpace();
  } else if (text[i] === '+') {
    i++;
  }
  if (text[i] === '$') {
    hasDollar = true;
    i++;
    skipSpace();
  }
  if (!negative && (text[i] === '-' || text[i] === '−')) {
    negative = true;
    i++;
  }
  if (!isDigit(text[i])) return undefined;
  const intStart = i;
  while (isDigit(text[i])) i++;
  const firstGroup = text.slice(intStart, i);
  let intDigits = firstGroup;
  // Thousands groups: ",ddd", " ddd", or ".ddd" (an OCR-misread comma, only when cents follow).
  // One separator kind per number, and only after a first group of at most three digits.
  let groupSep: string | undefined;
  while (firstGroup.length <= 3) {
    const sep = text[i];
    if (sep !== ',' && sep !== '.' && sep !== ' ') break;
    if (groupSep !== undefined && sep !== groupSep) break;
    const group = text.slice(i + 1, i + 4);
    if (!/^\d{3}$/.test(group) || isDigit(text[i + 4])) break;
    if (sep === '.' && !/^[.,]\d{2}(?!\d)|^\.\d{3}/.test(text.slice(i + 4, i + 8))) break;
    intDigits += group;
    groupSep = sep;
    i += 4;
  }
  const hasGrouping = groupSep !== undefined;
  let centsPart = 0;
  let hasDecimals = false;
  if ((text[i] === '.' || text[i] === ',') && isDigit(text[i + 1])) {
    const d1 = text[i + 1] as string;
    const d2 = text[i + 2];
    if (isDigit(d2)) {
      if (isDigit(text[i + 3])) {
        // three or more decimals: a rate (e.g. "0.8650"), not an amount of money
        return undefined;
      }
      centsPart = Number(d1) * 10 + Number(d2);
      i += 3;
    } else {
      if (text[i] === ',') return undefined; // "1,2" is not money
      centsPart = Number(d1) * 10;
      i += 2;
    }
    hasDecimals = true;
  }
  // Reject numbers that are parts of dates, times, percentages, ranges of identifiers.
  const next = text[i];
  if (next === '%' || next === '/' || next === ':') return undefined;
  if (next === '-' && isDigit(text[i + 1])) return undefined;
  if (next !== undefined && /[A-Za-z]/.test(next) && !hasDollar && !hasDecimals && !hasGrouping)
    return undefined;
  if (!hasGrouping && !hasDollar && intDigits.length > 9) return undefined; // ids, account numbers
  if (paren) {
    if (text[i] === ' ' && text[i + 1] === ')') i++;
    if (text[i] === ')') {
      i++;
      negative = true;
    } else if (!hasDollar && !hasDecimals) {
      return undefined;
    }
  }
  // trailing sign or CR/DR
  const tail = text.slice(i, i + 4);
  const crdr = /^ ?(CR|DR|Cr|Dr)(?![A-Za-z])/.exec(tail);
  if (crdr) {
    if (crdr[1]?.toUpperCase() === 'DR') negative = true;
    i += crdr[0].length;
  } else if (text[i] === '-' && !isDigit(text[i + 1]) && (hasDecimals || hasDollar)) {
    negative = true;
    i++;
  }
  const dollars = Number(intDigits);
  const cents = dollars * 100 + centsPart;
  if (!Number.isSafeInteger(cents) || cents > MAX_CENTS) return undefined;
  const strong = hasDollar || hasDecimals || hasGrouping;
  return {
    start: from,
    end: i,
    cents: negative ? -cents : cents,
    hasDollar,
    hasDecimals,
    hasGrouping,
    strong,
  };
}

export interface ParseMoneyOptions {
  /** Repair OCR letter-for-digit confusions first (default false). */
  ocr?: boolean;
}

/**
 * Parses one amount of money to signed integer cents, or null when the text is not exactly one
 * amount (surrounding whitespace and a currency code "AUD" are allowed).
 */
export function parseMoney(text: string, options: ParseMoneyOptions = {}): number | null {
  let t = text
    .trim()
    .replace(/^AUD\s*/i, '')
    .replace(/\s*AUD$/i, '');
  if (options.ocr) t = foldOcrDigits(t);
  if (t.length === 0 || t.length > 40) return null;
  const tokens = findMoneyTokens(t);
  const tok = tokens[0];
  if (tokens.length !== 1 || !tok) return null;
  if (t.slice(0, tok.start).trim() !== '' || t.slice(tok.end).trim() !== '') return null;
  return tok.cents === 0 ? 0 : tok.cents;
}

/** Formats cents as "$1,234.56" (en-AU), for messages. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const dollars = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}$${dollars}.${String(abs % 100).padStart(2, '0')}`;
}
