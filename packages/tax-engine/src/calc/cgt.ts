import type { CapitalGainsInput } from '../input.types';
import { ExactSum, truncateToDollars, type Cents, type Rate } from '../money';

export interface CgtResult {
  /** Label H: total current year capital gains. */
  readonly totalGains: Cents;
  readonly currentLossesApplied: Cents;
  readonly priorLossesApplied: Cents;
  readonly discountApplied: Cents;
  /** Label A: net capital gain (whole dollars). */
  readonly netCapitalGain: Cents;
  /** Label V: net capital losses carried forward to later years. */
  readonly lossesCarriedForward: Cents;
  readonly discountAvailable: boolean;
}

/**
 * Net capital gain (ITAA 1997 s102-5 method statement):
 * 1. reduce the gains by this year's capital losses, 2. then by prior-year net capital losses —
 *    losses are applied to gains not eligible for the discount first (the choice that leaves the most
 *    discountable gain, as the ATO recommends);
 * 3. halve what remains of discountable gains (s115-100, resident individuals, assets held 12 months);
 * 4. the sum is the net capital gain. Unused losses carry forward (they never reduce other income).
 */
export function netCapitalGain(
  input: CapitalGainsInput,
  discount: Rate,
  discountAvailable: boolean,
): CgtResult {
  let discountable = 0;
  let other = 0;
  for (const g of input.gains ?? []) {
    if (g.discountEligible && discountAvailable) discountable += g.amount;
    else other += g.amount;
  }
  const totalGains = discountable + other;

  let currentLosses = input.currentYearLosses ?? 0;
  let priorLosses = input.priorYearNetLosses ?? 0;
  // Losses go against gains not eligible for the discount first, then discountable gains.
  let onOther = Math.min(currentLosses, other);
  let onDiscountable = Math.min(currentLosses - onOther, discountable);
  other -= onOther;
  discountable -= onDiscountable;
  const currentLossesApplied = onOther + onDiscountable;
  currentLosses -= currentLossesApplied;
  onOther = Math.min(priorLosses, other);
  onDiscountable = Math.min(priorLosses - onOther, discountable);
  other -= onOther;
  discountable -= onDiscountable;
  const priorLossesApplied = onOther + onDiscountable;
  priorLosses -= priorLossesApplied;

  const net = new ExactSum(discount.den)
    .addCents(other)
    .addCents(discountable)
    .addRate(discountable, discount, -1);
  const exactNet = net.toFraction();
  // Whole dollars, cents dropped (exact value floored to the cent first, then to the dollar).
  const netCents = Number(exactNet.n / exactNet.d);
  const netCapital = truncateToDollars(netCents);
  const discountApplied = other + discountable - netCents;
  return {
    totalGains,
    currentLossesApplied,
    priorLossesApplied,
    discountApplied,
    netCapitalGain: netCapital,
    lossesCarriedForward: currentLosses + priorLosses,
    discountAvailable,
  };
}
