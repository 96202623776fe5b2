import type { IncomeYear } from '../income-year';
import type { Rate } from '../money';

/** Where a figure comes from: an ATO page or a section of an Act. */
export interface SourceRef {
  readonly title: string;
  readonly url: string;
}

/**
 * H: primary source (legislation, ATO or Government page) or two independent sources agree.
 * M: a single careful secondary source. L: sources disagree or the figure is not final.
 */
export type Confidence = 'H' | 'M' | 'L';

/** A rule value with its source. Every figure the engine uses is one of these. */
export interface Sourced<T> {
  readonly value: T;
  readonly source: SourceRef;
  /** Defaults to 'H'. */
  readonly confidence?: Confidence;
  /** Set when the figure is not yet published or final for this year: the reason, in one sentence. */
  readonly provisional?: string;
  readonly note?: string;
}

/** A marginal rate applying to the part of income above `from` (whole dollars). */
export interface Bracket {
  readonly from: number;
  readonly rate: Rate;
}

/** Brackets in ascending order of `from`; the first starts at 0. */
export type TaxScale = readonly Bracket[];

export interface LitoParams {
  readonly maximum: number;
  readonly firstTaperFrom: number;
  readonly firstTaperRate: Rate;
  readonly secondTaperFrom: number;
  readonly secondTaperRate: Rate;
}

export interface LmitoParams {
  readonly base: number;
  readonly phaseInFrom: number;
  readonly phaseInRate: Rate;
  readonly maximum: number;
  readonly phaseOutFrom: number;
  readonly phaseOutRate: Rate;
  /** s61-107(1A) (2021-22 only): a flat extra amount while taxable income is below `whenIncomeBelow`. */
  readonly additional: { readonly amount: number; readonly whenIncomeBelow: number } | null;
}

export interface SaptoCategoryParams {
  readonly maximum: number;
  /** Rebate income above which the offset shades out (the "rebate threshold"). */
  readonly shadeOutFrom: number;
  /** Rebate income at which the offset is nil (informational: maximum / taper + shadeOutFrom). */
  readonly cutOut: number;
}

export interface SaptoParams {
  readonly single: SaptoCategoryParams;
  readonly couple: SaptoCategoryParams;
  readonly illnessSeparatedCouple: SaptoCategoryParams;
  readonly taperRate: Rate;
}

export interface MedicareLevyParams {
  readonly rate: Rate;
  /** Rate on income above the low-income threshold in the phase-in range (s7, s8). */
  readonly shadeInRate: Rate;
}

export interface MedicareLowIncomeThresholds {
  readonly single: number;
  readonly singleSapto: number;
  readonly family: number;
  readonly familySapto: number;
  readonly perDependentChild: number;
}

export interface MlsThresholds {
  /** Singles: income for MLS purposes above tier1 is tier 1, above tier2 tier 2, above tier3 tier 3. */
  readonly singleTier1: number;
  readonly singleTier2: number;
  readonly singleTier3: number;
  /** Family thresholds are double the singles thresholds plus this for each dependent child after the first. */
  readonly familyIncreasePerChildAfterFirst: number;
}

/** PHI rebate percentages [base tier, tier 1, tier 2]; tier 3 gets nothing. */
export type PhiTierRates = readonly [Rate, Rate, Rate];

export interface PhiRebatePeriod {
  readonly under65: PhiTierRates;
  readonly age65to69: PhiTierRates;
  readonly age70plus: PhiTierRates;
}

export interface PhiRebateParams {
  /** 1 July to 31 March (benefit codes 30, 35, 40). */
  readonly julyToMarch: PhiRebatePeriod;
  /** 1 April to 30 June (benefit codes 31, 36, 41). */
  readonly aprilToJune: PhiRebatePeriod;
}

export interface StudyLoanBand {
  /** Repayment income at or above this (whole dollars) attracts `rate`. */
  readonly from: number;
  readonly rate: Rate;
}

/**
 * Up to 2024-25: a percentage of the WHOLE repayment income, chosen by band (HESA s154-20 as it was).
 * From 2025-26: marginal amounts above the minimum, capped at a percentage of the whole income.
 */
export type StudyLoanSchedule =
  | {
      readonly kind: 'whole-income';
      /** Repayment is due only when repayment income EXCEEDS this (HESA s154-1(1)(a)). */
      readonly minimumRepaymentIncome: number;
      readonly bands: readonly StudyLoanBand[];
    }
  | {
      readonly kind: 'marginal';
      readonly minimumRepaymentIncome: number;
      /** Marginal rates on the part above each `from`. */
      readonly bands: readonly StudyLoanBand[];
      /** The repayment is the least of the marginal amount and this percentage of the whole income. */
      readonly capRate: Rate;
    };

export interface WorkFromHomeParams {
  /** Revised fixed rate (PCG 2023/1) or the old fixed rate (52c), cents per hour. */
  readonly fixedRateCentsPerHour: number;
  /** Which expenses the fixed rate covers: the old 52c method or the revised method (PCG 2023/1). */
  readonly fixedRateKind: 'fixed-52c' | 'revised-fixed';
  /** The COVID-19 shortcut (PCG 2020/3), cents per hour; null when not available. */
  readonly shortcutCentsPerHour: number | null;
}

/** Every rule value for one income year. Money thresholds are whole dollars. */
export interface RuleValues {
  readonly residentScale: Sourced<TaxScale>;
  readonly taxFreeThreshold: Sourced<number>;
  /** ITRA s20: part-year threshold = (tax-free threshold − prorated) + prorated × months / 12. */
  readonly partYearProratedPortion: Sourced<number>;
  readonly foreignScale: Sourced<TaxScale>;
  readonly workingHolidayScale: Sourced<TaxScale>;
  readonly lito: Sourced<LitoParams>;
  readonly lmito: Sourced<LmitoParams | null>;
  readonly sapto: Sourced<SaptoParams>;
  readonly medicareLevy: Sourced<MedicareLevyParams>;
  readonly medicareLowIncome: Sourced<MedicareLowIncomeThresholds>;
  readonly mlsThresholds: Sourced<MlsThresholds>;
  readonly mlsRates: Sourced<readonly [Rate, Rate, Rate]>;
  readonly phiRebate: Sourced<PhiRebateParams>;
  readonly studyLoan: Sourced<StudyLoanSchedule>;
  readonly carCentsPerKm: Sourced<number>;
  readonly carKilometreCap: Sourced<number>;
  readonly workFromHome: Sourced<WorkFromHomeParams>;
  /** ITAA36 s82A: the first $250 of self-education expenses is not deductible; null once repealed. */
  readonly selfEducationReduction: Sourced<number | null>;
  readonly smallBusinessOffset: Sourced<{ readonly rate: Rate; readonly maximum: number }>;
  readonly essReduction: Sourced<{ readonly maximum: number; readonly incomeTest: number }>;
  readonly fitoLimitFloor: Sourced<number>;
  readonly cgtDiscount: Sourced<Rate>;
  readonly lumpSumAMaximumRate: Sourced<Rate>;
  readonly lumpSumBAssessablePortion: Sourced<Rate>;
  /** Share of reportable fringe benefits from s57A-exempt employers counted in rebate income (1 − FBT rate). */
  readonly adjustedFringeBenefitsFactor: Sourced<Rate>;
}

export interface RuleSet extends RuleValues {
  readonly year: IncomeYear;
}

/** A year's changes against the previous year: only what changed. */
export type RuleOverrides = { readonly [K in keyof RuleValues]?: RuleValues[K] };
