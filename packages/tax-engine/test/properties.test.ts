import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assess } from '../src/assess';
import { rulesFor } from '../src/rules/rules';
import { taxOnScale } from '../src/calc/tax-scale';
import { validateReturn } from '../src/validate';
import { rateToNumber } from '../src/money';
import { taxReturn, withSalary } from './arbitraries';
import { assessOk } from './helpers';

const RUNS = { numRuns: 300 };

describe('invariants over generated returns', () => {
  it('every generated return is valid and assessable', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        expect(validateReturn(input)).toEqual([]);
        expect(assess(input).ok).toBe(true);
      }),
      RUNS,
    );
  });

  it('tax, levies and repayments are never negative', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const a = assessOk(input, { explain: false });
        for (const v of [
          a.taxableIncome,
          a.taxOnTaxableIncome,
          a.netIncomeTax,
          a.medicareLevy,
          a.medicareLevySurcharge,
          a.studyLoanRepayment,
          a.totalLiability,
          a.refundableOffsets,
        ]) {
          expect(v).toBeGreaterThanOrEqual(0);
          expect(Number.isSafeInteger(v)).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('non-refundable offsets never exceed the tax they reduce', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const a = assessOk(input, { explain: false });
        const nonRefundable = a.offsets.filter((o) => !o.refundable);
        for (const o of nonRefundable) {
          expect(o.applied).toBeLessThanOrEqual(o.entitlement);
          expect(o.applied).toBeGreaterThanOrEqual(0);
        }
        const againstBasic = nonRefundable
          .filter((o) => o.id !== 'foreign-income')
          .reduce((s, o) => s + o.applied, 0);
        expect(againstBasic).toBeLessThanOrEqual(a.taxOnTaxableIncome);
        const fito = nonRefundable.find((o) => o.id === 'foreign-income')?.applied ?? 0;
        expect(fito).toBeLessThanOrEqual(
          a.taxOnTaxableIncome - againstBasic + a.medicareLevy + a.medicareLevySurcharge,
        );
        expect(a.nonRefundableOffsets).toBe(againstBasic + fito);
      }),
      RUNS,
    );
  });

  it('the result adds up: refund = credits + refundable offsets − liability', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const a = assessOk(input, { explain: false });
        expect(a.refund).toBe(a.credits + a.refundableOffsets - a.totalLiability);
        expect(a.totalLiability).toBe(
          a.taxOnTaxableIncome +
            a.medicareLevy +
            a.medicareLevySurcharge +
            Math.max(0, a.privateHealthAdjustment) +
            a.studyLoanRepayment -
            a.nonRefundableOffsets,
        );
      }),
      RUNS,
    );
  });

  it('taxable income never falls when salary rises, and rises by no more than the raise', () => {
    fc.assert(
      fc.property(taxReturn, fc.integer({ min: 1, max: 5_000_000 }), (input, raise) => {
        const before = assessOk(input, { explain: false }).taxableIncome;
        const after = assessOk(withSalary(input, (input.income?.salaryWages ?? 0) + raise), {
          explain: false,
        }).taxableIncome;
        expect(after).toBeGreaterThanOrEqual(before);
        expect(after - before).toBeLessThanOrEqual(raise + 100);
      }),
      RUNS,
    );
  });

  it('the marginal rate of tax on taxable income is always one of the year’s scale rates', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const a = assessOk(input, { explain: false });
        const rules = rulesFor(input.incomeYear);
        const scaleRates = [
          ...rules.residentScale.value,
          ...rules.foreignScale.value,
          ...rules.workingHolidayScale.value,
        ].map((b) => rateToNumber(b.rate) * 100);
        expect(scaleRates).toContain(a.marginalRatePercent);
      }),
      RUNS,
    );
  });

  it('one more dollar of salary costs no more than the top scale rate plus levy phase-ins and offset tapers', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const a = assessOk(input, { explain: false });
        const b = assessOk(withSalary(input, (input.income?.salaryWages ?? 0) + 100), { explain: false });
        const rules = rulesFor(input.incomeYear);
        const lmitoCliff =
          input.incomeYear === '2021-22' && a.taxableIncome < 12_600_000 && b.taxableIncome >= 12_600_000;
        if (lmitoCliff) return; // the $420 LMITO stops at $126,000 (s61-107(1A)): a designed cliff
        const delta = b.netIncomeTax + b.medicareLevy - (a.netIncomeTax + a.medicareLevy);
        // bound: 45% top rate + 10% Medicare shade-in + 5% LITO + 3% LMITO + 12.5% SAPTO taper, + 2c rounding
        const maxScale = Math.max(
          ...rules.residentScale.value.map((x) => rateToNumber(x.rate)),
          ...rules.foreignScale.value.map((x) => rateToNumber(x.rate)),
        );
        expect(delta).toBeLessThanOrEqual(Math.ceil(100 * (maxScale + 0.1 + 0.05 + 0.03 + 0.125)) + 2);
        // offsets phase in more slowly than the scale rates rise (7.5% LMITO phase-in < 19%), so tax never falls
        expect(delta).toBeGreaterThanOrEqual(-2);
      }),
      RUNS,
    );
  });

  it('the tax scale is monotonic and its step is the bracket rate', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('2020-21', '2024-25', '2026-27' as const),
        fc.integer({ min: 0, max: 50_000_000 }),
        (year, dollars) => {
          const scale = rulesFor(year).residentScale.value;
          const t0 = taxOnScale(dollars * 100, scale);
          const t1 = taxOnScale((dollars + 1) * 100, scale);
          const rates = scale.map((b) => rateToNumber(b.rate) * 100);
          const step = t1 - t0;
          expect(rates.some((r) => Math.abs(step - r) <= 1)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('explain on and off give identical numbers', () => {
    fc.assert(
      fc.property(taxReturn, (input) => {
        const on = assessOk(input);
        const off = assessOk(input, { explain: false });
        expect(off.lines).toEqual([]);
        expect({ ...on, lines: [] }).toEqual(off);
        for (const l of on.lines) {
          expect(Number.isSafeInteger(l.amount)).toBe(true);
          expect(l.explanation).not.toMatch(/undefined|NaN/);
          expect(l.source.url).toMatch(/^https:\/\//);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('validation never throws and never lets junk through', () => {
    fc.assert(
      fc.property(fc.anything(), (junk) => {
        const issues = validateReturn(junk);
        expect(Array.isArray(issues)).toBe(true);
        const r = assess(junk as never);
        if (r.ok) expect(issues).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});
