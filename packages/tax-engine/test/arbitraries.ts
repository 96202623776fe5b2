import fc from 'fast-check';
import { SUPPORTED_INCOME_YEARS } from '../src/income-year';
import type { ResidencyInput, TaxReturnInput } from '../src/input.types';

const money = (maxDollars: number) => fc.integer({ min: 0, max: maxDollars * 100 });
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const residency: fc.Arbitrary<ResidencyInput> = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'resident' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'foreign-resident' as const }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1, max: 12 }).map((months) => ({
      kind: 'part-year-resident' as const,
      monthsResident: months,
      daysResident: Math.min(365, months * 30),
    })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ taxResident: fc.boolean(), workingHolidayNetIncome: opt(money(80_000)) })
      .map((r) => ({ kind: 'working-holiday-maker' as const, ...r })),
  },
);

/** Whole returns over every supported year, residency and most rules. */
export const taxReturn: fc.Arbitrary<TaxReturnInput> = fc
  .record({
    incomeYear: fc.constantFrom(...SUPPORTED_INCOME_YEARS),
    residency,
    salary: money(400_000),
    interest: opt(money(20_000)),
    franked: opt(money(30_000)),
    unfranked: opt(money(5_000)),
    pension: opt(money(30_000)),
    allowances: opt(money(10_000)),
    business: opt(fc.integer({ min: -30_000_00, max: 80_000_00 })),
    gain: opt(money(50_000)),
    rent: opt(fc.record({ grossRent: money(40_000), interestDeductions: money(50_000) })),
    foreign: opt(fc.record({ assessableForeignIncome: money(30_000), foreignTaxPaid: money(5_000) })),
    workDeductions: opt(money(5_000)),
    wfhHours: opt(fc.integer({ min: 0, max: 2_000 })),
    km: opt(fc.integer({ min: 0, max: 10_000 })),
    gifts: opt(money(5_000)),
    spouse: fc.option(money(150_000), { nil: null }),
    children: fc.integer({ min: 0, max: 4 }),
    cover: fc.constantFrom('full-year' as const, 'none' as const, { days: 200 }),
    phi: fc.boolean(),
    help: fc.boolean(),
    sapto: fc.boolean(),
    rfb: opt(money(20_000)),
    withheld: money(120_000),
  })
  .map((r): TaxReturnInput => {
    const resident =
      r.residency.kind === 'resident' ||
      r.residency.kind === 'part-year-resident' ||
      (r.residency.kind === 'working-holiday-maker' && r.residency.taxResident === true);
    return {
      incomeYear: r.incomeYear,
      residency: r.residency,
      income: {
        salaryWages: r.salary,
        grossInterest: r.interest,
        allowances: r.allowances,
        governmentPensions: r.pension,
        dividends:
          r.franked === undefined
            ? undefined
            : {
                franked: r.franked,
                unfranked: r.unfranked,
                frankingCredits: Math.floor((r.franked * 3) / 7),
              },
        business:
          r.business === undefined
            ? undefined
            : { netIncome: r.business, smallBusinessEntity: true, lossDeductibleThisYear: true },
        capitalGains:
          r.gain === undefined ? undefined : { gains: [{ amount: r.gain, discountEligible: true }] },
        rentalProperties: r.rent === undefined ? undefined : [r.rent],
        foreignIncome: r.foreign && resident ? r.foreign : undefined,
      },
      deductions: {
        otherWorkRelated: r.workDeductions,
        workingFromHome: r.wfhHours === undefined ? undefined : { hours: r.wfhHours, energy: 20_000 },
        car: r.km === undefined ? undefined : { cars: [{ businessKilometres: r.km }] },
        giftsAndDonations: r.gifts,
      },
      credits: { paygWithholding: r.withheld },
      spouse: r.spouse === null ? null : { taxableIncome: r.spouse },
      dependants: { dependentChildren: r.spouse === null ? 0 : r.children },
      sapto:
        r.sapto && resident ? { eligible: true, category: r.spouse === null ? 'single' : 'couple' } : null,
      privateHealth: {
        hospitalCover: r.cover,
        statements: r.phi ? [{ premiumsEligible: 150_000, rebateReceived: 36_000, benefitCode: 30 }] : [],
      },
      studyLoan: { hasDebt: r.help },
      incomeTests: r.rfb === undefined ? undefined : { reportableFringeBenefitsOther: r.rfb },
    };
  });

/** Replaces salary with another amount. */
export function withSalary(input: TaxReturnInput, salary: number): TaxReturnInput {
  return { ...input, income: { ...input.income, salaryWages: salary } };
}
