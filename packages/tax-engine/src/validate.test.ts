import { describe, expect, it } from 'vitest';
import { validateReturn } from './validate';
import type { TaxReturnInput } from './input.types';

const base: TaxReturnInput = { incomeYear: '2024-25', residency: { kind: 'resident' } };
const issuesOf = (input: unknown) => validateReturn(input).map((i) => [i.path, i.code]);

describe('validateReturn', () => {
  it('accepts a minimal return', () => {
    expect(validateReturn(base)).toEqual([]);
  });

  it('never throws on garbage', () => {
    for (const junk of [null, undefined, 42, 'x', [], { incomeYear: {} }, { residency: 'resident' }]) {
      expect(() => validateReturn(junk)).not.toThrow();
      expect(validateReturn(junk).length).toBeGreaterThan(0);
    }
  });

  it('reports a negative salary', () => {
    expect(issuesOf({ ...base, income: { salaryWages: -100 } })).toEqual([
      ['income.salaryWages', 'negative'],
    ]);
  });

  it('reports an unknown income year', () => {
    expect(issuesOf({ ...base, incomeYear: '2019-20' })).toEqual([['incomeYear', 'unknown-income-year']]);
  });

  it('reports fractional cents, wrong types and amounts that are too large', () => {
    expect(
      issuesOf({ ...base, income: { grossInterest: 10.5, salaryWages: '100', allowances: 1e13 } }),
    ).toEqual([
      ['income.salaryWages', 'invalid-type'],
      ['income.allowances', 'too-large'],
      ['income.grossInterest', 'not-integer'],
    ]);
  });

  it('rejects unknown fields', () => {
    expect(issuesOf({ ...base, income: { salary: 100 } })).toEqual([['income.salary', 'unknown-field']]);
    expect(issuesOf({ ...base, extra: true })).toEqual([['extra', 'unknown-field']]);
  });

  it('rejects SAPTO for a foreign resident', () => {
    expect(
      issuesOf({
        ...base,
        residency: { kind: 'foreign-resident' },
        sapto: { eligible: true, category: 'single' },
      }),
    ).toEqual([['sapto.eligible', 'not-applicable']]);
    // … and for a working holiday maker who is not a resident
    expect(
      issuesOf({
        ...base,
        residency: { kind: 'working-holiday-maker' },
        sapto: { eligible: true, category: 'single' },
      }),
    ).toEqual([['sapto.eligible', 'not-applicable']]);
  });

  it('reports inconsistent spouse, dependant and SAPTO facts', () => {
    expect(
      issuesOf({
        ...base,
        spouse: { taxableIncome: 0 },
        dependants: { dependentChildren: 1, soleParent: true },
      }),
    ).toEqual([['dependants.soleParent', 'inconsistent']]);
    expect(
      issuesOf({ ...base, spouse: null, dependants: { dependentChildren: 0, soleParent: true } }),
    ).toEqual([['dependants.soleParent', 'inconsistent']]);
    expect(issuesOf({ ...base, spouse: null, sapto: { eligible: true, category: 'couple' } })).toEqual([
      ['sapto.category', 'inconsistent'],
    ]);
    expect(
      issuesOf({ ...base, spouse: { taxableIncome: 100 }, sapto: { eligible: true, category: 'single' } }),
    ).toEqual([['sapto.category', 'inconsistent']]);
    expect(issuesOf({ ...base, dependants: { dependentChildren: 1.5 } })).toEqual([
      ['dependants.dependentChildren', 'not-integer'],
    ]);
    expect(issuesOf({ ...base, dependants: { dependentChildren: -1 } })).toEqual([
      ['dependants.dependentChildren', 'negative'],
    ]);
  });

  it('checks Medicare exemption days against the year', () => {
    expect(issuesOf({ ...base, medicare: { fullExemptionDays: 300, halfExemptionDays: 100 } })).toEqual([
      ['medicare', 'inconsistent'],
    ]);
    expect(
      issuesOf({
        ...base,
        spouse: null,
        dependants: { dependentChildren: 0 },
        medicare: { halfExemptionDays: 10 },
      }),
    ).toEqual([['medicare.halfExemptionDays', 'inconsistent']]);
    expect(
      issuesOf({ ...base, residency: { kind: 'foreign-resident' }, medicare: { fullExemptionDays: 10 } }),
    ).toEqual([['medicare', 'not-applicable']]);
  });

  it('checks part-year residency dates', () => {
    expect(issuesOf({ ...base, residency: { kind: 'part-year-resident' } })).toEqual([
      ['residency.monthsResident', 'required'],
    ]);
    expect(
      issuesOf({ ...base, residency: { kind: 'part-year-resident', residentFrom: '2023-10-01' } }),
    ).toEqual([['residency.residentFrom', 'out-of-range']]);
    expect(
      issuesOf({ ...base, residency: { kind: 'part-year-resident', residentFrom: '2025-02-30' } }),
    ).toEqual([['residency.residentFrom', 'invalid-date']]);
    expect(
      issuesOf({
        ...base,
        residency: { kind: 'part-year-resident', residentFrom: '2025-03-01', residentUntil: '2024-12-01' },
      }),
    ).toEqual([['residency.residentUntil', 'inconsistent']]);
    expect(issuesOf({ ...base, residency: { kind: 'part-year-resident', monthsResident: 13 } })).toEqual([
      ['residency.monthsResident', 'out-of-range'],
    ]);
    expect(
      issuesOf({ ...base, residency: { kind: 'part-year-resident', monthsResident: 2, daysResident: 200 } }),
    ).toEqual([['residency.daysResident', 'inconsistent']]);
    expect(issuesOf({ ...base, residency: { kind: 'resident', residentFrom: '2024-10-01' } })).toEqual([
      ['residency.residentFrom', 'not-applicable'],
    ]);
  });

  it('checks deductions', () => {
    expect(
      issuesOf({
        ...base,
        deductions: {
          car: {
            cars: [
              {
                businessKilometres: 10.5,
                logbook: { businessUseBasisPoints: 12_000, carExpenses: 100, declineInValue: 0 },
              },
            ],
          },
          workingFromHome: { hours: 10.123 },
          selfEducation: {},
        },
      }),
    ).toEqual([
      ['deductions.car.cars.0.businessKilometres', 'not-integer'],
      ['deductions.car.cars.0.logbook.businessUseBasisPoints', 'out-of-range'],
      ['deductions.selfEducation.expenses', 'required'],
      ['deductions.workingFromHome.hours', 'not-integer'],
    ]);
  });

  it('checks private health statements and cover days', () => {
    expect(
      issuesOf({
        ...base,
        privateHealth: {
          hospitalCover: { days: 400 },
          statements: [{ premiumsEligible: 100, rebateReceived: 0, benefitCode: 32 }],
        },
      }),
    ).toEqual([
      ['privateHealth.hospitalCover.days', 'out-of-range'],
      ['privateHealth.statements.0.benefitCode', 'invalid-type'],
    ]);
  });

  it('allows negative amounts only where the return does', () => {
    expect(
      issuesOf({
        ...base,
        income: { business: { netIncome: -5_000 }, partnershipsAndTrusts: { nonPrimaryProduction: -100 } },
      }),
    ).toEqual([]);
    expect(issuesOf({ ...base, income: { rentalProperties: [{ grossRent: -5 }] } })).toEqual([
      ['income.rentalProperties.0.grossRent', 'negative'],
    ]);
  });

  it('rejects a foreign income tax offset for a foreign resident', () => {
    expect(
      issuesOf({
        ...base,
        residency: { kind: 'foreign-resident' },
        income: { foreignIncome: { foreignTaxPaid: 100 } },
      }),
    ).toEqual([['income.foreignIncome.foreignTaxPaid', 'not-applicable']]);
  });
});
