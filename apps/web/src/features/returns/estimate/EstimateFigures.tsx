import type { EstimateResponse } from '@numeri/contracts';
import type { ReactNode } from 'react';
import { cn } from '../../../lib/cn';
import { formatMoney } from '../../../lib/format';

export type Outcome = 'refund' | 'owing' | 'square';

export function outcomeOf(refund: number): Outcome {
  const cents = Math.round(refund * 100);
  return cents > 0 ? 'refund' : cents < 0 ? 'owing' : 'square';
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  refund: 'Estimated refund',
  owing: 'Estimated amount to pay',
  square: 'Nothing to pay or refund',
};

function Row({
  label,
  amount,
  strong,
  minus,
}: {
  label: ReactNode;
  amount: number;
  strong?: boolean;
  minus?: boolean;
}) {
  return (
    <div className={cn('flex items-baseline justify-between gap-4 py-1.5', strong && 'font-semibold')}>
      <dt className={cn('min-w-0', strong ? 'text-slate-900' : 'text-slate-600')}>{label}</dt>
      <dd className="shrink-0 text-slate-900 tabular">
        {minus && Math.round(amount * 100) !== 0 ? '−' : ''}
        {formatMoney(Math.abs(amount))}
      </dd>
    </div>
  );
}

/** The figures from income to refund, in the order the ATO works them out. */
export function EstimateRows({
  estimate,
  compact = false,
}: {
  estimate: EstimateResponse;
  compact?: boolean;
}) {
  const outcome = outcomeOf(estimate.refund);
  const offsets = estimate.offsets.filter((o) => !o.refundable && Math.round(o.amount * 100) > 0);
  const refundable = estimate.refundableOffsets ?? 0;
  const phi = estimate.privateHealthAdjustment ?? 0;
  return (
    <dl className={cn('text-sm', compact ? '' : 'divide-y divide-slate-100')}>
      {estimate.totalIncome !== undefined ? <Row label="Total income" amount={estimate.totalIncome} /> : null}
      {estimate.totalDeductions !== undefined ? (
        <Row label="Deductions" amount={estimate.totalDeductions} minus />
      ) : null}
      <Row label="Taxable income" amount={estimate.taxableIncome} strong={!compact} />
      <Row label="Tax on taxable income" amount={estimate.taxOnTaxableIncome} />
      {offsets.map((offset) => (
        <Row key={offset.id} label={offset.name} amount={offset.amount} minus />
      ))}
      {estimate.medicareLevy > 0 ? <Row label="Medicare levy" amount={estimate.medicareLevy} /> : null}
      {estimate.medicareLevySurcharge > 0 ? (
        <Row label="Medicare levy surcharge" amount={estimate.medicareLevySurcharge} />
      ) : null}
      {phi > 0 ? <Row label="Private health rebate to repay" amount={phi} /> : null}
      {estimate.studyLoanRepayment > 0 ? (
        <Row label="Study loan repayment" amount={estimate.studyLoanRepayment} />
      ) : null}
      <Row label="Total tax" amount={estimate.totalTax} strong />
      <Row label="Tax withheld and credits" amount={estimate.taxWithheld} minus />
      {refundable > 0 ? (
        <Row label="Franking credits and other refundable offsets" amount={refundable} minus />
      ) : null}
      <Row label={outcome === 'owing' ? 'To pay' : 'Refund'} amount={Math.abs(estimate.refund)} strong />
    </dl>
  );
}
