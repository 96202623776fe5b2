import { estimateRequestSchema, type EstimateRequest } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, type FieldPath } from 'react-hook-form';
import { Button, Card, CalculatorIcon, CloudOffIcon, Page, RefreshIcon, Spinner } from '../../components';
import { isApiError, type ApiError } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { useEstimate } from './estimate-api';
import { EstimateForm } from './EstimateForm';
import { EstimateResults } from './EstimateResults';
import {
  defaultValues,
  FIELD_LABELS,
  formErrorMap,
  hasNoAmounts,
  toEstimateRequest,
  type EstimateFormValues,
} from './estimate-form';

export interface CalculatorPageProps {
  /** How long typing must pause before the estimate refreshes. */
  debounceMs?: number;
}

const sameRequest = (a: EstimateRequest | null, b: EstimateRequest | null) =>
  JSON.stringify(a) === JSON.stringify(b);

function EmptyState() {
  return (
    <Card padding="lg" className="flex flex-col items-center py-12 text-center">
      <span className="flex size-12 items-center justify-center rounded-2xl bg-teal-50 text-teal-700 ring-1 ring-teal-200">
        <CalculatorIcon className="size-6" />
      </span>
      <h2 className="mt-4 text-base font-semibold text-slate-900">Your estimate will appear here</h2>
      <p className="mt-2 max-w-sm text-sm leading-6 text-slate-600">
        Start with your salary and wages and the tax withheld — both are on your income statement in myGov.
        The estimate updates as you type.
      </p>
    </Card>
  );
}

function LoadingState() {
  return (
    <Card padding="lg" className="flex flex-col items-center py-12 text-center text-slate-600">
      <Spinner size="lg" decorative className="text-teal-700" />
      <p className="mt-4 text-sm" role="status">
        Working out your estimate…
      </p>
    </Card>
  );
}

function ErrorState({
  error,
  onRetry,
  retrying,
}: {
  error: unknown;
  onRetry: () => void;
  retrying: boolean;
}) {
  const apiError: ApiError | undefined = isApiError(error) ? error : undefined;
  const unreachable = !apiError || apiError.isUnreachable;
  const validation = apiError?.isValidation === true;
  const title = unreachable
    ? 'The estimate service can’t be reached'
    : validation
      ? 'Some details need another look'
      : (apiError?.title ?? 'We couldn’t work out your estimate');
  const body = unreachable
    ? 'Your figures are still here. Check your internet connection and try again — if you’re online, the Numeri estimate service may be briefly unavailable.'
    : validation
      ? 'The estimate service couldn’t use some of what you entered. The fields that need changing are marked.'
      : (apiError?.detail ?? 'Something went wrong on our side. Please try again in a moment.');
  return (
    <Card padding="lg" role="alert" className="flex flex-col items-center py-10 text-center">
      <span
        className={
          unreachable
            ? 'flex size-12 items-center justify-center rounded-2xl bg-slate-100 text-slate-600 ring-1 ring-slate-200'
            : 'flex size-12 items-center justify-center rounded-2xl bg-red-50 text-red-700 ring-1 ring-red-200'
        }
      >
        <CloudOffIcon className="size-6" />
      </span>
      <h2 className="mt-4 text-base font-semibold text-slate-900">{title}</h2>
      <p className="mt-2 max-w-sm text-sm leading-6 text-slate-600">{body}</p>
      {!validation ? (
        <Button
          variant="secondary"
          className="mt-5"
          onClick={onRetry}
          loading={retrying}
          icon={<RefreshIcon className="size-4" />}
        >
          Try again
        </Button>
      ) : null}
      {apiError?.requestId ? (
        <p className="mt-4 text-xs text-slate-500">Reference: {apiError.requestId}</p>
      ) : null}
    </Card>
  );
}

export function CalculatorPage({ debounceMs = 450 }: CalculatorPageProps) {
  const form = useForm<EstimateFormValues, unknown, EstimateRequest>({
    resolver: zodResolver(estimateRequestSchema, { error: formErrorMap }),
    defaultValues,
    mode: 'onChange',
    delayError: 500,
  });
  const [hasSpouse, setHasSpouse] = useState(false);
  const [request, setRequest] = useState<EstimateRequest | null>(null);
  const [stale, setStale] = useState(false);
  const estimate = useEstimate(request);
  const { refetch } = estimate;
  // The latest request, readable from the debounce timer without re-subscribing.
  const requestRef = useRef<EstimateRequest | null>(null);

  /** Asks for an estimate of the current values; `force` refetches even if nothing changed. */
  const commit = useCallback(
    (force: boolean) => {
      const values = form.getValues();
      if (!force && hasNoAmounts(values)) {
        // Cleared (or nothing typed yet): back to the empty state, not an estimate of $0.
        requestRef.current = null;
        setRequest(null);
        setStale(false);
        return;
      }
      const next = toEstimateRequest(values);
      setStale(next === null && requestRef.current !== null);
      if (next === null) return;
      if (sameRequest(next, requestRef.current)) {
        if (force) void refetch();
        return;
      }
      requestRef.current = next;
      setRequest(next);
    },
    [form, refetch],
  );

  // Refresh the estimate when typing pauses.
  const pause = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const subscription = form.watch(() => {
      clearTimeout(pause.current);
      pause.current = setTimeout(() => commit(false), debounceMs);
    });
    return () => {
      clearTimeout(pause.current);
      subscription.unsubscribe();
    };
  }, [form, commit, debounceMs]);

  // Problems the server found with particular fields are shown next to those fields.
  const [formErrors, setFormErrors] = useState<string[]>([]);
  const { error } = estimate;
  useEffect(() => {
    if (!isApiError(error) || !error.hasFieldErrors) {
      setFormErrors([]);
      return;
    }
    const other: string[] = [];
    for (const [path, message] of Object.entries(error.fieldErrors)) {
      const label = FIELD_LABELS.get(path);
      if (label)
        form.setError(
          path as FieldPath<EstimateFormValues>,
          { type: 'server', message },
          { shouldFocus: false },
        );
      else other.push(message.charAt(0).toUpperCase() + message.slice(1));
    }
    setFormErrors(other);
  }, [error, form]);

  // A pending pause-refresh is dropped: it would otherwise undo an estimate asked for with only
  // non-amount answers (a spouse's income, say) by taking the form for an empty one.
  const onSubmit = form.handleSubmit(() => {
    clearTimeout(pause.current);
    commit(true);
  });

  const onReset = () => {
    form.reset(defaultValues);
    setHasSpouse(false);
    requestRef.current = null;
    setRequest(null);
    setStale(false);
    setFormErrors([]);
  };

  const onHasSpouseChange = (next: boolean) => {
    setHasSpouse(next);
    form.setValue('spouseTaxableIncome', next ? undefined : null, {
      shouldDirty: true,
      shouldValidate: true,
    });
  };

  // With no request (a cleared form) the previous estimate kept as placeholder is not shown.
  const data = request ? estimate.data : undefined;
  const showError = estimate.isError && !estimate.isFetching;

  return (
    <Page
      width="wide"
      title="Tax calculator"
      eyebrow="Free · no account needed"
      description="Estimate your refund or tax bill for the year. Every figure shows the rule behind it and a link to the ATO source."
    >
      <div className="grid gap-8 lg:grid-cols-12 lg:gap-10">
        <div className="lg:col-span-7">
          <EstimateForm
            form={form}
            hasSpouse={hasSpouse}
            onHasSpouseChange={onHasSpouseChange}
            onSubmit={() => void onSubmit()}
            onReset={onReset}
            submitting={estimate.isFetching}
            formErrors={formErrors}
          />
        </div>
        <section id="estimate" aria-labelledby="estimate-heading" className="scroll-mt-20 lg:col-span-5">
          <h2 id="estimate-heading" className="sr-only">
            Your estimate
          </h2>
          {showError ? (
            <ErrorState
              error={estimate.error}
              onRetry={() => void refetch()}
              retrying={estimate.isFetching}
            />
          ) : data ? (
            <EstimateResults estimate={data} updating={estimate.isFetching} stale={stale} />
          ) : estimate.isFetching ? (
            <LoadingState />
          ) : (
            <EmptyState />
          )}
        </section>
      </div>

      {data && !showError ? (
        // On phones the result sits below a long form: keep the outcome in view.
        <div className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-4 py-3 shadow-[0_-4px_16px_rgba(15,23,42,0.06)] backdrop-blur lg:hidden">
          <div className="mx-auto flex max-w-3xl items-center justify-between gap-4">
            <p className="text-sm text-slate-600">
              {data.refund >= 0 ? 'Estimated refund' : 'Estimated to pay'}{' '}
              <span className="ml-1 text-lg font-semibold text-slate-900 tabular">
                {formatMoney(Math.abs(data.refund))}
              </span>
            </p>
            <a
              href="#estimate"
              className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline"
            >
              See how
            </a>
          </div>
        </div>
      ) : null}
      {data && !showError ? <div aria-hidden="true" className="h-16 lg:hidden" /> : null}
    </Page>
  );
}
