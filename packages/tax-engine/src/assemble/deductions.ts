import { compareCarMethods } from '../calc/car';
import { selfEducationDeduction } from '../calc/self-education';
import { compareWorkFromHomeMethods } from '../calc/wfh';
import type { AssessmentContext } from '../explain/context';
import type { DeductionsInput, SelfEducationInput, TaxReturnInput, WorkFromHomeInput } from '../input.types';
import { formatCents, truncateToDollars, type Cents } from '../money';
import type { SourceRef } from '../rules/rule.types';
import { SOURCES } from '../rules/sources';

export interface DeductionFigures {
  /** Deductions that can create or increase a loss (all but D9, D12 and L1), whole dollars per label. */
  readonly ordinary: Cents;
  /** D1–D5 (work-related; used for working holiday net income when not given). */
  readonly workRelated: Cents;
  readonly gifts: Cents;
  readonly personalSuper: Cents;
  readonly priorYearLosses: Cents;
  readonly interestAndDividend: Cents;
}

type LineInputs = Record<string, number | string | boolean | null>;

const WFH_TITLE = {
  shortcut: 'Working from home (shortcut method)',
  'fixed-rate': 'Working from home (fixed rate method)',
  'actual-cost': 'Working from home (actual cost method)',
} as const;

/** Adds a deduction label line (when explaining) and returns the whole-dollar amount. */
function label(
  ctx: AssessmentContext,
  id: string,
  name: string,
  raw: Cents,
  rule: string,
  inputs: LineInputs,
  explanation: string,
  source: SourceRef,
): Cents {
  const amount = truncateToDollars(raw);
  if (ctx.explain && raw > 0)
    ctx.line(`deduction.${id}`, `${id} ${name}`, amount, rule, inputs, explanation, source);
  return amount;
}

interface PlainLabel {
  readonly id: string;
  /** "D2 Work-related travel expenses" */
  readonly title: string;
  /** "work-related travel expenses" (for sentences) */
  readonly noun: string;
  readonly rule: string;
}

function plainLabel(id: string, name: string): PlainLabel {
  return {
    id: `deduction.${id}`,
    title: `${id} ${name}`,
    noun: name.toLowerCase(),
    rule: `${id}, whole dollars (cents dropped)`,
  };
}

const D2 = plainLabel('D2', 'Work-related travel expenses');
const D3 = plainLabel('D3', 'Work-related clothing, laundry and dry-cleaning expenses');
const D6 = plainLabel('D6', 'Low-value pool deduction');
const D7 = plainLabel('D7', 'Interest deductions');
const D8 = plainLabel('D8', 'Dividend deductions');
const D10 = plainLabel('D10', 'Cost of managing tax affairs');
const D11 = plainLabel('D11', 'Deductible amount of undeducted purchase price of a foreign pension');
const D13 = plainLabel('D13', 'Deduction for project pool');
const D14 = plainLabel('D14', 'Forestry managed investment scheme deduction');
const D15 = plainLabel('D15', 'Other deductions');

/** A label that is a plain amount. */
function plain(ctx: AssessmentContext, l: PlainLabel, raw: Cents | undefined): Cents {
  if (raw === undefined || raw === 0) return 0;
  const amount = truncateToDollars(raw);
  if (ctx.explain) {
    ctx.line(
      l.id,
      l.title,
      amount,
      l.rule,
      { claimedCents: raw },
      amount === raw
        ? `You claimed ${formatCents(raw)} for ${l.noun}.`
        : `You claimed ${formatCents(raw)} for ${l.noun}; ${formatCents(amount)} is deducted (whole dollars).`,
      SOURCES.taaRounding,
    );
  }
  return amount;
}

function carDeduction(ctx: AssessmentContext, car: NonNullable<DeductionsInput['car']>): Cents {
  const rules = ctx.rules;
  let raw = car.otherAmount ?? 0;
  const cars = car.cars ?? [];
  if (cars.length > 0) ctx.use('carCentsPerKm');
  for (let i = 0; i < cars.length; i++) {
    const c = cars[i];
    if (!c) continue;
    const cmp = compareCarMethods(c, rules.carCentsPerKm.value, rules.carKilometreCap.value, ctx.explain);
    raw += cmp.best.amount;
    if (ctx.explain) {
      ctx.line(
        `deduction.D1.car.${i}`,
        `Car ${c.label ?? i + 1}: ${cmp.best.method === 'logbook' ? 'logbook' : 'cents per kilometre'}`,
        cmp.best.amount,
        cmp.best.method === 'logbook'
          ? 'Business-use % × (running costs + decline in value)'
          : `min(km, ${rules.carKilometreCap.value}) × ${rules.carCentsPerKm.value}c`,
        {
          businessKilometres: c.businessKilometres,
          kilometresClaimed: cmp.centsPerKm.kilometresClaimed,
          centsPerKilometre: rules.carCentsPerKm.value,
          centsPerKmMethodCents: cmp.centsPerKm.amount,
          logbookMethodCents: cmp.logbook?.amount ?? null,
        },
        cmp.reason,
        cmp.best.method === 'logbook' ? SOURCES.carDiv28 : rules.carCentsPerKm.source,
      );
    }
  }
  if (!ctx.explain) return truncateToDollars(raw);
  return label(
    ctx,
    'D1',
    'Work-related car expenses',
    raw,
    'D1: each car’s better method, plus other car expenses, whole dollars',
    { totalCents: raw, cars: cars.length },
    `Your car expenses for work come to ${formatCents(truncateToDollars(raw))}.`,
    SOURCES.carDiv28,
  );
}

function selfEducation(ctx: AssessmentContext, input: SelfEducationInput): Cents {
  const rules = ctx.rules;
  const reductionDollars = rules.selfEducationReduction.value;
  const r = selfEducationDeduction(input, reductionDollars);
  if (!ctx.explain) return truncateToDollars(r.amount);
  return label(
    ctx,
    'D4',
    'Work-related self-education expenses',
    r.amount,
    reductionDollars === null
      ? 'D4, whole dollars'
      : `D4: expenses − ($${reductionDollars} − category E expenses), ITAA 1936 s82A`,
    { expensesCents: input.expenses, reductionCents: r.reduction },
    r.reduction > 0
      ? `The first $${reductionDollars} of self-education expenses was not deductible in ${rules.year}, so ${formatCents(r.reduction)} is taken off your ${formatCents(input.expenses)}.`
      : `Your self-education expenses of ${formatCents(input.expenses)} are deductible.`,
    rules.selfEducationReduction.source,
  );
}

function otherWorkRelated(ctx: AssessmentContext, other: Cents, wfh: WorkFromHomeInput | undefined): Cents {
  const rules = ctx.rules;
  let raw = other;
  if (wfh) {
    ctx.use('workFromHome');
    const cmp = compareWorkFromHomeMethods(wfh, rules.workFromHome.value, ctx.explain);
    raw += cmp.best.amount;
    if (ctx.explain) {
      let shortcut: number | null = null;
      let fixed: number | null = null;
      let actual: number | null = null;
      for (const m of cmp.methods) {
        if (m.method === 'shortcut') shortcut = m.amount;
        else if (m.method === 'fixed-rate') fixed = m.amount;
        else actual = m.amount;
      }
      const inputs: LineInputs = {
        hours: wfh.hours,
        chosenMethod: cmp.best.method,
        shortcutCents: shortcut,
        fixedRateCents: fixed,
        actualCostCents: actual,
      };
      ctx.line(
        'deduction.D5.workingFromHome',
        WFH_TITLE[cmp.best.method],
        cmp.best.amount,
        cmp.best.covers,
        inputs,
        cmp.reason,
        rules.workFromHome.source,
      );
    }
  }
  if (!ctx.explain) return truncateToDollars(raw);
  return label(
    ctx,
    'D5',
    'Other work-related expenses',
    raw,
    'D5: other work-related expenses + working from home, whole dollars',
    { otherCents: other, totalCents: raw },
    `Your other work-related expenses come to ${formatCents(truncateToDollars(raw))}.`,
    SOURCES.taaRounding,
  );
}

/** Deductions by label D1–D15, each truncated to whole dollars. */
export function assembleDeductions(input: TaxReturnInput, ctx: AssessmentContext): DeductionFigures {
  const d = input.deductions ?? {};
  let workRelated = 0;
  if (d.car) workRelated += carDeduction(ctx, d.car);
  workRelated += plain(ctx, D2, d.travel);
  workRelated += plain(ctx, D3, d.clothing);
  if (d.selfEducation && d.selfEducation.expenses > 0) workRelated += selfEducation(ctx, d.selfEducation);
  if ((d.otherWorkRelated ?? 0) > 0 || d.workingFromHome)
    workRelated += otherWorkRelated(ctx, d.otherWorkRelated ?? 0, d.workingFromHome);

  const interest = plain(ctx, D7, d.interest);
  const dividend = plain(ctx, D8, d.dividend);
  let ordinary = workRelated + interest + dividend;
  ordinary += plain(ctx, D6, d.lowValuePool);
  ordinary += plain(ctx, D10, d.costOfManagingTaxAffairs);
  ordinary += plain(ctx, D11, d.foreignPensionUndeductedPurchasePrice);
  ordinary += plain(ctx, D13, d.projectPool);
  ordinary += plain(ctx, D14, d.forestryManagedInvestment);
  ordinary += plain(ctx, D15, d.other);

  return {
    ordinary,
    workRelated,
    gifts: truncateToDollars(d.giftsAndDonations ?? 0),
    personalSuper: truncateToDollars(d.personalSuperContributions ?? 0),
    priorYearLosses: truncateToDollars(d.priorYearTaxLosses ?? 0),
    interestAndDividend: interest + dividend,
  };
}

export interface TaxableIncomeFigures {
  readonly totalIncome: Cents;
  readonly giftsApplied: Cents;
  readonly personalSuperApplied: Cents;
  readonly priorLossesApplied: Cents;
  readonly totalDeductions: Cents;
  readonly taxableIncome: Cents;
  readonly taxLossesCarriedForward: Cents;
}

/**
 * Taxable income = total income − deductions, in whole dollars, never below nil. Gifts (D9) and
 * personal super contributions (D12) cannot create or increase a loss (s26-55); prior-year losses
 * (L1) are deducted last, only against what remains (s36-15); an excess of ordinary deductions is a
 * tax loss carried forward.
 */
export function taxableIncomeFrom(totalIncomeExact: Cents, d: DeductionFigures): TaxableIncomeFigures {
  const totalIncome = truncateToDollars(totalIncomeExact);
  let remaining = totalIncomeExact - d.ordinary;
  let newLoss = 0;
  if (remaining < 0) {
    newLoss = truncateToDollars(-remaining);
    remaining = 0;
  }
  const giftsApplied = Math.min(d.gifts, truncateToDollars(remaining));
  remaining -= giftsApplied;
  const personalSuperApplied = Math.min(d.personalSuper, truncateToDollars(remaining));
  remaining -= personalSuperApplied;
  const priorLossesApplied = Math.min(d.priorYearLosses, truncateToDollars(remaining));
  remaining -= priorLossesApplied;
  return {
    totalIncome,
    giftsApplied,
    personalSuperApplied,
    priorLossesApplied,
    totalDeductions: d.ordinary + giftsApplied + personalSuperApplied,
    taxableIncome: truncateToDollars(remaining),
    taxLossesCarriedForward: newLoss + (d.priorYearLosses - priorLossesApplied),
  };
}
