// QIF (Quicken Interchange Format): records of one-letter fields ending with "^".
// D date, T/U amount, P payee, M memo, N number, L category, C cleared, A address, S/E/$ splits.
// Australian banks write day-first dates ("01/07/2024", "1/07/24", "1/7'24"); US software writes
// month-first, so the order is an option (default day-first) and a file that only parses the
// other way gets an explanatory error instead of silently swapped dates.

import { parseDate } from '../text/dates';
import type { DateOrder } from '../text/dates';
import { parseMoney } from '../text/money';
import { hasFormulaRisk } from '../spreadsheet';
import { precheckLines } from './csv';
import { tooManyErrors } from './limits';
import type { ResolvedLimits } from './limits';
import type { BankParseError, ParsedTransaction } from './types';

const SUPPORTED_TYPES = /^!type:(bank|ccard|cash|oth a|oth l)\s*$/i;

export function parseQifText(
  text: string,
  limits: ResolvedLimits,
  order: DateOrder = 'dmy',
): { transactions: ParsedTransaction[]; errors: BankParseError[] } {
  // Line length only: records span several lines, and the record limit is enforced as they are read.
  const pre = precheckLines(text, { ...limits, maxRows: Number.MAX_SAFE_INTEGER }, 0);
  if (pre) return { transactions: [], errors: [pre] };
  const lines = text.split(/\r\n|\n|\r/);
  const errors: BankParseError[] = [];
  const transactions: ParsedTransaction[] = [];
  let rec: { fields: Record<string, string>; line: number } | undefined;
  let skipping = false; // inside an !Account block or an unsupported section
  let sawType = false;
  let otherOrderWorks = 0;
  let failedDates = 0;
  let overLimit = false;
  const finish = (): void => {
    if (!rec) return;
    const f = rec.fields;
    const line = rec.line;
    rec = undefined;
    if (Object.keys(f).length === 0) return;
    if (transactions.length >= limits.maxRows) {
      overLimit = true;
      return;
    }
    const rawDate = f.D ?? '';
    const date = parseDate(rawDate, order);
    const amount = parseMoney(f.T ?? f.U ?? '');
    if (!date) {
      failedDates++;
      if (parseDate(rawDate, order === 'mdy' ? 'dmy' : 'mdy')) otherOrderWorks++;
      if (!tooManyErrors(errors))
        errors.push({ line, message: `Line ${line}: "${rawDate.slice(0, 30)}" is not a date.` });
      return;
    }
    if (amount === null) {
      if (!tooManyErrors(errors)) errors.push({ line, message: `Line ${line}: no readable amount.` });
      return;
    }
    const payee = f.P ?? '';
    const memo = f.M ?? '';
    // P is the bank's description line; M is an optional memo, used when P is empty.
    const description = payee || memo;
    const tx: ParsedTransaction = { date, amountCents: amount === 0 ? 0 : amount, description };
    if (payee) tx.payee = payee;
    if (f.N) tx.reference = f.N;
    if (hasFormulaRisk(description) || hasFormulaRisk(payee)) tx.flags = ['formula-risk'];
    transactions.push(tx);
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] as string;
    const lineNo = i + 1;
    const l = raw.trimEnd();
    if (l.trim() === '') continue;
    if (l.startsWith('!')) {
      finish();
      if (/^!account/i.test(l)) skipping = true;
      else if (/^!(option|clear):/i.test(l)) continue;
      else if (/^!type:/i.test(l)) {
        sawType = true;
        skipping = !SUPPORTED_TYPES.test(l);
        if (skipping)
          errors.push({
            line: lineNo,
            message: `Section "${l.slice(0, 30)}" is not a bank or card account and was skipped.`,
          });
      }
      continue;
    }
    if (l.startsWith('^')) {
      // an !Account block ends with ^ and is followed by its !Type section
      if (!skipping) finish();
      if (overLimit) break;
      continue;
    }
    if (skipping) continue;
    const code = l[0] as string;
    const value = l.slice(1).trim();
    if (!rec) rec = { fields: {}, line: lineNo };
    // keep the first of repeated fields (splits repeat S/E/$; addresses repeat A)
    if (!(code in rec.fields)) rec.fields[code] = value;
  }
  finish();
  if (overLimit) {
    return {
      transactions: [],
      errors: [
        {
          message: `The file has more than ${limits.maxRows.toLocaleString('en-AU')} transactions, the most one import accepts. Export a shorter date range.`,
        },
      ],
    };
  }
  if (!sawType)
    errors.push({ message: 'This QIF file has no "!Type:" header; it was read as a bank account.' });
  if (failedDates > 0 && otherOrderWorks === failedDates) {
    errors.push({
      message: `The dates in this file look ${order === 'dmy' ? 'month-first (US style)' : 'day-first'}; import it again with that date order.`,
    });
  }
  if (transactions.length === 0 && errors.length === 0)
    errors.push({ message: 'No transactions were found in this QIF file.' });
  return { transactions, errors };
}
