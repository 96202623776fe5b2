import type { SelfEducationInput } from '../input.types';
import type { Cents } from '../money';

/**
 * D4 self-education. Until 2021-22, ITAA 1936 s82A made the first $250 not deductible, less any
 * category E (non-deductible) expenses; the ATO reduces category A, so the reduction never exceeds
 * the expenses. Repealed from 2022-23 (reduction null).
 */
export function selfEducationDeduction(
  input: SelfEducationInput,
  reductionDollars: number | null,
): { amount: Cents; reduction: Cents } {
  if (reductionDollars === null) return { amount: input.expenses, reduction: 0 };
  const reduction = Math.min(
    input.expenses,
    Math.max(0, reductionDollars * 100 - (input.nonDeductibleCategoryE ?? 0)),
  );
  return { amount: input.expenses - reduction, reduction };
}
