import { DOCUMENT_TYPES, type DocumentDto, type DocumentTypeName } from '@numeri/contracts';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  ApiErrorAlert,
  Badge,
  Button,
  buttonClasses,
  Card,
  LockIcon,
  Page,
  Select,
  Spinner,
} from '../../../components';
import { isApiError } from '../../../lib/api';
import { cn } from '../../../lib/cn';
import { formatDate, formatIncomeYear } from '../../../lib/format';
import {
  DOCUMENT_TYPE_NAMES,
  documentKindName,
  fieldId,
  fieldValueText,
  isActiveStatus,
  returnLabelText,
  shortDate,
} from '../document-labels';
import { useDocument, useDocumentFile, useReprocessDocument } from '../documents-api';
import { useOwnerScope } from '../owner-scope';
import { PasswordDialog } from '../PasswordDialog';
import { ProgressBar, StatusChip } from '../StatusChip';
import { POLL_MS, useDocumentEvents } from '../use-document-events';
import { BankFileSummary } from './BankFileSummary';
import { DocumentViewer, type HighlightField } from './DocumentViewer';
import { fieldTitle, ReviewForm, type ConfirmedResult } from './ReviewForm';

/** The return page of an income year (the returns feature owns it). */
export const returnPath = (incomeYear: string) => `/returns/${incomeYear}`;

/**
 * One document beside what was read from it: the pages with each figure's place outlined, and
 * the figures to confirm or correct before they go on the return of the right income year.
 */
export function DocumentReviewPage() {
  const { id = '' } = useParams();
  const scope = useOwnerScope();
  const mode = useDocumentEvents({ enabled: !scope.readOnly });
  const query = useDocument(id, scope.ownerId, {
    refetchInterval: (data) => (data && isActiveStatus(data.status) && mode !== 'live' ? POLL_MS : false),
  });
  const document = query.data;

  if (query.isPending) {
    return (
      <Page title="Document" width="wide">
        <Card className="flex justify-center py-12 text-slate-500">
          <Spinner label="Loading the document" />
        </Card>
      </Page>
    );
  }
  if (query.isError || !document) {
    const missing = isApiError(query.error) && query.error.status === 404;
    return (
      <Page title={missing ? 'Document not found' : 'Document'} width="default">
        {missing ? (
          <Alert tone="warning" title="This document isn’t here">
            It may have been deleted.{' '}
            <Link to={scope.link('/documents')} className="font-medium underline">
              Go to your documents
            </Link>
          </Alert>
        ) : (
          <ApiErrorAlert
            error={query.error}
            title="We couldn’t load this document"
            actions={
              <Button variant="secondary" size="sm" onClick={() => void query.refetch()}>
                Try again
              </Button>
            }
          />
        )}
      </Page>
    );
  }
  return <Review key={document.id} document={document} />;
}

function Review({ document }: { document: DocumentDto }) {
  const scope = useOwnerScope();
  const isBank = document.kind === 'bank-file';
  const file = useDocumentFile(document.id, scope.ownerId, !isBank);
  const [active, setActive] = useState<{ id: string; fromList: boolean } | null>(null);
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const [confirmed, setConfirmed] = useState<ConfirmedResult | null>(null);
  const [editing, setEditing] = useState(false);
  const [passwordOpen, setPasswordOpen] = useState(false);
  const success = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (confirmed) success.current?.focus();
  }, [confirmed]);

  const highlights = useMemo<HighlightField[]>(
    () =>
      document.fields.flatMap((field) =>
        field.region ? [{ id: fieldId(field), label: fieldTitle(field), region: field.region }] : [],
      ),
    [document.fields],
  );

  const reviewable = !isBank && (document.status === 'needs-review' || document.status === 'done');
  const alreadyConfirmed = Boolean(document.confirmedAt) && document.status === 'done';
  const showForm = reviewable && !scope.readOnly && (!alreadyConfirmed || editing);

  const meta = [
    documentKindName(document),
    document.incomeYear ? formatIncomeYear(document.incomeYear) : null,
    `Uploaded ${shortDate(document.createdAt)}`,
    document.pageCount ? (document.pageCount === 1 ? '1 page' : `${document.pageCount} pages`) : null,
  ].filter(Boolean);

  return (
    <Page
      title={document.originalName}
      width="wide"
      eyebrow={
        <Link to={scope.link('/documents')} className="hover:underline">
          ← Documents
        </Link>
      }
      heading={<span className="break-words">{document.originalName}</span>}
      description={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
          <StatusChip status={document.status} />
          <span>{meta.join(' · ')}</span>
        </span>
      }
    >
      {confirmed ? (
        <div ref={success} tabIndex={-1} className="mb-6 focus:outline-none">
          <Alert
            tone="success"
            live="polite"
            title={`Added to your ${formatIncomeYear(confirmed.incomeYear)} return`}
            actions={
              <Link to={returnPath(confirmed.incomeYear)} className={buttonClasses({ size: 'sm' })}>
                Go to your {formatIncomeYear(confirmed.incomeYear)} return
              </Link>
            }
          >
            {confirmed.itemsApplied === 0
              ? 'Nothing new was needed on the return: these figures are already there through a claimed bank transaction.'
              : `${confirmed.itemsApplied === 1 ? '1 item on the return now links' : `${confirmed.itemsApplied} items on the return now link`} back to this document, so you can always see where the figures came from.`}
          </Alert>
        </div>
      ) : null}

      {isBank ? (
        <div className="max-w-2xl space-y-6">
          <StatusPanel
            document={document}
            readOnly={scope.readOnly}
            onPassword={() => setPasswordOpen(true)}
          />
          <BankFileSummary document={document} readOnly={scope.readOnly} link={scope.link} />
        </div>
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_minmax(0,34rem)] lg:gap-8">
          <div className="lg:sticky lg:top-20 lg:self-start">
            <DocumentViewer
              name={document.originalName}
              contentType={document.contentType}
              blob={file.data?.blob}
              loading={file.isPending}
              error={file.error}
              fields={highlights}
              activeId={active?.id ?? null}
              scrollToActive={active?.fromList ?? false}
              onHover={(id) => setActive(id ? { id, fromList: false } : null)}
              onPick={(id) => inputs.current.get(id)?.focus()}
            />
          </div>
          <div className="min-w-0 space-y-6">
            <StatusPanel
              document={document}
              readOnly={scope.readOnly}
              onPassword={() => setPasswordOpen(true)}
            />
            {reviewable ? <TypeLine document={document} readOnly={scope.readOnly} /> : null}
            {document.warnings.length && reviewable && !alreadyConfirmed ? (
              <Alert tone="warning" title="Please check">
                <ul className="list-disc space-y-1 pl-4">
                  {document.warnings.map((warning) => (
                    <li key={warning}>{warning}</li>
                  ))}
                </ul>
              </Alert>
            ) : null}
            {showForm ? (
              <ReviewForm
                document={document}
                activeId={active?.id ?? null}
                onActivate={(id, fromList) => setActive(id ? { id, fromList } : null)}
                inputs={inputs}
                onConfirmed={(result) => {
                  setConfirmed(result);
                  setEditing(false);
                }}
                onCancel={alreadyConfirmed ? () => setEditing(false) : undefined}
              />
            ) : reviewable ? (
              <AppliedFields
                document={document}
                readOnly={scope.readOnly}
                showStatus={!confirmed}
                activeId={active?.id ?? null}
                onActivate={(id) => setActive(id ? { id, fromList: true } : null)}
                onEdit={() => {
                  setConfirmed(null);
                  setEditing(true);
                }}
              />
            ) : null}
          </div>
        </div>
      )}

      <PasswordDialog document={passwordOpen ? document : null} onClose={() => setPasswordOpen(false)} />
    </Page>
  );
}

/** While the document is still being read, or when it needs something before it can be. */
function StatusPanel({
  document,
  readOnly,
  onPassword,
}: {
  document: DocumentDto;
  readOnly: boolean;
  onPassword: () => void;
}) {
  const reprocess = useReprocessDocument();
  if (isActiveStatus(document.status)) {
    return (
      <Card>
        <p className="text-sm font-semibold text-slate-900" aria-live="polite">
          {document.status === 'queued'
            ? 'Waiting to be read…'
            : document.kind === 'bank-file'
              ? 'Importing the transactions…'
              : document.status === 'reading'
                ? 'Reading the pages…'
                : 'Finding the figures…'}
        </p>
        <ProgressBar value={document.progress} label={`Reading ${document.originalName}`} className="mt-3" />
        <p className="mt-3 text-sm text-slate-600">
          This usually takes a few seconds; a scanned or photographed page can take up to a minute. You can
          leave this page — it carries on.
        </p>
      </Card>
    );
  }
  if (document.status === 'needs-password') {
    return (
      <Alert
        tone="warning"
        title="This PDF is protected by a password"
        icon={<LockIcon />}
        actions={
          readOnly ? null : (
            <Button size="sm" onClick={onPassword}>
              Enter password
            </Button>
          )
        }
      >
        Numeri needs the password once to read it. It isn’t kept.
      </Alert>
    );
  }
  if (document.status === 'failed') {
    return (
      <Alert
        tone="error"
        title="Numeri couldn’t read this document"
        actions={
          readOnly ? null : (
            <Button
              variant="secondary"
              size="sm"
              loading={reprocess.isPending}
              onClick={() => reprocess.mutate({ id: document.id })}
            >
              Try again
            </Button>
          )
        }
      >
        <p>{document.failureReason ?? 'Something went wrong while reading it.'}</p>
        {reprocess.error ? <p className="mt-1">{(reprocess.error as Error).message}</p> : null}
      </Alert>
    );
  }
  return null;
}

/** "Numeri read this as an income statement" — with a way to read it again as another type. */
function TypeLine({ document, readOnly }: { document: DocumentDto; readOnly: boolean }) {
  const [open, setOpen] = useState(false);
  const [type, setType] = useState<DocumentTypeName | ''>('');
  const reprocess = useReprocessDocument();
  const name = document.documentType ? DOCUMENT_TYPE_NAMES[document.documentType] : 'an unknown document';
  return (
    <div className="text-sm text-slate-700">
      <p>
        Numeri read this as{' '}
        <span className="font-semibold text-slate-900">{name.replace(/^[A-Z]/, (c) => c.toLowerCase())}</span>
        {document.textSource === 'ocr' ? ', from a photo or scan' : ''}.{' '}
        {readOnly ? null : (
          <button
            type="button"
            onClick={() => setOpen((shown) => !shown)}
            aria-expanded={open}
            className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
          >
            Not right?
          </button>
        )}
      </p>
      {open ? (
        <div className="mt-3 flex flex-col gap-3 rounded-xl bg-white p-4 ring-1 ring-slate-200 sm:flex-row sm:items-end">
          <Select
            label="Read it again as"
            value={type}
            onChange={(event) => setType(event.target.value as DocumentTypeName | '')}
            options={[
              { value: '', label: 'Choose a type' },
              ...DOCUMENT_TYPES.filter((t) => t !== document.documentType).map((t) => ({
                value: t,
                label: DOCUMENT_TYPE_NAMES[t],
              })),
            ]}
            className="flex-1"
          />
          <Button
            variant="secondary"
            disabled={!type}
            loading={reprocess.isPending}
            onClick={() => type && reprocess.mutate({ id: document.id, documentType: type })}
          >
            Read it again
          </Button>
        </div>
      ) : null}
      {reprocess.error ? <ApiErrorAlert error={reprocess.error} className="mt-3" /> : null}
    </div>
  );
}

/** A confirmed document: what went on the return, and where. */
function AppliedFields({
  document,
  readOnly,
  showStatus,
  activeId,
  onActivate,
  onEdit,
}: {
  document: DocumentDto;
  readOnly: boolean;
  /** Off right after confirming, when the page already says where the figures went. */
  showStatus: boolean;
  activeId: string | null;
  onActivate: (id: string | null) => void;
  onEdit: () => void;
}) {
  const confirmed = Boolean(document.confirmedAt);
  return (
    <div className="space-y-4">
      {!showStatus ? null : confirmed && document.incomeYear ? (
        <Alert
          tone="success"
          title={`On your ${formatIncomeYear(document.incomeYear)} return`}
          actions={
            <Link
              to={returnPath(document.incomeYear)}
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              Go to the return
            </Link>
          }
        >
          Confirmed on {formatDate(document.confirmedAt!)}. These figures went on the return, each linked back
          to this document.
        </Alert>
      ) : (
        <Alert tone="info" title="Not confirmed yet">
          {readOnly
            ? 'Your client hasn’t confirmed these figures.'
            : 'These figures are not on a return yet.'}
        </Alert>
      )}
      <Card padding="none">
        <dl className="divide-y divide-slate-100">
          {document.fields.map((field) => {
            const id = fieldId(field);
            const destination = returnLabelText(field);
            return (
              <div
                key={id}
                onMouseEnter={() => field.region && onActivate(id)}
                onMouseLeave={() => onActivate(null)}
                className={cn('px-4 py-3 sm:px-5', activeId === id && 'bg-amber-50')}
              >
                <dt className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  {fieldTitle(field)}
                  {field.corrected ? <Badge tone="info">Corrected</Badge> : null}
                </dt>
                <dd className="mt-0.5 text-base font-semibold text-slate-900 tabular">
                  {fieldValueText(field)}
                </dd>
                {destination ? <dd className="mt-0.5 text-xs text-slate-500">{destination}</dd> : null}
              </div>
            );
          })}
        </dl>
      </Card>
      {readOnly ? null : (
        <Button variant="secondary" onClick={onEdit}>
          {confirmed ? 'Change these figures' : 'Review and confirm'}
        </Button>
      )}
    </div>
  );
}
