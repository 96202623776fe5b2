import { describe, expect, it } from 'vitest';
import {
  formatAmount,
  formatCents,
  formatDate,
  formatIncomeYear,
  formatMoney,
  formatPercent,
  incomeYearRange,
  parseMoney,
} from './format';

describe('formatMoney', () => {
  it('shows Australian dollars to the cent with grouping', () => {
    expect(formatMoney(85000.5)).toBe('$85,000.50');
    expect(formatMoney(0)).toBe('$0.00');
    expect(formatMoney(1234567.89)).toBe('$1,234,567.89');
  });

  it('puts the minus sign before the dollar sign', () => {
    expect(formatMoney(-12.3)).toBe('-$12.30');
  });

  it('removes float noise instead of showing it', () => {
    expect(formatMoney(0.1 + 0.2)).toBe('$0.30');
    expect(formatMoney(-0.001)).toBe('$0.00');
  });

  it('can round to whole dollars or sign positive changes', () => {
    expect(formatMoney(85000.5, { wholeDollars: true })).toBe('$85,001');
    expect(formatMoney(12, { signed: true })).toBe('+$12.00');
    expect(formatMoney(-12, { signed: true })).toBe('-$12.00');
  });

  it('formats integer cents', () => {
    expect(formatCents(8_500_050)).toBe('$85,000.50');
  });

  it('shows a dash for values that are not numbers', () => {
    expect(formatMoney(Number.NaN)).toBe('—');
  });
});

describe('formatAmount', () => {
  it('formats without the currency symbol, optionally dropping zero cents', () => {
    expect(formatAmount(85000.5)).toBe('85,000.50');
    expect(formatAmount(85000)).toBe('85,000.00');
    expect(formatAmount(85000, { trimZeroCents: true })).toBe('85,000');
    expect(formatAmount(85000.05, { trimZeroCents: true })).toBe('85,000.05');
  });
});

describe('parseMoney', () => {
  it.each([
    ['85,000.50', 85000.5],
    ['$85000.5', 85000.5],
    [' 85 000 ', 85000],
    ['.5', 0.5],
    ['-5,000', -5000],
    ['$-5', -5],
    ['(120.00)', -120],
    ['AUD 10', 10],
  ])('reads %j as %d', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it('treats an empty field as no value', () => {
    expect(parseMoney('')).toBeUndefined();
    expect(parseMoney('   ')).toBeUndefined();
  });

  it.each(['abc', '12abc', '1.2.3', '$', '-'])('reports %j as not an amount (NaN)', (text) => {
    expect(parseMoney(text)).toBeNaN();
  });

  it('keeps extra decimals so validation can reject them', () => {
    expect(parseMoney('1.234')).toBe(1.234);
  });
});

describe('formatPercent', () => {
  it('shows ratios as percentages with up to one decimal', () => {
    expect(formatPercent(0.325)).toBe('32.5%');
    expect(formatPercent(0.3)).toBe('30%');
    expect(formatPercent(0.16666, { maximumFractionDigits: 0 })).toBe('17%');
  });
});

describe('formatDate', () => {
  it('shows d MMM yyyy with three-letter months', () => {
    expect(formatDate('2025-09-05')).toBe('5 Sep 2025');
    expect(formatDate('2026-06-30')).toBe('30 Jun 2026');
    expect(formatDate('2024-01-01')).toBe('1 Jan 2024');
  });

  it('shows a calendar date as written, whatever the time zone', () => {
    expect(formatDate('2025-07-01')).toBe('1 Jul 2025');
  });

  it('formats Date objects in local time', () => {
    expect(formatDate(new Date(2025, 11, 25, 23, 30))).toBe('25 Dec 2025');
  });

  it('shows a dash for an invalid date', () => {
    expect(formatDate('not a date')).toBe('—');
  });
});

describe('income years', () => {
  it('writes the year with an en dash and gives its dates', () => {
    expect(formatIncomeYear('2025-26')).toBe('2025–26');
    expect(incomeYearRange('2025-26')).toBe('1 Jul 2025 – 30 Jun 2026');
  });
});
