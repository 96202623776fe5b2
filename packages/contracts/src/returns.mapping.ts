import type { CarInput, IncomeYear, RentalPropertyInput, TaxReturnInput } from '@numeri/tax-engine';
import type { ReturnFacts, ReturnItem } from './return-items.contract';

type ItemOf<K extends ReturnItem['kind']> = Extract<ReturnItem, { kind: K }>;

const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
const ofKind = <K extends ReturnItem['kind']>(items: readonly ReturnItem[], kind: K) =>
  items.filter((item): item is ItemOf<K> => item.kind === kind);
/** Only what is non-zero, so an unanswered label stays unanswered for the engine's completeness. */
const nz = (value: number) => (value === 0 ? undefined : value);

/** The work share of an expense, rounded down to the cent (never claim more than the records show). */
/** The part of a deduction item that is claimed: its work-related share, in whole cents. */
export function workShare(item: ItemOf<'deduction'>): number {
  return Math.floor((item.amountCents * item.workUseBasisPoints) / 10_000);
}

/**
 * Turns a stored return (facts + line items) into the tax engine's input: items are summed per ATO
 * label, withholding from every source becomes a credit. Pure; the server and the browser use the
 * same function, so the live estimate and the stored assessment cannot drift apart.
 */
export function returnToTaxReturnInput(
  incomeYear: IncomeYear,
  facts: ReturnFacts,
  items: readonly ReturnItem[],
): TaxReturnInput {
  const employment = ofKind(items, 'employment');
  const government = ofKind(items, 'government-payment');
  const interest = ofKind(items, 'interest');
  const dividends = ofKind(items, 'dividend');
  const distributions = ofKind(items, 'distribution');
  const gains = ofKind(items, 'capital-gain');
  const rentals = ofKind(items, 'rental-property');
  const businesses = ofKind(items, 'business');
  const foreign = ofKind(items, 'foreign-income');
  const other = ofKind(items, 'other-income');
  const deductions = ofKind(items, 'deduction');
  const cars = ofKind(items, 'car');
  const wfh = ofKind(items, 'working-from-home');
  const selfEducation = ofKind(items, 'self-education');
  const health = ofKind(items, 'private-health');
  const byLabel = (label: ItemOf<'deduction'>['label']) =>
    nz(sum(deductions.filter((d) => d.label === label).map(workShare)));

  const lumpSumA = employment.filter((e) => e.lumpSumACents > 0);
  const residency: TaxReturnInput['residency'] =
    facts.residency?.kind === 'part-year-resident'
      ? {
          kind: 'part-year-resident',
          ...(facts.residency.residentFrom ? { residentFrom: facts.residency.residentFrom } : {}),
          ...(facts.residency.residentUntil ? { residentUntil: facts.residency.residentUntil } : {}),
        }
      : facts.residency?.kind === 'working-holiday-maker'
        ? {
            kind: 'working-holiday-maker',
            ...(facts.residency.workingHolidayNetIncomeCents !== undefined
              ? { workingHolidayNetIncome: facts.residency.workingHolidayNetIncomeCents }
              : {}),
          }
        : { kind: facts.residency?.kind ?? 'resident' };

  const rentalProperties: RentalPropertyInput[] = rentals.map((r) => ({
    label: r.address,
    grossRent: r.grossRentCents,
    interestDeductions: r.interestCents,
    capitalWorksDeductions: r.capitalWorksCents,
    otherDeductions: r.otherDeductionsCents,
  }));

  const carInputs: CarInput[] = cars.map((c) => ({
    label: c.description,
    businessKilometres: c.businessKilometres,
    ...(c.logbook
      ? {
          logbook: {
            businessUseBasisPoints: c.logbook.businessUseBasisPoints,
            carExpenses: c.logbook.carExpensesCents,
            declineInValue: c.logbook.declineInValueCents,
          },
        }
      : {}),
  }));

  const home = wfh[0];
  const business = businesses.length ? sum(businesses.map((b) => b.netIncomeCents)) : undefined;

  return {
    incomeYear,
    residency,
    income: {
      salaryWages: nz(sum(employment.map((e) => e.grossPaymentsCents))),
      allowances: nz(sum(employment.map((e) => e.allowancesCents))),
      ...(lumpSumA.length
        ? {
            lumpSumA: {
              amount: sum(lumpSumA.map((e) => e.lumpSumACents)),
              type: lumpSumA.some((e) => e.lumpSumAType === 'R') ? 'R' : 'T',
            },
          }
        : {}),
      lumpSumB: nz(sum(employment.map((e) => e.lumpSumBCents))),
      governmentAllowances: nz(
        sum(government.filter((g) => g.paymentType === 'allowance').map((g) => g.amountCents)),
      ),
      governmentPensions: nz(
        sum(government.filter((g) => g.paymentType === 'pension').map((g) => g.amountCents)),
      ),
      grossInterest: nz(sum(interest.map((i) => i.grossInterestCents))),
      ...(dividends.length
        ? {
            dividends: {
              unfranked: sum(dividends.map((d) => d.unfrankedCents)),
              franked: sum(dividends.map((d) => d.frankedCents)),
              frankingCredits: sum(dividends.map((d) => d.frankingCreditCents)),
            },
          }
        : {}),
      ...(distributions.length
        ? {
            partnershipsAndTrusts: {
              primaryProduction: sum(distributions.map((d) => d.primaryProductionCents)),
              nonPrimaryProduction: sum(distributions.map((d) => d.nonPrimaryProductionCents)),
              frankingCredits: sum(distributions.map((d) => d.frankingCreditsCents)),
            },
          }
        : {}),
      ...(business !== undefined
        ? {
            business: {
              netIncome: business,
              smallBusinessEntity: businesses.every((b) => b.smallBusinessEntity),
              lossDeductibleThisYear: businesses.every((b) => b.lossDeductibleThisYear),
            },
          }
        : {}),
      ...(gains.length ||
      distributions.some((d) => d.capitalGainsDiscountableCents || d.capitalGainsOtherCents) ||
      facts.priorYearCapitalLossesCents
        ? {
            capitalGains: {
              gains: [
                ...gains.map((g) => ({
                  amount: g.amountCents,
                  discountEligible: g.discountEligible,
                  description: g.description,
                })),
                ...distributions
                  .filter((d) => d.capitalGainsDiscountableCents > 0)
                  .map((d) => ({
                    amount: d.capitalGainsDiscountableCents,
                    discountEligible: true,
                    description: `${d.trustName} (distribution)`,
                  })),
                ...distributions
                  .filter((d) => d.capitalGainsOtherCents > 0)
                  .map((d) => ({
                    amount: d.capitalGainsOtherCents,
                    discountEligible: false,
                    description: `${d.trustName} (distribution)`,
                  })),
              ],
              ...(facts.priorYearCapitalLossesCents !== undefined
                ? { priorYearNetLosses: facts.priorYearCapitalLossesCents }
                : {}),
            },
          }
        : {}),
      ...(foreign.length || distributions.some((d) => d.foreignIncomeCents)
        ? {
            foreignIncome: {
              assessableForeignIncome:
                sum(foreign.map((f) => f.amountCents)) + sum(distributions.map((d) => d.foreignIncomeCents)),
              foreignTaxPaid:
                sum(foreign.map((f) => f.foreignTaxPaidCents)) +
                sum(distributions.map((d) => d.foreignTaxPaidCents)),
            },
          }
        : {}),
      ...(rentalProperties.length ? { rentalProperties } : {}),
      otherIncome: nz(sum(other.map((o) => o.amountCents))),
    },
    deductions: {
      ...(carInputs.length ? { car: { cars: carInputs } } : {}),
      travel: byLabel('D2'),
      clothing: byLabel('D3'),
      ...(selfEducation.length
        ? { selfEducation: { expenses: sum(selfEducation.map((s) => s.amountCents)) } }
        : {}),
      otherWorkRelated: byLabel('D5'),
      ...(home
        ? {
            workingFromHome: {
              hours: home.hours,
              energy: home.energyCents,
              phoneAndInternet: home.phoneAndInternetCents,
              stationeryAndConsumables: home.stationeryCents,
              cleaning: home.cleaningCents,
              furnitureDeclineInValue: home.furnitureDeclineCents,
              equipmentDeclineInValue: home.equipmentDeclineCents,
            },
          }
        : {}),
      lowValuePool: byLabel('D6'),
      interest: byLabel('D7'),
      dividend: byLabel('D8'),
      giftsAndDonations: byLabel('D9'),
      costOfManagingTaxAffairs: byLabel('D10'),
      personalSuperContributions: byLabel('D12'),
      other: byLabel('D15'),
      ...(facts.priorYearTaxLossesCents !== undefined
        ? { priorYearTaxLosses: facts.priorYearTaxLossesCents }
        : {}),
    },
    credits: {
      paygWithholding: nz(
        sum(employment.map((e) => e.taxWithheldCents)) + sum(government.map((g) => g.taxWithheldCents)),
      ),
      tfnAmountsWithheld: nz(
        sum(interest.map((i) => i.tfnWithheldCents)) +
          sum(dividends.map((d) => d.tfnWithheldCents)) +
          sum(distributions.map((d) => d.tfnWithheldCents)),
      ),
      paygInstalments: nz(facts.paygInstalmentsCents ?? 0),
    },
    ...(facts.spouse === null
      ? { spouse: null }
      : facts.spouse
        ? {
            spouse: {
              taxableIncome: facts.spouse.taxableIncomeCents,
              otherIncomeTestAmounts: facts.spouse.otherIncomeTestCents,
            },
          }
        : {}),
    ...(facts.dependentChildren !== undefined
      ? {
          dependants: {
            dependentChildren: facts.dependentChildren,
            ...(facts.soleParent !== undefined ? { soleParent: facts.soleParent } : {}),
          },
        }
      : {}),
    ...(facts.sapto === null
      ? { sapto: null }
      : facts.sapto
        ? { sapto: { eligible: true, category: facts.sapto.category } }
        : {}),
    ...(facts.hospitalCover !== undefined || health.length
      ? {
          privateHealth: {
            ...(facts.hospitalCover !== undefined ? { hospitalCover: facts.hospitalCover } : {}),
            ...(health.length
              ? {
                  statements: health.map((h) => ({
                    premiumsEligible: h.premiumsEligibleCents,
                    rebateReceived: h.rebateReceivedCents,
                    benefitCode: h.benefitCode,
                  })),
                }
              : {}),
          },
        }
      : {}),
    ...(facts.hasStudyLoan !== undefined
      ? {
          studyLoan: {
            hasDebt: facts.hasStudyLoan,
            ...(facts.studyLoanBalanceCents !== undefined ? { balance: facts.studyLoanBalanceCents } : {}),
          },
        }
      : {}),
    incomeTests: {
      reportableFringeBenefitsExempt: nz(
        sum(
          employment
            .filter((e) => e.fringeBenefitsEmployerExempt)
            .map((e) => e.reportableFringeBenefitsCents),
        ),
      ),
      reportableFringeBenefitsOther: nz(
        sum(
          employment
            .filter((e) => !e.fringeBenefitsEmployerExempt)
            .map((e) => e.reportableFringeBenefitsCents),
        ),
      ),
      reportableEmployerSuper: nz(sum(employment.map((e) => e.reportableEmployerSuperCents))),
      // An answer of 0 (no loss) is an answer: it must reach the engine, or it keeps asking.
      ...(facts.netFinancialInvestmentLossCents !== undefined
        ? { netFinancialInvestmentLoss: facts.netFinancialInvestmentLossCents }
        : {}),
    },
    ...(facts.medicareFullExemptionDays !== undefined
      ? { medicare: { fullExemptionDays: facts.medicareFullExemptionDays } }
      : {}),
  };
}
