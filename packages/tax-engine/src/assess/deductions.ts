import { compareCarMethods } from '../calc/car';
import { selfEducationDeduction } from '../calc/self-education';
import { compareWorkFromHomeMethods } from '../calc/wfh';
import type { AssessmentContext } from '../explain/context';
import type { TaxReturnInput } from '../input.types';
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

/** Deductions by label D1–D15, each truncated to whole dollars. */
export function assembleDeductions(input: TaxReturnInput, ctx: AssessmentContext): DeductionFigures {
  const d = input.deductions ?? {};
  const rules = ctx.rules;
  const E = ctx.explain;
  let ordinary = 0;
  let workRelated = 0;

  const label = (id: string, name: string, raw: Cents, rule: string, inputs: Record<string, number | string | boolean | null>, explanation: string, source: SourceRef): Cents => {
    const amount = truncateToDollars(raw);
    if (E && (raw > 0 || Object.keys(inputs).length > 1)) ctx.line(`deduction.${id}`, `${id} ${name}`, amount, rule, inputs, explanation, source);
    return amount;
  };
  const plain = (id: string, name: string, raw: Cents | undefined, source: SourceRef = SOURCES.taaRounding): Cents => {
    if (raw === undefined || raw === 0) return 0;
    return label(id, name, raw, `${id}, whole dollars (cents dropped)`, { claimedCents: raw }, `You claimed ${formatCents(raw)} for ${name.toLowerCase()}; ${formatCents(truncateToDollars(raw))} is deducted.`, source);
  };

  // D1 car
  if (d.car) {
    let raw = d.car.otherAmount ?? 0;
    const cars = d.car.cars ?? [];
    if (cars.length > 0) {
      ctx.use('carCentsPerKm');
      cars.forEach((car, i) => {
        const cmp = compareCarMethods(car, rules.carCentsPerKm.value, rules.carKilometreCap.value);
        raw += cmp.best.amount;
        if (E) {
          ctx.line(
            `deduction.D1.car.${i}`,
            `Car ${car.label ?? i + 1}: ${cmp.best.method === 'logbook' ? 'logbook' : 'cents per kilometre'}`,
            cmp.best.amount,
            cmp.best.method === 'logbook'
              ? 'Business-use % × (running costs + decline in value)'
              : `min(km, ${rules.carKilometreCap.value}) × ${rules.carCentsPerKm.value}c`,
            {
              businessKilometres: car.businessKilometres,
              kilometresClaimed: cmp.centsPerKm.kilometresClaimed,
              centsPerKilometre: rules.carCentsPerKm.value,
              centsPerKmMethodCents: cmp.centsPerKm.amount,
              logbookMethodCents: cmp.logbook?.amount ?? null,
            },
            cmp.reason,
            cmp.best.method === 'logbook' ? SOURCES.carDiv28 : rules.carCentsPerKm.source,
          );
        }
      });
    }
    const amount = label('D1', 'Work-related car expenses', raw, 'D1: total of each car’s better method, whole dollars', { totalCents: raw, cars: cars.length }, `Your car expenses for work come to ${formatCents(truncateToDollars(raw))}.`, SOURCES.carDiv28);
    ordinary += amount;
    workRelated += amount;
  }
  for (const [id, name, raw] of [
    ['D2', 'Work-related travel expenses', d.travel],
    ['D3', 'Work-related clothing, laundry and dry-cleaning expenses', d.clothing],
  ] as const) {
    const amount = plain(id, name, raw);
    ordinary += amount;
    workRelated += amount;
  }

  // D4 self-education
  if (d.selfEducation && d.selfEducation.expenses > 0) {
    const reductionDollars = rules.selfEducationReduction.value;
    const r = selfEducationDeduction(d.selfEducation, reductionDollars);
    const amount = label(
      'D4',
      'Work-related self-education expenses',
      r.amount,
      reductionDollars === null ? 'D4, whole dollars' : `D4: expenses − ($${reductionDollars} − category E expenses), ITAA 1936 s82A`,
      { expensesCents: d.selfEducation.expenses, reductionCents: r.reduction },
      r.reduction > 0
        ? `The first $${reductionDollars} of self-education expenses was not deductible in ${rules.year}, so ${formatCents(r.reduction)} is taken off your ${formatCents(d.selfEducation.expenses)}.`
        : `Your self-education expenses of ${formatCents(d.selfEducation.expenses)} are deductible.`,
      rules.selfEducationReduction.source,
    );
    ordinary += amount;
    workRelated += amount;
  }

  // D5 other work-related, including working from home
  const wfh = d.workingFromHome;
  if ((d.otherWorkRelated ?? 0) > 0 || wfh) {
    let raw = d.otherWorkRelated ?? 0;
    if (wfh) {
      ctx.use('workFromHome');
      const cmp = compareWorkFromHomeMethods(wfh, rules.workFromHome.value);
      raw += cmp.best.amount;
      if (E) {
        const inputs: Record<string, number | string | boolean | null> = { hours: wfh.hours, chosenMethod: cmp.best.method };
        for (const m of cmp.methods) inputs[`${m.method}Cents`] = m.amount;
        ctx.line(
          'deduction.D5.workingFromHome',
          `Working from home (${cmp.best.method.replace('-', ' ')} method)`,
          cmp.best.amount,
          cmp.best.covers,
          inputs,
          cmp.reason,
          rules.workFromHome.source,
        );
      }
    }
    const amount = label('D5', 'Other work-related expenses', raw, 'D5: other work-related expenses + working from home, whole dollars', { otherCents: d.otherWorkRelated ?? 0, totalCents: raw }, `Your other work-related expenses come to ${formatCents(truncateToDollars(raw))}.`, SOURCES.taaRounding);
    ordinary += amount;
    workRelated += amount;
  }

  const interest = plain('D7', 'Interest deductions', d.interest);
  const dividend = plain('D8', 'Dividend deductions', d.dividend);
  ordinary += plain('D6', 'Low-value pool deduction', d.lowValuePool);
  ordinary += interest + dividend;
  ordinary += plain('D10', 'Cost of managing tax affairs', d.costOfManagingTaxAffairs);
  ordinary += plain('D11', 'Deductible amount of undeducted purchase price of a foreign pension', d.foreignPensionUndeductedPurchasePrice);
  ordinary += plain('D13', 'Deduction for project pool', d.projectPool);
  ordinary += plain('D14', 'Forestry managed investment scheme deduction', d.forestryManagedInvestment);
  ordinary += plain('D15', 'Other deductions', d.other);

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
