import { describe, expect, it } from 'vitest';
import {
  daysBetweenInclusive,
  daysInIncomeYear,
  incomeYearMonthIndex,
  isIncomeYear,
  isWithinIncomeYear,
  parseIsoDate,
  SUPPORTED_INCOME_YEARS,
} from './income-year';

describe('income years', () => {
  it('lists 2020-21 to 2026-27', () => {
    expect(SUPPORTED_INCOME_YEARS).toEqual([
      '2020-21',
      '2021-22',
      '2022-23',
      '2023-24',
      '2024-25',
      '2025-26',
      '2026-27',
    ]);
    expect(isIncomeYear('2019-20')).toBe(false);
    expect(isIncomeYear('2024-25')).toBe(true);
  });
  it('2023-24 has 366 days (29 February 2024); the others 365', () => {
    for (const y of SUPPORTED_INCOME_YEARS) expect(daysInIncomeYear(y)).toBe(y === '2023-24' ? 366 : 365);
  });
  it('parses and checks dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
    expect(parseIsoDate('2024-13-01')).toBeNull();
    expect(parseIsoDate('15/10/2024')).toBeNull();
    const d = parseIsoDate('2024-10-15');
    expect(d && isWithinIncomeYear('2024-25', d)).toBe(true);
    expect(d && isWithinIncomeYear('2023-24', d)).toBe(false);
  });
  it('counts months and days', () => {
    const from = parseIsoDate('2024-10-15');
    const end = parseIsoDate('2025-06-30');
    if (!from || !end) throw new Error('bad date');
    // October is month 4 of the income year (July = 1).
    expect(incomeYearMonthIndex('2024-25', from)).toBe(4);
    // 17 (Oct 15–31) + 30 + 31 + 31 + 28 + 31 + 30 + 31 + 30 = 259
    expect(daysBetweenInclusive(from, end)).toBe(259);
  });
});
