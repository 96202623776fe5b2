import { describe, expect, it } from 'vitest';
import {
  applyRate,
  ExactSum,
  formatCents,
  formatRate,
  fracRound,
  fraction,
  groupThousands,
  mulDivRound,
  percent,
  roundHalfUpDiv,
  truncateToDollars,
} from './money';

describe('percent', () => {
  it.each([
    ['32.5', 13, 40], // 325/1000 reduced
    ['19', 19, 100],
    ['24.608', 769, 3125], // 24608/100000 = (32 × 769)/(32 × 3125)
    ['0', 0, 1],
    ['100', 1, 1],
  ])('percent(%s) = %i/%i', (text, num, den) => {
    expect(percent(text)).toEqual({ num, den });
  });
  it('rejects non-numbers', () => {
    expect(() => percent('12%')).toThrow();
  });
});

describe('roundHalfUpDiv', () => {
  it.each([
    [5, 2, 3], // 2.5 → 3 (half-up)
    [-5, 2, -2], // -2.5 → -2 (half-up goes toward +∞)
    [7, 3, 2], // 2.33 → 2
    [8, 3, 3], // 2.67 → 3
    [0, 7, 0],
    [509232500, 100000, 5092], // 5,092.325 → 5,092 (whole units)
    [9_007_199_254_740_991, 10, 900_719_925_474_099], // largest safe integer / 10 = …099.1
  ])('%i / %i → %i', (n, d, expected) => {
    expect(roundHalfUpDiv(n, d)).toBe(expected);
  });
});

describe('applyRate and mulDivRound', () => {
  it('32.5% of $1.00 is 32.5c, rounded half-up to 33c', () => {
    expect(applyRate(100, percent('32.5'))).toBe(33);
  });
  it('uses BigInt when the product is not a safe integer', () => {
    // 1e12 cents × 3076 = 3.076e15 is safe, × 7 more = unsafe: (1e12 × 3076 × 7) / (12500 × 7) = 246,080,000,000
    expect(mulDivRound([1_000_000_000_000, 3076, 7], [12_500, 7])).toBe(246_080_000_000);
  });
});

describe('ExactSum', () => {
  it('sums exactly and rounds once: 19% × 26,800 + 32.5% × 1 dollar = 5,092.325 → 5,092.33', () => {
    const sum = new ExactSum(1000).addRate(2_680_000, percent('19')).addRate(100, percent('32.5'));
    expect(sum.rounded()).toBe(509_233);
  });
  it('switches to BigInt without losing a cent', () => {
    const sum = new ExactSum(1000)
      .addProduct(4_000_000_000_000, 450)
      .addProduct(4_000_000_000_000, 450)
      .addCents(1);
    // 2 × 4e12 × 450 / 1000 = 3.6e12, + 1 cent
    expect(sum.rounded()).toBe(3_600_000_000_001);
  });
  it('roundedNonNegative floors at nil', () => {
    expect(new ExactSum(100).addCents(5).addCents(10, -1).roundedNonNegative()).toBe(0);
  });
  it('rejects a rate whose denominator does not divide the sum denominator', () => {
    expect(() => new ExactSum(100).addRate(100, percent('32.5'))).toThrow();
  });
});

describe('fractions', () => {
  it('rounds half-up', () => {
    expect(fracRound(fraction(5, 2))).toBe(3);
    expect(fracRound(fraction(-5, 2))).toBe(-2);
    expect(fracRound(fraction(1, 3))).toBe(0);
  });
});

describe('truncateToDollars', () => {
  it.each([
    [1_234_567, 1_234_500],
    [99, 0],
    [-1_250, -1_200],
    [-50, 0],
    [100, 100],
  ])('%i → %i', (cents, expected) => {
    expect(truncateToDollars(cents)).toBe(expected);
  });
});

describe('formatting', () => {
  it.each([
    [123_456_789, '$1,234,567.89'],
    [-5_000, '-$50.00'],
    [5, '$0.05'],
    [100_000, '$1,000.00'],
  ])('formatCents(%i) = %s', (cents, text) => {
    expect(formatCents(cents)).toBe(text);
  });
  it('formats rates', () => {
    expect(formatRate(percent('32.5'))).toBe('32.5%');
    expect(formatRate(percent('24.608'))).toBe('24.608%');
    expect(formatRate(percent('2'))).toBe('2%');
  });
  it('groups thousands', () => {
    expect(groupThousands(5000)).toBe('5,000');
    expect(groupThousands(999)).toBe('999');
  });
});
