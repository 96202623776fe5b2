import { formatRate, groupThousands } from '../money';
import type { RuleSet } from '../rules/rule.types';

/**
 * Rule statements that depend only on the year's rules, built once per rule set (they appear in
 * every explained assessment, so they are not rebuilt each time).
 */
interface RuleTexts {
  readonly lito: string;
  readonly lmito: string | null;
  readonly partYear: string;
  readonly essIncomeTest: string;
}

const cache = new WeakMap<RuleSet, RuleTexts>();

export function ruleTexts(rules: RuleSet): RuleTexts {
  const hit = cache.get(rules);
  if (hit) return hit;
  const l = rules.lito.value;
  const m = rules.lmito.value;
  const ess = rules.essReduction.value;
  const texts: RuleTexts = {
    lito: `$${l.maximum} to $${groupThousands(l.firstTaperFrom)}; − ${formatRate(l.firstTaperRate)} to $${groupThousands(l.secondTaperFrom)}; − ${formatRate(l.secondTaperRate)} above; limited to the tax`,
    lmito: m
      ? `$${m.base} to $${groupThousands(m.phaseInFrom)}; + ${formatRate(m.phaseInRate)} above that, to at most $${groupThousands(m.maximum)}; − ${formatRate(m.phaseOutRate)} above $${groupThousands(m.phaseOutFrom)}${
          m.additional
            ? `; + $${m.additional.amount} below $${groupThousands(m.additional.whenIncomeBelow)}`
            : ''
        }`
      : null,
    partYear: `($${groupThousands(rules.taxFreeThreshold.value)} − $${groupThousands(rules.partYearProratedPortion.value)}) + $${groupThousands(rules.partYearProratedPortion.value)} × months resident / 12`,
    essIncomeTest: `Up to $${groupThousands(ess.maximum)} off taxed-upfront discounts when taxable income after adjustments ≤ $${groupThousands(ess.incomeTest)}`,
  };
  cache.set(rules, texts);
  return texts;
}
