import { compareCarMethods, type CarComparison } from './calc/car';
import { marginalRateOnScale, partYearThresholdTwelfths } from './calc/tax-scale';
import { compareWorkFromHomeMethods as compareWfh, type WorkFromHomeComparison } from './calc/wfh';
import type { IncomeYear } from './income-year';
import type { CarInput, ResidencyInput, WorkFromHomeInput } from './input.types';
import { rateToNumber, type Cents, type Rate } from './money';
import { provisionalFigures, rulesFor, type ProvisionalFigure } from './rules/rules';
import type { Bracket, StudyLoanSchedule } from './rules/rule.types';

/** Working-from-home methods for an income year compared: the better method and why. */
export function compareWorkFromHome(year: IncomeYear, input: WorkFromHomeInput): WorkFromHomeComparison {
  return compareWfh(input, rulesFor(year).workFromHome.value);
}

/** Car expense methods for one car compared (cents per km at the year's rate, capped; logbook). */
export function compareCar(year: IncomeYear, car: CarInput): CarComparison {
  const rules = rulesFor(year);
  return compareCarMethods(car, rules.carCentsPerKm.value, rules.carKilometreCap.value);
}

export interface MarginalRate {
  /** Exact rate of income tax on the last dollar (scale only). */
  readonly rate: Rate;
  /** The same as a percentage, for display. */
  readonly percent: number;
  /** Including the Medicare levy on the last dollar for a single resident: 10% in the phase-in range, else 2% (display only). */
  readonly percentWithMedicare: number;
}

/**
 * The marginal rate of income tax at a taxable income for a residency (scale only; offsets and
 * levies' phase-ins are not included). For a working holiday maker, the WHM scale is used.
 */
export function marginalRate(
  year: IncomeYear,
  taxableIncome: Cents,
  residency: ResidencyInput['kind'] = 'resident',
): MarginalRate {
  const rules = rulesFor(year);
  const scale =
    residency === 'foreign-resident'
      ? rules.foreignScale.value
      : residency === 'working-holiday-maker'
        ? rules.workingHolidayScale.value
        : rules.residentScale.value;
  const rate = marginalRateOnScale(taxableIncome, scale);
  const percent = rateToNumber(rate) * 100;
  const resident = residency === 'resident' || residency === 'part-year-resident';
  // Medicare on the last dollar: nil up to the low-income threshold, 10% in the phase-in range, then 2%.
  let medicare = 0;
  if (resident) {
    const threshold = rules.medicareLowIncome.value.single * 100;
    const levy = rules.medicareLevy.value;
    if (taxableIncome > threshold) {
      const shadeIn =
        (taxableIncome - threshold) * levy.shadeInRate.num * levy.rate.den <
        taxableIncome * levy.rate.num * levy.shadeInRate.den;
      medicare = rateToNumber(shadeIn ? levy.shadeInRate : levy.rate) * 100;
    }
  }
  return { rate, percent, percentWithMedicare: percent + medicare };
}

export interface RulesSummary {
  readonly incomeYear: IncomeYear;
  readonly residentRates: readonly { readonly fromDollars: number; readonly percent: number }[];
  readonly foreignResidentRates: readonly { readonly fromDollars: number; readonly percent: number }[];
  readonly workingHolidayRates: readonly { readonly fromDollars: number; readonly percent: number }[];
  readonly taxFreeThresholdDollars: number;
  /** Part-year threshold for 1 to 11 months resident, in cents (exact to the cent, rounded half-up). */
  readonly partYearThresholdCents: readonly number[];
  readonly litoMaximumDollars: number;
  readonly lmitoMaximumDollars: number | null;
  readonly medicareLevyPercent: number;
  readonly medicareLowIncomeThresholds: {
    readonly single: number;
    readonly singleSapto: number;
    readonly family: number;
    readonly familySapto: number;
    readonly perDependentChild: number;
  };
  readonly mlsSingleThresholdsDollars: readonly [number, number, number];
  readonly studyLoan: StudyLoanSchedule;
  readonly carCentsPerKm: number;
  readonly carKilometreCap: number;
  readonly workFromHomeCentsPerHour: number;
  readonly workFromHomeShortcutCentsPerHour: number | null;
  readonly provisional: readonly ProvisionalFigure[];
}

const rates = (scale: readonly Bracket[]) =>
  scale.map((b) => ({ fromDollars: b.from, percent: rateToNumber(b.rate) * 100 }));

/** Headline figures of an income year's rules for display (rates as percentages, thresholds in dollars). */
export function rulesSummary(year: IncomeYear): RulesSummary {
  const r = rulesFor(year);
  const partYear: number[] = [];
  for (let m = 1; m <= 11; m++) {
    partYear.push(
      Math.round(
        partYearThresholdTwelfths(r.taxFreeThreshold.value, r.partYearProratedPortion.value, m) / 12,
      ),
    );
  }
  return {
    incomeYear: year,
    residentRates: rates(r.residentScale.value),
    foreignResidentRates: rates(r.foreignScale.value),
    workingHolidayRates: rates(r.workingHolidayScale.value),
    taxFreeThresholdDollars: r.taxFreeThreshold.value,
    partYearThresholdCents: partYear,
    litoMaximumDollars: r.lito.value.maximum,
    lmitoMaximumDollars: r.lmito.value
      ? r.lmito.value.maximum + (r.lmito.value.additional?.amount ?? 0)
      : null,
    medicareLevyPercent: rateToNumber(r.medicareLevy.value.rate) * 100,
    medicareLowIncomeThresholds: r.medicareLowIncome.value,
    mlsSingleThresholdsDollars: [
      r.mlsThresholds.value.singleTier1,
      r.mlsThresholds.value.singleTier2,
      r.mlsThresholds.value.singleTier3,
    ],
    studyLoan: r.studyLoan.value,
    carCentsPerKm: r.carCentsPerKm.value,
    carKilometreCap: r.carKilometreCap.value,
    workFromHomeCentsPerHour: r.workFromHome.value.fixedRateCentsPerHour,
    workFromHomeShortcutCentsPerHour: r.workFromHome.value.shortcutCentsPerHour,
    provisional: provisionalFigures(r),
  };
}
