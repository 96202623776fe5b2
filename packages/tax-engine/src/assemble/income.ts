import { netCapitalGain, type CgtResult } from '../calc/cgt';
import type { AssessmentContext } from '../explain/context';
import type { TaxReturnInput } from '../input.types';
import { formatCents, mulDivRound, truncateToDollars, type Cents } from '../money';
import { SOURCES } from '../rules/sources';

export interface IncomeFigures {
  /** Sum of whole-dollar income labels plus franking credits (cents), before the ESS reduction. */
  readonly total: Cents;
  readonly salaryLike: Cents;
  readonly lumpSumA: Cents;
  readonly lumpSumAType: 'R' | 'T' | null;
  readonly governmentAllowances: Cents;
  readonly governmentPensions: Cents;
  readonly dividendsGross: Cents;
  readonly frankingCredits: Cents;
  readonly essEligibleForReduction: Cents;
  readonly businessNet: Cents;
  readonly deferredBusinessLoss: Cents;
  readonly smallBusinessNetIncome: Cents;
  readonly cgt: CgtResult | null;
  readonly foreignIncome: Cents;
  readonly foreignTaxPaid: Cents;
  readonly netRent: Cents;
  readonly netRentalLoss: Cents;
}

interface Accumulator {
  total: Cents;
}

/** A plain income label: whole dollars, added to the total, explained when asked. */
function simple(
  ctx: AssessmentContext,
  acc: Accumulator,
  id: string,
  label: string,
  raw: Cents | undefined,
  rule: string,
): Cents {
  if (raw === undefined || raw === 0) return 0;
  const amount = truncateToDollars(raw);
  acc.total += amount;
  if (ctx.explain) {
    ctx.line(
      id,
      label,
      amount,
      rule,
      { reportedCents: raw },
      amount === raw
        ? `${label}: ${formatCents(raw)} is included in your income.`
        : `${label}: ${formatCents(raw)} is included in your income as ${formatCents(amount)} (the return takes whole dollars).`,
      SOURCES.taaRounding,
    );
  }
  return amount;
}

/**
 * Assessable income by return item, each truncated to whole dollars (TAA 1953 Sch 1 s388-85).
 * Foreign residents are assessed only on Australian-source income; their interest and dividends bear
 * final withholding tax and are left out (ITAA 1936 s128B, s128D).
 */
export function assembleIncome(
  input: TaxReturnInput,
  ctx: AssessmentContext,
  facts: { readonly foreignResident: boolean; readonly cgtDiscountAvailable: boolean },
): IncomeFigures {
  const inc = input.income ?? {};
  const rules = ctx.rules;
  const E = ctx.explain;
  const acc: Accumulator = { total: 0 };

  const salary = simple(
    ctx,
    acc,
    'income.salaryWages',
    'Salary and wages',
    inc.salaryWages,
    'Item 1, whole dollars (cents dropped)',
  );
  const allowances = simple(
    ctx,
    acc,
    'income.allowances',
    'Allowances, earnings, tips and director’s fees',
    inc.allowances,
    'Item 2, whole dollars (cents dropped)',
  );
  let lumpSumA = 0;
  if (inc.lumpSumA && inc.lumpSumA.amount > 0) {
    lumpSumA = simple(
      ctx,
      acc,
      'income.lumpSumA',
      `Lump sum A (type ${inc.lumpSumA.type})`,
      inc.lumpSumA.amount,
      'Item 3 label R, whole dollars (cents dropped)',
    );
  }
  if (inc.lumpSumB !== undefined && inc.lumpSumB > 0) {
    const portion = rules.lumpSumBAssessablePortion.value;
    const lumpSumB = truncateToDollars(Math.floor((inc.lumpSumB * portion.num) / portion.den));
    acc.total += lumpSumB;
    if (E) {
      ctx.line(
        'income.lumpSumB',
        'Lump sum B (5% assessable)',
        lumpSumB,
        '5% × lump sum B, whole dollars',
        { lumpSumBCents: inc.lumpSumB },
        `Only 5% of lump sum B (${formatCents(inc.lumpSumB)}) is taxable, so ${formatCents(lumpSumB)} is included.`,
        rules.lumpSumBAssessablePortion.source,
      );
    }
  }
  const governmentAllowances = simple(
    ctx,
    acc,
    'income.governmentAllowances',
    'Australian Government allowances and payments',
    inc.governmentAllowances,
    'Item 5, whole dollars (cents dropped)',
  );
  const governmentPensions = simple(
    ctx,
    acc,
    'income.governmentPensions',
    'Australian Government pensions and allowances',
    inc.governmentPensions,
    'Item 6, whole dollars (cents dropped)',
  );

  let dividendsGross = 0;
  let frankingCredits = 0;
  const div = inc.dividends;
  const hasInvestmentIncome =
    (inc.grossInterest ?? 0) > 0 ||
    (div && ((div.unfranked ?? 0) > 0 || (div.franked ?? 0) > 0 || (div.frankingCredits ?? 0) > 0));
  if (facts.foreignResident) {
    if (hasInvestmentIncome && E) {
      ctx.line(
        'income.investment.foreignResident',
        'Interest and dividends (not assessable)',
        0,
        'Foreign resident: interest and dividends bear final non-resident withholding tax',
        {
          interestCents: inc.grossInterest ?? 0,
          unfrankedCents: div?.unfranked ?? 0,
          frankedCents: div?.franked ?? 0,
        },
        'As a foreign resident your Australian interest and dividends are taxed by withholding when paid, so they are not included in your return and franking credits are not refunded.',
        SOURCES.nonResidentWithholding,
      );
    }
  } else {
    simple(
      ctx,
      acc,
      'income.interest',
      'Gross interest',
      inc.grossInterest,
      'Item 10 label L, whole dollars (cents dropped)',
    );
    if (div) {
      const unfranked = simple(
        ctx,
        acc,
        'income.dividends.unfranked',
        'Unfranked dividends',
        div.unfranked,
        'Item 11 label S, whole dollars (cents dropped)',
      );
      const franked = simple(
        ctx,
        acc,
        'income.dividends.franked',
        'Franked dividends',
        div.franked,
        'Item 11 label T, whole dollars (cents dropped)',
      );
      frankingCredits = div.frankingCredits ?? 0;
      dividendsGross = unfranked + franked + frankingCredits;
      if (frankingCredits > 0) {
        acc.total += frankingCredits;
        if (E) {
          ctx.line(
            'income.dividends.frankingCredits',
            'Franking credits',
            frankingCredits,
            'Item 11 label U: franking credits are added to income (gross-up), then allowed as a refundable offset',
            { frankingCreditsCents: frankingCredits },
            `The ${formatCents(frankingCredits)} of company tax already paid on your franked dividends is added to your income and later credited back to you.`,
            SOURCES.franking,
          );
        }
      }
    }
  }

  // Employee share schemes (item 12)
  let essEligibleForReduction = 0;
  const ess = inc.employeeShareSchemes;
  if (ess) {
    essEligibleForReduction = truncateToDollars(ess.upfrontEligibleForReduction ?? 0);
    const other =
      truncateToDollars(ess.upfrontNotEligible ?? 0) +
      truncateToDollars(ess.deferral ?? 0) +
      truncateToDollars(ess.pre2009 ?? 0);
    const essTotal = essEligibleForReduction + other;
    if (essTotal > 0) {
      acc.total += essTotal;
      if (E) {
        ctx.line(
          'income.employeeShareSchemes',
          'Employee share scheme discounts',
          essTotal,
          'Item 12 labels D + E + F + G, each in whole dollars',
          {
            upfrontEligibleCents: ess.upfrontEligibleForReduction ?? 0,
            upfrontNotEligibleCents: ess.upfrontNotEligible ?? 0,
            deferralCents: ess.deferral ?? 0,
            pre2009Cents: ess.pre2009 ?? 0,
          },
          `The discounts on shares or rights you received through your employer (${formatCents(essTotal)}) are taxable income.`,
          SOURCES.essLaw,
        );
      }
    }
  }

  // Partnerships and trusts (item 13)
  let smallBusinessNetIncome = 0;
  const pt = inc.partnershipsAndTrusts;
  if (pt) {
    const net =
      truncateToDollars(pt.primaryProduction ?? 0) + truncateToDollars(pt.nonPrimaryProduction ?? 0);
    let trustFranking = 0;
    if (!facts.foreignResident) trustFranking = pt.frankingCredits ?? 0;
    smallBusinessNetIncome += pt.smallBusinessNetIncome ?? 0;
    if (net !== 0 || trustFranking > 0) {
      acc.total += net + trustFranking;
      frankingCredits += trustFranking;
      if (E) {
        ctx.line(
          'income.partnershipsAndTrusts',
          'Partnership and trust distributions',
          net + trustFranking,
          'Item 13: net primary production + net non-primary production distributions (+ franking credits from trusts)',
          {
            primaryProductionCents: pt.primaryProduction ?? 0,
            nonPrimaryProductionCents: pt.nonPrimaryProduction ?? 0,
            frankingCreditsCents: trustFranking,
          },
          `Your share of partnership and trust net income (${formatCents(net)})${trustFranking > 0 ? ` and ${formatCents(trustFranking)} of franking credits from trusts are` : ' is'} included in your income.`,
          SOURCES.assessable,
        );
      }
    }
  }

  // Business (item 15)
  let businessNet = 0;
  let deferredBusinessLoss = 0;
  const biz = inc.business;
  if (biz && biz.netIncome !== 0) {
    const net = truncateToDollars(biz.netIncome);
    if (net >= 0) {
      businessNet = net;
      if (biz.smallBusinessEntity !== false) smallBusinessNetIncome += biz.netIncome;
      if (biz.smallBusinessEntity === undefined && net > 0) {
        ctx.ask(
          'income.business.smallBusinessEntity',
          'Was your business’s aggregated turnover less than $5 million?',
          'Small businesses get the small business income tax offset of up to $1,000.',
        );
      }
    } else if (biz.lossDeductibleThisYear === true) {
      businessNet = net;
    } else {
      deferredBusinessLoss = -net;
      if (biz.lossDeductibleThisYear === undefined) {
        ctx.ask(
          'income.business.lossDeductibleThisYear',
          'Does your business loss pass the non-commercial loss rules (an income test and one of the four business tests)?',
          'If it does, the loss reduces your other income this year; otherwise it is deferred.',
        );
      }
    }
    acc.total += businessNet;
    if (E) {
      ctx.line(
        'income.business',
        'Net business income or loss',
        businessNet,
        deferredBusinessLoss > 0
          ? 'Div 35: a non-commercial loss is deferred to a later year'
          : 'Item 15: net income or loss from business, whole dollars',
        { netIncomeCents: biz.netIncome, deferredLossCents: deferredBusinessLoss },
        deferredBusinessLoss > 0
          ? `Your business loss of ${formatCents(deferredBusinessLoss)} cannot reduce other income this year, so it is carried forward.`
          : `Your business’s net ${businessNet >= 0 ? 'income' : 'loss'} of ${formatCents(Math.abs(businessNet))} is included.`,
        deferredBusinessLoss > 0 ? SOURCES.div35 : SOURCES.assessable,
      );
    }
  }

  // Capital gains (item 18)
  let cgt: CgtResult | null = null;
  if (inc.capitalGains) {
    cgt = netCapitalGain(inc.capitalGains, rules.cgtDiscount.value, facts.cgtDiscountAvailable);
    acc.total += cgt.netCapitalGain;
    if (E && (cgt.totalGains > 0 || cgt.lossesCarriedForward > 0)) {
      ctx.line(
        'income.capitalGains',
        'Net capital gain',
        cgt.netCapitalGain,
        'ITAA 1997 s102-5: gains − current-year losses − prior-year losses (non-discountable gains first) − 50% discount',
        {
          totalGainsCents: cgt.totalGains,
          currentLossesAppliedCents: cgt.currentLossesApplied,
          priorLossesAppliedCents: cgt.priorLossesApplied,
          discountCents: cgt.discountApplied,
          discountAvailable: cgt.discountAvailable,
        },
        `Your capital gains of ${formatCents(cgt.totalGains)}, less ${formatCents(cgt.currentLossesApplied + cgt.priorLossesApplied)} of capital losses${
          cgt.discountApplied > 0
            ? ` and the ${formatCents(cgt.discountApplied)} discount for assets held over 12 months`
            : ''
        }, give a net capital gain of ${formatCents(cgt.netCapitalGain)}${cgt.lossesCarriedForward > 0 ? `; ${formatCents(cgt.lossesCarriedForward)} of losses carry forward` : ''}.`,
        facts.cgtDiscountAvailable ? SOURCES.cgtMethod : SOURCES.cgtForeign,
      );
    }
  }

  // Foreign income (item 20)
  let foreignIncome = 0;
  let foreignTaxPaid = 0;
  if (inc.foreignIncome && !facts.foreignResident) {
    foreignIncome = simple(
      ctx,
      acc,
      'income.foreign',
      'Assessable foreign source income',
      inc.foreignIncome.assessableForeignIncome,
      'Item 20, whole dollars (cents dropped)',
    );
    foreignTaxPaid = inc.foreignIncome.foreignTaxPaid ?? 0;
  }

  // Rent (item 21)
  let netRent = 0;
  const props = inc.rentalProperties ?? [];
  if (props.length > 0) {
    let sum = 0;
    for (let i = 0; i < props.length; i++) {
      const p = props[i];
      if (!p) continue;
      const net =
        p.grossRent -
        (p.interestDeductions ?? 0) -
        (p.capitalWorksDeductions ?? 0) -
        (p.otherDeductions ?? 0);
      sum += net;
      if (E) {
        ctx.line(
          `income.rent.${i}`,
          `Net rent${p.label ? `: ${p.label}` : ` (property ${i + 1})`}`,
          net,
          'Gross rent − interest − capital works − other rental deductions',
          {
            grossRentCents: p.grossRent,
            interestCents: p.interestDeductions ?? 0,
            capitalWorksCents: p.capitalWorksDeductions ?? 0,
            otherCents: p.otherDeductions ?? 0,
          },
          `This property earned ${formatCents(p.grossRent)} in rent less ${formatCents(p.grossRent - net)} of deductions, a net ${net >= 0 ? 'income' : 'loss'} of ${formatCents(Math.abs(net))}.`,
          SOURCES.assessable,
        );
      }
    }
    netRent = truncateToDollars(sum);
    acc.total += netRent;
  }

  simple(ctx, acc, 'income.other', 'Other income', inc.otherIncome, 'Item 24, whole dollars (cents dropped)');

  const salaryLike = salary + allowances;
  return {
    total: acc.total,
    salaryLike,
    lumpSumA,
    lumpSumAType: inc.lumpSumA?.type ?? null,
    governmentAllowances,
    governmentPensions,
    dividendsGross,
    frankingCredits,
    essEligibleForReduction,
    businessNet,
    deferredBusinessLoss,
    smallBusinessNetIncome: Math.max(0, smallBusinessNetIncome),
    cgt,
    foreignIncome,
    foreignTaxPaid,
    netRent,
    netRentalLoss: netRent < 0 ? -netRent : 0,
  };
}

/** Reportable fringe benefits and their adjusted total (exempt-employer amounts at 53%). */
export function fringeBenefits(
  input: TaxReturnInput,
  factor: { num: number; den: number },
): { total: Cents; adjusted: Cents } {
  const t = input.incomeTests ?? {};
  const exempt = t.reportableFringeBenefitsExempt ?? 0;
  const other = t.reportableFringeBenefitsOther ?? 0;
  return {
    total: truncateToDollars(exempt + other),
    adjusted: truncateToDollars(mulDivRound([exempt, factor.num], [factor.den]) + other),
  };
}
