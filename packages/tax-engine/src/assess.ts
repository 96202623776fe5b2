import type { Assessment, AssessResult, OffsetAmount } from './assessment.types';
import { assembleDeductions, taxableIncomeFrom } from './assemble/deductions';
import { assembleIncome, fringeBenefits } from './assemble/income';
import { litoEntitlement } from './calc/lito';
import { lmitoEntitlement } from './calc/lmito';
import { medicareLevy, type MedicareLevyResult } from './calc/medicare-levy';
import { medicareLevySurcharge, tierThresholds, incomeTier } from './calc/medicare-levy-surcharge';
import { foreignIncomeTaxOffset, lumpSumAOffset, smallBusinessOffset } from './calc/offsets-other';
import { phiRebateAdjustment } from './calc/phi-rebate';
import { partYearPeriod } from './calc/residency';
import { saptoCategoryParams, saptoEntitlement } from './calc/sapto';
import { studyLoanRepayment } from './calc/study-loan';
import {
  addScaleTax,
  marginalRateOnScale,
  partYearThresholdTwelfths,
  SCALE_DENOMINATOR,
} from './calc/tax-scale';
import { AssessmentContext } from './explain/context';
import { ruleTexts } from './explain/rule-text';
import { describeScale } from './explain/scale-text';
import { daysInIncomeYear } from './income-year';
import type { AssessOptions, TaxReturnInput } from './input.types';
import {
  ExactSum,
  formatCents,
  formatRate,
  formatWholeDollars,
  groupThousands,
  rateToNumber,
  truncateToDollars,
  type Cents,
} from './money';
import { rulesFor } from './rules/rules';
import type { RuleSet, TaxScale } from './rules/rule.types';
import { SOURCES } from './rules/sources';
import { validateReturn } from './validate';

/**
 * Assesses one income year's return. Never throws: invalid input comes back as `{ ok: false, issues }`.
 * With `explain: false` no lines are built; every number is identical either way.
 */
export function assess(input: TaxReturnInput, options: AssessOptions = {}): AssessResult {
  const issues = validateReturn(input);
  if (issues.length > 0) return { ok: false, issues };
  try {
    return { ok: true, assessment: compute(input, options.explain !== false) };
  } catch (error) {
    // Only reachable for amounts beyond exact arithmetic (validation bounds them); never a wrong number.
    return {
      ok: false,
      issues: [
        {
          path: '',
          code: 'too-large',
          message: error instanceof Error ? error.message : 'The return could not be assessed exactly.',
        },
      ],
    };
  }
}

/** Within the Medicare phase-in range (threshold to 1.25 × threshold) or 10% above it. */
function nearPhaseIn(income: Cents, threshold: Cents): boolean {
  return income * 8 <= threshold * 11; // income ≤ 1.25 × 1.1 × threshold = 1.375 × threshold
}

/** Applies non-refundable offsets in order, each limited to the tax still left (ITAA 1997 s63-10). */
class OffsetLedger {
  readonly offsets: OffsetAmount[] = [];
  constructor(public remaining: Cents) {}

  apply(id: OffsetAmount['id'], name: string, entitlement: Cents): Cents {
    const applied = Math.min(entitlement, this.remaining);
    this.remaining -= applied;
    if (entitlement > 0) this.offsets.push({ id, name, entitlement, applied, refundable: false });
    return applied;
  }
}

interface ResidencyFacts {
  /** Resident at some time in the year (tax-free threshold, LITO, SAPTO, Medicare). */
  readonly resident: boolean;
  readonly residentDays: number;
  /** Part-year tax-free threshold in twelfths of a cent, or undefined for the full threshold. */
  readonly thresholdTwelfths: number | undefined;
  readonly months: number | null;
  readonly workingHolidayMaker: boolean;
  readonly scale: TaxScale;
  readonly scaleName: string;
}

function residencyFacts(input: TaxReturnInput, rules: RuleSet, days: number): ResidencyFacts {
  const r = input.residency;
  switch (r.kind) {
    case 'resident':
      return {
        resident: true,
        residentDays: days,
        thresholdTwelfths: undefined,
        months: null,
        workingHolidayMaker: false,
        scale: rules.residentScale.value,
        scaleName: 'resident',
      };
    case 'foreign-resident':
      return {
        resident: false,
        residentDays: 0,
        thresholdTwelfths: undefined,
        months: null,
        workingHolidayMaker: false,
        scale: rules.foreignScale.value,
        scaleName: 'foreign resident',
      };
    case 'part-year-resident': {
      const period = partYearPeriod(rules.year, r);
      const thresholdTwelfths =
        period.months >= 12
          ? undefined
          : partYearThresholdTwelfths(
              rules.taxFreeThreshold.value,
              rules.partYearProratedPortion.value,
              period.months,
            );
      return {
        resident: true,
        residentDays: period.daysResident,
        thresholdTwelfths,
        months: period.months,
        workingHolidayMaker: false,
        scale: rules.residentScale.value,
        scaleName: 'resident',
      };
    }
    case 'working-holiday-maker': {
      const resident = r.taxResident === true;
      return {
        resident,
        residentDays: resident ? days : 0,
        thresholdTwelfths: undefined,
        months: null,
        workingHolidayMaker: true,
        scale: resident ? rules.residentScale.value : rules.foreignScale.value,
        scaleName: resident ? 'resident' : 'foreign resident',
      };
    }
  }
}

function compute(input: TaxReturnInput, explain: boolean): Assessment {
  const rules = rulesFor(input.incomeYear);
  const ctx = new AssessmentContext(rules, explain);
  const E = explain;
  const days = daysInIncomeYear(rules.year);
  const res = residencyFacts(input, rules, days);
  const foreignResident = !res.resident;

  // ---- Income and deductions ----------------------------------------------------------------
  const income = assembleIncome(input, ctx, { foreignResident, cgtDiscountAvailable: res.resident });
  const deductions = assembleDeductions(input, ctx);
  const tests = input.incomeTests ?? {};
  const fb = fringeBenefits(input, rules.adjustedFringeBenefitsFactor.value);
  const resc = truncateToDollars(tests.reportableEmployerSuper ?? 0);
  const nfil = truncateToDollars(tests.netFinancialInvestmentLoss ?? 0);
  const exemptForeignEmployment = truncateToDollars(tests.exemptForeignEmploymentIncome ?? 0);

  let ti = taxableIncomeFrom(income.total, deductions);
  // ESS $1,000 reduction (s83A-35): taxable income after adjustments of $180,000 or less.
  let essReduction = 0;
  if (income.essEligibleForReduction > 0) {
    const adjusted =
      ti.taxableIncome + fb.total + resc + nfil + income.netRentalLoss + ti.personalSuperApplied;
    const p = rules.essReduction.value;
    if (adjusted <= p.incomeTest * 100) {
      essReduction = Math.min(p.maximum * 100, income.essEligibleForReduction);
      ti = taxableIncomeFrom(income.total - essReduction, deductions);
    }
    if (E) {
      ctx.line(
        'income.essReduction',
        'Employee share scheme reduction',
        -essReduction,
        ruleTexts(rules).essIncomeTest,
        { adjustedTaxableIncomeCents: adjusted, eligibleDiscountCents: income.essEligibleForReduction },
        essReduction > 0
          ? `Your taxable income after adjustments (${formatCents(adjusted)}) is $180,000 or less, so ${formatCents(essReduction)} of your eligible share discount is not taxed.`
          : `Your taxable income after adjustments (${formatCents(adjusted)}) is over $180,000, so the $1,000 reduction does not apply.`,
        rules.essReduction.source,
      );
    }
  }
  const taxableIncome = ti.taxableIncome;
  const reportableSuper = resc + ti.personalSuperApplied;

  if (E) {
    if (ti.giftsApplied < deductions.gifts || ti.personalSuperApplied < deductions.personalSuper) {
      ctx.line(
        'deduction.limited',
        'Gifts and personal super limited',
        deductions.gifts + deductions.personalSuper - ti.giftsApplied - ti.personalSuperApplied,
        's26-55: gifts and personal super contributions cannot create or increase a loss',
        {
          giftsCents: deductions.gifts,
          giftsAppliedCents: ti.giftsApplied,
          personalSuperCents: deductions.personalSuper,
          personalSuperAppliedCents: ti.personalSuperApplied,
        },
        'Gifts and personal super contributions can only be deducted up to your income left after other deductions.',
        SOURCES.s26_55,
      );
    }
    if (deductions.gifts > 0)
      ctx.line(
        'deduction.D9',
        'D9 Gifts or donations',
        ti.giftsApplied,
        'D9, whole dollars, limited to income after other deductions',
        { claimedCents: deductions.gifts },
        `Your gifts of ${formatCents(deductions.gifts)} to deductible gift recipients reduce your income by ${formatCents(ti.giftsApplied)}.`,
        SOURCES.s26_55,
      );
    if (deductions.personalSuper > 0)
      ctx.line(
        'deduction.D12',
        'D12 Personal superannuation contributions',
        ti.personalSuperApplied,
        'D12, whole dollars, limited to income after other deductions',
        { claimedCents: deductions.personalSuper },
        `Your personal super contributions you notified your fund about reduce your income by ${formatCents(ti.personalSuperApplied)}.`,
        SOURCES.s26_55,
      );
    if (deductions.priorYearLosses > 0)
      ctx.line(
        'deduction.L1',
        'L1 Tax losses of earlier income years',
        ti.priorLossesApplied,
        'L1: deducted after all other deductions, limited to the income left',
        { availableCents: deductions.priorYearLosses },
        `${formatCents(ti.priorLossesApplied)} of your earlier years’ tax losses is used this year.`,
        SOURCES.div36,
      );
    ctx.line(
      'income.total',
      'Total income or loss',
      ti.totalIncome,
      'Sum of income items, whole dollars',
      { totalIncomeCents: income.total - essReduction },
      `Your income from all sources adds up to ${formatCents(ti.totalIncome)}.`,
      SOURCES.taaRounding,
    );
    ctx.line(
      'deduction.total',
      'Total deductions',
      ti.totalDeductions,
      'Sum of D1–D15 as allowed',
      {},
      `Your deductions add up to ${formatCents(ti.totalDeductions)}.`,
      SOURCES.taaRounding,
    );
    ctx.line(
      'taxableIncome',
      'Taxable income',
      taxableIncome,
      'Total income − deductions − prior-year losses, whole dollars, not below nil',
      {
        totalIncomeCents: ti.totalIncome,
        totalDeductionsCents: ti.totalDeductions,
        priorLossesAppliedCents: ti.priorLossesApplied,
      },
      ti.taxLossesCarriedForward > 0
        ? `Your deductions exceed your income, so your taxable income is nil and ${formatCents(ti.taxLossesCarriedForward)} of tax losses carry forward.`
        : `Your taxable income is ${formatWholeDollars(taxableIncome)}: total income less deductions, with cents dropped.`,
      SOURCES.taaRounding,
    );
  }

  // ---- Income tests -----------------------------------------------------------------------
  const netInvestmentLoss = nfil + income.netRentalLoss;
  const rebateIncome = taxableIncome + fb.adjusted + netInvestmentLoss + reportableSuper;
  // Exempt foreign employment income counts for MLS purposes only when taxable income is $1 or more.
  const incomeForSurcharge =
    taxableIncome +
    fb.total +
    netInvestmentLoss +
    reportableSuper +
    (taxableIncome > 0 ? exemptForeignEmployment : 0);
  const repaymentIncome =
    taxableIncome + fb.total + netInvestmentLoss + reportableSuper + exemptForeignEmployment;
  if (tests.netFinancialInvestmentLoss === undefined && deductions.interestAndDividend > 0) {
    ctx.ask(
      'incomeTests.netFinancialInvestmentLoss',
      'Did your share or managed-fund investments make a net loss (deductions more than income)?',
      'A net investment loss is added back for the Medicare levy surcharge, SAPTO and study-loan income tests.',
    );
  }

  // ---- Tax on taxable income --------------------------------------------------------------
  ctx.use('residentScale');
  const taxSum = new ExactSum(SCALE_DENOMINATOR);
  let whti = 0;
  if (res.workingHolidayMaker) {
    const given =
      input.residency.kind === 'working-holiday-maker' ? input.residency.workingHolidayNetIncome : undefined;
    if (given === undefined) {
      whti = taxableIncome;
      if (taxableIncome > 0) {
        ctx.ask(
          'residency.workingHolidayNetIncome',
          'How much of your income (less related deductions) did you earn while on your 417 or 462 visa?',
          'Working holiday income is taxed at 15% first; other income at the ordinary rates. All of it is treated as working holiday income until you answer.',
        );
      }
    } else {
      whti = Math.min(truncateToDollars(given), taxableIncome);
    }
    addScaleTax(taxSum, whti, rules.workingHolidayScale.value);
    addScaleTax(taxSum, taxableIncome, res.scale);
    addScaleTax(taxSum, whti, res.scale, -1);
  } else {
    addScaleTax(taxSum, taxableIncome, res.scale, 1, res.thresholdTwelfths);
  }
  const basicTax = taxSum.rounded();
  const marginal =
    res.workingHolidayMaker && whti >= taxableIncome
      ? marginalRateOnScale(taxableIncome, rules.workingHolidayScale.value)
      : marginalRateOnScale(taxableIncome, res.scale, res.thresholdTwelfths);

  if (E) {
    if (res.thresholdTwelfths !== undefined && res.months !== null) {
      ctx.line(
        'tax.partYearThreshold',
        'Part-year tax-free threshold',
        Math.round(res.thresholdTwelfths / 12),
        ruleTexts(rules).partYear,
        { monthsResident: res.months, daysResident: res.residentDays },
        `You were a resident for ${res.months} month${res.months === 1 ? '' : 's'} of the year, so your tax-free threshold is ${formatCents(Math.round(res.thresholdTwelfths / 12))} instead of ${formatWholeDollars(rules.taxFreeThreshold.value * 100)}.`,
        SOURCES.itraS20,
      );
    }
    if (res.workingHolidayMaker) {
      const whTax = addScaleTax(
        new ExactSum(SCALE_DENOMINATOR),
        whti,
        rules.workingHolidayScale.value,
      ).rounded();
      ctx.line(
        'tax.workingHoliday',
        'Tax on working holiday taxable income',
        whTax,
        'ITRA Sch 7 Part III: working holiday rates on working holiday taxable income, counted as the first slice',
        { workingHolidayIncomeCents: whti },
        `Your working holiday income of ${formatWholeDollars(whti)} is taxed at the working holiday maker rates: ${describeScale(whti, rules.workingHolidayScale.value)}.`,
        rules.workingHolidayScale.source,
      );
      ctx.line(
        'tax.otherIncome',
        'Tax on other taxable income',
        basicTax - whTax,
        `Rates for ${res.scaleName}s on taxable income above the working holiday slice`,
        { otherIncomeCents: taxableIncome - whti },
        whti >= taxableIncome
          ? 'All your taxable income is working holiday income.'
          : `Your other income of ${formatWholeDollars(taxableIncome - whti)} is taxed at the ${res.scaleName} rates from ${formatWholeDollars(whti)} upward.`,
        res.scaleName === 'resident' ? rules.residentScale.source : rules.foreignScale.source,
      );
    }
    ctx.line(
      'tax.onTaxableIncome',
      'Tax on taxable income',
      basicTax,
      res.workingHolidayMaker
        ? 'Working holiday rates on the first slice + ordinary rates on the rest'
        : `${rules.year} ${res.scaleName} tax rates`,
      { taxableIncomeCents: taxableIncome, marginalRatePercent: rateToNumber(marginal) * 100 },
      res.workingHolidayMaker
        ? `Your tax before offsets is ${formatCents(basicTax)}.`
        : `Tax on ${formatWholeDollars(taxableIncome)} at the ${rules.year} ${res.scaleName} rates is ${formatCents(basicTax)}: ${describeScale(taxableIncome, res.scale, res.thresholdTwelfths)}.`,
      res.scaleName === 'resident' ? rules.residentScale.source : rules.foreignScale.source,
    );
  }

  // ---- Non-refundable offsets against basic tax (ITAA 1997 s63-10) --------------------------
  const ledger = new OffsetLedger(basicTax);
  const offsets = ledger.offsets;

  // SAPTO
  let saptoEntitled = false;
  const sapto = input.sapto;
  if (sapto && sapto.eligible && res.resident) {
    ctx.use('sapto');
    const params = rules.sapto.value;
    const category = saptoCategoryParams(params, sapto.category);
    let entitlement = saptoEntitlement(rebateIncome, params, sapto.category);
    let combinedTooHigh = false;
    if (sapto.category !== 'single' && input.spouse) {
      const spouseRebateIncome = input.spouse.taxableIncome + (input.spouse.otherIncomeTestAmounts ?? 0);
      if (rebateIncome + spouseRebateIncome >= 2 * category.cutOut * 100) {
        combinedTooHigh = true;
        entitlement = 0;
      }
    }
    saptoEntitled = entitlement > 0;
    const applied = ledger.apply('sapto', 'Seniors and pensioners tax offset', entitlement);
    if (sapto.category !== 'single')
      ctx.caveat(
        'sapto-transfer',
        'A spouse’s unused seniors and pensioners tax offset can be transferred to you; the engine does not model the transfer.',
      );
    if (E) {
      ctx.line(
        'offset.sapto',
        'Seniors and pensioners tax offset (SAPTO)',
        applied,
        `$${groupThousands(category.maximum)} − ${formatRate(params.taperRate)} × (rebate income − $${groupThousands(category.shadeOutFrom)}), not below nil; limited to the tax`,
        {
          rebateIncomeCents: rebateIncome,
          category: sapto.category,
          entitlementCents: entitlement,
          combinedIncomeTooHigh: combinedTooHigh,
        },
        combinedTooHigh
          ? 'Your combined rebate income with your spouse is too high for SAPTO.'
          : `With rebate income of ${formatCents(rebateIncome)} you are entitled to ${formatCents(entitlement)} of SAPTO${applied < entitlement ? `, of which ${formatCents(applied)} can be used against your tax` : ''}.`,
        rules.sapto.source,
      );
    }
  } else if (sapto === undefined && res.resident && income.governmentPensions > 0) {
    ctx.ask(
      'sapto',
      'Were you of Age Pension age, or did you receive an Australian Government pension, during the year?',
      'You may be entitled to the seniors and pensioners tax offset and a higher Medicare levy threshold.',
    );
  }

  // LITO
  if (res.resident) {
    const entitlement = litoEntitlement(taxableIncome, rules.lito.value);
    const applied = ledger.apply('lito', 'Low income tax offset', entitlement);
    if (E) {
      ctx.line(
        'offset.lito',
        'Low income tax offset (LITO)',
        applied,
        ruleTexts(rules).lito,
        { taxableIncomeCents: taxableIncome, entitlementCents: entitlement },
        entitlement === 0
          ? `Your taxable income is too high for the low income tax offset.`
          : `On a taxable income of ${formatWholeDollars(taxableIncome)} the low income tax offset is ${formatCents(entitlement)}${applied < entitlement ? `; it can only reduce your tax to nil, so ${formatCents(applied)} is used` : ''}.`,
        rules.lito.source,
      );
    }
  } else if (E) {
    ctx.line(
      'offset.lito',
      'Low income tax offset (LITO)',
      0,
      'Residents only',
      {},
      'The low income tax offset is only for Australian residents.',
      rules.lito.source,
    );
  }

  // LMITO
  const lmito = rules.lmito.value;
  if (lmito && res.resident) {
    const entitlement = lmitoEntitlement(taxableIncome, lmito);
    const applied = ledger.apply('lmito', 'Low and middle income tax offset', entitlement);
    if (E) {
      ctx.line(
        'offset.lmito',
        'Low and middle income tax offset (LMITO)',
        applied,
        ruleTexts(rules).lmito ?? '',
        { taxableIncomeCents: taxableIncome, entitlementCents: entitlement },
        entitlement === 0
          ? 'Your taxable income is too high for the low and middle income tax offset.'
          : `On a taxable income of ${formatWholeDollars(taxableIncome)} the low and middle income tax offset is ${formatCents(entitlement)}${applied < entitlement ? `, of which ${formatCents(applied)} can be used` : ''}.`,
        rules.lmito.source,
      );
    }
  }

  // Small business income tax offset
  if (income.smallBusinessNetIncome > 0) {
    const p = rules.smallBusinessOffset.value;
    const entitlement = smallBusinessOffset(
      basicTax,
      income.smallBusinessNetIncome,
      taxableIncome,
      p.rate,
      p.maximum,
    );
    const applied = ledger.apply('small-business', 'Small business income tax offset', entitlement);
    if (E) {
      ctx.line(
        'offset.smallBusiness',
        'Small business income tax offset',
        applied,
        `${formatRate(p.rate)} × basic tax × net small business income / taxable income, at most $${groupThousands(p.maximum)}`,
        {
          netSmallBusinessIncomeCents: income.smallBusinessNetIncome,
          basicTaxCents: basicTax,
          taxableIncomeCents: taxableIncome,
        },
        `Because part of your income is from a small business, ${formatCents(entitlement)} (${formatRate(p.rate)} of the tax on that income, up to $1,000) comes off your tax.`,
        rules.smallBusinessOffset.source,
      );
    }
  }

  // Lump sum A type R: taxed at no more than 30%
  if (income.lumpSumA > 0 && income.lumpSumAType === 'R') {
    const entitlement = lumpSumAOffset(
      taxableIncome,
      income.lumpSumA,
      res.scale,
      rules.lumpSumAMaximumRate.value,
      res.thresholdTwelfths,
    );
    const applied = ledger.apply('lump-sum-a', 'Lump sum A offset (maximum 30%)', entitlement);
    if (E) {
      ctx.line(
        'offset.lumpSumA',
        'Lump sum A tax offset',
        applied,
        'Tax on the lump sum at your rates − 30% of the lump sum, if positive',
        { lumpSumACents: income.lumpSumA },
        entitlement > 0
          ? `Your type R lump sum is taxed at no more than 30%, so ${formatCents(entitlement)} comes off your tax.`
          : 'Your type R lump sum is already taxed at 30% or less at your rates, so no offset is needed.',
        rules.lumpSumAMaximumRate.source,
      );
    }
  }
  const remainingTax = ledger.remaining;
  const basicOffsetsApplied = basicTax - remainingTax;

  // ---- Medicare levy ----------------------------------------------------------------------
  const spouse = input.spouse;
  const hasSpouse = spouse !== undefined && spouse !== null;
  const children = input.dependants?.dependentChildren ?? 0;
  const family = hasSpouse || children > 0;
  const medicareInput = input.medicare ?? {};
  let medicare: MedicareLevyResult | null = null;
  if (res.resident) {
    medicare = medicareLevy(
      {
        taxableIncome,
        saptoThresholds: saptoEntitled,
        family,
        spouseTaxableIncome: hasSpouse ? spouse.taxableIncome : 0,
        dependentChildren: children,
        daysInYear: days,
        fullExemptionDays: Math.min(days, (medicareInput.fullExemptionDays ?? 0) + (days - res.residentDays)),
        halfExemptionDays: medicareInput.halfExemptionDays ?? 0,
      },
      rules.medicareLevy.value,
      rules.medicareLowIncome.value,
    );
    const low = rules.medicareLowIncome.value;
    const individualThreshold = (saptoEntitled ? low.singleSapto : low.single) * 100;
    // The low-income thresholds shape the levy when income is within 10% of the phase-in range.
    if (
      nearPhaseIn(taxableIncome, individualThreshold) ||
      (medicare.familyIncome !== null &&
        medicare.familyThreshold !== null &&
        nearPhaseIn(medicare.familyIncome, medicare.familyThreshold * 100))
    ) {
      ctx.use('medicareLowIncome');
    }
    if (taxableIncome > individualThreshold) {
      const familyBase = (saptoEntitled ? low.familySapto : low.family) * 100;
      // With children not yet answered, allow for up to four when deciding whether the answer could matter.
      const kids = input.dependants === undefined ? 4 : children;
      const possibleFamilyLimit = Math.floor(((familyBase + low.perDependentChild * 100 * kids) * 5) / 4);
      if (taxableIncome <= possibleFamilyLimit) {
        if (spouse === undefined)
          ctx.ask(
            'spouse',
            'Did you have a spouse (married or de facto) during the year, and what was their taxable income?',
            'With a spouse, the Medicare levy can be reduced on family income.',
          );
        if (input.dependants === undefined)
          ctx.ask(
            'dependants',
            'How many dependent children did you have?',
            'Each dependent child raises the family income threshold for the Medicare levy reduction.',
          );
      }
    }
    if (E) {
      const m = medicare;
      let text: string;
      switch (m.basis) {
        case 'nil-low-income':
          text = `Your taxable income is at or below the ${formatWholeDollars(m.threshold * 100)} low-income threshold, so no Medicare levy is payable.`;
          break;
        case 'shade-in':
          text = `Your taxable income is just above the ${formatWholeDollars(m.threshold * 100)} threshold, so the levy is phased in at 10c for each dollar over it.`;
          break;
        case 'full':
          text = 'The Medicare levy is 2% of your taxable income.';
          break;
        case 'family-nil':
          text = `Your family income of ${formatCents(m.familyIncome ?? 0)} is at or below the family threshold of ${formatWholeDollars((m.familyThreshold ?? 0) * 100)}, so no Medicare levy is payable.`;
          break;
        case 'family-reduced':
          text = `Your family income of ${formatCents(m.familyIncome ?? 0)} is just above the family threshold of ${formatWholeDollars((m.familyThreshold ?? 0) * 100)}, so your levy is reduced.`;
          break;
      }
      ctx.line(
        'levy.medicare',
        'Medicare levy',
        m.amount,
        'min(2% × TI, 10% × (TI − threshold), family: TI/F × 10% × (F − family threshold)) × liable days / days in year',
        {
          taxableIncomeCents: taxableIncome,
          thresholdCents: m.threshold * 100,
          familyThresholdCents: m.familyThreshold === null ? null : m.familyThreshold * 100,
          familyIncomeCents: m.familyIncome,
          liableDays: m.liableDays,
          daysInYear: days,
        },
        text +
          (m.liableDays < days && m.amount > 0
            ? ` It is charged for ${m.liableDays} of the ${days} days of the year.`
            : ''),
        m.basis.startsWith('family')
          ? SOURCES.medicareS8
          : m.basis === 'full'
            ? SOURCES.medicareLevyRate
            : SOURCES.medicareS7,
      );
    }
  } else if (E) {
    ctx.line(
      'levy.medicare',
      'Medicare levy',
      0,
      'Foreign residents are exempt',
      {},
      'Foreign residents do not pay the Medicare levy.',
      SOURCES.atoM1,
    );
  }
  const medicareAmount = medicare?.amount ?? 0;

  // ---- Medicare levy surcharge and private health insurance ------------------------------
  const cover = input.privateHealth?.hospitalCover;
  const coverDays = cover === 'full-year' ? days : cover === 'none' || cover === undefined ? 0 : cover.days;
  const spouseSurchargeIncome = hasSpouse ? spouse.taxableIncome + (spouse.otherIncomeTestAmounts ?? 0) : 0;
  let mlsAmount = 0;
  const statements = input.privateHealth?.statements ?? [];
  if (res.resident) {
    const daysWithoutCover = Math.max(
      0,
      res.residentDays - (medicareInput.fullExemptionDays ?? 0) - coverDays,
    );
    const mlsInputs = {
      taxableIncome,
      reportableFringeBenefits: fb.total,
      ownIncomeForSurcharge: incomeForSurcharge,
      hasSpouse,
      spouseIncomeForSurcharge: spouseSurchargeIncome,
      dependentChildren: children,
      daysWithoutCover,
      daysInYear: days,
      spouseLowIncomeAmount: rules.medicareLowIncome.value.single,
    };
    const mls = medicareLevySurcharge(mlsInputs, rules.mlsThresholds.value, rules.mlsRates.value);
    mlsAmount = mls.amount;
    const singleTier1 = rules.mlsThresholds.value.singleTier1 * 100;
    const thresholdsMatter = incomeForSurcharge > singleTier1 || mls.tier > 0;
    // The surcharge thresholds shape the result when income is within 10% below the first tier or above it.
    if (daysWithoutCover > 0 && mls.testedIncome * 10 >= mls.thresholds.tier1 * 100 * 9)
      ctx.use('mlsThresholds');
    if (cover === undefined && thresholdsMatter) {
      ctx.ask(
        'privateHealth.hospitalCover',
        'Did you have private patient hospital cover, and for how many days?',
        'Without hospital cover your income is high enough for the Medicare levy surcharge.',
      );
    }
    if (daysWithoutCover > 0 && thresholdsMatter) {
      if (spouse === undefined)
        ctx.ask(
          'spouse',
          'Did you have a spouse (married or de facto) during the year, and what was their income?',
          'With a spouse the higher family thresholds apply to the Medicare levy surcharge.',
        );
      if (input.dependants === undefined)
        ctx.ask(
          'dependants',
          'How many dependent children did you have?',
          'Dependants put you on the family thresholds for the Medicare levy surcharge.',
        );
    }
    if (E && (mlsAmount > 0 || (daysWithoutCover > 0 && thresholdsMatter))) {
      const th = mls.thresholds;
      ctx.line(
        'levy.medicareSurcharge',
        'Medicare levy surcharge',
        mlsAmount,
        `Tier rate × (taxable income + reportable fringe benefits) × days without cover / ${days}`,
        {
          incomeForSurchargeCents: mls.testedIncome,
          tier: mls.tier,
          ratePercent: mls.rate ? rateToNumber(mls.rate) * 100 : 0,
          daysWithoutCover,
          tier1ThresholdCents: th.tier1 * 100,
          family: th.family,
        },
        mls.exemptAsLowIncomeSpouse
          ? 'Your own income is below the low-income threshold, so you do not pay the surcharge even without hospital cover.'
          : mls.tier === 0
            ? `Your ${th.family ? 'family ' : ''}income for surcharge purposes (${formatCents(mls.testedIncome)}) is not above ${formatWholeDollars(th.tier1 * 100)}, so there is no surcharge.`
            : `Without private hospital cover for ${daysWithoutCover} days and ${th.family ? 'family ' : ''}income of ${formatCents(mls.testedIncome)} (tier ${mls.tier}), the surcharge is ${mls.rate ? formatRate(mls.rate) : ''} of ${formatCents(taxableIncome + fb.total)} for those days.`,
        th.family ? SOURCES.mlsFamily : SOURCES.mlsSingle,
      );
    }
  }

  let phiDifference = 0;
  if (statements.length > 0) {
    ctx.use('phiRebate');
    ctx.use('mlsThresholds');
    const th = tierThresholds(rules.mlsThresholds.value, family, children);
    const tested = incomeForSurcharge + (hasSpouse ? spouseSurchargeIncome : 0);
    const tier = incomeTier(tested, th);
    const phi = phiRebateAdjustment(statements, rules.phiRebate.value, tier);
    phiDifference = phi.difference;
    if (spouse === undefined)
      ctx.ask(
        'spouse',
        'Did you have a spouse during the year, and what was their income?',
        'Your private health insurance rebate tier depends on family income when you have a spouse.',
      );
    if (E) {
      ctx.line(
        'phi.adjustment',
        phiDifference >= 0
          ? 'Private health insurance rebate owed to you'
          : 'Excess private health insurance rebate',
        phiDifference,
        'Σ premiums × rebate % for the benefit code and income tier − rebate received',
        {
          entitlementCents: phi.entitlement,
          receivedCents: phi.received,
          tier,
          incomeForSurchargeCents: tested,
        },
        phiDifference > 0
          ? `At income tier ${tier} you were entitled to ${formatCents(phi.entitlement)} of rebate but received ${formatCents(phi.received)}, so ${formatCents(phiDifference)} is refunded to you.`
          : phiDifference < 0
            ? `At income tier ${tier} you were entitled to ${formatCents(phi.entitlement)} of rebate but received ${formatCents(phi.received)}, so ${formatCents(-phiDifference)} must be repaid.`
            : `The rebate you received (${formatCents(phi.received)}) matches your entitlement at income tier ${tier}.`,
        rules.phiRebate.source,
      );
    }
  } else if (coverDays > 0 && input.privateHealth?.statements === undefined) {
    ctx.ask(
      'privateHealth.statements',
      'What does your private health insurance statement show (premiums, rebate received, benefit codes)?',
      'The rebate you received is checked against your entitlement at your income tier.',
    );
  }

  // ---- Foreign income tax offset ----------------------------------------------------------
  let fitoApplied = 0;
  if (income.foreignTaxPaid > 0) {
    const floor = rules.fitoLimitFloor.value;
    let withTax = 0;
    let withoutTax = 0;
    if (income.foreignTaxPaid > floor * 100) {
      const reducedTi = Math.max(0, taxableIncome - income.foreignIncome);
      withTax = basicTax + medicareAmount + mlsAmount;
      withoutTax = taxAndLeviesFor(
        reducedTi,
        Math.min(whti, reducedTi),
        input,
        rules,
        res,
        saptoEntitled,
        incomeForSurcharge - (taxableIncome - reducedTi),
        fb.total,
        coverDays,
        days,
      );
    }
    const fito = foreignIncomeTaxOffset(income.foreignTaxPaid, floor, withTax, withoutTax);
    const available = remainingTax + medicareAmount + mlsAmount;
    fitoApplied = Math.min(fito.entitlement, available);
    offsets.push({
      id: 'foreign-income',
      name: 'Foreign income tax offset',
      entitlement: fito.entitlement,
      applied: fitoApplied,
      refundable: false,
    });
    if (E) {
      ctx.line(
        'offset.foreignIncome',
        'Foreign income tax offset',
        fitoApplied,
        fito.limit === null
          ? 'Foreign tax paid, when $1,000 or less'
          : 'min(foreign tax paid, max($1,000, tax with − tax without foreign income))',
        {
          foreignTaxPaidCents: income.foreignTaxPaid,
          limitCents: fito.limit,
          entitlementCents: fito.entitlement,
        },
        fito.limit === null
          ? `The ${formatCents(income.foreignTaxPaid)} of foreign tax you paid comes off your Australian tax.`
          : `Your offset is limited to ${formatCents(fito.limit)}, the Australian tax on your foreign income; ${formatCents(fitoApplied)} is used.`,
        fito.limit === null ? SOURCES.atoFito : SOURCES.fito,
      );
    }
  }
  const fitoAgainstBasic = Math.min(fitoApplied, remainingTax);
  const fitoAgainstLevies = fitoApplied - fitoAgainstBasic;
  const netIncomeTax = remainingTax - fitoAgainstBasic;
  const nonRefundableOffsets = basicOffsetsApplied + fitoApplied;

  // ---- Study and training loans ------------------------------------------------------------
  let studyLoan = 0;
  const loan = input.studyLoan;
  const schedule = rules.studyLoan.value;
  if (loan?.hasDebt) {
    ctx.use('studyLoan');
    const r = studyLoanRepayment(repaymentIncome, schedule, {
      balance: loan.balance,
      medicareReducedUnderSection8: medicare?.reducedUnderSection8 ?? false,
    });
    studyLoan = r.amount;
    if (loan.balance === undefined && r.amount > 0) {
      ctx.ask(
        'studyLoan.balance',
        'What is your study loan balance?',
        'The compulsory repayment cannot be more than what you owe.',
      );
    }
    if (foreignResident)
      ctx.caveat(
        'study-loan-worldwide-income',
        'A foreign resident with a study loan repays on worldwide income, which may be more than the income in this return.',
      );
    if (E) {
      let explanation: string;
      switch (r.method) {
        case 'below-threshold':
          explanation = `Your repayment income of ${formatCents(repaymentIncome)} is not above ${formatWholeDollars(schedule.minimumRepaymentIncome * 100)}, so no compulsory repayment is due.`;
          break;
        case 'not-liable-family-reduction':
          explanation =
            'Your Medicare levy was reduced because of your family income, so no compulsory study-loan repayment is due.';
          break;
        case 'whole-income':
          explanation = `Your repayment income of ${formatCents(repaymentIncome)} puts you on the ${r.rate ? formatRate(r.rate) : ''} rate, applied to all of it.`;
          break;
        case 'marginal':
          explanation = `You repay only on income above ${formatWholeDollars(schedule.minimumRepaymentIncome * 100)}: ${formatCents(r.calculated)} on repayment income of ${formatCents(repaymentIncome)}.`;
          break;
        case 'capped-at-10%':
          explanation = `Your repayment is 10% of your repayment income of ${formatCents(repaymentIncome)}, which is less than the marginal amount.`;
          break;
      }
      ctx.line(
        'studyLoan.repayment',
        'Compulsory study loan repayment',
        studyLoan,
        schedule.kind === 'whole-income'
          ? 'Band rate × whole repayment income (RI > minimum)'
          : 'min(15c/17c on income above the thresholds, 10% × RI)',
        {
          repaymentIncomeCents: repaymentIncome,
          calculatedCents: r.calculated,
          balanceCents: loan.balance ?? null,
          cappedAtBalance: r.cappedAtBalance,
        },
        explanation +
          (r.cappedAtBalance ? ` It is limited to your balance of ${formatCents(loan.balance ?? 0)}.` : ''),
        r.method === 'not-liable-family-reduction' ? SOURCES.hesa154_1 : rules.studyLoan.source,
      );
    }
  } else if (loan === undefined && repaymentIncome > schedule.minimumRepaymentIncome * 100) {
    ctx.ask(
      'studyLoan.hasDebt',
      'Do you have a HELP or other study and training loan?',
      'Your income is above the compulsory repayment threshold.',
    );
  }

  // ---- Refundable offsets and credits ------------------------------------------------------
  const phiOffset = phiDifference > 0 ? phiDifference : 0;
  const phiExcess = phiDifference < 0 ? -phiDifference : 0;
  if (income.frankingCredits > 0) {
    offsets.push({
      id: 'franking-credits',
      name: 'Franking credits',
      entitlement: income.frankingCredits,
      applied: income.frankingCredits,
      refundable: true,
    });
  }
  if (phiOffset > 0)
    offsets.push({
      id: 'private-health-insurance',
      name: 'Private health insurance offset',
      entitlement: phiOffset,
      applied: phiOffset,
      refundable: true,
    });
  const refundableOffsets = income.frankingCredits + phiOffset;
  const totalLiability =
    netIncomeTax + medicareAmount + mlsAmount - fitoAgainstLevies + phiExcess + studyLoan;
  const credits = input.credits ?? {};
  const creditsTotal =
    (credits.paygWithholding ?? 0) + (credits.tfnAmountsWithheld ?? 0) + (credits.paygInstalments ?? 0);
  const refund = creditsTotal + refundableOffsets - totalLiability;

  if (E) {
    if (income.frankingCredits > 0) {
      const taxBeforeFranking = totalLiability - studyLoan;
      const excess = Math.max(0, income.frankingCredits - taxBeforeFranking);
      ctx.line(
        'offset.frankingCredits',
        'Franking credits (refundable)',
        income.frankingCredits,
        'Refundable tax offset: reduces tax; any excess is refunded (ITAA 1997 s67-25)',
        { frankingCreditsCents: income.frankingCredits, excessRefundedCents: excess },
        excess > 0
          ? `Your franking credits of ${formatCents(income.frankingCredits)} pay all your tax and the ${formatCents(excess)} left over is refunded to you.`
          : `Your franking credits of ${formatCents(income.frankingCredits)} are credited against your tax.`,
        SOURCES.franking,
      );
    }
    ctx.line(
      'tax.netIncomeTax',
      'Net income tax',
      netIncomeTax,
      'Tax on taxable income − non-refundable offsets, not below nil',
      { taxOnTaxableIncomeCents: basicTax, offsetsCents: basicOffsetsApplied + fitoAgainstBasic },
      `After offsets your income tax is ${formatCents(netIncomeTax)}.`,
      SOURCES.offsetOrder,
    );
    if (creditsTotal > 0) {
      ctx.line(
        'credits.total',
        'Tax withheld and other credits',
        creditsTotal,
        'PAYG withholding + TFN amounts withheld + PAYG instalments',
        {
          paygWithholdingCents: credits.paygWithholding ?? 0,
          tfnAmountsWithheldCents: credits.tfnAmountsWithheld ?? 0,
          paygInstalmentsCents: credits.paygInstalments ?? 0,
        },
        `${formatCents(creditsTotal)} of tax was already paid for you during the year.`,
        SOURCES.offsetOrder,
      );
    }
    ctx.line(
      'result.refund',
      refund >= 0 ? 'Estimated refund' : 'Estimated amount owing',
      refund,
      'Credits + refundable offsets − (net income tax + Medicare levy + surcharge + excess PHI rebate + study loan repayment)',
      {
        creditsCents: creditsTotal,
        refundableOffsetsCents: refundableOffsets,
        totalLiabilityCents: totalLiability,
      },
      refund >= 0
        ? `You can expect a refund of ${formatCents(refund)}.`
        : `You can expect to owe ${formatCents(-refund)}.`,
      SOURCES.offsetOrder,
    );
  }

  // ---- Caveats ------------------------------------------------------------------------------
  if (income.governmentAllowances > 600_000) {
    ctx.caveat(
      'beneficiary-tax-offset',
      'You may be entitled to the beneficiary tax offset on government allowances over $6,000; the engine does not calculate it, so your tax may be lower.',
    );
  }
  if (res.workingHolidayMaker && res.resident) {
    ctx.caveat(
      'whm-resident',
      'For a working holiday maker who is a tax resident, the engine applies the resident offsets and Medicare levy; check your Medicare entitlement.',
    );
  }
  if (input.residency.kind === 'part-year-resident' && income.cgt && income.cgt.discountApplied > 0) {
    ctx.caveat(
      'cgt-discount-part-year',
      'The CGT discount may be reduced for periods you were a foreign resident; the engine applies the full discount.',
    );
  }
  if (
    input.residency.kind === 'part-year-resident' &&
    input.residency.monthsResident !== undefined &&
    input.residency.daysResident === undefined &&
    res.resident
  ) {
    ctx.ask(
      'residency.daysResident',
      'How many days of the year were you an Australian resident?',
      'The Medicare levy is charged only for the days you were a resident.',
    );
  }

  const missing = ctx.missing;
  const caveats = ctx.caveats;
  return {
    incomeYear: rules.year,
    residency: input.residency.kind,
    totalIncome: ti.totalIncome,
    totalDeductions: ti.totalDeductions,
    taxableIncome,
    taxOnTaxableIncome: basicTax,
    offsets,
    nonRefundableOffsets,
    netIncomeTax,
    medicareLevy: medicareAmount,
    medicareLevySurcharge: mlsAmount,
    privateHealthAdjustment: phiExcess - phiOffset,
    studyLoanRepayment: studyLoan,
    refundableOffsets,
    totalLiability,
    credits: creditsTotal,
    refund,
    marginalRatePercent: rateToNumber(marginal) * 100,
    carryForward: {
      taxLosses: ti.taxLossesCarriedForward,
      netCapitalLosses: income.cgt?.lossesCarriedForward ?? 0,
      deferredBusinessLosses: income.deferredBusinessLoss,
    },
    incomeTests: { rebateIncome, incomeForSurchargePurposes: incomeForSurcharge, repaymentIncome },
    lines: ctx.lines,
    completeness: { complete: missing.length === 0 && caveats.length === 0, missing, caveats },
    provisional: ctx.provisional(),
  };
}

/** Tax + Medicare levy + surcharge (before offsets) on a different taxable income (foreign income tax offset limit). */
function taxAndLeviesFor(
  taxableIncome: Cents,
  workingHolidayIncome: Cents,
  input: TaxReturnInput,
  rules: RuleSet,
  res: ResidencyFacts,
  saptoEntitled: boolean,
  incomeForSurcharge: Cents,
  fringe: Cents,
  coverDays: number,
  days: number,
): Cents {
  const sum = new ExactSum(SCALE_DENOMINATOR);
  if (res.workingHolidayMaker) {
    addScaleTax(sum, workingHolidayIncome, rules.workingHolidayScale.value);
    addScaleTax(sum, taxableIncome, res.scale);
    addScaleTax(sum, workingHolidayIncome, res.scale, -1);
  } else {
    addScaleTax(sum, taxableIncome, res.scale, 1, res.thresholdTwelfths);
  }
  const tax = sum.rounded();
  if (!res.resident) return tax;
  const spouse = input.spouse;
  const hasSpouse = spouse !== undefined && spouse !== null;
  const children = input.dependants?.dependentChildren ?? 0;
  const m = input.medicare ?? {};
  const levy = medicareLevy(
    {
      taxableIncome,
      saptoThresholds: saptoEntitled,
      family: hasSpouse || children > 0,
      spouseTaxableIncome: hasSpouse ? spouse.taxableIncome : 0,
      dependentChildren: children,
      daysInYear: days,
      fullExemptionDays: Math.min(days, (m.fullExemptionDays ?? 0) + (days - res.residentDays)),
      halfExemptionDays: m.halfExemptionDays ?? 0,
    },
    rules.medicareLevy.value,
    rules.medicareLowIncome.value,
  ).amount;
  const mls = medicareLevySurcharge(
    {
      taxableIncome,
      reportableFringeBenefits: fringe,
      ownIncomeForSurcharge: incomeForSurcharge,
      hasSpouse,
      spouseIncomeForSurcharge: hasSpouse ? spouse.taxableIncome + (spouse.otherIncomeTestAmounts ?? 0) : 0,
      dependentChildren: children,
      daysWithoutCover: Math.max(0, res.residentDays - (m.fullExemptionDays ?? 0) - coverDays),
      daysInYear: days,
      spouseLowIncomeAmount: rules.medicareLowIncome.value.single,
    },
    rules.mlsThresholds.value,
    rules.mlsRates.value,
  ).amount;
  return tax + levy + mls;
}
