import { describe, expect, it } from 'vitest';
import { parseMoney } from '../../lib/format';
import { dollarsToCentsExact, parseDollarsToCents, percentToBasisPoints } from './money';

describe('exact dollars to cents', () => {
  it('converts what people type without float drift', () => {
    // Naive multiplication gets these wrong: 4.35 * 100 = 434.99999999999994, 1.15 * 100 = 114.99999999999999.
    expect(4.35 * 100).not.toBe(435);
    expect(dollarsToCentsExact(4.35)).toBe(435);
    expect(dollarsToCentsExact(1.15)).toBe(115);
    expect(dollarsToCentsExact(0.29)).toBe(29);
    expect(dollarsToCentsExact(19.99)).toBe(1999);
    expect(dollarsToCentsExact(85_000)).toBe(8_500_000);
    expect(dollarsToCentsExact(85_000.5)).toBe(8_500_050);
    expect(dollarsToCentsExact(9_999_999_999.99)).toBe(999_999_999_999);
    expect(dollarsToCentsExact(-1_234.56)).toBe(-123_456);
    expect(dollarsToCentsExact(0)).toBe(0);
  });

  it('refuses more than two decimals, and what is not a number', () => {
    expect(dollarsToCentsExact(1.005)).toBeNull();
    expect(dollarsToCentsExact(0.001)).toBeNull();
    expect(dollarsToCentsExact(1e-7)).toBeNull();
    expect(dollarsToCentsExact(1e21)).toBeNull();
    expect(dollarsToCentsExact(Number.NaN)).toBeNull();
    expect(dollarsToCentsExact(Number.POSITIVE_INFINITY)).toBeNull();
  });

  it('works on the MoneyInput’s parsed value for every amount with cents', () => {
    // Every whole-cent amount from $0.00 to $99.99 round-trips through the typed text exactly.
    for (let cents = 0; cents < 10_000; cents += 1) {
      const typed = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
      expect(dollarsToCentsExact(parseMoney(typed)!)).toBe(cents);
    }
    expect(dollarsToCentsExact(parseMoney('$85,000.10')!)).toBe(8_500_010);
  });

  it('parses text directly, and percentages to basis points', () => {
    expect(parseDollarsToCents('1,234.5')).toBe(123_450);
    expect(parseDollarsToCents('$0.07')).toBe(7);
    expect(parseDollarsToCents('12.345')).toBeNull();
    expect(parseDollarsToCents('')).toBeNull();
    expect(percentToBasisPoints(62.5)).toBe(6250);
    expect(percentToBasisPoints(33.33)).toBe(3333);
  });
});
