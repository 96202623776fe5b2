import { Link } from 'react-router';
import { Button, ErrorIcon, InfoIcon } from '../../components';
import { cn } from '../../lib/cn';
import { formatBytes, shortDate } from './document-labels';
import { ProgressBar } from './StatusChip';
import type { UploadItem } from './use-uploads';

export interface UploadQueueProps {
  items: readonly UploadItem[];
  onCancel: (key: string) => void;
  onDismiss: (key: string) => void;
  onRetry: (key: string) => void;
}

/** Files on their way up, and those Numeri refused (with the reason) or already had. */
export function UploadQueue({ items, onCancel, onDismiss, onRetry }: UploadQueueProps) {
  if (!items.length) return null;
  return (
    <ul aria-label="Uploads" className="space-y-3">
      {items.map((item) => (
        <li
          key={item.key}
          className={cn(
            'rounded-xl p-4 ring-1',
            item.state === 'rejected' || item.state === 'failed'
              ? 'bg-red-50 ring-red-200'
              : item.state === 'duplicate'
                ? 'bg-sky-50 ring-sky-200'
                : 'bg-white ring-slate-200',
          )}
        >
          <UploadRow item={item} onCancel={onCancel} onDismiss={onDismiss} onRetry={onRetry} />
        </li>
      ))}
    </ul>
  );
}

function UploadRow({
  item,
  onCancel,
  onDismiss,
  onRetry,
}: { item: UploadItem } & Omit<UploadQueueProps, 'items'>) {
  const name = item.file.name || 'Photo';
  const percent = Math.round(item.progress * 100);
  const dismiss = (
    <Button variant="ghost" size="sm" onClick={() => onDismiss(item.key)} aria-label={`Dismiss ${name}`}>
      Dismiss
    </Button>
  );

  if (item.state === 'waiting' || item.state === 'uploading') {
    return (
      <div>
        <div className="flex items-center justify-between gap-3">
          <p className="min-w-0 truncate text-sm font-medium text-slate-900">{name}</p>
          <Button
            variant="ghost"
            size="sm"
            onClick={() => onCancel(item.key)}
            aria-label={`Cancel uploading ${name}`}
          >
            Cancel
          </Button>
        </div>
        <div className="mt-2 flex items-center gap-3">
          <ProgressBar value={percent} label={`Uploading ${name}`} className="flex-1" />
          <span className="w-24 shrink-0 text-right text-xs text-slate-600 tabular">
            {item.state === 'waiting'
              ? 'Waiting…'
              : percent >= 100
                ? 'Saving…'
                : `${percent}% of ${formatBytes(item.file.size)}`}
          </span>
        </div>
      </div>
    );
  }

  if (item.state === 'duplicate' && item.document) {
    return (
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 gap-3">
          <InfoIcon className="mt-0.5 size-5 shrink-0 text-sky-700" />
          <div className="min-w-0">
            <p className="truncate text-sm font-semibold text-sky-950">{name}</p>
            <p className="mt-0.5 text-sm text-sky-900">
              You already uploaded this on {shortDate(item.document.createdAt)}, so it wasn’t added again.
            </p>
          </div>
        </div>
        <div className="flex shrink-0 gap-2 pl-8 sm:pl-0">
          <Link
            to={`/documents/${item.document.id}`}
            className="inline-flex h-8 items-center rounded-lg px-3 text-sm font-medium text-sky-900 underline underline-offset-2 hover:bg-sky-100"
          >
            Open it
          </Link>
          {dismiss}
        </div>
      </div>
    );
  }

  const failed = item.state === 'failed';
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
      <div className="flex min-w-0 gap-3">
        <ErrorIcon className="mt-0.5 size-5 shrink-0 text-red-700" />
        <div className="min-w-0">
          <p className="text-sm font-semibold break-words text-red-950">
            {name} <span className="font-normal">— {item.title ?? 'not uploaded'}</span>
          </p>
          {item.reason ? <p className="mt-0.5 text-sm text-red-900">{item.reason}</p> : null}
        </div>
      </div>
      <div className="flex shrink-0 gap-2 pl-8 sm:pl-0">
        {failed ? (
          <Button variant="secondary" size="sm" onClick={() => onRetry(item.key)}>
            Try again
          </Button>
        ) : null}
        {dismiss}
      </div>
    </div>
  );
}
