import type { IncomeYear } from '../income-year';
import { percent } from '../money';
import { STUDY_LOAN_15C, STUDY_LOAN_17C, wholeIncomeBands } from './base-2020-21';
import type { RuleOverrides, PhiRebatePeriod, TaxScale } from './rule.types';
import { SOURCES } from './sources';

/**
 * What changed in each income year, against the year before. Never copy a whole year: a value
 * appears here only when it differs from the previous year (a test enforces this).
 */

const p = percent;

const STAGE_3_RESIDENT: TaxScale = [
  { from: 0, rate: p('0') },
  { from: 18_200, rate: p('16') },
  { from: 45_000, rate: p('30') },
  { from: 135_000, rate: p('37') },
  { from: 190_000, rate: p('45') },
];

const RATES_APRIL_2021: PhiRebatePeriod = {
  under65: [p('24.608'), p('16.405'), p('8.202')],
  age65to69: [p('28.710'), p('20.507'), p('12.303')],
  age70plus: [p('32.812'), p('24.608'), p('16.405')],
};

const RATES_APRIL_2025: PhiRebatePeriod = {
  under65: [p('24.288'), p('16.192'), p('8.095')],
  age65to69: [p('28.337'), p('20.240'), p('12.143')],
  age70plus: [p('32.385'), p('24.288'), p('16.192')],
};

const RATES_APRIL_2026: PhiRebatePeriod = {
  under65: [p('24.118'), p('16.079'), p('8.038')],
  age65to69: [p('28.139'), p('20.098'), p('12.058')],
  age70plus: [p('32.158'), p('24.118'), p('16.079')],
};

const HS_TAX_ATO = 'hs-tax-ato (github frasertweedale/hs-tax-ato), FY2026/FY2027 tables';

export const YEAR_OVERRIDES: Readonly<Record<Exclude<IncomeYear, '2020-21'>, RuleOverrides>> = {
  '2021-22': {
    lmito: {
      value: {
        base: 255,
        phaseInFrom: 37_000,
        phaseInRate: p('7.5'),
        maximum: 1_080,
        phaseOutFrom: 90_000,
        phaseOutRate: p('3'),
        additional: { amount: 420, whenIncomeBelow: 126_000 },
      },
      source: SOURCES.lmito420,
      note: 'The s61-107(1) table plus a flat $420 while taxable income is below $126,000 (a cliff at $126,000).',
    },
    medicareLowIncome: {
      value: {
        single: 23_365,
        singleSapto: 36_925,
        family: 39_402,
        familySapto: 51_401,
        perDependentChild: 3_619,
      },
      source: SOURCES.atoMedicareFamily,
      note: 'One secondary source (fdbco.au) lists the per-child amount as 3,618; the ATO figure 3,619 is used.',
    },
    phiRebate: {
      value: { julyToMarch: RATES_APRIL_2021, aprilToJune: RATES_APRIL_2021 },
      source: SOURCES.atoPhi,
    },
    studyLoan: {
      value: {
        kind: 'whole-income',
        minimumRepaymentIncome: 47_014,
        bands: wholeIncomeBands([
          47_014, 54_283, 57_539, 60_992, 64_652, 68_530, 72_642, 77_002, 81_621, 86_519, 91_710, 97_213,
          103_046, 109_228, 115_782, 122_729, 130_093, 137_898,
        ]),
      },
      source: SOURCES.atoStudyLoan,
      confidence: 'M',
      note: '8.5% threshold: 115,782 (indexation formula and hs-tax-ato) against 115,680/115,679 in two tax-agent tables.',
    },
    smallBusinessOffset: { value: { rate: p('16'), maximum: 1_000 }, source: SOURCES.atoSbito },
  },
  '2022-23': {
    lmito: { value: null, source: SOURCES.lmito, note: 'LMITO applied for 2018-19 to 2021-22 only.' },
    medicareLowIncome: {
      value: {
        single: 24_276,
        singleSapto: 38_365,
        family: 40_939,
        familySapto: 53_406,
        perDependentChild: 3_760,
      },
      source: SOURCES.atoMedicareLowIncome,
    },
    studyLoan: {
      value: {
        kind: 'whole-income',
        minimumRepaymentIncome: 48_361,
        bands: wholeIncomeBands([
          48_361, 55_837, 59_187, 62_739, 66_503, 70_493, 74_723, 79_207, 83_959, 88_997, 94_337, 99_997,
          105_997, 112_356, 119_098, 126_244, 133_819, 141_848,
        ]),
      },
      source: SOURCES.atoStudyLoan,
    },
    carCentsPerKm: { value: 78, source: SOURCES.atoCarCentsPerKm },
    workFromHome: {
      value: { fixedRateCentsPerHour: 67, fixedRateKind: 'revised-fixed', shortcutCentsPerHour: null },
      source: SOURCES.pcg2023_1,
      note: 'Revised fixed rate from 1 July 2022; the 80c shortcut and the 52c method ended on 30 June 2022.',
    },
    selfEducationReduction: {
      value: null,
      source: SOURCES.s82A,
      note: 's82A repealed from the 2022-23 income year.',
    },
  },
  '2023-24': {
    medicareLowIncome: {
      value: {
        single: 26_000,
        singleSapto: 41_089,
        family: 43_846,
        familySapto: 57_198,
        perDependentChild: 4_027,
      },
      source: SOURCES.atoMedicareLowIncome,
    },
    mlsThresholds: {
      value: {
        singleTier1: 93_000,
        singleTier2: 108_000,
        singleTier3: 144_000,
        familyIncreasePerChildAfterFirst: 1_500,
      },
      source: SOURCES.atoMls,
    },
    studyLoan: {
      value: {
        kind: 'whole-income',
        minimumRepaymentIncome: 51_550,
        bands: wholeIncomeBands([
          51_550, 59_519, 63_090, 66_876, 70_889, 75_141, 79_650, 84_430, 89_495, 94_866, 100_558, 106_591,
          112_986, 119_765, 126_951, 134_569, 142_643, 151_201,
        ]),
      },
      source: SOURCES.atoStudyLoan,
    },
    carCentsPerKm: { value: 85, source: SOURCES.atoCarCentsPerKm },
  },
  '2024-25': {
    residentScale: { value: STAGE_3_RESIDENT, source: SOURCES.act3of2024 },
    foreignScale: {
      value: [
        { from: 0, rate: p('30') },
        { from: 135_000, rate: p('37') },
        { from: 190_000, rate: p('45') },
      ],
      source: SOURCES.act3of2024,
    },
    workingHolidayScale: {
      value: [
        { from: 0, rate: p('15') },
        { from: 45_000, rate: p('30') },
        { from: 135_000, rate: p('37') },
        { from: 190_000, rate: p('45') },
      ],
      source: SOURCES.act3of2024,
    },
    sapto: {
      value: {
        single: { maximum: 2_230, shadeOutFrom: 34_919, cutOut: 52_759 },
        couple: { maximum: 1_602, shadeOutFrom: 30_994, cutOut: 43_810 },
        illnessSeparatedCouple: { maximum: 2_040, shadeOutFrom: 33_732, cutOut: 50_052 },
        taperRate: p('12.5'),
      },
      source: SOURCES.saptoAto,
    },
    medicareLowIncome: {
      value: {
        single: 27_222,
        singleSapto: 43_020,
        family: 45_907,
        familySapto: 59_886,
        perDependentChild: 4_216,
      },
      source: SOURCES.atoMedicareLowIncome,
    },
    mlsThresholds: {
      value: {
        singleTier1: 97_000,
        singleTier2: 113_000,
        singleTier3: 151_000,
        familyIncreasePerChildAfterFirst: 1_500,
      },
      source: SOURCES.atoMls,
    },
    phiRebate: {
      value: { julyToMarch: RATES_APRIL_2021, aprilToJune: RATES_APRIL_2025 },
      source: SOURCES.phiCircular2125,
    },
    studyLoan: {
      value: {
        kind: 'whole-income',
        minimumRepaymentIncome: 54_435,
        bands: wholeIncomeBands([
          54_435, 62_851, 66_621, 70_619, 74_856, 79_347, 84_108, 89_155, 94_504, 100_175, 106_186, 112_557,
          119_310, 126_468, 134_057, 142_101, 150_627, 159_664,
        ]),
      },
      source: SOURCES.atoStudyLoan,
      note: 'hs-tax-ato lists the 7% threshold as 122,557 (a typo); the ATO figure 112,557 is used.',
    },
    carCentsPerKm: { value: 88, source: SOURCES.atoCarCentsPerKm },
    workFromHome: {
      value: { fixedRateCentsPerHour: 70, fixedRateKind: 'revised-fixed', shortcutCentsPerHour: null },
      source: SOURCES.pcg2023_1,
      note: 'PCG 2023/1 as updated: 70c per hour from 1 July 2024.',
    },
  },
  '2025-26': {
    medicareLowIncome: {
      value: {
        single: 28_011,
        singleSapto: 44_268,
        family: 47_238,
        familySapto: 61_623,
        perDependentChild: 4_338,
      },
      source: {
        title: `${HS_TAX_ATO} (Medicare thresholds from the 2026-27 Budget)`,
        url: 'https://github.com/frasertweedale/hs-tax-ato',
      },
      confidence: 'M',
      provisional:
        'The 2025-26 Medicare levy low-income thresholds come from a single secondary source and were not confirmed on an ATO page.',
    },
    mlsThresholds: {
      value: {
        singleTier1: 101_000,
        singleTier2: 118_000,
        singleTier3: 158_000,
        familyIncreasePerChildAfterFirst: 1_500,
      },
      source: SOURCES.atoMls,
    },
    phiRebate: {
      value: { julyToMarch: RATES_APRIL_2025, aprilToJune: RATES_APRIL_2026 },
      source: {
        title: `${HS_TAX_ATO} (rebate adjustment factor 0.993 from 1 April 2026)`,
        url: 'https://github.com/frasertweedale/hs-tax-ato',
      },
      confidence: 'M',
      note: '1 April 2026 percentages from a single secondary source; 1 July 2025 to 31 March 2026 from PHI circular 21/25.',
    },
    studyLoan: {
      value: {
        kind: 'marginal',
        minimumRepaymentIncome: 67_000,
        bands: [
          { from: 67_000, rate: STUDY_LOAN_15C },
          { from: 125_000, rate: STUDY_LOAN_17C },
        ],
        capRate: p('10'),
      },
      source: SOURCES.hesa154_20,
      note: 'Marginal system from 2025-26 (Act 30 of 2025): least of the marginal amount and 10% of repayment income.',
    },
  },
  '2026-27': {
    residentScale: {
      value: [
        { from: 0, rate: p('0') },
        { from: 18_200, rate: p('15') },
        { from: 45_000, rate: p('30') },
        { from: 135_000, rate: p('37') },
        { from: 190_000, rate: p('45') },
      ],
      source: SOURCES.act28of2025,
    },
    sapto: {
      value: {
        single: { maximum: 2_230, shadeOutFrom: 34_919, cutOut: 52_759 },
        couple: { maximum: 1_602, shadeOutFrom: 30_994, cutOut: 43_810 },
        illnessSeparatedCouple: { maximum: 2_040, shadeOutFrom: 33_732, cutOut: 50_052 },
        taperRate: p('12.5'),
      },
      source: SOURCES.saptoAto,
      confidence: 'L',
      provisional:
        'SAPTO thresholds for 2026-27 (with the 15% rate) are not yet published; the 2025-26 figures are used.',
    },
    medicareLowIncome: {
      value: {
        single: 28_011,
        singleSapto: 44_268,
        family: 47_238,
        familySapto: 61_623,
        perDependentChild: 4_338,
      },
      source: { title: HS_TAX_ATO, url: 'https://github.com/frasertweedale/hs-tax-ato' },
      confidence: 'L',
      provisional:
        'Medicare levy low-income thresholds for 2026-27 are not yet set; the 2025-26 figures are used.',
    },
    mlsThresholds: {
      value: {
        singleTier1: 105_000,
        singleTier2: 123_000,
        singleTier3: 164_000,
        familyIncreasePerChildAfterFirst: 1_500,
      },
      source: {
        title: `${HS_TAX_ATO} (marked not final)`,
        url: 'https://github.com/frasertweedale/hs-tax-ato',
      },
      confidence: 'L',
      provisional: 'Medicare levy surcharge and PHI rebate income thresholds for 2026-27 are not final.',
    },
    phiRebate: {
      value: { julyToMarch: RATES_APRIL_2026, aprilToJune: RATES_APRIL_2026 },
      source: { title: HS_TAX_ATO, url: 'https://github.com/frasertweedale/hs-tax-ato' },
      confidence: 'L',
      provisional:
        'The PHI rebate percentages from 1 April 2027 are not yet published; the 1 April 2026 percentages are used.',
    },
    studyLoan: {
      value: {
        kind: 'marginal',
        minimumRepaymentIncome: 69_528,
        bands: [
          { from: 69_528, rate: STUDY_LOAN_15C },
          { from: 129_717, rate: STUDY_LOAN_17C },
        ],
        capRate: p('10'),
      },
      source: {
        title: `${HS_TAX_ATO} (marked not final)`,
        url: 'https://github.com/frasertweedale/hs-tax-ato',
      },
      confidence: 'L',
      provisional: 'The 2026-27 study-loan thresholds are indexed figures not yet confirmed by the ATO.',
    },
    carCentsPerKm: {
      value: 88,
      source: SOURCES.atoCarCentsPerKm,
      confidence: 'M',
      provisional:
        'No 2026-27 cents-per-kilometre determination was found; the 88c rate stays in force until replaced.',
    },
    workFromHome: {
      value: { fixedRateCentsPerHour: 70, fixedRateKind: 'revised-fixed', shortcutCentsPerHour: null },
      source: SOURCES.pcg2023_1,
      confidence: 'M',
      provisional: 'The fixed rate for 2026-27 has not been confirmed; the 70c rate is used.',
    },
  },
};
