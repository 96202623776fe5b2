import { ExactSum, type Cents } from '../money';
import type { SaptoParams, SaptoCategoryParams } from '../rules/rule.types';
import type { SaptoInput } from '../input.types';

export function saptoCategoryParams(p: SaptoParams, category: SaptoInput['category']): SaptoCategoryParams {
  switch (category) {
    case 'single':
      return p.single;
    case 'couple':
      return p.couple;
    case 'illness-separated-couple':
      return p.illnessSeparatedCouple;
  }
}

/**
 * Seniors and pensioners tax offset (ITAA 1936 s160AAAA; Regulation 2015 s11): the maximum for the
 * category, less 12.5c for each $1 of rebate income above the shade-out threshold, never below nil.
 */
export function saptoEntitlement(
  rebateIncome: Cents,
  params: SaptoParams,
  category: SaptoInput['category'],
): Cents {
  const c = saptoCategoryParams(params, category);
  const sum = new ExactSum(params.taperRate.den).addCents(c.maximum * 100);
  const shadeOut = c.shadeOutFrom * 100;
  if (rebateIncome > shadeOut) sum.addRate(rebateIncome - shadeOut, params.taperRate, -1);
  return sum.roundedNonNegative();
}
