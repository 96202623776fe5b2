import type { EstimateResponse } from '@numeri/contracts';
import { lazy, Suspense } from 'react';
import { formatMoney, formatPercent } from '../../lib/format';

// The chart library is large; load it after the first estimate arrives, not with the page.
const DollarDonut = lazy(() => import('./DollarDonut'));

export interface DollarShare {
  id: string;
  label: string;
  amount: number;
  colour: string;
}

const COLOURS = {
  takeHome: '#0d9488', // teal-600
  incomeTax: '#334155', // slate-700
  medicare: '#64748b', // slate-500
  surcharge: '#94a3b8', // slate-400
  studyLoan: '#cbd5e1', // slate-300
  other: '#e2e8f0', // slate-200
} as const;

/**
 * Splits taxable income into what is kept and each kind of tax. Works in whole cents so the parts
 * add up exactly; anything in total tax not itemised here shows as "Other tax".
 */
export function dollarShares(estimate: EstimateResponse): DollarShare[] {
  const cents = (dollars: number) => Math.round(dollars * 100);
  const income = cents(estimate.taxableIncome);
  if (income <= 0) return [];
  const parts: Array<Omit<DollarShare, 'amount'> & { cents: number }> = [
    { id: 'income-tax', label: 'Income tax', cents: cents(estimate.netIncomeTax), colour: COLOURS.incomeTax },
    {
      id: 'medicare-levy',
      label: 'Medicare levy',
      cents: cents(estimate.medicareLevy),
      colour: COLOURS.medicare,
    },
    {
      id: 'medicare-levy-surcharge',
      label: 'Medicare levy surcharge',
      cents: cents(estimate.medicareLevySurcharge),
      colour: COLOURS.surcharge,
    },
    {
      id: 'study-loan',
      label: 'Study loan repayment',
      cents: cents(estimate.studyLoanRepayment),
      colour: COLOURS.studyLoan,
    },
  ];
  const itemised = parts.reduce((sum, part) => sum + part.cents, 0);
  const total = cents(estimate.totalTax);
  if (total > itemised)
    parts.push({ id: 'other', label: 'Other tax', cents: total - itemised, colour: COLOURS.other });
  const takeHome = income - Math.max(total, itemised);
  return [
    { id: 'take-home', label: 'You keep', cents: Math.max(takeHome, 0), colour: COLOURS.takeHome },
    ...parts,
  ]
    .filter((part) => part.cents > 0)
    .map(({ cents: value, ...part }) => ({ ...part, amount: value / 100 }));
}

/** `0.773` of a dollar → `77c`. */
function centsInTheDollar(share: number): string {
  return `${Math.round(share * 100)}c`;
}

export function WhereEachDollarGoes({ estimate }: { estimate: EstimateResponse }) {
  const shares = dollarShares(estimate);
  if (shares.length === 0) return null;
  const income = estimate.taxableIncome;
  const keep = shares.find((share) => share.id === 'take-home');
  return (
    // Side by side when the card is wide enough (a container query), stacked otherwise.
    <figure className="@container">
      <div className="flex flex-col gap-6 @lg:flex-row @lg:items-center @lg:gap-8">
        {/* The table beside the chart carries the same figures for screen readers and text users. */}
        <div className="relative mx-auto size-44 shrink-0" aria-hidden="true">
          <Suspense fallback={<div className="size-44 rounded-full border-[28px] border-slate-100" />}>
            <DollarDonut shares={shares} />
          </Suspense>
          {keep ? (
            <div className="pointer-events-none absolute inset-0 flex flex-col items-center justify-center text-center">
              <span className="text-2xl font-semibold text-slate-900 tabular">
                {centsInTheDollar(keep.amount / income)}
              </span>
              <span className="text-xs text-slate-500">kept per $1</span>
            </div>
          ) : null}
        </div>
        <div className="min-w-0 flex-1">
          <figcaption className="sr-only">
            Where each dollar of your {formatMoney(income, { wholeDollars: true })} taxable income goes
          </figcaption>
          <table className="w-full text-sm">
            <thead>
              <tr className="text-left text-xs font-medium whitespace-nowrap text-slate-500">
                <th scope="col" className="pb-2 font-medium">
                  Where it goes
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  Per $1
                </th>
                <th scope="col" className="pb-2 text-right font-medium">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {shares.map((share) => (
                <tr key={share.id}>
                  <th scope="row" className="py-2 pr-2 text-left font-normal text-slate-700">
                    <span className="flex items-center gap-2">
                      <span
                        aria-hidden="true"
                        className="size-2.5 shrink-0 rounded-sm"
                        style={{ backgroundColor: share.colour }}
                      />
                      {share.label}
                    </span>
                  </th>
                  <td className="py-2 text-right text-slate-600 tabular">
                    <span aria-hidden="true">{centsInTheDollar(share.amount / income)}</span>
                    <span className="sr-only">
                      {formatPercent(share.amount / income, { maximumFractionDigits: 0 })}
                    </span>
                  </td>
                  <td className="py-2 pl-3 text-right font-medium text-slate-900 tabular">
                    {formatMoney(share.amount)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </figure>
  );
}
