import {
  fracCompare,
  fracMul,
  fracMulRate,
  fracRound,
  fraction,
  roundHalfUpDiv,
  type Cents,
  type Fraction,
} from '../money';
import type { MedicareLevyParams, MedicareLowIncomeThresholds } from '../rules/rule.types';

export interface MedicareLevyFacts {
  readonly taxableIncome: Cents;
  /** Entitled to SAPTO: the SAPTO thresholds apply. */
  readonly saptoThresholds: boolean;
  /** Has a spouse or dependent children: the family reduction (s8) can apply. */
  readonly family: boolean;
  /** Spouse's taxable income (0 when there is no spouse). */
  readonly spouseTaxableIncome: Cents;
  readonly dependentChildren: number;
  readonly daysInYear: number;
  /** Days fully exempt, including days as a foreign resident. */
  readonly fullExemptionDays: number;
  readonly halfExemptionDays: number;
}

export type MedicareLevyBasis = 'nil-low-income' | 'shade-in' | 'full' | 'family-nil' | 'family-reduced';

export interface MedicareLevyResult {
  readonly amount: Cents;
  readonly basis: MedicareLevyBasis;
  /** The individual low-income threshold used (whole dollars). */
  readonly threshold: number;
  /** The family threshold used, when the family reduction was considered (whole dollars). */
  readonly familyThreshold: number | null;
  readonly familyIncome: Cents | null;
  /** True when s8 (family income) removed or reduced the levy: no compulsory study-loan repayment (HESA s154-1(2)). */
  readonly reducedUnderSection8: boolean;
  /** Share of the year liable (1 when no exemption days), for explanations. */
  readonly liableDays: number;
}

// Plain object literals (no spreads, no inner closures): this is on the hot path.
function individualResult(
  amount: Cents,
  basis: MedicareLevyBasis,
  threshold: number,
  liableDays: number,
): MedicareLevyResult {
  return {
    amount,
    basis,
    threshold,
    familyThreshold: null,
    familyIncome: null,
    reducedUnderSection8: false,
    liableDays,
  };
}

/**
 * Medicare levy (Medicare Levy Act 1986): 2% of taxable income, except
 * - s7: nil at or below the low-income threshold L; in the phase-in range the levy is 10% of (TI − L);
 * - s8: with a spouse or dependent children, nil when family income F ≤ the family threshold FT, and
 *   in the family phase-in range the levy is (TI / F) × 10% × (F − FT);
 * the least of these applies; then exemption days reduce it pro rata (half-exemption days by half).
 */
export function medicareLevy(
  f: MedicareLevyFacts,
  rates: MedicareLevyParams,
  t: MedicareLowIncomeThresholds,
): MedicareLevyResult {
  const threshold = f.saptoThresholds ? t.singleSapto : t.single;
  const ti = f.taxableIncome;
  const liableHalfDays = 2 * (f.daysInYear - f.fullExemptionDays - f.halfExemptionDays) + f.halfExemptionDays;
  const liableDays = liableHalfDays / 2;

  if (ti <= threshold * 100 || liableHalfDays <= 0)
    return individualResult(0, 'nil-low-income', threshold, liableDays);

  // Fast path (no family, no exemption days): exact comparison in safe integers.
  if (!f.family && liableHalfDays === 2 * f.daysInYear) {
    const fullNum = ti * rates.rate.num * rates.shadeInRate.den;
    const shadedNum = (ti - threshold * 100) * rates.shadeInRate.num * rates.rate.den;
    if (
      Number.isSafeInteger(fullNum) &&
      Number.isSafeInteger(shadedNum) &&
      Number.isSafeInteger(ti * rates.shadeInRate.num)
    ) {
      return shadedNum < fullNum
        ? individualResult(
            roundHalfUpDiv((ti - threshold * 100) * rates.shadeInRate.num, rates.shadeInRate.den),
            'shade-in',
            threshold,
            liableDays,
          )
        : individualResult(
            roundHalfUpDiv(ti * rates.rate.num, rates.rate.den),
            'full',
            threshold,
            liableDays,
          );
    }
  }

  // Individual: min(2% × TI, 10% × (TI − L)), as fractions of cents.
  const full: Fraction = fracMulRate(fraction(ti), rates.rate);
  const shaded: Fraction = fracMulRate(fraction(ti - threshold * 100), rates.shadeInRate);
  let levy = fracCompare(shaded, full) < 0 ? shaded : full;
  let basis: MedicareLevyBasis = levy === full ? 'full' : 'shade-in';
  let familyThreshold: number | null = null;
  let familyIncome: Cents | null = null;
  let reducedUnderSection8 = false;

  if (f.family) {
    familyThreshold =
      (f.saptoThresholds ? t.familySapto : t.family) + t.perDependentChild * f.dependentChildren;
    familyIncome = ti + f.spouseTaxableIncome;
    const ft = familyThreshold * 100;
    if (familyIncome <= ft) {
      levy = fraction(0);
      basis = 'family-nil';
      reducedUnderSection8 = true;
    } else {
      // (TI / F) × 10% × (F − FT)
      const familyLevy = fracMulRate(
        fraction(BigInt(ti) * BigInt(familyIncome - ft), familyIncome),
        rates.shadeInRate,
      );
      if (fracCompare(familyLevy, levy) < 0) {
        levy = familyLevy;
        basis = 'family-reduced';
        reducedUnderSection8 = true;
      }
    }
  }

  if (liableHalfDays !== 2 * f.daysInYear) {
    levy = fracMul(levy, fraction(liableHalfDays, 2 * f.daysInYear));
  }
  return {
    amount: fracRound(levy),
    basis,
    threshold,
    familyThreshold,
    familyIncome,
    reducedUnderSection8,
    liableDays,
  };
}
