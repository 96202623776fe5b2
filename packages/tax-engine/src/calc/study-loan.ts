import { ExactSum, type Cents, type Rate } from '../money';
import type { StudyLoanSchedule } from '../rules/rule.types';

export interface StudyLoanResult {
  readonly amount: Cents;
  /** Before the cap of the remaining debt. */
  readonly calculated: Cents;
  /** Whole-income system: the percentage applied; marginal system: null. */
  readonly rate: Rate | null;
  readonly method:
    'below-threshold' | 'whole-income' | 'marginal' | 'capped-at-10%' | 'not-liable-family-reduction';
  readonly cappedAtBalance: boolean;
}

function noRepayment(method: StudyLoanResult['method']): StudyLoanResult {
  return { amount: 0, calculated: 0, rate: null, method, cappedAtBalance: false };
}

/**
 * Compulsory study and training loan repayment (HESA 2003 s154-1, s154-20; one schedule for HELP,
 * VSL, SFSS, SSL, ABSTUDY SSL and AASL/TSL).
 * - Up to 2024-25: the band's percentage of the WHOLE repayment income, once repayment income
 *   exceeds the minimum repayment income.
 * - From 2025-26: 15c per $1 above the minimum, plus 17c per $1 above the second threshold, but never
 *   more than 10% of the whole repayment income.
 * Never more than the debt; nil when the Medicare levy was removed or reduced under s8 (HESA s154-1(2)).
 */
export function studyLoanRepayment(
  repaymentIncome: Cents,
  schedule: StudyLoanSchedule,
  opts: { readonly balance?: Cents; readonly medicareReducedUnderSection8: boolean },
): StudyLoanResult {
  if (repaymentIncome <= schedule.minimumRepaymentIncome * 100) return noRepayment('below-threshold');
  if (opts.medicareReducedUnderSection8) return noRepayment('not-liable-family-reduction');

  let calculated: Cents;
  let rate: Rate | null = null;
  let method: StudyLoanResult['method'];
  if (schedule.kind === 'whole-income') {
    for (const band of schedule.bands) {
      if (repaymentIncome >= band.from * 100) rate = band.rate;
    }
    if (!rate) return noRepayment('below-threshold');
    calculated = new ExactSum(rate.den).addRate(repaymentIncome, rate).rounded();
    method = 'whole-income';
  } else {
    const marginal = new ExactSum(1000);
    const bands = schedule.bands;
    for (let i = 0; i < bands.length; i++) {
      const band = bands[i];
      if (!band) continue;
      const from = band.from * 100;
      if (repaymentIncome <= from) break;
      const next = bands[i + 1];
      const top = next && next.from * 100 < repaymentIncome ? next.from * 100 : repaymentIncome;
      // Each band's rate applies to the part of income within that band (15c, then 17c above the second threshold).
      marginal.addRate(top - from, band.rate);
    }
    const cap = new ExactSum(1000).addRate(repaymentIncome, schedule.capRate);
    const m = marginal.rounded();
    const c = cap.rounded();
    if (c < m) {
      calculated = c;
      method = 'capped-at-10%';
      rate = schedule.capRate;
    } else {
      calculated = m;
      method = 'marginal';
    }
  }
  const cappedAtBalance = opts.balance !== undefined && opts.balance < calculated;
  return {
    amount: cappedAtBalance ? (opts.balance ?? 0) : calculated,
    calculated,
    rate,
    method,
    cappedAtBalance,
  };
}
