// Private health insurance statements list one row per benefit code (the rebate percentage
// changes on 1 April, and again when someone turns 65 or 70), and each row is entered separately
// on the return. Two layouts are understood: a table under the column headings, and the ATO's
// letter-labelled form ("J 1,322  K 354  L 30").

import type { Candidate, SearchContext, Token } from './engine';
import { readMoney } from './engine';
import type { FieldKey } from './fields';
import { confidenceFor, regionFor } from './norm';
import type { NormLine } from './norm';
import { BENEFIT_CODE } from './specs';

type RowKey = 'premiumsPaid' | 'rebateReceived' | 'benefitCode';
const ROW_KEYS: readonly RowKey[] = ['premiumsPaid', 'rebateReceived', 'benefitCode'];

export interface PhiRow {
  premiumsPaid?: Candidate;
  rebateReceived?: Candidate;
  benefitCode?: Candidate;
}

function candidate(
  key: FieldKey,
  line: NormLine,
  token: Token,
  base: number,
  via: string,
  row: number,
): Candidate {
  return {
    key,
    line,
    token,
    score: base * token.quality * confidenceFor(line, token.start, token.end),
    via,
    row,
  };
}

function codeTokens(line: NormLine): Token[] {
  const out: Token[] = [];
  const re = new RegExp(BENEFIT_CODE.source, 'g');
  const moneyTokens = readMoney(line, 0, line.text.length);
  for (let m = re.exec(line.scan); m; m = re.exec(line.scan)) {
    const start = m.index;
    const end = start + m[0].length;
    // a code is a bare two-digit number, not part of an amount
    if (
      moneyTokens.some(
        (t) =>
          t.start < end &&
          t.end > start &&
          (line.scan.slice(t.start, t.end).includes('.') || line.scan.slice(t.start, t.end).includes('$')),
      )
    )
      continue;
    out.push({ start, end, value: m[0], quality: 1 });
  }
  return out;
}

/** Rows from a table whose column headings name premiums, rebate and benefit code. */
function tableRows(ctx: SearchContext): PhiRow[] {
  const lines = ctx.doc.lines;
  // Column headings may wrap over up to three lines: collect the first hit of each key.
  const headers = new Map<RowKey, { line: NormLine; x: number }>();
  let lastHeaderLine = -1;
  for (const line of lines) {
    const hits = (ctx.hitsByLine.get(line.index) ?? []).filter((h) =>
      (ROW_KEYS as readonly string[]).includes(h.key),
    );
    if (hits.length === 0) continue;
    // only hits with no value right after them on the same line are column headings
    const headingHits = hits.filter((h) => {
      const rest = line.text.slice(h.end);
      return !/^\W{0,3}\$?\d/.test(rest);
    });
    if (headingHits.length === 0) continue;
    if (lastHeaderLine >= 0 && line.index - lastHeaderLine > 2) break;
    for (const h of headingHits) {
      const key = h.key as RowKey;
      if (headers.has(key)) continue;
      const r = regionFor(line, h.start, h.end);
      headers.set(key, { line, x: r.x + r.w / 2 });
    }
    lastHeaderLine = line.index;
  }
  if (headers.size < 2 || !headers.has('premiumsPaid')) return [];
  const rows: PhiRow[] = [];
  const columns = [...headers.entries()];
  for (let k = lastHeaderLine + 1; k < lines.length && k <= lastHeaderLine + 10; k++) {
    const line = lines[k] as NormLine;
    const money = readMoney(line, 0, line.text.length).filter(
      (t) => t.quality >= 0.8 || (t.value as number) > 0,
    );
    const codes = codeTokens(line);
    const row: PhiRow = {};
    const nearest = (t: Token, allowed: readonly RowKey[]): RowKey | undefined => {
      const r = regionFor(line, t.start, t.end);
      const cx = r.x + r.w / 2;
      let best: RowKey | undefined;
      let bestD = Infinity;
      for (const [key, col] of columns) {
        if (!allowed.includes(key)) continue;
        const d = Math.abs(col.x - cx);
        if (d < bestD) {
          bestD = d;
          best = key;
        }
      }
      return best;
    };
    const codeSpans = new Set(codes.map((c) => c.start));
    for (const t of money) {
      if (codeSpans.has(t.start)) continue;
      const key = nearest(t, ['premiumsPaid', 'rebateReceived']);
      if (key && !row[key]) row[key] = candidate(key, line, t, 0.97, 'table row', rows.length);
    }
    for (const t of codes) {
      if (!headers.has('benefitCode')) break;
      if (nearest(t, ROW_KEYS) !== 'benefitCode') continue;
      if (!row.benefitCode)
        row.benefitCode = candidate('benefitCode', line, t, 0.97, 'table row', rows.length);
    }
    const filled = ROW_KEYS.filter((key) => row[key]).length;
    if (row.premiumsPaid && filled >= 2) rows.push(row);
    else if (rows.length > 0) break;
  }
  return rows;
}

/** Rows from the ATO letter layout: "J <premiums>", "K <rebate>", "L <benefit code>". */
function letterRows(ctx: SearchContext): PhiRow[] {
  const js: Candidate[] = [];
  const ks: Candidate[] = [];
  const ls: Candidate[] = [];
  for (const line of ctx.doc.lines) {
    const scan = line.scan;
    const money = readMoney(line, 0, line.text.length);
    for (const m of scan.matchAll(/(?<![A-Za-z0-9])([JK])\s{0,3}(?=\$?\d)/g)) {
      const after = m.index + m[0].length;
      const t = money.find((tok) => tok.start === after);
      if (!t) continue;
      const key: RowKey = m[1] === 'J' ? 'premiumsPaid' : 'rebateReceived';
      (key === 'premiumsPaid' ? js : ks).push(candidate(key, line, t, 0.95, `letter ${m[1]}`, 0));
    }
    for (const m of scan.matchAll(/(?<![A-Za-z0-9])L\s{0,3}(30|31|35|36|40|41)(?![\d.,])/g)) {
      const start = m.index + m[0].length - (m[1] as string).length;
      ls.push(
        candidate(
          'benefitCode',
          line,
          { start, end: start + 2, value: m[1] as string, quality: 1 },
          0.95,
          'letter L',
          0,
        ),
      );
    }
  }
  const n = js.length;
  if (n === 0 || (ks.length !== n && ls.length !== n)) return [];
  const rows: PhiRow[] = [];
  for (let i = 0; i < n; i++) {
    const row: PhiRow = {};
    const j = js[i];
    const k = ks.length === n ? ks[i] : undefined;
    const l = ls.length === n ? ls[i] : undefined;
    if (j) row.premiumsPaid = { ...j, row: i };
    if (k) row.rebateReceived = { ...k, row: i };
    if (l) row.benefitCode = { ...l, row: i };
    rows.push(row);
  }
  return rows;
}

export function phiRows(ctx: SearchContext): PhiRow[] {
  const letters = letterRows(ctx);
  if (letters.length > 0) return letters;
  return tableRows(ctx);
}
