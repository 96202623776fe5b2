import { formatCents, formatRate, formatWholeDollars, type Cents } from '../money';
import type { TaxScale } from '../rules/rule.types';

function money(twelfthsOfCent: number): string {
  if (twelfthsOfCent % 1200 === 0) return formatWholeDollars(twelfthsOfCent / 12);
  return formatCents(Math.round(twelfthsOfCent / 12));
}

/**
 * Describes how a scale applies to an income: "nil on the first $18,200, 16% on the next $26,800
 * and 30% on the remaining $40,000". Thresholds are in twelfths of a cent when pro-rated.
 */
export function describeScale(incomeCents: Cents, scale: TaxScale, firstThresholdTwelfths?: number): string {
  // Built by concatenation (no arrays): this runs for every explained assessment.
  const income = incomeCents * 12;
  let text = '';
  let parts = 0;
  let last = '';
  for (let i = 0; i < scale.length; i++) {
    const b = scale[i];
    if (!b) continue;
    const from = i === 1 && firstThresholdTwelfths !== undefined ? firstThresholdTwelfths : b.from * 1200;
    if (income <= from) break;
    const nextBracket = scale[i + 1];
    const nextFrom = nextBracket
      ? i + 1 === 1 && firstThresholdTwelfths !== undefined
        ? firstThresholdTwelfths
        : nextBracket.from * 1200
      : Infinity;
    const top = nextFrom < income ? nextFrom : income;
    const position = parts === 0 ? ' on the first ' : top === income ? ' on the remaining ' : ' on the next ';
    const part = (b.rate.num === 0 ? 'nil' : formatRate(b.rate)) + position + money(top - from);
    if (parts > 0) text += parts === 1 ? last : ', ' + last;
    last = part;
    parts++;
  }
  if (parts === 0) return 'nil';
  if (parts === 1) return last;
  return text + ' and ' + last;
}
