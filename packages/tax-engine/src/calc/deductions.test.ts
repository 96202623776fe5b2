import { describe, expect, it } from 'vitest';
import { rulesFor } from '../rules/rules';
import { compareCarMethods } from './car';
import { partYearPeriod } from './residency';
import { selfEducationDeduction } from './self-education';
import { compareWorkFromHomeMethods } from './wfh';

const $ = (dollars: number) => Math.round(dollars * 100);

describe('working from home', () => {
  it('2024-25: 70c per hour beats actual costs', () => {
    // fixed: 1,000 h × 70c = 700; actual: 300 + 200 = 500
    const r = compareWorkFromHomeMethods(
      { hours: 1_000, energy: $(300), phoneAndInternet: $(200) },
      rulesFor('2024-25').workFromHome.value,
    );
    expect(r.best).toMatchObject({ method: 'fixed-rate', amount: $(700) });
    expect(r.methods.map((m) => m.method)).toEqual(['fixed-rate', 'actual-cost']);
    expect(r.reason).toBe(
      'The fixed-rate method gives $700.00, more than $500.00 with the actual-cost method.',
    );
  });
  it('adds decline in value and cleaning to the revised fixed rate', () => {
    // 700 + 100 equipment + 50 furniture = 850; actual 300 + 200 + 150 = 650
    const r = compareWorkFromHomeMethods(
      {
        hours: 1_000,
        energy: $(300),
        phoneAndInternet: $(200),
        equipmentDeclineInValue: $(100),
        furnitureDeclineInValue: $(50),
      },
      rulesFor('2024-25').workFromHome.value,
    );
    expect(r.best.amount).toBe($(850));
  });
  it('2023-24: actual cost wins when hours are few', () => {
    // fixed 100 h × 67c = 67; actual 400
    const r = compareWorkFromHomeMethods(
      { hours: 100, energy: $(400) },
      rulesFor('2023-24').workFromHome.value,
    );
    expect(r.best).toMatchObject({ method: 'actual-cost', amount: $(400) });
  });
  it('2021-22: shortcut (80c), fixed 52c plus separate items, and actual', () => {
    const r = compareWorkFromHomeMethods(
      {
        hours: 1_000,
        energy: $(300),
        phoneAndInternet: $(200),
        stationeryAndConsumables: $(50),
        cleaning: $(40),
        furnitureDeclineInValue: $(60),
        equipmentDeclineInValue: $(100),
      },
      rulesFor('2021-22').workFromHome.value,
    );
    // shortcut 800; fixed 520 + 200 + 50 + 100 = 870; actual 300+200+50+40+60+100 = 750
    expect(r.methods.map((m) => [m.method, m.amount])).toEqual([
      ['shortcut', $(800)],
      ['fixed-rate', $(870)],
      ['actual-cost', $(750)],
    ]);
    expect(r.best.method).toBe('fixed-rate');
  });
  it('is exact for part hours: 10.5 h × 67c = 703.5c → $7.04', () => {
    expect(
      compareWorkFromHomeMethods({ hours: 10.5 }, rulesFor('2022-23').workFromHome.value).best.amount,
    ).toBe(704);
  });
  it('reports a tie', () => {
    const r = compareWorkFromHomeMethods(
      { hours: 100, energy: $(70) },
      rulesFor('2024-25').workFromHome.value,
    );
    expect(r.reason).toContain('gives the same');
  });
});

describe('car expenses', () => {
  it('caps cents per km at 5,000 km', () => {
    // 2024-25: 5,000 × 88c = 4,400
    const r = compareCarMethods(
      { businessKilometres: 6_000 },
      rulesFor('2024-25').carCentsPerKm.value,
      5_000,
    );
    expect(r.best).toEqual({ method: 'cents-per-km', amount: $(4_400) });
    expect(r.centsPerKm.kilometresClaimed).toBe(5_000);
  });
  it.each([
    ['2020-21', 3_000, 2_160], // 3,000 × 72c
    ['2022-23', 1_000, 780], // 78c
    ['2023-24', 5_000, 4_250], // 85c
    ['2025-26', 2_000, 1_760], // 88c
  ] as const)('%s: %i km → $%d', (year, km, amount) => {
    expect(
      compareCarMethods({ businessKilometres: km }, rulesFor(year).carCentsPerKm.value, 5_000).best.amount,
    ).toBe($(amount));
  });
  it('chooses the logbook when it gives more', () => {
    // 60% × (8,000 + 2,000) = 6,000 > 4,400
    const r = compareCarMethods(
      {
        businessKilometres: 6_000,
        logbook: { businessUseBasisPoints: 6_000, carExpenses: $(8_000), declineInValue: $(2_000) },
      },
      88,
      5_000,
    );
    expect(r.best).toEqual({ method: 'logbook', amount: $(6_000) });
    expect(r.reason).toBe(
      'The logbook method gives $6,000.00, more than $4,400.00 with the cents-per-kilometre method.',
    );
  });
});

describe('self-education (s82A until 2021-22)', () => {
  it.each([
    [1_000, 0, 250, 750], // first $250 not deductible
    [1_000, 100, 250, 850], // reduction 250 − 100 = 150
    [1_000, 300, 250, 1_000], // category E ≥ 250: no reduction
    [200, 0, 250, 0], // reduction cannot exceed the expenses
  ])('expenses $%i, category E $%i, reduction $%i → $%i', (expenses, e, reduction, amount) => {
    expect(
      selfEducationDeduction({ expenses: $(expenses), nonDeductibleCategoryE: $(e) }, reduction).amount,
    ).toBe($(amount));
  });
  it('no reduction from 2022-23', () => {
    expect(rulesFor('2022-23').selfEducationReduction.value).toBeNull();
    expect(selfEducationDeduction({ expenses: $(1_000) }, null).amount).toBe($(1_000));
  });
});

describe('part-year residency periods', () => {
  it('counts the month of arrival as a whole month', () => {
    // Arrived 15 October 2024: October–June = 9 months; 259 days
    expect(partYearPeriod('2024-25', { kind: 'part-year-resident', residentFrom: '2024-10-15' })).toEqual({
      months: 9,
      daysResident: 259,
    });
  });
  it('counts the month of departure', () => {
    // Left 31 August 2023: July–August = 2 months, 62 days
    expect(partYearPeriod('2023-24', { kind: 'part-year-resident', residentUntil: '2023-08-31' })).toEqual({
      months: 2,
      daysResident: 62,
    });
  });
  it('takes counts directly', () => {
    expect(
      partYearPeriod('2024-25', { kind: 'part-year-resident', monthsResident: 4, daysResident: 100 }),
    ).toEqual({ months: 4, daysResident: 100 });
  });
});
