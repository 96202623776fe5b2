import { ExactSum, mulDivRound, type Cents, type Rate } from '../money';
import type { TaxScale } from '../rules/rule.types';
import { addScaleTax, SCALE_DENOMINATOR } from './tax-scale';

/**
 * Small business income tax offset (ITAA 1997 s328-360): the year's rate (13% in 2020-21, 16% from
 * 2021-22) of the basic income tax liability in the proportion that net small business income bears
 * to taxable income (at most all of it), capped at $1,000.
 */
export function smallBusinessOffset(
  basicTax: Cents,
  netSmallBusinessIncome: Cents,
  taxableIncome: Cents,
  rate: Rate,
  maximumDollars: number,
): Cents {
  if (netSmallBusinessIncome <= 0 || taxableIncome <= 0 || basicTax <= 0) return 0;
  const share = Math.min(netSmallBusinessIncome, taxableIncome);
  const amount = mulDivRound([basicTax, rate.num, share], [rate.den, taxableIncome]);
  return Math.min(amount, maximumDollars * 100);
}

/**
 * Lump sum A type R (ITAA 1997 Div 83): an offset so the lump sum bears tax at no more than 30%:
 * (tax on taxable income − tax on taxable income without the lump sum) − 30% × lump sum, if positive.
 */
export function lumpSumAOffset(
  taxableIncome: Cents,
  lumpSum: Cents,
  scale: TaxScale,
  maximumRate: Rate,
  firstThresholdTwelfths?: number,
): Cents {
  if (lumpSum <= 0) return 0;
  const included = Math.min(lumpSum, taxableIncome);
  const sum = new ExactSum(SCALE_DENOMINATOR);
  addScaleTax(sum, taxableIncome, scale, 1, firstThresholdTwelfths);
  addScaleTax(sum, taxableIncome - included, scale, -1, firstThresholdTwelfths);
  sum.addRate(included, maximumRate, -1);
  return sum.roundedNonNegative();
}

/**
 * Foreign income tax offset (ITAA 1997 s770-75): the foreign tax paid, limited to the greater of
 * $1,000 and the Australian tax (including Medicare levy and surcharge, disregarding offsets) that
 * the foreign income adds. Claims of $1,000 or less need no limit.
 */
export function foreignIncomeTaxOffset(
  foreignTaxPaid: Cents,
  floorDollars: number,
  taxWithForeignIncome: Cents,
  taxWithoutForeignIncome: Cents,
): { entitlement: Cents; limit: Cents | null } {
  if (foreignTaxPaid <= floorDollars * 100) return { entitlement: foreignTaxPaid, limit: null };
  const limit = Math.max(floorDollars * 100, taxWithForeignIncome - taxWithoutForeignIncome);
  return { entitlement: Math.min(foreignTaxPaid, limit), limit };
}
