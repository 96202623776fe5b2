import { centsPerDollar, percent } from '../money';
import type { RuleValues, StudyLoanBand } from './rule.types';
import { SOURCES } from './sources';

/**
 * The base year: every rule value for 2020-21. Later years override only what changed
 * (see year-overrides.ts). Whole-dollar thresholds; rates as exact rationals.
 */

const p = percent;

/** Builds whole-income study-loan bands: rates 1%, 2%, 2.5%, 3%, … 10% at the given thresholds. */
export function wholeIncomeBands(thresholds: readonly number[]): StudyLoanBand[] {
  const rates = [
    '1',
    '2',
    '2.5',
    '3',
    '3.5',
    '4',
    '4.5',
    '5',
    '5.5',
    '6',
    '6.5',
    '7',
    '7.5',
    '8',
    '8.5',
    '9',
    '9.5',
    '10',
  ];
  if (thresholds.length !== rates.length) throw new Error('study-loan table needs 18 thresholds');
  return thresholds.map((from, i) => ({ from, rate: p(rates[i] ?? '0') }));
}

export const BASE_2020_21: RuleValues = {
  residentScale: {
    value: [
      { from: 0, rate: p('0') },
      { from: 18_200, rate: p('19') },
      { from: 45_000, rate: p('32.5') },
      { from: 120_000, rate: p('37') },
      { from: 180_000, rate: p('45') },
    ],
    source: SOURCES.act92of2020,
    note: 'Thresholds backdated to 1 July 2020 by Act 92 of 2020 (stale tables still show 37,000 and 90,000).',
  },
  taxFreeThreshold: { value: 18_200, source: SOURCES.itraSch7 },
  partYearProratedPortion: {
    value: 4_736,
    source: SOURCES.itraS20,
    note: 'Part-year threshold = $13,464 + $4,736 × months resident / 12 (ATO: Part-year tax-free threshold).',
  },
  foreignScale: {
    value: [
      { from: 0, rate: p('32.5') },
      { from: 120_000, rate: p('37') },
      { from: 180_000, rate: p('45') },
    ],
    source: SOURCES.itraSch7,
  },
  workingHolidayScale: {
    value: [
      { from: 0, rate: p('15') },
      { from: 45_000, rate: p('32.5') },
      { from: 120_000, rate: p('37') },
      { from: 180_000, rate: p('45') },
    ],
    source: SOURCES.itraSch7PtIII,
  },
  lito: {
    value: {
      maximum: 700,
      firstTaperFrom: 37_500,
      firstTaperRate: p('5'),
      secondTaperFrom: 45_000,
      secondTaperRate: p('1.5'),
    },
    source: SOURCES.lito,
  },
  lmito: {
    value: {
      base: 255,
      phaseInFrom: 37_000,
      phaseInRate: p('7.5'),
      maximum: 1_080,
      phaseOutFrom: 90_000,
      phaseOutRate: p('3'),
      additional: null,
    },
    source: SOURCES.lmito,
  },
  sapto: {
    value: {
      single: { maximum: 2_230, shadeOutFrom: 32_279, cutOut: 50_119 },
      couple: { maximum: 1_602, shadeOutFrom: 28_974, cutOut: 41_790 },
      illnessSeparatedCouple: { maximum: 2_040, shadeOutFrom: 31_279, cutOut: 47_599 },
      taperRate: p('12.5'),
    },
    source: SOURCES.sapto,
  },
  medicareLevy: { value: { rate: p('2'), shadeInRate: p('10') }, source: SOURCES.medicareLevyRate },
  medicareLowIncome: {
    value: {
      single: 23_226,
      singleSapto: 36_705,
      family: 39_167,
      familySapto: 51_094,
      perDependentChild: 3_597,
    },
    source: SOURCES.atoMedicareLowIncome,
  },
  mlsThresholds: {
    value: {
      singleTier1: 90_000,
      singleTier2: 105_000,
      singleTier3: 140_000,
      familyIncreasePerChildAfterFirst: 1_500,
    },
    source: SOURCES.atoMls,
  },
  mlsRates: { value: [p('1'), p('1.25'), p('1.5')], source: SOURCES.mlsSingle },
  phiRebate: {
    value: {
      julyToMarch: {
        under65: [p('25.059'), p('16.706'), p('8.352')],
        age65to69: [p('29.236'), p('20.883'), p('12.529')],
        age70plus: [p('33.413'), p('25.059'), p('16.706')],
      },
      aprilToJune: {
        under65: [p('24.608'), p('16.405'), p('8.202')],
        age65to69: [p('28.710'), p('20.507'), p('12.303')],
        age70plus: [p('32.812'), p('24.608'), p('16.405')],
      },
    },
    source: SOURCES.atoPhi,
    note: 'The 1 April 2020 adjustment was deferred to 1 April 2021 (rebate adjustment factor 0.982).',
  },
  studyLoan: {
    value: {
      kind: 'whole-income',
      minimumRepaymentIncome: 46_620,
      bands: wholeIncomeBands([
        46_620, 53_827, 57_056, 60_480, 64_109, 67_955, 72_032, 76_355, 80_936, 85_793, 90_940, 96_397,
        102_180, 108_310, 114_708, 121_699, 129_000, 136_740,
      ]),
    },
    source: SOURCES.gazette2020,
    note: 'The 8.5% threshold is published as 114,708; indexing the 2019-20 amount gives 114,810. The published figure is used.',
  },
  carCentsPerKm: { value: 72, source: SOURCES.atoCarCentsPerKm },
  carKilometreCap: { value: 5_000, source: SOURCES.carDiv28 },
  workFromHome: {
    value: { fixedRateCentsPerHour: 52, fixedRateKind: 'fixed-52c', shortcutCentsPerHour: 80 },
    source: SOURCES.pcg2020_3,
    note: '80c shortcut for 1 March 2020 to 30 June 2022 (PCG 2020/3); 52c fixed rate (PS LA 2001/6).',
  },
  selfEducationReduction: { value: 250, source: SOURCES.s82A },
  smallBusinessOffset: { value: { rate: p('13'), maximum: 1_000 }, source: SOURCES.atoSbito },
  essReduction: { value: { maximum: 1_000, incomeTest: 180_000 }, source: SOURCES.essLaw },
  fitoLimitFloor: { value: 1_000, source: SOURCES.fito },
  cgtDiscount: { value: p('50'), source: SOURCES.cgtDiscount },
  lumpSumAMaximumRate: { value: p('30'), source: SOURCES.lumpSumA },
  lumpSumBAssessablePortion: { value: p('5'), source: SOURCES.lumpSumB },
  adjustedFringeBenefitsFactor: {
    value: p('53'),
    source: SOURCES.rebateIncome,
    confidence: 'M',
    note: 'Exempt-employer (s57A) fringe benefits count at 53% (1 − 47% FBT rate); others in full.',
  },
};

/** Used by 2025-26 for the marginal study-loan schedule. */
export const STUDY_LOAN_15C = centsPerDollar(15);
export const STUDY_LOAN_17C = centsPerDollar(17);
