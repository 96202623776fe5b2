import type { ReturnSummary } from '@numeri/contracts';
import { Link } from 'react-router';
import { ApiErrorAlert, ArrowRightIcon, Button, Card, Page, Spinner } from '../../components';
import { cn } from '../../lib/cn';
import { formatCents, formatIncomeYear, formatRelativeTime, incomeYearRange } from '../../lib/format';
import { useReturns } from './api';
import { StatusBadge } from './StatusBadge';
import { StartReturnCard } from './StartReturn';

/** "Refund $1,234" / "To pay $56" / "Not worked out yet". */
export function OutcomeText({ cents, className }: { cents: number | null; className?: string }) {
  if (cents === null) return <span className={cn('text-slate-500', className)}>Not worked out yet</span>;
  if (cents > 0) return <span className={cn('text-teal-800', className)}>Refund {formatCents(cents)}</span>;
  if (cents < 0) return <span className={cn('text-slate-900', className)}>To pay {formatCents(-cents)}</span>;
  return <span className={cn('text-slate-700', className)}>Nothing to pay</span>;
}

export function ReturnRow({
  summary,
  to,
  readOnly = false,
}: {
  summary: ReturnSummary;
  to: string;
  readOnly?: boolean;
}) {
  const editable = !readOnly && (summary.status === 'draft' || summary.status === 'ready');
  return (
    <li>
      <Link
        to={to}
        className="group flex flex-col gap-3 rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 transition-colors hover:ring-slate-300 sm:flex-row sm:items-center sm:justify-between"
      >
        <div className="min-w-0">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-base font-semibold text-slate-900">
              {formatIncomeYear(summary.incomeYear)}
            </span>
            <StatusBadge view={summary} />
          </div>
          <p className="mt-1 text-sm text-slate-600">
            {incomeYearRange(summary.incomeYear)} ·{' '}
            {summary.lodgedAt
              ? `lodged ${formatRelativeTime(summary.lodgedAt)}`
              : `updated ${formatRelativeTime(summary.updatedAt)}`}
          </p>
        </div>
        <div className="flex items-center justify-between gap-4 sm:justify-end">
          <div className="text-right">
            <OutcomeText cents={summary.refundCents} className="block text-base font-semibold tabular" />
            <span className="text-sm text-slate-600">
              {summary.status === 'lodged'
                ? 'Lodged'
                : summary.complete
                  ? 'Ready to review'
                  : 'Still some questions'}
            </span>
          </div>
          <span className="inline-flex items-center gap-1 text-sm font-medium text-teal-800">
            {editable ? 'Continue' : 'Open'}
            <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
          </span>
        </div>
      </Link>
    </li>
  );
}

/** /returns — every income year's return, and starting a new one. */
export function ReturnsPage() {
  const returns = useReturns();
  return (
    <Page
      title="Returns"
      description="One return for each income year (1 July to 30 June). Pick up where you left off, or start a new one."
    >
      {returns.isPending ? (
        <div className="flex justify-center py-16 text-slate-500">
          <Spinner size="lg" label="Loading your returns" />
        </div>
      ) : returns.isError ? (
        <ApiErrorAlert
          error={returns.error}
          actions={
            <Button variant="secondary" size="sm" onClick={() => void returns.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <div className="flex flex-col gap-8">
          {returns.data.length > 0 ? (
            <section aria-labelledby="your-returns">
              <h2 id="your-returns" className="mb-3 text-base font-semibold text-slate-900">
                Your returns
              </h2>
              <ul className="flex flex-col gap-3">
                {returns.data.map((summary) => (
                  <ReturnRow key={summary.id} summary={summary} to={`/returns/${summary.incomeYear}`} />
                ))}
              </ul>
            </section>
          ) : null}
          <StartReturnCard existing={returns.data} />
          {returns.data.length === 0 ? (
            <Card padding="md" tone="muted">
              <p className="text-sm leading-6 text-slate-700">
                Not ready to start? The{' '}
                <Link to="/calculator" className="font-medium text-teal-800 underline underline-offset-2">
                  tax calculator
                </Link>{' '}
                gives a quick estimate without saving anything.
              </p>
            </Card>
          ) : null}
        </div>
      )}
    </Page>
  );
}
