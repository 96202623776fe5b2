import { parse } from 'csv-parse/browser/esm/sync';
import { parseDate } from '../text/dates';
import type { DateOrder } from '../text/dates';
import { parseMoney } from '../text/money';
import { hasFormulaRisk } from '../spreadsheet';
import { CSV_LAYOUTS, HEADER_SYNONYMS } from './csv-layouts';
import type { CsvLayout } from './csv-layouts';
import { resolveLimits, tooManyErrors } from './limits';
import type { ResolvedLimits } from './limits';
import type {
  BankParseError,
  BankParseResult,
  ColumnRef,
  CsvColumnMapping,
  ParsedTransaction,
} from './types';

interface Row {
  cells: string[];
  /** 1-based line number where the record ends. */
  line: number;
}

const tooManyRows = (limits: ResolvedLimits): string =>
  `The file has more than ${limits.maxRows.toLocaleString('en-AU')} rows, the most one import accepts. Export a shorter date range.`;

const norm = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\s*\/\s*/g, ' / ');

/**
 * Cheap structural checks before any parsing: the longest line and the number of lines. Stops
 * scanning as soon as a limit is passed, so hostile input (one 50 MB line, a million rows) is
 * rejected in linear time without building records.
 */
export function precheckLines(
  text: string,
  limits: ResolvedLimits,
  allowance = 50,
): BankParseError | undefined {
  let lineStart = 0;
  let lines = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 10;
    if (c === 10 || c === 13) {
      if (i - lineStart > limits.maxLineLength) {
        return {
          line: lines + 1,
          message: `Line ${lines + 1} is longer than ${limits.maxLineLength.toLocaleString('en-AU')} characters, so this is not a bank statement export.`,
        };
      }
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lines++;
      lineStart = i + 1;
      if (lines > limits.maxRows + allowance) {
        return { message: tooManyRows(limits) };
      }
    }
  }
  return undefined;
}

function detectDelimiter(text: string): string {
  const lines = text
    .split(/\r\n|\n|\r/, 12)
    .filter((l) => l.trim().length > 0)
    .slice(0, 10);
  let best = ',';
  let bestScore = 0;
  for (const d of [',', ';', '\t', '|']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const nonZero = counts.filter((c) => c > 0);
    if (nonZero.length === 0) continue;
    // prefer a delimiter that appears on most lines with a consistent count
    const mode = nonZero.sort((a, b) => a - b)[Math.floor(nonZero.length / 2)] as number;
    const consistent = counts.filter((c) => c === mode).length;
    const score = consistent * 10 + mode;
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQ = false;
  let n = 0;
  for (const c of line) {
    if (c === '"') inQ = !inQ;
    else if (c === d && !inQ) n++;
  }
  return n;
}

/** Parses CSV text to rows with csv-parse (browser build: no Node built-ins). */
export function readCsvRows(
  text: string,
  limits: ResolvedLimits,
  delimiter?: string,
): { rows: Row[]; error?: BankParseError } {
  const pre = precheckLines(text, limits);
  if (pre) return { rows: [], error: pre };
  try {
    // A string input goes through the browser build's own Buffer polyfill; a raw Uint8Array does
    // not survive every code path there (e.g. the BOM check), and the BOM is already gone.
    const records = parse(text, {
      delimiter: delimiter ?? detectDelimiter(text),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: limits.maxLineLength * 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    const rows = records
      .map((r) => ({ cells: r.record.map((c) => c.trim()), line: r.info.lines }))
      .filter((r) => r.cells.some((c) => c.length > 0));
    if (rows.length > limits.maxRows + 50) return { rows: [], error: { message: tooManyRows(limits) } };
    return { rows };
  } catch (err) {
    const e = err as { code?: string; lines?: number };
    const line = typeof e.lines === 'number' ? e.lines : undefined;
    const why =
      e.code === 'CSV_QUOTE_NOT_CLOSED'
        ? 'a quoted value is never closed'
        : e.code === 'CSV_MAX_RECORD_SIZE'
          ? 'a row is far too long'
          : 'the file is not well-formed CSV';
    const error: BankParseError = {
      message: `This CSV could not be read: ${why}${line ? ` (near line ${line})` : ''}.`,
    };
    if (line !== undefined) error.line = line;
    return { rows: [], error };
  }
}

// ---------------------------------------------------------------------------------------------
// Layout detection
// ---------------------------------------------------------------------------------------------

const isDateCell = (c: string): boolean => parseDate(c) !== null;
const isAmountCell = (c: string): boolean => /\d/.test(c) && parseMoney(c) !== null;

function shapeMatches(cells: readonly string[], shape: NonNullable<CsvLayout['shape']>): boolean {
  if (cells.length < shape.length) return false;
  const fits = shape.every((kind, i) => {
    const c = cells[i] ?? '';
    switch (kind) {
      case 'date':
        return isDateCell(c);
      case 'amount':
        return isAmountCell(c);
      case 'amount-or-empty':
        return c === '' || isAmountCell(c);
      case 'text':
        return c.length > 0 && !isDateCell(c);
    }
    return false;
  });
  if (!fits) return false;
  // A shorter shape must not ignore a balance column: the next cell may not be another amount.
  const next = cells[shape.length];
  return !(shape.length === 3 && next !== undefined && isAmountCell(next));
}

interface Detected {
  layout: string;
  mapping: CsvColumnMapping;
  headerIndex: number;
}

function headerScore(cells: readonly string[], header: readonly string[]): number {
  const present = new Set(cells.map(norm));
  return header.filter((h) => present.has(h)).length / header.length;
}

function genericMapping(cells: readonly string[]): CsvColumnMapping | undefined {
  const names = cells.map(norm);
  const find = (syn: readonly string[]): string | undefined => names.find((n) => syn.includes(n));
  const date = find(HEADER_SYNONYMS.date);
  const description = find(HEADER_SYNONYMS.description);
  const amount = find(HEADER_SYNONYMS.amount);
  const debit = find(HEADER_SYNONYMS.debit);
  const credit = find(HEADER_SYNONYMS.credit);
  if (!date || !description || (!amount && !(debit || credit))) return undefined;
  const mapping: CsvColumnMapping = { date, description };
  if (amount) mapping.amount = amount;
  else {
    if (debit) mapping.debit = debit;
    if (credit) mapping.credit = credit;
  }
  const balance = find(HEADER_SYNONYMS.balance);
  const payee = find(HEADER_SYNONYMS.payee);
  const reference = find(HEADER_SYNONYMS.reference);
  if (balance) mapping.balance = balance;
  if (payee && payee !== description) mapping.payee = payee;
  if (reference) mapping.reference = reference;
  return mapping;
}

export function detectCsvLayout(rows: readonly Row[]): Detected | undefined {
  // A header may follow a few lines of account details.
  for (let i = 0; i < Math.min(rows.length, 10); i++) {
    const cells = (rows[i] as Row).cells;
    if (cells.some(isDateCell)) break; // data started: no header
    let best: { layout: CsvLayout; score: number } | undefined;
    for (const layout of CSV_LAYOUTS) {
      if (!layout.header) continue;
      const score = headerScore(cells, layout.header);
      if (score >= 0.8 && (!best || score > best.score)) best = { layout, score };
    }
    if (best) return { layout: best.layout.id, mapping: best.layout.mapping, headerIndex: i };
    const generic = genericMapping(cells);
    if (generic) return { layout: 'generic', mapping: generic, headerIndex: i };
  }
  // Header-less: decide from the first data rows (most of them must fit; bad rows are reported later).
  const sample = rows.slice(0, 10);
  for (const layout of CSV_LAYOUTS) {
    const shape = layout.shape;
    if (!shape || sample.length === 0) continue;
    const fits = sample.filter((r) => shapeMatches(r.cells, shape)).length;
    if (fits >= Math.max(1, Math.ceil(sample.length * 0.6)))
      return { layout: layout.id, mapping: layout.mapping, headerIndex: -1 };
  }
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Mapping rows to transactions
// ---------------------------------------------------------------------------------------------

function resolveColumn(
  ref: ColumnRef | undefined,
  header: readonly string[] | undefined,
): number | undefined | null {
  if (ref === undefined) return undefined;
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 0 ? ref : null;
  if (!header) return null;
  const i = header.map(norm).indexOf(norm(ref));
  return i >= 0 ? i : null;
}

export function rowsToTransactions(
  rows: readonly Row[],
  mapping: CsvColumnMapping,
  headerIndex: number,
  limits: ResolvedLimits,
): { transactions: ParsedTransaction[]; errors: BankParseError[] } {
  const errors: BankParseError[] = [];
  const header = headerIndex >= 0 ? rows[headerIndex]?.cells : undefined;
  const col = (ref: ColumnRef | undefined, name: string): number | undefined => {
    const r = resolveColumn(ref, header);
    if (r === null) {
      errors.push({
        message: `The column "${String(ref)}" chosen for the ${name} was not found in the file.`,
      });
      return undefined;
    }
    return r;
  };
  const dateCol = col(mapping.date, 'date');
  const amountCol = col(mapping.amount, 'amount');
  const debitCol = col(mapping.debit, 'debit');
  const creditCol = col(mapping.credit, 'credit');
  const descRefs = Array.isArray(mapping.description) ? mapping.description : [mapping.description];
  const descCols = descRefs.map((r) => col(r, 'description')).filter((c): c is number => c !== undefined);
  const payeeCol = col(mapping.payee, 'payee');
  const refCol = col(mapping.reference, 'reference');
  const balanceCol = col(mapping.balance, 'balance');
  if (errors.length > 0) return { transactions: [], errors };
  if (
    dateCol === undefined ||
    (amountCol === undefined && debitCol === undefined && creditCol === undefined)
  ) {
    return {
      transactions: [],
      errors: [{ message: 'A date column and an amount (or debit/credit) column are needed.' }],
    };
  }
  const order: DateOrder = mapping.dateOrder ?? 'dmy';
  const transactions: ParsedTransaction[] = [];
  if (rows.length - headerIndex - 1 > limits.maxRows) {
    return { transactions: [], errors: [{ message: tooManyRows(limits) }] };
  }
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] as Row;
    const cell = (c: number | undefined): string => (c === undefined ? '' : (row.cells[c] ?? ''));
    const rawDate = cell(dateCol);
    const date = parseDate(rawDate, order);
    if (!date) {
      // footers such as "Closing balance" lines carry no date and no amount: skip them quietly
      if (rawDate === '' && !row.cells.some(isAmountCell)) continue;
      if (!tooManyErrors(errors))
        errors.push({
          line: row.line,
          message: `Line ${row.line}: "${clip(rawDate)}" is not a date (dates are read as day/month/year).`,
        });
      continue;
    }
    let amount: number | null = null;
    if (amountCol !== undefined) {
      amount = parseMoney(cell(amountCol));
    } else {
      const debit = cell(debitCol) === '' ? null : parseMoney(cell(debitCol));
      const credit = cell(creditCol) === '' ? null : parseMoney(cell(creditCol));
      const badDebit = cell(debitCol) !== '' && debit === null;
      const badCredit = cell(creditCol) !== '' && credit === null;
      if (!badDebit && !badCredit && (debit !== null || credit !== null))
        amount = (credit !== null ? Math.abs(credit) : 0) - (debit !== null ? Math.abs(debit) : 0);
    }
    if (amount === null) {
      if (!tooManyErrors(errors))
        errors.push({ line: row.line, message: `Line ${row.line}: no readable amount.` });
      continue;
    }
    if (mapping.invertAmount) amount = -amount;
    const description = descCols
      .map((c) => cell(c))
      .filter((s) => s.length > 0)
      .join(' ');
    const tx: ParsedTransaction = { date, amountCents: amount === 0 ? 0 : amount, description };
    const payee = cell(payeeCol);
    if (payee) tx.payee = payee;
    const reference = cell(refCol);
    if (reference) tx.reference = reference;
    if (balanceCol !== undefined) {
      const bal = parseMoney(cell(balanceCol));
      if (bal !== null) tx.balanceCents = bal === 0 ? 0 : bal;
    }
    if (hasFormulaRisk(description) || (payee !== '' && hasFormulaRisk(payee))) tx.flags = ['formula-risk'];
    transactions.push(tx);
  }
  return { transactions, errors };
}

const clip = (s: string): string => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

export function parseCsvText(
  text: string,
  limitsIn: Parameters<typeof resolveLimits>[0],
  mapping?: CsvColumnMapping,
): Omit<BankParseResult, 'format' | 'encoding'> {
  const limits = resolveLimits(limitsIn);
  const { rows, error } = readCsvRows(text, limits, mapping?.delimiter);
  if (error) return { transactions: [], errors: [error] };
  if (rows.length === 0) return { transactions: [], errors: [{ message: 'The file has no rows.' }] };
  if (mapping) {
    const usesNames = [
      mapping.date,
      mapping.amount,
      mapping.debit,
      mapping.credit,
      mapping.payee,
      mapping.reference,
      mapping.balance,
      ...(Array.isArray(mapping.description) ? mapping.description : [mapping.description]),
    ].some((r) => typeof r === 'string');
    const hasHeader = mapping.hasHeader ?? usesNames;
    const result = rowsToTransactions(rows, mapping, hasHeader ? 0 : -1, limits);
    return { layout: 'mapped', ...result };
  }
  const detected = detectCsvLayout(rows);
  if (!detected) {
    const first = rows[0] as Row;
    const looksLikeHeader = !first.cells.some(isDateCell);
    const headers = looksLikeHeader ? first.cells : first.cells.map((_, i) => `Column ${i + 1}`);
    const sample = rows.slice(looksLikeHeader ? 1 : 0, (looksLikeHeader ? 1 : 0) + 5).map((r) => r.cells);
    return {
      transactions: [],
      errors: [
        {
          message:
            'The columns of this CSV were not recognised. Choose which columns hold the date, the amount and the description.',
        },
      ],
      needsMapping: { headers, sample },
    };
  }
  const result = rowsToTransactions(rows, detected.mapping, detected.headerIndex, limits);
  if (result.transactions.length === 0 && result.errors.length === 0)
    result.errors.push({ message: 'No transactions were found in this file.' });
  return { layout: detected.layout, ...result };
}
