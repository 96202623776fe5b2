import type { ChecklistItem, EstimateResponse, ReturnItem, TaxReturnView } from '@numeri/contracts';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import {
  ApiErrorAlert,
  Badge,
  Button,
  Card,
  CheckCircleIcon,
  DownloadIcon,
  ErrorIcon,
  InfoIcon,
  Spinner,
  WarningIcon,
} from '../../../components';
import { cn } from '../../../lib/cn';
import { formatDateTime, formatIncomeYear, formatMoney } from '../../../lib/format';
import {
  downloadExport,
  type ExportFormat,
  useChecklist,
  useComments,
  useSignOff,
  type ReturnComment,
} from '../api';
import { Breakdown } from '../estimate/Breakdown';
import { EstimateRows, OUTCOME_LABELS, outcomeOf } from '../estimate/EstimateFigures';
import { KIND_SPECS } from '../item-specs';
import { STEPS, stepOfItem, stepOfMissing } from '../sections';
import { SourceLink } from '../ui/controls';
import { BadgeCheckIcon, MessageIcon } from '../ui/icons';
import { CommentThread, threadSummary } from './CommentThread';

const ANCHORS: Record<string, string> = {
  residency: 'q-residency',
  spouse: 'q-spouse',
  dependants: 'q-dependants',
  'privateHealth.hospitalCover': 'q-hospital-cover',
  'studyLoan.hasDebt': 'q-study-loan',
  'studyLoan.balance': 'q-study-loan-balance',
  sapto: 'q-sapto',
  'incomeTests.netFinancialInvestmentLoss': 'q-investment-loss',
};

/** Where "Fix this" goes for a checklist entry (the owner's interview, or a document). */
function fixLink(
  year: string,
  entry: ChecklistItem,
  items: readonly ReturnItem[],
): { to: string; label: string } | null {
  if (entry.documentId) return { to: `/documents/${entry.documentId}`, label: 'Check the document' };
  if (entry.id.startsWith('missing.')) {
    const fact = entry.id.slice('missing.'.length);
    const anchor = ANCHORS[fact];
    return {
      to: `/returns/${year}/${stepOfMissing(fact)}${anchor ? `#${anchor}` : ''}`,
      label: 'Answer this',
    };
  }
  if (entry.itemId) {
    const item = items.find((candidate) => candidate.id === entry.itemId);
    if (item) return { to: `/returns/${year}/${stepOfItem(item)}#item-${item.id}`, label: 'Go to it' };
  }
  if (entry.id.startsWith('issue.')) return { to: `/returns/${year}/about-you`, label: 'Check your answers' };
  return null;
}

const GROUPS = [
  {
    severity: 'missing',
    title: 'Still needed',
    empty: 'Nothing is missing.',
    icon: ErrorIcon,
    tone: 'text-red-700',
  },
  {
    severity: 'risk',
    title: 'Worth a second look',
    empty: 'Nothing risky found.',
    icon: WarningIcon,
    tone: 'text-amber-700',
  },
  { severity: 'info', title: 'Good to know', empty: null, icon: InfoIcon, tone: 'text-sky-700' },
] as const;

function ChecklistEntry({
  entry,
  year,
  ownerId,
  items,
  comments,
  canFix,
}: {
  entry: ChecklistItem;
  year: string;
  ownerId?: string;
  items: readonly ReturnItem[];
  comments: readonly ReturnComment[];
  canFix: boolean;
}) {
  const threadId = entry.itemId ?? entry.id;
  const [open, setOpen] = useState(false);
  const link = canFix ? fixLink(year, entry, items) : null;
  const summary = threadSummary(comments, threadId);
  const item = entry.itemId ? items.find((candidate) => candidate.id === entry.itemId) : undefined;
  return (
    <li className="py-4 first:pt-0 last:pb-0">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <p className="text-sm font-medium text-slate-900">{entry.title}</p>
          {item ? <p className="text-sm text-slate-600">{KIND_SPECS[item.kind].title(item)}</p> : null}
          <p className="mt-0.5 text-sm leading-6 text-slate-600">{entry.detail}</p>
          {entry.source?.url ? (
            <p className="mt-1 text-xs text-slate-500">
              Source: <SourceLink source={{ title: entry.source.title, url: entry.source.url }} />
            </p>
          ) : null}
        </div>
        <div className="flex shrink-0 flex-wrap gap-2">
          {link ? (
            <Link
              to={link.to}
              className="inline-flex h-8 items-center rounded-lg bg-white px-3 text-sm font-medium text-slate-900 shadow-sm ring-1 ring-slate-300 ring-inset hover:bg-slate-50"
            >
              {link.label}
              <span className="sr-only">: {entry.title}</span>
            </Link>
          ) : null}
          <Button
            size="sm"
            variant="ghost"
            aria-expanded={open}
            onClick={() => setOpen((value) => !value)}
            icon={<MessageIcon className="size-4" />}
          >
            {summary ?? 'Comment'} <span className="sr-only">on “{entry.title}”</span>
          </Button>
        </div>
      </div>
      {open ? (
        <div className="mt-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
          <CommentThread
            year={year}
            ownerId={ownerId}
            itemId={threadId}
            comments={comments}
            label={entry.title}
          />
        </div>
      ) : null}
    </li>
  );
}

export function Checklist({
  year,
  version,
  ownerId,
  items,
  comments,
  canFix,
}: {
  year: string;
  version: number;
  ownerId?: string;
  items: readonly ReturnItem[];
  comments: readonly ReturnComment[];
  canFix: boolean;
}) {
  const checklist = useChecklist(year, version, ownerId);
  if (checklist.isPending)
    return (
      <div className="flex justify-center py-6 text-slate-500">
        <Spinner label="Checking your return" />
      </div>
    );
  if (checklist.isError) return <ApiErrorAlert error={checklist.error} />;
  // Open comments are shown in their threads, not twice.
  const entries = checklist.data.filter((entry) => !entry.id.startsWith('comment.'));
  return (
    <div className="flex flex-col gap-5">
      {GROUPS.map((group) => {
        const inGroup = entries.filter((entry) => entry.severity === group.severity);
        if (inGroup.length === 0 && !group.empty) return null;
        const Icon = group.icon;
        return (
          <Card
            as="section"
            key={group.severity}
            aria-labelledby={`checklist-${group.severity}`}
            padding="md"
          >
            <h3
              id={`checklist-${group.severity}`}
              className="flex items-center gap-2 text-base font-semibold text-slate-900"
            >
              {inGroup.length ? (
                <Icon className={cn('size-5', group.tone)} />
              ) : (
                <CheckCircleIcon className="size-5 text-teal-700" />
              )}
              {group.title}
              <Badge
                tone={
                  inGroup.length
                    ? group.severity === 'missing'
                      ? 'danger'
                      : group.severity === 'risk'
                        ? 'warning'
                        : 'info'
                    : 'success'
                }
              >
                {inGroup.length}
              </Badge>
            </h3>
            {inGroup.length === 0 ? (
              <p className="mt-2 text-sm text-slate-600">{group.empty}</p>
            ) : (
              <ul className="mt-4 divide-y divide-slate-100">
                {inGroup.map((entry) => (
                  <ChecklistEntry
                    key={entry.id}
                    entry={entry}
                    year={year}
                    ownerId={ownerId}
                    items={items}
                    comments={comments}
                    canFix={canFix}
                  />
                ))}
              </ul>
            )}
          </Card>
        );
      })}
    </div>
  );
}

/** Every item of the return, grouped by step, each with its record status and review thread. */
function EverythingOnTheReturn({
  view,
  items,
  comments,
  ownerId,
}: {
  view: TaxReturnView;
  items: readonly ReturnItem[];
  comments: readonly ReturnComment[];
  ownerId?: string;
}) {
  const [openThread, setOpenThread] = useState<string | null>(() =>
    typeof window !== 'undefined' && window.location.hash.startsWith('#thread-')
      ? window.location.hash.slice(8)
      : null,
  );
  if (items.length === 0)
    return <p className="text-sm text-slate-600">Nothing has been added to this return yet.</p>;
  return (
    <div className="flex flex-col gap-5">
      {STEPS.map((step) => {
        const inStep = items.filter((item) => stepOfItem(item) === step.id);
        if (inStep.length === 0) return null;
        return (
          <section key={step.id} aria-labelledby={`all-${step.id}`}>
            <h3 id={`all-${step.id}`} className="text-sm font-semibold text-slate-700">
              {step.title}
            </h3>
            <ul className="mt-2 divide-y divide-slate-100 rounded-xl bg-white ring-1 ring-slate-200">
              {inStep.map((item) => {
                const spec = KIND_SPECS[item.kind];
                const record = view.records.find((r) => r.itemId === item.id);
                const summary = threadSummary(comments, item.id);
                const open = openThread === item.id;
                return (
                  <li key={item.id} id={`thread-${item.id}`} className="scroll-mt-24 px-4 py-3">
                    <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
                      <div className="min-w-0">
                        <p className="text-sm font-medium break-words text-slate-900">{spec.title(item)}</p>
                        <p className="text-sm text-slate-600 tabular">{spec.summary(item)}</p>
                        {record ? (
                          <p
                            className={cn(
                              'mt-1 text-xs',
                              record.attached ? 'text-teal-800' : 'text-amber-800',
                            )}
                          >
                            {record.attached
                              ? 'Record attached'
                              : item.evidence.length
                                ? 'Only a bank statement attached'
                                : 'No record attached'}
                          </p>
                        ) : null}
                      </div>
                      <Button
                        size="sm"
                        variant="ghost"
                        aria-expanded={open}
                        icon={<MessageIcon className="size-4" />}
                        onClick={() => setOpenThread(open ? null : item.id)}
                      >
                        {summary ?? 'Comment'} <span className="sr-only">on {spec.title(item)}</span>
                      </Button>
                    </div>
                    {open ? (
                      <div className="mt-3 rounded-xl bg-slate-50 p-3 ring-1 ring-slate-200">
                        <CommentThread
                          year={view.incomeYear}
                          ownerId={ownerId}
                          itemId={item.id}
                          comments={comments}
                          label={spec.title(item)}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function SignOffPanel({
  view,
  ownerId,
  mode,
}: {
  view: TaxReturnView;
  ownerId?: string;
  mode: 'owner' | 'reviewer';
}) {
  const signOff = useSignOff(view.incomeYear, ownerId ?? '');
  const signed = view.reviewSignedOff;
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
      {signed ? (
        <p className="flex items-center gap-2 text-sm text-teal-900">
          <BadgeCheckIcon className="size-5 text-teal-700" />
          <span>
            Signed off by <span className="font-medium">{signed.by}</span> on {formatDateTime(signed.at)}
          </span>
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          {mode === 'reviewer'
            ? 'You haven’t signed this return off yet.'
            : 'Not reviewed yet. A tax agent you invite can comment on each item and sign the return off.'}
        </p>
      )}
      {mode === 'reviewer' && ownerId ? (
        <div className="flex flex-col gap-2">
          <Button
            variant={signed ? 'secondary' : 'primary'}
            icon={<BadgeCheckIcon className="size-4" />}
            loading={signOff.isPending}
            onClick={() => signOff.mutate()}
          >
            {signed ? 'Sign off again' : 'Sign off this return'}
          </Button>
          <ApiErrorAlert error={signOff.error} />
        </div>
      ) : mode === 'owner' && !signed ? (
        <Link
          to="/profile/reviewers"
          className="text-sm font-medium text-teal-800 underline underline-offset-2"
        >
          Invite a tax agent
        </Link>
      ) : null}
    </div>
  );
}

export function Downloads({ year, ownerId }: { year: string; ownerId?: string }) {
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<unknown>(null);
  const get = async (format: ExportFormat) => {
    setBusy(format);
    setError(null);
    try {
      await downloadExport(year, format, ownerId);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div className="flex flex-col gap-3">
      <div className="flex flex-wrap gap-3">
        <Button
          variant="secondary"
          icon={<DownloadIcon className="size-4" />}
          loading={busy === 'pdf'}
          onClick={() => void get('pdf')}
        >
          Download PDF summary
        </Button>
        <Button
          variant="secondary"
          icon={<DownloadIcon className="size-4" />}
          loading={busy === 'json'}
          onClick={() => void get('json')}
        >
          Download JSON
        </Button>
        <Button
          variant="secondary"
          icon={<DownloadIcon className="size-4" />}
          loading={busy === 'records'}
          onClick={() => void get('records')}
        >
          Download records (ZIP)
        </Button>
      </div>
      <p className="text-sm text-slate-600">
        The PDF lays your return out by ATO question and label, ready to copy into myTax or hand to a tax
        agent. The JSON holds the same data for other software. The records ZIP holds the PDF, every document
        behind your figures, and a checklist of the records the ATO expects for each claim: what to hand over
        if the ATO asks.
      </p>
      <ApiErrorAlert error={error} />
    </div>
  );
}

export function OutcomeCard({
  estimate,
  year,
  note,
}: {
  estimate: EstimateResponse | null;
  year: string;
  note?: ReactNode;
}) {
  if (!estimate) {
    return (
      <Card padding="lg">
        <p className="text-sm text-slate-600">
          This return can’t be worked out yet — some answers don’t fit together.
        </p>
      </Card>
    );
  }
  const outcome = outcomeOf(estimate.refund);
  return (
    <Card padding="lg" tone={outcome === 'refund' ? 'accent' : 'default'}>
      <div className="grid gap-6 md:grid-cols-2 md:items-start">
        <div>
          <p className="text-sm font-medium text-slate-700">
            {OUTCOME_LABELS[outcome]} · {formatIncomeYear(year)}
          </p>
          <p
            data-testid="review-outcome"
            className={cn(
              'mt-1 text-4xl font-semibold tracking-tight tabular',
              outcome === 'refund' ? 'text-teal-800' : 'text-slate-900',
            )}
          >
            {formatMoney(Math.abs(estimate.refund))}
          </p>
          {note ? <div className="mt-3 text-sm leading-6 text-slate-700">{note}</div> : null}
        </div>
        <div className="rounded-xl bg-white/70 p-4 ring-1 ring-slate-200">
          <EstimateRows estimate={estimate} />
        </div>
      </div>
    </Card>
  );
}

/**
 * The review of a return, for its owner (with links to fix things) and for an invited reviewer
 * (read-only, with comments and sign-off).
 */
export function ReviewContent({
  view,
  estimate,
  items,
  ownerId,
  mode,
  version,
  lodgeSlot,
  outcomeNote,
  showChecklist = true,
}: {
  view: TaxReturnView;
  estimate: EstimateResponse | null;
  items: readonly ReturnItem[];
  ownerId?: string;
  mode: 'owner' | 'reviewer';
  version: number;
  lodgeSlot?: ReactNode;
  outcomeNote?: ReactNode;
  showChecklist?: boolean;
}) {
  const year = view.incomeYear;
  const comments = useComments(year, ownerId).data ?? [];
  const general = comments.filter((c) => c.itemId === null);
  return (
    <div className="flex flex-col gap-10">
      <OutcomeCard estimate={estimate} year={year} note={outcomeNote} />

      {showChecklist ? (
        <section aria-labelledby="review-checklist">
          <h2 id="review-checklist" className="text-lg font-semibold text-slate-900">
            {mode === 'owner' ? 'Before you lodge' : 'Checklist'}
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            {mode === 'owner'
              ? 'What is still missing, what is worth a second look, and what to know. Each links to where you fix it.'
              : 'What Numeri found missing or risky in this return.'}
          </p>
          <Checklist
            year={year}
            version={version}
            ownerId={ownerId}
            items={items}
            comments={comments}
            canFix={mode === 'owner' && view.status !== 'lodged'}
          />
        </section>
      ) : null}

      <section aria-labelledby="review-reviewer">
        <h2 id="review-reviewer" className="text-lg font-semibold text-slate-900">
          Review by a tax agent
        </h2>
        <Card padding="md" className="mt-4 flex flex-col gap-5">
          <SignOffPanel view={view} ownerId={ownerId} mode={mode} />
          <div className="border-t border-slate-100 pt-4">
            <h3 className="mb-3 text-sm font-semibold text-slate-900">
              Comments on the whole return{general.length ? ` (${general.length})` : ''}
            </h3>
            <CommentThread
              year={year}
              ownerId={ownerId}
              itemId={null}
              comments={comments}
              label="the whole return"
            />
          </div>
        </Card>
      </section>

      <section aria-labelledby="review-everything">
        <h2 id="review-everything" className="text-lg font-semibold text-slate-900">
          Everything on {mode === 'owner' ? 'your' : 'this'} return
        </h2>
        <p className="mt-1 mb-4 text-sm text-slate-600">
          Each item with its record, and a thread for questions about it.
        </p>
        <EverythingOnTheReturn view={view} items={items} comments={comments} ownerId={ownerId} />
      </section>

      {estimate ? (
        <section aria-labelledby="review-lines">
          <h2 id="review-lines" className="text-lg font-semibold text-slate-900">
            How it’s worked out
          </h2>
          <p className="mt-1 mb-4 text-sm text-slate-600">
            Open a line for the rule, the figures it used, its ATO source and the documents behind it.
          </p>
          <Breakdown estimate={estimate} items={items} />
        </section>
      ) : null}

      <section aria-labelledby="review-downloads">
        <h2 id="review-downloads" className="mb-4 text-lg font-semibold text-slate-900">
          Download
        </h2>
        <Downloads year={year} ownerId={ownerId} />
      </section>

      {lodgeSlot}
    </div>
  );
}
