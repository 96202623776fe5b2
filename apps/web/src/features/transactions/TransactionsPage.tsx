import { INCOME_YEARS, type DocumentDto, type TransactionDto } from '@numeri/contracts';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import {
  Alert,
  ApiErrorAlert,
  Badge,
  Button,
  buttonClasses,
  Card,
  CheckCircleIcon,
  Page,
  Select,
  Spinner,
} from '../../components';
import { cn } from '../../lib/cn';
import { formatCents, formatDate, formatIncomeYear, formatPercent } from '../../lib/format';
import {
  categoryName,
  deductionLabelName,
  INCOME_YEAR_OPTIONS,
  incomeYearOfDate,
  shortDate,
} from '../documents/document-labels';
import { useDocument, useDocumentList } from '../documents/documents-api';
import { DocumentsTabs } from '../documents/DocumentsTabs';
import { BankIcon, PaperclipIcon } from '../documents/icons';
import { useOwnerScope } from '../documents/owner-scope';
import { StatusChip } from '../documents/StatusChip';
import { POLL_MS, useDocumentEvents } from '../documents/use-document-events';
import { ClaimDialog } from './ClaimDialog';
import { MappingDialog } from './MappingDialog';
import {
  useAllTransactions,
  useClaimedTransactions,
  useReviewTransaction,
  useSuggestedTransactions,
} from './transactions-api';

/** What a claim adds to deductions: the amount spent times the work-related share, in cents. */
export function claimedCents(transaction: Pick<TransactionDto, 'amountCents' | 'claim'>): number {
  const share = transaction.claim?.workUseBasisPoints ?? 10_000;
  return Math.round((Math.abs(transaction.amountCents) * share) / 10_000);
}

function defaultYear(bankFiles: readonly DocumentDto[]): string {
  const years = bankFiles
    .map((document) => document.incomeYear)
    .filter((year): year is string => Boolean(year && (INCOME_YEARS as readonly string[]).includes(year)))
    .sort();
  if (years.length) return years.at(-1)!;
  // Most people prepare the return of the year that has just ended.
  const now = new Date();
  return incomeYearOfDate(new Date(now.getFullYear() - 1, now.getMonth(), 1));
}

export function TransactionsPage() {
  const scope = useOwnerScope();
  const [params, setParams] = useSearchParams();
  const mode = useDocumentEvents({ enabled: !scope.readOnly });
  const bankFiles = useDocumentList({ kind: 'bank-file' }, scope.ownerId, {
    poll: mode !== 'live',
    pollMs: POLL_MS,
  });
  const files = useMemo(() => bankFiles.data?.pages.flatMap((page) => page.items) ?? [], [bankFiles.data]);
  const requested = params.get('year');
  const year =
    requested && (INCOME_YEARS as readonly string[]).includes(requested)
      ? requested
      : bankFiles.isPending
        ? null
        : defaultYear(files);

  return (
    <Page
      title="Bank transactions"
      description="Numeri looks through your bank exports for spending you may be able to claim. Nothing is claimed until you say so."
    >
      <DocumentsTabs />
      {scope.readOnly ? (
        <Alert tone="info" title="Read-only view" className="mb-6">
          You’re viewing a client’s transactions with the access they gave you.
        </Alert>
      ) : null}
      <BankFiles
        files={files}
        isPending={bankFiles.isPending}
        error={bankFiles.error}
        readOnly={scope.readOnly}
      />
      {year ? (
        <YearTransactions
          key={year}
          year={year}
          readOnly={scope.readOnly}
          ownerId={scope.ownerId}
          onYear={(next) =>
            setParams(
              (current) => {
                const updated = new URLSearchParams(current);
                updated.set('year', next);
                return updated;
              },
              { replace: true },
            )
          }
        />
      ) : (
        <Card className="flex justify-center py-10 text-slate-500">
          <Spinner label="Loading your transactions" />
        </Card>
      )}
    </Page>
  );
}

function BankFiles({
  files,
  isPending,
  error,
  readOnly,
}: {
  files: readonly DocumentDto[];
  isPending: boolean;
  error: unknown;
  readOnly: boolean;
}) {
  const { link } = useOwnerScope();
  const [mapping, setMapping] = useState<DocumentDto | null>(null);
  if (isPending) return null;
  if (error) return <ApiErrorAlert error={error} title="We couldn’t load your bank files" className="mb-6" />;
  return (
    <section aria-labelledby="bank-files-heading" className="mb-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-3">
        <h2 id="bank-files-heading" className="text-lg font-semibold text-slate-900">
          Bank exports
        </h2>
        {readOnly ? null : (
          <Link to="/documents" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
            Upload a bank export
          </Link>
        )}
      </div>
      {files.length === 0 ? (
        <Card tone="muted">
          <p className="text-sm text-slate-700">
            {readOnly
              ? 'No bank exports yet.'
              : 'No bank exports yet. In your internet banking, export your account’s transactions for the year as CSV, OFX or QIF, then upload the file on the Documents page.'}
          </p>
        </Card>
      ) : (
        <Card padding="none">
          <ul aria-label="Bank exports" className="divide-y divide-slate-100">
            {files.map((file) => (
              <li
                key={file.id}
                className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between sm:px-6"
              >
                <div className="flex min-w-0 items-start gap-3">
                  <BankIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
                  <div className="min-w-0">
                    <Link
                      to={link(`/documents/${file.id}`)}
                      className="text-sm font-medium break-words text-slate-900 hover:text-teal-800 hover:underline"
                    >
                      {file.originalName}
                    </Link>
                    <p className="text-sm text-slate-600">
                      {file.import && !file.import.needsMapping
                        ? `${file.import.imported} imported${file.import.duplicates ? `, ${file.import.duplicates} already there` : ''}${
                            file.import.firstDate && file.import.lastDate
                              ? ` · ${shortDate(file.import.firstDate)} – ${shortDate(file.import.lastDate)}`
                              : ''
                          }`
                        : file.status === 'failed'
                          ? (file.failureReason ?? 'Couldn’t be read')
                          : `Uploaded ${shortDate(file.createdAt)}`}
                    </p>
                  </div>
                </div>
                <div className="flex shrink-0 items-center gap-3 pl-8 sm:pl-0">
                  {file.import?.needsMapping && !readOnly ? (
                    <Button size="sm" onClick={() => setMapping(file)}>
                      Choose the columns
                    </Button>
                  ) : (
                    <StatusChip status={file.status} />
                  )}
                </div>
              </li>
            ))}
          </ul>
        </Card>
      )}
      {mapping ? <MappingLauncher document={mapping} onClose={() => setMapping(null)} /> : null}
    </section>
  );
}

/** The list doesn't carry the file's header and sample rows; the document itself does. */
function MappingLauncher({ document, onClose }: { document: DocumentDto; onClose: () => void }) {
  const detail = useDocument(document.id, undefined);
  const preview = detail.data?.import?.mappingPreview;
  if (detail.isPending) return null;
  if (!preview) {
    return (
      <Alert tone="warning" title="The columns can’t be shown" className="mt-3">
        Open{' '}
        <Link to={`/documents/${document.id}`} className="font-medium underline">
          {document.originalName}
        </Link>{' '}
        to choose them.
      </Alert>
    );
  }
  return <MappingDialog document={document} preview={preview} open onClose={onClose} />;
}

function YearTransactions({
  year,
  readOnly,
  ownerId,
  onYear,
}: {
  year: string;
  readOnly: boolean;
  ownerId: string | undefined;
  onYear: (year: string) => void;
}) {
  const suggested = useSuggestedTransactions(year, ownerId);
  const claimed = useClaimedTransactions(year, ownerId);
  const [showAll, setShowAll] = useState(false);
  const all = useAllTransactions(year, ownerId, showAll);
  const review = useReviewTransaction();
  const [claiming, setClaiming] = useState<TransactionDto | null>(null);
  const [message, setMessage] = useState('');

  const claimedItems = claimed.data ?? [];
  const total = claimedItems.reduce((sum, transaction) => sum + claimedCents(transaction), 0);
  const byLabel = new Map<string, number>();
  for (const transaction of claimedItems) {
    const label = transaction.claim?.label ?? 'D15';
    byLabel.set(label, (byLabel.get(label) ?? 0) + claimedCents(transaction));
  }

  const act = (transaction: TransactionDto, action: 'dismiss' | 'reset') =>
    review.mutate(
      { id: transaction.id, body: { action } },
      {
        onSuccess: () =>
          setMessage(
            action === 'dismiss'
              ? `Dismissed: ${transaction.description}.`
              : `${transaction.description} is back to unreviewed.`,
          ),
      },
    );

  const actions = {
    readOnly,
    pending: review.isPending ? review.variables?.id : undefined,
    onClaim: setClaiming,
    onDismiss: (transaction: TransactionDto) => act(transaction, 'dismiss'),
    onReset: (transaction: TransactionDto) => act(transaction, 'reset'),
  };

  return (
    <div className="space-y-8">
      <div role="status" aria-live="polite" className="sr-only">
        {message}
      </div>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-end sm:justify-between">
        <Select
          label="Income year"
          value={year}
          onChange={(event) => onYear(event.target.value)}
          options={INCOME_YEAR_OPTIONS}
          className="sm:w-56"
        />
        <ClaimedTotal
          total={total}
          count={claimedItems.length}
          byLabel={byLabel}
          loading={claimed.isPending}
          year={year}
        />
      </div>
      {review.error ? <ApiErrorAlert error={review.error} /> : null}

      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading" className="mb-1 text-lg font-semibold text-slate-900">
          Possible deductions
        </h2>
        <p className="mb-4 text-sm text-slate-600">
          Spending that looks work-related, or like a donation. Claim what was for work; dismiss the rest.
        </p>
        {suggested.isPending ? (
          <Card className="flex justify-center py-8 text-slate-500">
            <Spinner label="Loading suggestions" />
          </Card>
        ) : suggested.isError ? (
          <ApiErrorAlert error={suggested.error} title="We couldn’t load the suggestions" />
        ) : suggested.data.length === 0 ? (
          <Card tone="muted">
            <p className="text-sm text-slate-700">
              No suggestions waiting for {formatIncomeYear(year)}. You can still claim any line from the full
              list below.
            </p>
          </Card>
        ) : (
          <ul aria-label="Possible deductions" className="space-y-3">
            {suggested.data.map((transaction) => (
              <SuggestionCard key={transaction.id} transaction={transaction} {...actions} />
            ))}
          </ul>
        )}
      </section>

      {claimedItems.length ? (
        <section aria-labelledby="claimed-heading">
          <h2 id="claimed-heading" className="mb-4 text-lg font-semibold text-slate-900">
            Claimed
          </h2>
          <Card padding="none">
            <ul aria-label="Claimed transactions" className="divide-y divide-slate-100">
              {claimedItems.map((transaction) => (
                <TransactionLine key={transaction.id} transaction={transaction} {...actions} />
              ))}
            </ul>
          </Card>
        </section>
      ) : null}

      <section aria-labelledby="all-heading">
        <div className="mb-4 flex flex-wrap items-end justify-between gap-3">
          <h2 id="all-heading" className="text-lg font-semibold text-slate-900">
            All transactions in {formatIncomeYear(year)}
          </h2>
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setShowAll((shown) => !shown)}
            aria-expanded={showAll}
          >
            {showAll ? 'Hide them' : 'Show them'}
          </Button>
        </div>
        {showAll ? (
          all.isPending ? (
            <Card className="flex justify-center py-8 text-slate-500">
              <Spinner label="Loading transactions" />
            </Card>
          ) : all.isError ? (
            <ApiErrorAlert error={all.error} title="We couldn’t load the transactions" />
          ) : (
            <AllTransactions pages={all.data.pages} actions={actions} more={all} />
          )
        ) : null}
      </section>

      <ClaimDialog
        transaction={claiming}
        onClose={() => setClaiming(null)}
        onClaimed={(transaction) => setMessage(`Claimed: ${transaction.description}.`)}
      />
    </div>
  );
}

function AllTransactions({
  pages,
  actions,
  more,
}: {
  pages: { items: TransactionDto[] }[];
  actions: LineActions;
  more: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown };
}) {
  const items = pages.flatMap((page) => page.items);
  if (!items.length) {
    return (
      <Card tone="muted">
        <p className="text-sm text-slate-700">No transactions imported for this year.</p>
      </Card>
    );
  }
  return (
    <Card padding="none">
      <ul aria-label="All transactions" className="divide-y divide-slate-100">
        {items.map((transaction) => (
          <TransactionLine key={transaction.id} transaction={transaction} {...actions} />
        ))}
      </ul>
      {more.hasNextPage ? (
        <div className="border-t border-slate-100 p-4 text-center">
          <Button
            variant="secondary"
            size="sm"
            loading={more.isFetchingNextPage}
            onClick={() => void more.fetchNextPage()}
          >
            Show more
          </Button>
        </div>
      ) : null}
    </Card>
  );
}

function ClaimedTotal({
  total,
  count,
  byLabel,
  loading,
  year,
}: {
  total: number;
  count: number;
  byLabel: Map<string, number>;
  loading: boolean;
  year: string;
}) {
  return (
    <div
      className="rounded-xl bg-teal-50/70 px-4 py-3 ring-1 ring-teal-200 sm:min-w-64 sm:text-right"
      aria-live="polite"
    >
      <p className="text-sm text-teal-900">Claimed from your bank for {formatIncomeYear(year)}</p>
      <p className="text-2xl font-semibold text-teal-950 tabular" data-testid="claimed-total">
        {loading ? '—' : formatCents(total)}
      </p>
      <p className="text-xs text-teal-900">
        {count === 1 ? '1 transaction' : `${count} transactions`}
        {[...byLabel.entries()].length
          ? ` · ${[...byLabel.entries()].map(([label, cents]) => `${label} ${formatCents(cents, { wholeDollars: false })}`).join(', ')}`
          : ''}
      </p>
    </div>
  );
}

interface LineActions {
  readOnly: boolean;
  pending: string | undefined;
  onClaim: (transaction: TransactionDto) => void;
  onDismiss: (transaction: TransactionDto) => void;
  onReset: (transaction: TransactionDto) => void;
}

function Amount({ cents }: { cents: number }) {
  return (
    <span
      className={cn(
        'font-semibold whitespace-nowrap tabular',
        cents < 0 ? 'text-slate-900' : 'text-teal-800',
      )}
    >
      {cents < 0 ? `−${formatCents(-cents)}` : `+${formatCents(cents)}`}
      <span className="sr-only">{cents < 0 ? ' spent' : ' received'}</span>
    </span>
  );
}

function confidenceWord(confidence: number): string {
  if (confidence >= 0.8) return 'Likely';
  if (confidence >= 0.6) return 'Possibly';
  return 'Worth a look';
}

function ReviewState({ transaction, ...actions }: { transaction: TransactionDto } & LineActions) {
  const busy = actions.pending === transaction.id;
  if (transaction.reviewStatus === 'claimed') {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="success" className="gap-1">
          <CheckCircleIcon className="size-3.5" />
          Claimed{transaction.claim ? ` at ${transaction.claim.label}` : ''}
          {transaction.claim && transaction.claim.workUseBasisPoints !== 10_000
            ? ` · ${formatPercent(transaction.claim.workUseBasisPoints / 10_000)} work`
            : ''}
        </Badge>
        {transaction.evidenceDocumentId ? (
          <Badge tone="neutral" className="gap-1">
            <PaperclipIcon className="size-3.5" />
            Receipt attached
          </Badge>
        ) : null}
        {actions.readOnly ? null : (
          <Button
            variant="ghost"
            size="sm"
            loading={busy}
            onClick={() => actions.onReset(transaction)}
            aria-label={`Undo claim of ${transaction.description}`}
          >
            Undo
          </Button>
        )}
      </div>
    );
  }
  if (transaction.reviewStatus === 'dismissed') {
    return (
      <div className="flex flex-wrap items-center gap-2">
        <Badge tone="neutral">Dismissed</Badge>
        {actions.readOnly ? null : (
          <Button
            variant="ghost"
            size="sm"
            loading={busy}
            onClick={() => actions.onReset(transaction)}
            aria-label={`Undo dismissal of ${transaction.description}`}
          >
            Undo
          </Button>
        )}
      </div>
    );
  }
  if (actions.readOnly || transaction.amountCents >= 0) return null;
  return (
    <div className="flex flex-wrap gap-2">
      <Button
        size="sm"
        onClick={() => actions.onClaim(transaction)}
        disabled={busy}
        aria-label={`Claim ${transaction.description}`}
      >
        Claim
      </Button>
      {transaction.suggestion ? (
        <Button
          variant="secondary"
          size="sm"
          loading={busy}
          onClick={() => actions.onDismiss(transaction)}
          aria-label={`Dismiss ${transaction.description}`}
        >
          Dismiss
        </Button>
      ) : null}
    </div>
  );
}

function SuggestionCard({ transaction, ...actions }: { transaction: TransactionDto } & LineActions) {
  const suggestion = transaction.suggestion!;
  return (
    <li>
      {/* A reviewed card is set back by its tone, not by opacity, which took its small text below
          WCAG contrast (axe, in the browser tests). */}
      <Card padding="sm" tone={transaction.reviewStatus === 'unreviewed' ? 'default' : 'muted'}>
        <div className="flex items-start justify-between gap-3">
          <div className="min-w-0">
            <p className="text-sm font-semibold break-words text-slate-900">{transaction.description}</p>
            <p className="text-xs text-slate-600">{formatDate(transaction.postedOn)}</p>
          </div>
          <Amount cents={transaction.amountCents} />
        </div>
        <div className="mt-3 flex flex-wrap items-center gap-2">
          <Badge tone="info">{categoryName(suggestion.category)}</Badge>
          <span className="text-xs text-slate-600">
            {deductionLabelName(suggestion.dLabel)} · {confidenceWord(suggestion.confidence)}
          </span>
        </div>
        <p className="mt-2 text-sm text-slate-700">{suggestion.reason}</p>
        <p className="mt-1 text-sm text-slate-600">
          <span className="font-medium text-slate-700">Records the ATO expects:</span>{' '}
          {suggestion.evidenceHint}
        </p>
        <div className="mt-3">
          <ReviewState transaction={transaction} {...actions} />
        </div>
      </Card>
    </li>
  );
}

function TransactionLine({ transaction, ...actions }: { transaction: TransactionDto } & LineActions) {
  return (
    <li className="flex flex-col gap-2 p-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <div className="min-w-0">
        <p className="text-sm break-words text-slate-900">{transaction.description}</p>
        <p className="text-xs text-slate-500">
          {formatDate(transaction.postedOn)}
          {transaction.suggestion ? ` · ${categoryName(transaction.suggestion.category)}` : ''}
          {transaction.claim ? ` · ${deductionLabelName(transaction.claim.label)}` : ''}
        </p>
      </div>
      <div className="flex shrink-0 flex-wrap items-center gap-3 sm:justify-end">
        <Amount cents={transaction.amountCents} />
        <ReviewState transaction={transaction} {...actions} />
      </div>
    </li>
  );
}
