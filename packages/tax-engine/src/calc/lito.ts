import { ExactSum, type Cents } from '../money';
import type { LitoParams } from '../rules/rule.types';

/**
 * Low income tax offset (ITAA 1997 s61-115), residents only, before the limit of the tax it reduces:
 * $700 up to $37,500; less 5c per $1 above $37,500 to $45,000; less 1.5c per $1 above $45,000;
 * never below nil (nil from $66,667).
 */
export function litoEntitlement(taxableIncome: Cents, p: LitoParams): Cents {
  const first = p.firstTaperFrom * 100;
  const second = p.secondTaperFrom * 100;
  const sum = new ExactSum(p.firstTaperRate.den * p.secondTaperRate.den).addCents(p.maximum * 100);
  if (taxableIncome > first) sum.addRate(Math.min(taxableIncome, second) - first, p.firstTaperRate, -1);
  if (taxableIncome > second) sum.addRate(taxableIncome - second, p.secondTaperRate, -1);
  return sum.roundedNonNegative();
}
