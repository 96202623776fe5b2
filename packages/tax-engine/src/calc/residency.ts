import {
  daysBetweenInclusive,
  daysInIncomeYear,
  incomeYearEnd,
  incomeYearMonthIndex,
  incomeYearStart,
  parseIsoDate,
  type IncomeYear,
} from '../income-year';
import type { ResidencyInput } from '../input.types';

export interface PartYearPeriod {
  /** Months in the year in a part-year residency period, counting the month of arrival/departure (ITRA s18, s20). */
  readonly months: number;
  /** Days resident in the year. */
  readonly daysResident: number;
}

/** Resolves a part-year residency input to months and days. Assumes the input was validated. */
export function partYearPeriod(
  year: IncomeYear,
  r: Extract<ResidencyInput, { kind: 'part-year-resident' }>,
): PartYearPeriod {
  const from = r.residentFrom !== undefined ? parseIsoDate(r.residentFrom) : null;
  const until = r.residentUntil !== undefined ? parseIsoDate(r.residentUntil) : null;
  if (from || until) {
    const start = from ?? incomeYearStart(year);
    const end = until ?? incomeYearEnd(year);
    const months = incomeYearMonthIndex(year, end) - incomeYearMonthIndex(year, start) + 1;
    return { months, daysResident: daysBetweenInclusive(start, end) };
  }
  const months = r.monthsResident ?? 12;
  const daysResident = r.daysResident ?? Math.round((daysInIncomeYear(year) * months) / 12);
  return { months, daysResident };
}
