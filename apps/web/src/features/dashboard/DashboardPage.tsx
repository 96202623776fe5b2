import type { ReturnSummary, TaxReturnView } from '@numeri/contracts';
import { useQueries } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  ApiErrorAlert,
  ArrowRightIcon,
  Badge,
  Button,
  buttonClasses,
  CalculatorIcon,
  Card,
  DocumentIcon,
  Page,
  ShieldIcon,
  Spinner,
} from '../../components';
import { twoFactorSetupPath, useAuth } from '../../lib/auth';
import { cn } from '../../lib/cn';
import { formatDate, formatIncomeYear, formatMoney } from '../../lib/format';
import { fetchReturn, returnKeys, useDocuments, useReturns } from '../returns/api';
import { OutcomeText } from '../returns/ReturnsPage';
import { stepOfMissing, STEP_BY_ID } from '../returns/sections';
import { lodgeableYear, StartReturnCard, useStartReturn } from '../returns/StartReturn';
import { StatusBadge } from '../returns/StatusBadge';

// The chart library is large: load it once there is something to draw.
const YearsChart = lazy(() => import('./YearsChart'));

export interface YearFigures {
  year: string;
  label: string;
  income: number;
  deductions: number;
  tax: number;
}

interface NextStep {
  id: string;
  title: string;
  detail?: string;
  to: string;
  action: string;
}

function isEditable(summary: ReturnSummary) {
  return summary.status === 'draft' || summary.status === 'ready';
}

/** The few things to do next, most useful first. */
function nextSteps(
  summaries: readonly ReturnSummary[],
  views: Map<string, TaxReturnView>,
  waiting: number,
): NextStep[] {
  const steps: NextStep[] = [];
  if (waiting > 0) {
    steps.push({
      id: 'documents',
      title: `${waiting === 1 ? 'A document is' : `${waiting} documents are`} waiting for you to check`,
      detail: 'Their figures go into your return once you confirm them.',
      to: '/documents',
      action: 'Check documents',
    });
  }
  const current = lodgeableYear();
  if (!summaries.some((s) => s.incomeYear === current)) {
    steps.push({
      id: 'start',
      title: `Start your ${formatIncomeYear(current)} return`,
      detail: 'The income year ended on 30 June. It takes most people under 30 minutes.',
      to: '/returns',
      action: 'Start',
    });
  }
  for (const summary of summaries.filter(isEditable)) {
    const view = views.get(summary.incomeYear);
    const year = summary.incomeYear;
    if (!view) continue;
    // Records matter most when everything is answered: they are what stands between a person
    // and lodging with confidence, so they come before "review and lodge".
    const unrecorded = view.records.filter((record) => !record.attached);
    if (unrecorded.length > 0) {
      steps.push({
        id: `${year}-records`,
        title: `${unrecorded.length === 1 ? 'A claim has' : `${unrecorded.length} claims have`} no record attached`,
        detail: `${formatIncomeYear(year)} · The ATO expects a receipt, log or statement for each claim.`,
        to: `/returns/${year}/review`,
        action: 'Attach records',
      });
    }
    if (view.missing.length === 0) {
      steps.push({
        id: `review-${year}`,
        title: `Review and lodge your ${formatIncomeYear(year)} return`,
        detail: 'Everything the estimate needs is answered.',
        to: `/returns/${year}/review`,
        action: 'Review',
      });
      continue;
    }
    for (const missing of view.missing.slice(0, 3)) {
      const step = stepOfMissing(missing.id);
      steps.push({
        id: `${year}-${missing.id}`,
        title: missing.question,
        detail: `${formatIncomeYear(year)} · ${STEP_BY_ID.get(step)?.title ?? 'Your return'}`,
        to: `/returns/${year}/${step}`,
        action: 'Answer',
      });
    }
    if (view.missing.length > 3) {
      steps.push({
        id: `${year}-more`,
        title: `${view.missing.length - 3} more for ${formatIncomeYear(year)}`,
        to: `/returns/${year}/review`,
        action: 'See all',
      });
    }
  }
  return steps;
}

function YearCard({ summary, view }: { summary: ReturnSummary; view: TaxReturnView | undefined }) {
  const missing = view?.missing.length;
  const status =
    summary.status === 'lodged'
      ? summary.lodgedAt
        ? `Lodged ${formatDate(summary.lodgedAt)}`
        : 'Lodged'
      : missing === undefined
        ? ' '
        : missing === 0
          ? 'Ready to lodge'
          : `${missing} answer${missing === 1 ? '' : 's'} needed`;
  return (
    <li>
      <Link
        to={`/returns/${summary.incomeYear}`}
        className="group flex h-full flex-col rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 transition-colors hover:ring-slate-300"
      >
        <div className="flex items-center justify-between gap-2">
          <span className="text-base font-semibold text-slate-900">
            {formatIncomeYear(summary.incomeYear)}
          </span>
          <StatusBadge view={summary} />
        </div>
        <OutcomeText
          cents={summary.refundCents}
          className="mt-3 text-2xl font-semibold tracking-tight tabular"
        />
        <span className={cn('mt-1 text-sm', missing ? 'text-amber-900' : 'text-slate-600')}>{status}</span>
        <span className="mt-4 inline-flex items-center gap-1 text-sm font-medium text-teal-800">
          {isEditable(summary) ? 'Continue' : 'View'}
          <ArrowRightIcon className="size-4 transition-transform group-hover:translate-x-0.5" />
        </span>
      </Link>
    </li>
  );
}

function FiguresTable({ data }: { data: YearFigures[] }) {
  return (
    <table className="w-full text-sm">
      <caption className="sr-only">Income, deductions and tax by income year</caption>
      <thead>
        <tr className="text-left text-xs font-medium text-slate-500">
          <th scope="col" className="pb-2 font-medium">
            Year
          </th>
          <th scope="col" className="pb-2 text-right font-medium">
            Income
          </th>
          <th scope="col" className="pb-2 text-right font-medium">
            Deductions
          </th>
          <th scope="col" className="pb-2 text-right font-medium">
            Tax
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {data.map((row) => (
          <tr key={row.year}>
            <th scope="row" className="py-2 text-left font-medium text-slate-800">
              {row.label}
            </th>
            <td className="py-2 text-right text-slate-700 tabular">
              {formatMoney(row.income, { wholeDollars: true })}
            </td>
            <td className="py-2 text-right text-slate-700 tabular">
              {formatMoney(row.deductions, { wholeDollars: true })}
            </td>
            <td className="py-2 text-right text-slate-700 tabular">
              {formatMoney(row.tax, { wholeDollars: true })}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function EmptyState() {
  const start = useStartReturn();
  const year = lodgeableYear();
  return (
    <div className="flex flex-col gap-6">
      <Card
        tone="accent"
        padding="lg"
        className="flex flex-col gap-6 sm:flex-row sm:items-center sm:justify-between"
      >
        <div className="max-w-xl">
          <h2 className="text-xl font-semibold text-slate-900">
            Start your {formatIncomeYear(year)} tax return
          </h2>
          <p className="mt-2 text-sm leading-6 text-slate-700">
            Answer a few yes/no questions and we’ll ask only what applies to you. Your refund updates as you
            type, every line explained with its ATO source. Everything saves as you go.
          </p>
          <ApiErrorAlert error={start.error} className="mt-4" />
        </div>
        <Button
          size="lg"
          className="shrink-0"
          loading={start.isPending}
          onClick={() => start.mutate({ year, copy: true })}
        >
          Start my {formatIncomeYear(year)} return
          <ArrowRightIcon className="size-4" />
        </Button>
      </Card>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card padding="md">
          <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            <DocumentIcon className="size-5 text-teal-700" /> Upload your documents first
          </h3>
          <p className="mt-1.5 text-sm leading-6 text-slate-600">
            Income statements, receipts and bank statements: we read the figures and link each one to its
            place on your return.
          </p>
          <Link
            to="/documents"
            className="mt-3 inline-flex text-sm font-medium text-teal-800 underline underline-offset-2"
          >
            Go to documents
          </Link>
        </Card>
        <Card padding="md">
          <h3 className="flex items-center gap-2 text-sm font-semibold text-slate-900">
            <CalculatorIcon className="size-5 text-teal-700" /> Just want a quick estimate?
          </h3>
          <p className="mt-1.5 text-sm leading-6 text-slate-600">
            The tax calculator works out your refund from a few figures, without saving anything.
          </p>
          <Link
            to="/calculator"
            className="mt-3 inline-flex text-sm font-medium text-teal-800 underline underline-offset-2"
          >
            Open the calculator
          </Link>
        </Card>
      </div>
    </div>
  );
}

export function DashboardPage() {
  const { user } = useAuth();
  const returns = useReturns();
  const summaries = returns.data ?? [];
  const details = useQueries({
    queries: summaries.map((summary) => ({
      queryKey: returnKeys.detail(summary.incomeYear),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchReturn(summary.incomeYear, undefined, signal),
      staleTime: 30_000,
    })),
  });
  const views = new Map<string, TaxReturnView>();
  for (const detail of details) if (detail.data) views.set(detail.data.incomeYear, detail.data);
  const documents = useDocuments({ status: 'needs-review', limit: 100 });
  const waiting = documents.data?.items.length ?? 0;
  const figures: YearFigures[] = [...summaries].reverse().flatMap((summary) => {
    const a = views.get(summary.incomeYear)?.assessment;
    if (!a) return [];
    return [
      {
        year: summary.incomeYear,
        label: formatIncomeYear(summary.incomeYear),
        income: a.totalIncomeCents / 100,
        deductions: a.totalDeductionsCents / 100,
        tax: a.totalLiabilityCents / 100,
      },
    ];
  });
  const next = nextSteps(summaries, views, waiting);

  return (
    <Page
      title="Dashboard"
      eyebrow={user ? `Welcome, ${user.givenName}` : undefined}
      heading="Your tax, year by year"
      description="Where each return is up to, what to do next, and how your income and tax have moved."
    >
      {user && !user.twoFactorEnabled ? (
        <Alert
          tone="info"
          icon={<ShieldIcon />}
          className="mb-6"
          title="Protect your account with two-factor authentication"
          actions={
            <Link
              to={twoFactorSetupPath('/')}
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              Set it up
            </Link>
          }
        >
          You’ll need it to add your tax file number and to lodge.
        </Alert>
      ) : null}

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
      ) : summaries.length === 0 ? (
        <EmptyState />
      ) : (
        <div className="flex flex-col gap-10">
          <section aria-labelledby="next-steps">
            <h2 id="next-steps" className="text-lg font-semibold text-slate-900">
              What to do next
            </h2>
            {next.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">You’re up to date. Nothing needs you right now.</p>
            ) : (
              <ol className="mt-4 divide-y divide-slate-100 rounded-2xl bg-white shadow-xs ring-1 ring-slate-200">
                {next.slice(0, 6).map((step) => (
                  <li
                    key={step.id}
                    className="flex flex-col gap-2 px-5 py-4 sm:flex-row sm:items-center sm:justify-between"
                  >
                    <div className="min-w-0">
                      <p className="text-sm font-medium text-slate-900">{step.title}</p>
                      {step.detail ? <p className="text-sm text-slate-600">{step.detail}</p> : null}
                    </div>
                    <Link
                      to={step.to}
                      className={cn(
                        buttonClasses({ variant: 'secondary', size: 'sm' }),
                        'self-start sm:self-auto',
                      )}
                    >
                      {step.action}
                      <span className="sr-only">: {step.title}</span>
                    </Link>
                  </li>
                ))}
              </ol>
            )}
          </section>

          <section aria-labelledby="your-years">
            <div className="flex items-end justify-between gap-4">
              <h2 id="your-years" className="text-lg font-semibold text-slate-900">
                Your returns
              </h2>
              <Link to="/returns" className="text-sm font-medium text-teal-800 underline underline-offset-2">
                All returns
              </Link>
            </div>
            <ul className="mt-4 grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
              {summaries.map((summary) => (
                <YearCard key={summary.id} summary={summary} view={views.get(summary.incomeYear)} />
              ))}
            </ul>
          </section>

          <div className="grid gap-6 lg:grid-cols-3">
            <Card as="section" aria-labelledby="chart-title" padding="md" className="lg:col-span-2">
              <h2 id="chart-title" className="text-base font-semibold text-slate-900">
                Income, deductions and tax
              </h2>
              <p className="mt-1 text-sm text-slate-600">
                From each year’s return, as Numeri has worked it out.
              </p>
              {figures.length === 0 ? (
                <p className="mt-6 text-sm text-slate-600">Add some income to a return to see it here.</p>
              ) : (
                <figure className="mt-5">
                  <div className="h-64" aria-hidden="true">
                    <Suspense fallback={<div className="h-full rounded-xl bg-slate-50" />}>
                      <YearsChart data={figures} />
                    </Suspense>
                  </div>
                  <figcaption className="sr-only">
                    Income, deductions and tax by year, also in the table below.
                  </figcaption>
                  <div className="mt-5 border-t border-slate-100 pt-4">
                    <FiguresTable data={figures} />
                  </div>
                </figure>
              )}
            </Card>
            <Card as="section" aria-labelledby="documents-waiting" padding="md">
              <h2
                id="documents-waiting"
                className="flex items-center gap-2 text-base font-semibold text-slate-900"
              >
                <DocumentIcon className="size-5 text-teal-700" />
                Documents
              </h2>
              {documents.isPending ? (
                <div className="mt-4 text-slate-500">
                  <Spinner size="sm" label="Loading documents" />
                </div>
              ) : documents.isError ? (
                <p className="mt-2 text-sm text-slate-600">We couldn’t check your documents just now.</p>
              ) : (
                <>
                  <p className="mt-3 flex items-baseline gap-2">
                    <span
                      className="text-3xl font-semibold text-slate-900 tabular"
                      data-testid="documents-waiting"
                    >
                      {documents.data.nextCursor ? `${waiting}+` : waiting}
                    </span>
                    <span className="text-sm text-slate-600">waiting for you to check</span>
                  </p>
                  {waiting > 0 ? (
                    <Badge tone="warning" className="mt-2">
                      Not in your return until confirmed
                    </Badge>
                  ) : null}
                  <Link
                    to="/documents"
                    className={cn(buttonClasses({ variant: 'secondary', size: 'sm' }), 'mt-4')}
                  >
                    {waiting > 0 ? 'Check them' : 'Upload documents'}
                  </Link>
                </>
              )}
            </Card>
          </div>

          {!summaries.some((s) => s.incomeYear === lodgeableYear()) ? (
            <StartReturnCard existing={summaries} compact />
          ) : null}
        </div>
      )}
    </Page>
  );
}
