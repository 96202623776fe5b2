import type { DocumentDto } from '@numeri/contracts';
import { Link } from 'react-router';
import { Button, buttonClasses, DocumentIcon, LockIcon } from '../../components';
import { cn } from '../../lib/cn';
import { formatIncomeYear } from '../../lib/format';
import { documentKindName, formatBytes, shortDate, STATUS_INFO } from './document-labels';
import { BankIcon, ImageIcon, TrashIcon } from './icons';
import { ProgressBar, StatusChip } from './StatusChip';

export interface DocumentListProps {
  documents: readonly DocumentDto[];
  readOnly: boolean;
  link: (path: string) => string;
  onPassword: (document: DocumentDto) => void;
  onDelete: (document: DocumentDto) => void;
  onRetry: (document: DocumentDto) => void;
  /** The document whose "Try again" is on its way. */
  retrying?: string | undefined;
}

function KindIcon({ document }: { document: DocumentDto }) {
  const className = 'size-5';
  const icon =
    document.kind === 'bank-file' ? (
      <BankIcon className={className} />
    ) : document.contentType.startsWith('image/') ? (
      <ImageIcon className={className} />
    ) : (
      <DocumentIcon className={className} />
    );
  return (
    <span
      aria-hidden="true"
      className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-600"
    >
      {icon}
    </span>
  );
}

/** Your documents, newest first: what each is, its status as it changes, and what to do next. */
export function DocumentList({
  documents,
  readOnly,
  link,
  onPassword,
  onDelete,
  onRetry,
  retrying,
}: DocumentListProps) {
  return (
    <ul aria-label="Your documents" className="divide-y divide-slate-100">
      {documents.map((document) => (
        <li key={document.id} className="flex gap-3 p-4 sm:gap-4 sm:px-6" data-document-id={document.id}>
          <KindIcon document={document} />
          <div className="min-w-0 flex-1">
            <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1">
              <Link
                to={link(`/documents/${document.id}`)}
                className="min-w-0 text-sm font-semibold break-words text-slate-900 underline-offset-2 hover:text-teal-800 hover:underline"
              >
                {document.originalName}
              </Link>
              <StatusChip status={document.status} />
            </div>
            <p className="mt-0.5 text-sm text-slate-600">
              {[
                documentKindName(document),
                document.incomeYear ? formatIncomeYear(document.incomeYear) : null,
                `Uploaded ${shortDate(document.createdAt)}`,
                formatBytes(document.sizeBytes),
              ]
                .filter(Boolean)
                .join(' · ')}
            </p>
            <RowDetail
              document={document}
              readOnly={readOnly}
              link={link}
              onPassword={onPassword}
              onRetry={onRetry}
              retrying={retrying === document.id}
            />
          </div>
          {readOnly ? null : (
            <div className="shrink-0">
              <button
                type="button"
                onClick={() => onDelete(document)}
                aria-label={`Delete ${document.originalName}`}
                className="inline-flex size-9 items-center justify-center rounded-lg text-slate-500 hover:bg-red-50 hover:text-red-700"
              >
                <TrashIcon className="size-5" />
              </button>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

function RowDetail({
  document,
  readOnly,
  link,
  onPassword,
  onRetry,
  retrying,
}: {
  document: DocumentDto;
  readOnly: boolean;
  link: (path: string) => string;
  onPassword: (document: DocumentDto) => void;
  onRetry: (document: DocumentDto) => void;
  retrying: boolean;
}) {
  const info = STATUS_INFO[document.status];
  if (info.active) {
    const phase =
      document.status === 'queued'
        ? 'Waiting to be read'
        : document.status === 'reading'
          ? document.kind === 'bank-file'
            ? 'Importing transactions'
            : 'Reading the pages'
          : 'Finding the figures';
    return (
      <div className="mt-2.5 flex items-center gap-3">
        <ProgressBar
          value={document.progress}
          label={`${phase}: ${document.originalName}`}
          className="max-w-xs flex-1"
        />
        <span className="text-xs text-slate-600 tabular">
          {phase}… {document.progress}%
        </span>
      </div>
    );
  }
  if (document.status === 'failed') {
    return (
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <p className="text-sm text-red-800">
          {document.failureReason ?? 'Numeri couldn’t read this document.'}
        </p>
        {readOnly ? null : (
          <Button
            variant="secondary"
            size="sm"
            loading={retrying}
            onClick={() => onRetry(document)}
            className="self-start"
          >
            Try again
          </Button>
        )}
      </div>
    );
  }
  if (document.status === 'needs-password') {
    return (
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-amber-900">This PDF is protected by a password.</p>
        {readOnly ? null : (
          <Button
            variant="secondary"
            size="sm"
            icon={<LockIcon className="size-4" />}
            onClick={() => onPassword(document)}
            className="self-start"
          >
            Enter password
          </Button>
        )}
      </div>
    );
  }
  if (document.kind === 'bank-file') {
    const summary = document.import;
    if (summary?.needsMapping) {
      return (
        <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
          <p className="text-sm text-amber-900">Numeri didn’t recognise this file’s columns.</p>
          {readOnly ? null : (
            <Link
              to={link(`/documents/${document.id}`)}
              className={cn(buttonClasses({ variant: 'secondary', size: 'sm' }), 'self-start')}
            >
              Choose the columns
            </Link>
          )}
        </div>
      );
    }
    if (summary) {
      return (
        <p className="mt-2 text-sm text-slate-700">
          {summary.imported === 1 ? '1 transaction' : `${summary.imported} transactions`} imported
          {summary.duplicates ? ` (${summary.duplicates} already there)` : ''}
          {summary.suggestions
            ? ` · ${summary.suggestions === 1 ? '1 possible deduction' : `${summary.suggestions} possible deductions`}`
            : ''}
          {' · '}
          <Link
            to={link(`/documents/transactions${document.incomeYear ? `?year=${document.incomeYear}` : ''}`)}
            className="font-medium text-teal-800 underline underline-offset-2 hover:text-teal-900"
          >
            Review transactions
          </Link>
        </p>
      );
    }
    return null;
  }
  if (document.status === 'needs-review') {
    return (
      <div className="mt-2 flex flex-col gap-2 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-700">
          {document.fields.length
            ? `Numeri found ${document.fields.length === 1 ? '1 figure' : `${document.fields.length} figures`}. Check ${document.fields.length === 1 ? 'it' : 'them'} before they go on your return.`
            : 'Check what Numeri read before it goes on your return.'}
        </p>
        <Link
          to={link(`/documents/${document.id}`)}
          className={cn(buttonClasses({ variant: 'primary', size: 'sm' }), 'self-start')}
          aria-label={`${readOnly ? 'View' : 'Review'} ${document.originalName}`}
        >
          {readOnly ? 'View' : 'Review'}
        </Link>
      </div>
    );
  }
  if (document.status === 'done' && document.confirmedAt && document.incomeYear) {
    return (
      <p className="mt-2 text-sm text-teal-800">
        Added to the {formatIncomeYear(document.incomeYear)} return on {shortDate(document.confirmedAt)}.
      </p>
    );
  }
  return null;
}
