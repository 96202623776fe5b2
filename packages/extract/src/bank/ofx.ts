// OFX 1.x (SGML: leaf elements are not closed) and OFX 2.x (XML), and Quicken's QFX (OFX with an
// <INTU.BID>). A tolerant tag scanner rather than an XML parser: it reads both dialects, never
// executes or expands anything (no DTDs, no external entities), and is linear in the input.

import { parseDate } from '../text/dates';
import { parseMoney } from '../text/money';
import { hasFormulaRisk } from '../spreadsheet';
import { tooManyErrors } from './limits';
import type { ResolvedLimits } from './limits';
import type { BankParseError, ParsedTransaction } from './types';

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#\d{1,7}|[a-z]{2,6});/gi, (m, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) {
      const cp = parseInt(body.slice(2), 16);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    if (body.startsWith('#')) {
      const cp = parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : m;
    }
    return ENTITIES[body.toLowerCase()] ?? m;
  });
}

export function parseOfxText(
  text: string,
  limits: ResolvedLimits,
): { transactions: ParsedTransaction[]; errors: BankParseError[] } {
  const errors: BankParseError[] = [];
  const start = text.search(/<OFX>/i);
  if (start < 0)
    return {
      transactions: [],
      errors: [{ message: 'This file has an OFX header but no <OFX> body; it may be truncated.' }],
    };
  const body = text.slice(start);
  const transactions: ParsedTransaction[] = [];
  const tag = /<(\/?)([A-Za-z0-9._]+)(?:\s[^>]*)?>([^<]*)/g;
  let current: Record<string, string> | undefined;
  let count = 0;
  let sawEnd = false;
  const finish = (rec: Record<string, string>): void => {
    count++;
    const date = rec.DTPOSTED ? parseDate(rec.DTPOSTED) : null;
    const amount = rec.TRNAMT !== undefined ? parseMoney(rec.TRNAMT) : null;
    if (!date || amount === null) {
      if (!tooManyErrors(errors)) {
        errors.push({
          message: `Transaction ${count}${rec.FITID ? ` (id ${rec.FITID})` : ''} has no readable ${date ? 'amount' : 'date'}.`,
        });
      }
      return;
    }
    const name = rec.NAME ?? rec['PAYEE.NAME'] ?? '';
    const memo = rec.MEMO ?? '';
    // Many Australian banks put the full text in MEMO and a truncated copy in NAME.
    const description =
      memo && name
        ? memo.toUpperCase().includes(name.toUpperCase())
          ? memo
          : `${name} ${memo}`
        : memo || name;
    const tx: ParsedTransaction = { date, amountCents: amount === 0 ? 0 : amount, description };
    if (name) tx.payee = name;
    const reference = rec.CHECKNUM ?? rec.REFNUM;
    if (reference) tx.reference = reference;
    if (rec.FITID) tx.fitId = rec.FITID;
    if (hasFormulaRisk(description) || hasFormulaRisk(name)) tx.flags = ['formula-risk'];
    transactions.push(tx);
  };
  let inPayee = false;
  for (let m = tag.exec(body); m; m = tag.exec(body)) {
    const closing = m[1] === '/';
    const name = (m[2] as string).toUpperCase();
    const value = decodeEntities((m[3] as string).trim());
    if (name === 'STMTTRN') {
      if (current) finish(current);
      current = closing ? undefined : {};
      if (!closing && count + 1 > limits.maxRows) {
        return {
          transactions: [],
          errors: [
            {
              message: `The file has more than ${limits.maxRows.toLocaleString('en-AU')} transactions, the most one import accepts.`,
            },
          ],
        };
      }
      continue;
    }
    if (name === 'OFX' && closing) sawEnd = true;
    if (name === 'PAYEE') {
      inPayee = !closing;
      continue;
    }
    if (name === 'BANKTRANLIST' && closing && current) {
      finish(current);
      current = undefined;
    }
    if (!current || closing) continue;
    if (value.length > 0) current[inPayee ? `PAYEE.${name}` : name] = value;
  }
  if (current) finish(current);
  if (!sawEnd)
    errors.push({
      message:
        'The file ends before the closing </OFX>; it may be truncated. Transactions read so far are shown.',
    });
  if (count === 0) errors.push({ message: 'No transactions were found in this OFX file.' });
  return { transactions, errors };
}
