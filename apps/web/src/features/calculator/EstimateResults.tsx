import type { EstimateResponse } from '@numeri/contracts';
import * as Accordion from '@radix-ui/react-accordion';
import type { ReactNode } from 'react';
import { Alert, Card, ChevronDownIcon, ExternalLinkIcon, InfoIcon, Spinner } from '../../components';
import { cn } from '../../lib/cn';
import { formatIncomeYear, formatMoney } from '../../lib/format';
import { WhereEachDollarGoes } from './WhereEachDollarGoes';

export interface EstimateResultsProps {
  estimate: EstimateResponse;
  /** A newer estimate is loading; the figures shown are for the previous inputs. */
  updating?: boolean;
  /** The form has a problem, so these figures are for earlier inputs. */
  stale?: boolean;
}

type Outcome = 'refund' | 'owing' | 'square';

function outcomeOf(refund: number): Outcome {
  const cents = Math.round(refund * 100);
  return cents > 0 ? 'refund' : cents < 0 ? 'owing' : 'square';
}

const HEADLINES: Record<Outcome, string> = {
  refund: 'Estimated refund',
  owing: 'Estimated amount you’ll owe',
  square: 'No refund and nothing to pay',
};

const toCents = (dollars: number) => Math.round(dollars * 100);

/** Refundable credits other than tax withheld (e.g. excess franking credits), when the totals show some. */
function otherCredits(estimate: EstimateResponse): number {
  return (toCents(estimate.refund) - (toCents(estimate.taxWithheld) - toCents(estimate.totalTax))) / 100;
}

function Headline({ estimate, updating, stale }: EstimateResultsProps) {
  const outcome = outcomeOf(estimate.refund);
  const credits = otherCredits(estimate);
  return (
    <Card padding="lg" tone={outcome === 'refund' ? 'accent' : 'default'} className="relative">
      <div className="flex items-start justify-between gap-4">
        <p className="text-sm font-medium text-slate-700">
          {HEADLINES[outcome]}
          <span className="text-slate-500"> · {formatIncomeYear(estimate.incomeYear)}</span>
        </p>
        {estimate.provisional ? (
          <span className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-amber-200 ring-inset">
            Provisional
          </span>
        ) : null}
      </div>
      <p
        className={cn(
          'mt-2 text-4xl font-semibold tracking-tight tabular transition-opacity sm:text-5xl',
          outcome === 'refund' ? 'text-teal-800' : 'text-slate-900',
          // Only the (large) figure is dimmed while out of date: dimming the smaller text with it
          // would take it below WCAG contrast, and the note below says why.
          (updating || stale) && 'opacity-70',
        )}
        data-testid="estimate-outcome"
      >
        {formatMoney(Math.abs(estimate.refund))}
      </p>
      <p className="mt-3 text-sm leading-6 text-slate-600">
        Your tax comes to {formatMoney(estimate.totalTax)} and {formatMoney(estimate.taxWithheld)} has been
        withheld
        {credits !== 0 ? `, with ${formatMoney(credits)} of other credits` : ''}.{' '}
        {outcome === 'refund'
          ? 'The ATO would pay you back the difference.'
          : outcome === 'owing'
            ? 'You’d pay the difference after your notice of assessment arrives.'
            : 'They cancel out exactly.'}
      </p>
      <div aria-live="polite" className="mt-3 text-sm empty:mt-0">
        {updating ? (
          <span className="inline-flex items-center gap-2 text-slate-500">
            <Spinner size="sm" decorative /> Updating your estimate…
          </span>
        ) : stale ? (
          <span className="font-medium text-amber-800">
            Fix the highlighted fields to update this estimate.
          </span>
        ) : null}
      </div>
    </Card>
  );
}

function Row({
  label,
  amount,
  emphasis,
  muted,
  note,
}: {
  label: ReactNode;
  amount: string;
  emphasis?: boolean;
  muted?: boolean;
  note?: ReactNode;
}) {
  return (
    <div
      className={cn(
        'flex items-baseline justify-between gap-4 py-2.5',
        emphasis && 'font-semibold text-slate-900',
      )}
    >
      <dt
        className={cn('min-w-0', emphasis ? 'text-slate-900' : muted ? 'text-slate-500' : 'text-slate-700')}
      >
        {label}
        {note ? <span className="block text-xs font-normal text-slate-500">{note}</span> : null}
      </dt>
      <dd className={cn('shrink-0 tabular', muted ? 'text-slate-500' : 'text-slate-900')}>{amount}</dd>
    </div>
  );
}

function Summary({ estimate }: { estimate: EstimateResponse }) {
  const outcome = outcomeOf(estimate.refund);
  return (
    <dl className="divide-y divide-slate-100 text-sm">
      <Row label="Taxable income" amount={formatMoney(estimate.taxableIncome)} />
      <Row label="Tax on taxable income" amount={formatMoney(estimate.taxOnTaxableIncome)} />
      {estimate.offsets.map((offset) => (
        <Row key={offset.id} label={`Less ${offset.name}`} amount={`−${formatMoney(offset.amount)}`} />
      ))}
      {estimate.offsets.length > 0 ? (
        <Row label="Income tax after offsets" amount={formatMoney(estimate.netIncomeTax)} />
      ) : null}
      <Row
        label="Medicare levy"
        amount={formatMoney(estimate.medicareLevy)}
        muted={estimate.medicareLevy === 0}
      />
      <Row
        label="Medicare levy surcharge"
        amount={formatMoney(estimate.medicareLevySurcharge)}
        muted={estimate.medicareLevySurcharge === 0}
      />
      <Row
        label="Study loan repayment"
        amount={formatMoney(estimate.studyLoanRepayment)}
        muted={estimate.studyLoanRepayment === 0}
      />
      <Row label="Total tax" amount={formatMoney(estimate.totalTax)} emphasis />
      <Row label="Less tax withheld" amount={`−${formatMoney(estimate.taxWithheld)}`} />
      {otherCredits(estimate) !== 0 ? (
        <Row
          label="Less other credits"
          note="Such as franking credits beyond the tax they offset"
          amount={`−${formatMoney(otherCredits(estimate))}`}
        />
      ) : null}
      <Row
        label={outcome === 'owing' ? 'Amount you’ll owe' : 'Your refund'}
        amount={formatMoney(Math.abs(estimate.refund))}
        emphasis
      />
    </dl>
  );
}

function inputValue(value: number | string | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-AU', { maximumFractionDigits: 4 });
  return value;
}

function inputLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function Breakdown({ lines }: { lines: EstimateResponse['lines'] }) {
  if (lines.length === 0)
    return <p className="text-sm text-slate-600">There are no lines to explain for these figures.</p>;
  return (
    <Accordion.Root type="multiple" className="divide-y divide-slate-100 rounded-xl ring-1 ring-slate-200">
      {lines.map((line) => (
        <Accordion.Item key={line.id} value={line.id} className="group/item">
          <Accordion.Header className="text-sm">
            <Accordion.Trigger
              className={cn(
                'flex w-full items-center gap-3 px-4 py-3 text-left transition-colors hover:bg-slate-50',
                'focus-visible:outline-offset-[-2px] group-first/item:rounded-t-xl group-last/item:rounded-b-xl',
                'data-[state=open]:bg-slate-50',
              )}
            >
              <span className="min-w-0 flex-1 font-medium text-slate-800">{line.label}</span>
              <span className="shrink-0 font-medium text-slate-900 tabular">{formatMoney(line.amount)}</span>
              <ChevronDownIcon className="size-4 shrink-0 text-slate-400 transition-transform duration-200 group-data-[state=open]/item:rotate-180" />
            </Accordion.Trigger>
          </Accordion.Header>
          <Accordion.Content className="px-4 pt-1 pb-4 text-sm leading-6 text-slate-700">
            <p>{line.explanation}</p>
            {Object.keys(line.inputs).length > 0 ? (
              <dl className="mt-3 grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 rounded-lg bg-slate-50 p-3 text-xs">
                {Object.entries(line.inputs).map(([key, value]) => (
                  <div key={key} className="contents">
                    <dt className="text-slate-500">{inputLabel(key)}</dt>
                    <dd className="text-right text-slate-800 tabular">{inputValue(value)}</dd>
                  </div>
                ))}
              </dl>
            ) : null}
            <div className="mt-3 space-y-1 text-xs text-slate-500">
              <p>
                Source:{' '}
                {line.source.url ? (
                  <a
                    href={line.source.url}
                    target="_blank"
                    rel="noopener noreferrer"
                    className="inline-flex items-center gap-1 font-medium text-teal-800 underline decoration-teal-800/30 underline-offset-2 hover:decoration-teal-800"
                  >
                    {line.source.title}
                    <ExternalLinkIcon className="size-3.5" />
                    <span className="sr-only">(opens in a new tab)</span>
                  </a>
                ) : (
                  <span className="text-slate-700">{line.source.title}</span>
                )}
              </p>
              <p>
                Rule: <code className="font-mono break-all text-slate-600">{line.rule}</code>
              </p>
            </div>
          </Accordion.Content>
        </Accordion.Item>
      ))}
    </Accordion.Root>
  );
}

function Missing({ missing }: { missing: EstimateResponse['missing'] }) {
  return (
    <Card as="section" aria-labelledby="estimate-missing" padding="md">
      <h3 id="estimate-missing" className="flex items-center gap-2 text-base font-semibold text-slate-900">
        <InfoIcon className="size-5 text-sky-700" />
        To make this exact, tell us…
      </h3>
      <ul className="mt-3 space-y-3 text-sm">
        {missing.map((fact) => (
          <li key={fact.id}>
            <p className="font-medium text-slate-800">{fact.question}</p>
            <p className="mt-0.5 leading-6 text-slate-600">{fact.reason}</p>
          </li>
        ))}
      </ul>
    </Card>
  );
}

/** The estimate: the outcome first, then how it is made up, where each dollar goes, and each line explained. */
export function EstimateResults({ estimate, updating = false, stale = false }: EstimateResultsProps) {
  return (
    <div className="flex flex-col gap-6">
      <Headline estimate={estimate} updating={updating} stale={stale} />

      {estimate.provisional ? (
        <Alert tone="warning" title="Some figures for this year aren’t final">
          This estimate uses rates or thresholds the ATO hasn’t finalised for{' '}
          {formatIncomeYear(estimate.incomeYear)}. We’ll update it when they are; the difference is usually
          small.
        </Alert>
      ) : null}

      {estimate.missing.length > 0 ? <Missing missing={estimate.missing} /> : null}

      <Card as="section" aria-labelledby="estimate-summary" padding="md">
        <h3 id="estimate-summary" className="text-base font-semibold text-slate-900">
          Your tax, step by step
        </h3>
        <div className="mt-2">
          <Summary estimate={estimate} />
        </div>
      </Card>

      {estimate.taxableIncome > 0 ? (
        <Card as="section" aria-labelledby="estimate-dollar" padding="md">
          <h3 id="estimate-dollar" className="text-base font-semibold text-slate-900">
            Where each dollar goes
          </h3>
          <p className="mt-1 mb-5 text-sm text-slate-600">
            Of your {formatMoney(estimate.taxableIncome, { wholeDollars: true })} taxable income.
          </p>
          <WhereEachDollarGoes estimate={estimate} />
        </Card>
      ) : null}

      <section aria-labelledby="estimate-lines">
        <h3 id="estimate-lines" className="text-base font-semibold text-slate-900">
          How we worked it out
        </h3>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Open a line to see the rule, the figures it used and its source.
        </p>
        <Breakdown lines={estimate.lines} />
      </section>
    </div>
  );
}
