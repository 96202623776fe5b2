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
  const parts: string[] = [];
  const income = incomeCents * 12;
  for (let i = 0; i < scale.length; i++) {
    const b = scale[i];
    if (!b) continue;
    const from = i === 1 && firstThresholdTwelfths !== undefined ? firstThresholdTwelfths : b.from * 1200;
    if (income <= from) break;
    const nextBracket = scale[i + 1];
    const nextFrom = nextBracket ? (i + 1 === 1 && firstThresholdTwelfths !== undefined ? firstThresholdTwelfths : nextBracket.from * 1200) : Infinity;
    const top = Math.min(nextFrom, income);
    const rate = b.rate.num === 0 ? 'nil' : formatRate(b.rate);
    const position = parts.length === 0 ? 'the first' : top === income ? 'the remaining' : 'the next';
    parts.push(`${rate} on ${position} ${money(top - from)}`);
  }
  if (parts.length === 0) return 'nil';
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
