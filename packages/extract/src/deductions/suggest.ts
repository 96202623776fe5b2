import type { ParsedTransaction } from '../bank/types';
import { normaliseDescription } from '../fingerprint';
import { formatCents } from '../text/money';
import { DEFAULT_DEDUCTION_RULES } from './rules';
import type { DeductionCategory, DeductionRule } from './rules';

export interface Suggestion {
  /** Index of the transaction in the input array. */
  transactionIndex: number;
  category: DeductionCategory;
  /** Deduction label on the return, e.g. "D5". */
  dLabel: string;
  /** 0..1. */
  confidence: number;
  /** Plain English, naming the matched merchant or keyword. */
  reason: string;
  /** What records the ATO expects for this kind of claim. */
  evidenceHint: string;
  ruleId: string;
  /** The amount of the debit, as a positive number of cents. */
  amountCents: number;
}

function phraseRegex(phrase: string): RegExp {
  const body = normaliseDescription(phrase)
    .split(' ')
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join(' ');
  return new RegExp(`(?:^| )${body}(?= |$)`);
}

interface CompiledRule {
  rule: DeductionRule;
  merchants: { phrase: string; re: RegExp }[];
  keywords: { phrase: string; re: RegExp }[];
  exclude: RegExp[];
}

const compiledCache = new WeakMap<readonly DeductionRule[], CompiledRule[]>();

function compile(rules: readonly DeductionRule[]): CompiledRule[] {
  const cached = compiledCache.get(rules);
  if (cached) return cached;
  const compiled = rules.map((rule) => ({
    rule,
    merchants: (rule.merchants ?? []).map((phrase) => ({ phrase, re: phraseRegex(phrase) })),
    keywords: (rule.keywords ?? []).map((phrase) => ({ phrase, re: phraseRegex(phrase) })),
    exclude: (rule.exclude ?? []).map(phraseRegex),
  }));
  compiledCache.set(rules, compiled);
  return compiled;
}

/**
 * Proposes possible deductions among debits (money out). Each suggestion names the merchant or
 * keyword that matched and the records the ATO expects. At most one suggestion per transaction
 * (the most confident). Credits, refunds and zero amounts are never suggested.
 */
export function suggestDeductions(
  transactions: readonly Pick<ParsedTransaction, 'amountCents' | 'description' | 'payee'>[],
  rules: readonly DeductionRule[] = DEFAULT_DEDUCTION_RULES,
): Suggestion[] {
  const compiled = compile(rules);
  const out: Suggestion[] = [];
  transactions.forEach((tx, index) => {
    if (!(tx.amountCents < 0)) return;
    const amount = -tx.amountCents;
    const text = normaliseDescription(`${tx.description} ${tx.payee ?? ''}`);
    let best: Suggestion | undefined;
    for (const c of compiled) {
      const { rule } = c;
      if (rule.minAmountCents !== undefined && amount < rule.minAmountCents) continue;
      if (c.exclude.some((re) => re.test(text))) continue;
      const merchant = c.merchants.find((m) => m.re.test(text));
      const keyword = merchant ? undefined : c.keywords.find((k) => k.re.test(text));
      const hit = merchant ?? keyword;
      if (!hit) continue;
      const confidence = Math.round(rule.confidence * (merchant ? 1 : 0.85) * 100) / 100;
      if (best && best.confidence >= confidence) continue;
      best = {
        transactionIndex: index,
        category: rule.category,
        dLabel: rule.dLabel,
        confidence,
        reason: `${merchant ? 'The merchant' : 'The description'} "${hit.phrase}" suggests ${describe(rule.category)} (${formatCents(amount)}). Confirm it was for work before claiming.`,
        evidenceHint: rule.evidenceHint,
        ruleId: rule.id,
        amountCents: amount,
      };
    }
    if (best) out.push(best);
  });
  return out;
}

const DESCRIPTIONS: Readonly<Record<DeductionCategory, string>> = {
  'work-related-tools': 'work tools or equipment',
  'work-related-clothing': 'work clothing or its cleaning',
  'self-education': 'self-education related to your current job',
  'phone-internet': 'a phone or internet bill (work-use share only)',
  'home-office': 'home office equipment or supplies',
  'professional-subscriptions': 'a professional membership or registration',
  'union-fees': 'union fees',
  donation: 'a gift to a charity (deductible if it is a DGR and the gift is $2 or more)',
  'tax-agent-fees': 'a tax agent’s fee',
  'income-protection': 'income protection insurance',
};

function describe(category: DeductionCategory): string {
  return DESCRIPTIONS[category];
}
