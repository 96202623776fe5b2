import { mulDivRound, type Cents, type Rate } from '../money';
import type { MlsThresholds } from '../rules/rule.types';

export type IncomeTier = 0 | 1 | 2 | 3;

export interface TierThresholds {
  /** Whole dollars: income above tier1 is tier 1, above tier2 tier 2, above tier3 tier 3. */
  readonly tier1: number;
  readonly tier2: number;
  readonly tier3: number;
  readonly family: boolean;
}

/**
 * The MLS and PHI rebate income thresholds for a person: singles, or families (double the singles
 * thresholds plus $1,500 for each dependent child after the first; Medicare Levy Act s3A).
 */
export function tierThresholds(t: MlsThresholds, family: boolean, dependentChildren: number): TierThresholds {
  if (!family) return { tier1: t.singleTier1, tier2: t.singleTier2, tier3: t.singleTier3, family };
  const extra = t.familyIncreasePerChildAfterFirst * Math.max(0, dependentChildren - 1);
  return {
    tier1: 2 * t.singleTier1 + extra,
    tier2: 2 * t.singleTier2 + extra,
    tier3: 2 * t.singleTier3 + extra,
    family,
  };
}

export function incomeTier(incomeCents: Cents, th: TierThresholds): IncomeTier {
  if (incomeCents > th.tier3 * 100) return 3;
  if (incomeCents > th.tier2 * 100) return 2;
  if (incomeCents > th.tier1 * 100) return 1;
  return 0;
}

export interface MlsFacts {
  readonly taxableIncome: Cents;
  readonly reportableFringeBenefits: Cents;
  /** The person's own income for MLS purposes. */
  readonly ownIncomeForSurcharge: Cents;
  readonly hasSpouse: boolean;
  readonly spouseIncomeForSurcharge: Cents;
  readonly dependentChildren: number;
  /** Days in the year the person was a resident without appropriate private hospital cover. */
  readonly daysWithoutCover: number;
  readonly daysInYear: number;
  /** Medicare levy single low-income threshold: a person with a spouse is not liable at or below it (s8D(3)(c)). */
  readonly spouseLowIncomeAmount: number;
}

export interface MlsResult {
  readonly amount: Cents;
  readonly tier: IncomeTier;
  readonly rate: Rate | null;
  readonly thresholds: TierThresholds;
  /** Income tested against the thresholds (own, or family income). */
  readonly testedIncome: Cents;
  readonly exemptAsLowIncomeSpouse: boolean;
}

/**
 * Medicare levy surcharge (Medicare Levy Act 1986 s8B–8D; A New Tax System (Medicare Levy Surcharge —
 * Fringe Benefits) Act 1999): the tier rate × (taxable income + reportable fringe benefits) × days
 * without cover / days in the year. The tier is chosen by income for MLS purposes — the person's own
 * for singles, the family's (with spouse's) against family thresholds otherwise.
 */
export function medicareLevySurcharge(
  f: MlsFacts,
  thresholds: MlsThresholds,
  rates: readonly [Rate, Rate, Rate],
): MlsResult {
  const family = f.hasSpouse || f.dependentChildren > 0;
  const th = tierThresholds(thresholds, family, f.dependentChildren);
  const testedIncome = f.ownIncomeForSurcharge + (f.hasSpouse ? f.spouseIncomeForSurcharge : 0);
  const tier = incomeTier(testedIncome, th);
  const exemptAsLowIncomeSpouse = f.hasSpouse && f.ownIncomeForSurcharge <= f.spouseLowIncomeAmount * 100;
  if (tier === 0 || f.daysWithoutCover <= 0 || exemptAsLowIncomeSpouse) {
    return {
      amount: 0,
      tier,
      rate: tier === 0 ? null : (rates[tier - 1] ?? null),
      thresholds: th,
      testedIncome,
      exemptAsLowIncomeSpouse,
    };
  }
  const rate = rates[tier - 1] ?? null;
  const amount =
    rate === null
      ? 0
      : mulDivRound(
          [f.taxableIncome + f.reportableFringeBenefits, rate.num, f.daysWithoutCover],
          [rate.den, f.daysInYear],
        );
  return { amount, tier, rate, thresholds: th, testedIncome, exemptAsLowIncomeSpouse };
}
