/**
 * Income years. "2024-25" is 1 July 2024 to 30 June 2025. Dates are handled as plain calendar
 * arithmetic on ISO strings (no Date object, no clock): the engine is pure.
 */

export const SUPPORTED_INCOME_YEARS = [
  '2020-21',
  '2021-22',
  '2022-23',
  '2023-24',
  '2024-25',
  '2025-26',
  '2026-27',
] as const;

export type IncomeYear = (typeof SUPPORTED_INCOME_YEARS)[number];

export function isIncomeYear(value: unknown): value is IncomeYear {
  return typeof value === 'string' && (SUPPORTED_INCOME_YEARS as readonly string[]).includes(value);
}

/** The calendar year in which the income year starts (1 July): "2024-25" → 2024. */
export function startYear(year: IncomeYear): number {
  return Number(year.slice(0, 4));
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

const DAYS: Readonly<Record<IncomeYear, number>> = {
  '2020-21': 365,
  '2021-22': 365,
  '2022-23': 365,
  '2023-24': 366,
  '2024-25': 365,
  '2025-26': 365,
  '2026-27': 365,
};

/** Days in the income year: 366 when it contains 29 February (2023-24 in the supported range). */
export function daysInIncomeYear(year: IncomeYear): number {
  return DAYS[year];
}

/** Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export interface CalendarDate {
  readonly year: number;
  readonly month: number; // 1-12
  readonly day: number; // 1-31
}

/** Parses "YYYY-MM-DD"; returns null for anything that is not a real calendar date. */
export function parseIsoDate(text: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return null;
  const monthDays = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1] ?? 0;
  if (day > monthDays) return null;
  return { year, month, day };
}

export function incomeYearStart(year: IncomeYear): CalendarDate {
  return { year: startYear(year), month: 7, day: 1 };
}

export function incomeYearEnd(year: IncomeYear): CalendarDate {
  return { year: startYear(year) + 1, month: 6, day: 30 };
}

function serial(date: CalendarDate): number {
  return daysFromCivil(date.year, date.month, date.day);
}

export function isWithinIncomeYear(year: IncomeYear, date: CalendarDate): boolean {
  const s = serial(date);
  return s >= serial(incomeYearStart(year)) && s <= serial(incomeYearEnd(year));
}

/** Inclusive count of days from `from` to `to`. */
export function daysBetweenInclusive(from: CalendarDate, to: CalendarDate): number {
  return serial(to) - serial(from) + 1;
}

/** Month index within the income year: July = 1 … June = 12. */
export function incomeYearMonthIndex(year: IncomeYear, date: CalendarDate): number {
  return (date.year - startYear(year)) * 12 + date.month - 6;
}
