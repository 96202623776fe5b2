// Document classification by weighted wording: each type has phrases that identify it (a title
// such as "Private health insurance statement" weighs more than a column heading such as
// "Record date"). Phrases in the first lines of the first page (titles) count half as much again.
// Reasons name the phrases found so the UI can say why.

import type { DocumentLayout } from '../layout/types';
import type { DocumentType } from './fields';
import { compileLabel, matchLabel, normaliseLayout } from './norm';
import type { CompiledLabel, NormDoc } from './norm';

export interface Classification {
  type: DocumentType;
  /** 0..1. */
  confidence: number;
  /** Plain-English reasons, e.g. 'Mentions "dividend statement"'. */
  reasons: string[];
}

type Scored = Exclude<DocumentType, 'other'>;

const SIGNALS: Readonly<Record<Scored, readonly [string, number][]>> = {
  'income-statement': [
    ['income statement', 4],
    ['tax ready', 2],
    ['single touch payroll', 2],
    ['income type', 1],
    ['gross payments', 1],
    ['tax withheld', 1],
    ['reportable employer superannuation', 1],
    ['salary and wages', 1],
    ['employer', 0.5],
  ],
  'payg-payment-summary': [
    ['payment summary', 4],
    ['individual non-business', 3],
    ['period during which payments were made', 2],
    ['withholding payer number', 1.5],
    ['payer details', 1],
    ['payee details', 1],
    ['nat 0046', 2],
    ['gross payments', 1],
    ['total tax withheld', 1],
  ],
  receipt: [
    ['tax invoice', 3.5],
    ['receipt', 2],
    ['invoice', 1.5],
    ['eftpos', 1.5],
    ['order total', 1],
    ['order number', 0.5],
    ['gst', 1],
    ['subtotal', 1],
    ['qty', 1],
    ['amount due', 1],
    ['thank you', 0.5],
    ['total', 0.5],
    ['change', 0.3],
  ],
  'dividend-statement': [
    ['dividend statement', 4],
    ['dividend advice', 3],
    ['dividend', 2],
    ['franked amount', 2],
    ['unfranked amount', 2],
    ['franking credit', 1.5],
    ['record date', 1.5],
    ['per share', 1],
    ['shareholder', 1],
    ['shares held', 1],
    ['dividend reinvestment', 1],
  ],
  'distribution-statement': [
    ['attribution managed investment trust', 4],
    ['amma', 3],
    ['annual tax statement', 3],
    ['distribution statement', 3],
    ['distribution advice', 3],
    ['distribution', 1.5],
    ['unitholder', 1],
    ['units held', 1],
    ['cents per unit', 1],
    ['non-primary production', 1.5],
    ['13u', 1],
    ['13c', 1],
    ['18h', 1],
    ['18a', 1],
    ['capital gains', 1],
  ],
  'interest-summary': [
    ['interest summary', 4],
    ['annual interest', 3],
    ['interest statement', 3],
    ['interest earned', 2],
    ['total interest', 1.5],
    ['interest paid', 1],
    ['tfn withholding', 1],
    ['for tax purposes', 1],
  ],
  'bank-statement': [
    ['bank statement', 3],
    ['account statement', 2],
    ['opening balance', 2],
    ['closing balance', 2],
    ['statement period', 1.5],
    ['transaction details', 1],
    ['bsb', 1],
    ['transactions', 0.5],
    ['debit', 0.5],
    ['balance', 0.5],
  ],
  'private-health-statement': [
    ['private health insurance statement', 5],
    ['australian government rebate', 3],
    ['benefit code', 2],
    ['premiums eligible', 2],
    ['health insurer id', 2],
    ['hospital cover', 1.5],
    ['lifetime health cover', 1],
    ['membership number', 1],
  ],
};

const COMPILED: readonly { type: Scored; phrase: string; weight: number; label: CompiledLabel }[] = (
  Object.entries(SIGNALS) as [Scored, readonly [string, number][]][]
).flatMap(([type, signals]) =>
  signals.map(([phrase, weight]) => ({
    type,
    phrase,
    weight,
    label: compileLabel({ text: phrase, strength: 1 }),
  })),
);

const TITLE_LINES = 6;
const MIN_SCORE = 2.5;

export function classifyNormalised(doc: NormDoc): Classification {
  const scores = new Map<Scored, number>();
  const found = new Map<Scored, string[]>();
  const firstPage = doc.lines[0]?.page;
  for (const s of COMPILED) {
    let best = 0;
    for (const line of doc.lines) {
      if (matchLabel(line, s.label).length === 0) continue;
      const inTitle = line.page === firstPage && line.index < TITLE_LINES;
      best = Math.max(best, s.weight * (inTitle ? 1.5 : 1));
      if (inTitle) break;
    }
    if (best > 0) {
      scores.set(s.type, (scores.get(s.type) ?? 0) + best);
      found.set(s.type, [...(found.get(s.type) ?? []), s.phrase]);
    }
  }
  const ranked = [...scores.entries()].sort((a, b) => b[1] - a[1]);
  const [top, second] = ranked;
  if (!top || top[1] < MIN_SCORE) {
    const reasons = top
      ? [`Only weak signs of a known document (${(found.get(top[0]) ?? []).map((p) => `"${p}"`).join(', ')})`]
      : ['No wording of a known tax document was found'];
    return { type: 'other', confidence: round(top ? 0.5 : 0.8), reasons };
  }
  const s1 = top[1];
  const s2 = second?.[1] ?? 0;
  const strength = 1 - Math.exp(-s1 / 3);
  const margin = (s1 - s2) / s1;
  const confidence = strength * (0.55 + 0.45 * margin);
  const reasons = (found.get(top[0]) ?? []).map((p) => `Mentions "${p}"`);
  if (second && s2 > s1 * 0.6) reasons.push(`Also resembles a ${second[0].replace(/-/g, ' ')}`);
  return { type: top[0], confidence: round(confidence), reasons };
}

/** Classifies a document from its layout and explains why. */
export function classifyDocument(layout: DocumentLayout): Classification {
  return classifyNormalised(normaliseLayout(layout));
}

const round = (n: number): number => Math.round(n * 1000) / 1000;
