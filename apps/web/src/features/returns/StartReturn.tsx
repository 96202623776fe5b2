import { INCOME_YEARS, type ReturnSummary } from '@numeri/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { ApiErrorAlert, ArrowRightIcon, Button, Card, Checkbox, Select } from '../../components';
import { formatIncomeYear, incomeYearRange } from '../../lib/format';
import { createReturn, returnKeys } from './api';

/**
 * The income year most people are lodging for: the last one that has ended (1 July – 30 June).
 * In November 2026 that is 2025-26.
 */
export function lodgeableYear(now: Date = new Date()): string {
  const year = now.getFullYear();
  const start = now.getMonth() >= 6 ? year - 1 : year - 2;
  const candidate = `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
  const years = INCOME_YEARS as readonly string[];
  if (years.includes(candidate)) return candidate;
  return years[years.length - 1]!;
}

export function previousYear(year: string): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** Starts a return and opens "what applies to you". */
export function useStartReturn() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: ({ year, copy }: { year: string; copy: boolean }) => createReturn(year, copy),
    onSuccess: (view) => {
      queryClient.setQueryData(returnKeys.detail(view.incomeYear), view);
      void queryClient.invalidateQueries({ queryKey: returnKeys.list() });
      void navigate(`/returns/${view.incomeYear}/personalise`);
    },
  });
}

/** "Start your 2025–26 return": choose the year, and start from last year's return by default. */
export function StartReturnCard({
  existing = [],
  defaultYear,
  compact = false,
}: {
  existing?: readonly ReturnSummary[];
  defaultYear?: string;
  compact?: boolean;
}) {
  const started = new Set(existing.map((r) => r.incomeYear as string));
  const available = [...INCOME_YEARS].reverse().filter((year) => !started.has(year));
  const suggested =
    defaultYear && available.includes(defaultYear as (typeof INCOME_YEARS)[number])
      ? defaultYear
      : lodgeableYear();
  const [year, setYear] = useState<string>(
    available.includes(suggested as (typeof INCOME_YEARS)[number]) ? suggested : (available[0] ?? suggested),
  );
  const [copy, setCopy] = useState(true);
  const start = useStartReturn();
  const previous = previousYear(year);
  const hasPrevious = started.has(previous);
  if (available.length === 0) return null;
  const current = lodgeableYear();
  // Once this year's return exists, starting another year is the quieter option.
  const another = started.has(current);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    start.mutate({ year, copy: hasPrevious && copy });
  };
  return (
    <Card
      as="section"
      aria-labelledby="start-return-title"
      tone={another ? 'default' : 'accent'}
      padding={compact ? 'md' : 'lg'}
    >
      <form onSubmit={onSubmit} className="flex flex-col gap-5">
        <div>
          <h2 id="start-return-title" className="text-lg font-semibold text-slate-900">
            {another ? 'Start a return for another year' : `Start your ${formatIncomeYear(year)} return`}
          </h2>
          <p className="mt-1 text-sm leading-6 text-slate-700">
            A few yes/no questions pick the parts that apply to you. Your refund estimate updates as you go,
            and everything saves as you type.
          </p>
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <Select
            label="Income year"
            hint={incomeYearRange(year)}
            value={year}
            onChange={(event) => setYear(event.target.value)}
            options={available.map((y) => ({
              value: y,
              label: `${formatIncomeYear(y)}${y === current ? ' (the year just ended)' : y > current ? ' (still under way)' : ''}`,
            }))}
          />
        </div>
        {hasPrevious ? (
          <Checkbox
            label={`Start from my ${formatIncomeYear(previous)} return`}
            hint="Brings across your employers, rental properties, losses carried forward and what applied to you. Amounts start empty."
            checked={copy}
            onChange={(event) => setCopy(event.target.checked)}
          />
        ) : null}
        <ApiErrorAlert error={start.error} />
        <div>
          <Button
            type="submit"
            size="lg"
            variant={another ? 'secondary' : 'primary'}
            loading={start.isPending}
          >
            Start my {formatIncomeYear(year)} return
            <ArrowRightIcon className="size-4" />
          </Button>
        </div>
      </form>
    </Card>
  );
}
