import { ExactSum, type Cents, type Rate } from '../money';
import type { TaxScale } from '../rules/rule.types';

/**
 * Common denominator for tax on a scale: every rate in every scale has a denominator dividing 1000
 * (32.5% = 13/40), and a part-year tax-free threshold is a whole number of twelfths of a dollar
 * ($4,736 × months / 12), so amounts are carried in twelfths of a cent.
 */
export const SCALE_DENOMINATOR = 12_000;

/** Start of bracket i in twelfths of a cent; bracket 1 starts at the (possibly pro-rated) tax-free threshold. */
function fromTwelfths(scale: TaxScale, i: number, firstThresholdTwelfths: number | undefined): number {
  if (i === 1 && firstThresholdTwelfths !== undefined) return firstThresholdTwelfths;
  return (scale[i]?.from ?? 0) * 1200;
}

/**
 * Adds (sign 1) or subtracts (sign -1) the exact tax on `incomeCents` at `scale` to `sum`
 * (denominator SCALE_DENOMINATOR). `firstThresholdTwelfths` replaces the tax-free threshold
 * (the start of the second bracket) for a part-year resident.
 */
export function addScaleTax(
  sum: ExactSum,
  incomeCents: Cents,
  scale: TaxScale,
  sign: 1 | -1 = 1,
  firstThresholdTwelfths?: number,
): ExactSum {
  const income = incomeCents * 12;
  for (let i = 0; i < scale.length; i++) {
    const b = scale[i];
    if (!b) continue;
    const from = fromTwelfths(scale, i, firstThresholdTwelfths);
    if (income <= from) break;
    const next = i + 1 < scale.length ? fromTwelfths(scale, i + 1, firstThresholdTwelfths) : Infinity;
    const portion = (next < income ? next : income) - from;
    if (portion > 0 && b.rate.num > 0) {
      // portion is in twelfths of a cent; SCALE_DENOMINATOR = 12 × 1000 absorbs the 12.
      sum.addProduct(portion, b.rate.num * (1000 / b.rate.den), sign);
    }
  }
  return sum;
}

/** Exact tax on income at a scale, rounded half-up to cents. */
export function taxOnScale(incomeCents: Cents, scale: TaxScale, firstThresholdTwelfths?: number): Cents {
  return addScaleTax(
    new ExactSum(SCALE_DENOMINATOR),
    incomeCents,
    scale,
    1,
    firstThresholdTwelfths,
  ).rounded();
}

/**
 * ITRA s20: part-year tax-free threshold = (threshold − prorated) + prorated × months / 12, in
 * twelfths of a cent. E.g. 9 months: 13,464 + 4,736 × 9 / 12 = 17,016.
 */
export function partYearThresholdTwelfths(
  taxFreeThreshold: number,
  proratedPortion: number,
  months: number,
): number {
  return (taxFreeThreshold - proratedPortion) * 100 * 12 + proratedPortion * 100 * months;
}

/** The rate applying to the last dollar of `incomeCents` (the first bracket's rate at nil income). */
export function marginalRateOnScale(
  incomeCents: Cents,
  scale: TaxScale,
  firstThresholdTwelfths?: number,
): Rate {
  let rate = scale[0]?.rate ?? { num: 0, den: 1 };
  for (let i = 0; i < scale.length; i++) {
    const b = scale[i];
    if (b && incomeCents * 12 > fromTwelfths(scale, i, firstThresholdTwelfths)) rate = b.rate;
  }
  return rate;
}
