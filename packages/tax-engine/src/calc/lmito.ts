import { ExactSum, type Cents } from '../money';
import type { LmitoParams } from '../rules/rule.types';

/**
 * Low and middle income tax offset (ITAA 1997 s61-107; 2020-21 and 2021-22 only), residents only:
 * base amount up to $37,000; plus 7.5c per $1 to the maximum at $48,000; the maximum to $90,000;
 * less 3c per $1 above $90,000, never below nil. In 2021-22, s61-107(1A) adds a flat $420 while
 * taxable income is below $126,000 (so $420.03 at $125,999 and nil at $126,000).
 */
export function lmitoEntitlement(taxableIncome: Cents, p: LmitoParams): Cents {
  const sum = new ExactSum(p.phaseInRate.den * p.phaseOutRate.den);
  const phaseInFrom = p.phaseInFrom * 100;
  const phaseOutFrom = p.phaseOutFrom * 100;
  if (taxableIncome <= phaseInFrom) {
    sum.addCents(p.base * 100);
  } else if (taxableIncome <= phaseOutFrom) {
    // base + 7.5% × (TI − 37,000), capped at the maximum.
    const phased = new ExactSum(sum.den)
      .addCents(p.base * 100)
      .addRate(taxableIncome - phaseInFrom, p.phaseInRate);
    const maxReached = phased.rounded() >= p.maximum * 100;
    if (maxReached) sum.addCents(p.maximum * 100);
    else sum.addCents(p.base * 100).addRate(taxableIncome - phaseInFrom, p.phaseInRate);
  } else {
    sum.addCents(p.maximum * 100).addRate(taxableIncome - phaseOutFrom, p.phaseOutRate, -1);
  }
  let amount = sum.roundedNonNegative();
  if (p.additional && taxableIncome < p.additional.whenIncomeBelow * 100) amount += p.additional.amount * 100;
  return amount;
}
