import { describe, expect, it } from 'vitest';
import { isValidTfn, maskTfn } from './tfn';

describe('isValidTfn', () => {
  it('accepts a TFN whose weighted sum is a multiple of 11', () => {
    // 1×1 + 2×4 + 3×3 + 4×7 + 5×5 + 6×8 + 7×6 + 8×9 + 2×10 = 253 = 23 × 11
    expect(isValidTfn('123 456 782')).toBe(true);
    expect(isValidTfn('123456782')).toBe(true);
  });

  it('rejects a wrong check digit, wrong lengths and non-digits', () => {
    expect(isValidTfn('123 456 789')).toBe(false); // sum 323, not a multiple of 11
    expect(isValidTfn('12345678')).toBe(false);
    expect(isValidTfn('1234567821')).toBe(false);
    expect(isValidTfn('12345678a')).toBe(false);
    expect(isValidTfn('')).toBe(false);
  });

  it('accepts a legacy eight-digit TFN by its weights', () => {
    // 1×10 + 0×7 + 0×8 + 0×4 + 0×6 + 0×3 + 0×5 + 1×1 = 11
    expect(isValidTfn('10000001')).toBe(true);
    expect(isValidTfn('10000002')).toBe(false);
  });

  it('masks all but the last three digits', () => {
    expect(maskTfn('123456782')).toBe('*** *** 782');
  });
});
