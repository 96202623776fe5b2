import { useEffect, useState } from 'react';
import {
  Button,
  CheckCircleIcon,
  CloudOffIcon,
  DialogActions,
  Dialog,
  ErrorIcon,
  Spinner,
} from '../../components';
import { isApiError } from '../../lib/api';
import { cn } from '../../lib/cn';
import { formatRelativeTime } from '../../lib/format';
import { LockIcon } from '../../components';
import type { ReturnSaver, SaverSnapshot } from './return-saver';

/** "Saved" / "Saving…" / "Offline — changes kept", always visible while editing. */
export function SaveStatus({ snapshot, saver }: { snapshot: SaverSnapshot; saver: ReturnSaver }) {
  const [, tick] = useState(0);
  // Keep "Saved 2 minutes ago" honest.
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 30_000);
    return () => clearInterval(timer);
  }, []);
  const { state } = snapshot;
  let content;
  switch (state) {
    case 'readonly':
      content = (
        <span className="inline-flex items-center gap-1.5 text-slate-600">
          <LockIcon className="size-4" /> Read-only
        </span>
      );
      break;
    case 'saving':
    case 'pending':
      content = (
        <span className="inline-flex items-center gap-1.5 text-slate-600">
          <Spinner size="sm" decorative /> Saving…
        </span>
      );
      break;
    case 'offline':
      content = (
        <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-amber-900">
          <span className="inline-flex items-center gap-1.5">
            <CloudOffIcon className="size-4" /> Offline — changes kept
          </span>
          <button
            type="button"
            onClick={() => saver.retryNow()}
            className="font-medium underline underline-offset-2 hover:no-underline"
          >
            Try now
          </button>
        </span>
      );
      break;
    case 'error':
      content = (
        <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1 text-red-800">
          <span className="inline-flex items-center gap-1.5">
            <ErrorIcon className="size-4" />
            Not saved{isApiError(snapshot.error) && snapshot.error.detail ? `: ${snapshot.error.detail}` : ''}
          </span>
          <button
            type="button"
            onClick={() => saver.retryNow()}
            className="font-medium underline underline-offset-2 hover:no-underline"
          >
            Try again
          </button>
        </span>
      );
      break;
    case 'conflict':
      content = <span className="text-red-800">Not saved — a newer version exists</span>;
      break;
    default:
      content = (
        <span className="inline-flex items-center gap-1.5 text-slate-600">
          <CheckCircleIcon className="size-4 text-teal-700" />
          {snapshot.lastSavedAt ? `Saved ${formatRelativeTime(snapshot.lastSavedAt)}` : 'Saved'}
        </span>
      );
  }
  return (
    <p
      role="status"
      aria-live="polite"
      className={cn('text-sm', state === 'saving' || state === 'pending' ? 'opacity-90' : '')}
      data-testid="save-status"
    >
      {content}
    </p>
  );
}

/**
 * 409: someone saved a newer version (another tab, a confirmed document, a reviewer's change).
 * Nothing is overwritten: the person sees what was not saved and loads the newer version.
 */
export function ConflictDialog({
  open,
  unsaved,
  onLoadNewer,
  loading,
  error,
}: {
  open: boolean;
  unsaved: string[];
  onLoadNewer: () => void;
  loading: boolean;
  error?: unknown;
}) {
  const [copied, setCopied] = useState(false);
  const text = unsaved.join('\n');
  return (
    <Dialog
      open={open}
      onOpenChange={() => {}}
      hideClose
      title="This return changed elsewhere"
      description="A newer version was saved — perhaps in another tab or window, or by a document you confirmed. To keep that work, your latest changes were not saved."
    >
      {unsaved.length > 0 ? (
        <div>
          <p className="text-sm font-medium text-slate-900">Not saved from this window:</p>
          <ul className="mt-2 space-y-1 rounded-lg bg-amber-50 p-3 text-sm text-amber-950 ring-1 ring-amber-200">
            {unsaved.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <p className="mt-3 text-sm text-slate-600">
            Loading the newer version discards these. Make a note of them first if you need to enter them
            again.
          </p>
        </div>
      ) : null}
      {error ? (
        <p className="mt-3 text-sm text-red-800">
          We couldn’t load the newer version. Check your connection and try again.
        </p>
      ) : null}
      <DialogActions>
        {unsaved.length > 0 && typeof navigator !== 'undefined' && navigator.clipboard ? (
          <Button
            variant="secondary"
            onClick={() => {
              void navigator.clipboard.writeText(text).then(() => setCopied(true));
            }}
          >
            {copied ? 'Copied' : 'Copy this list'}
          </Button>
        ) : null}
        <Button onClick={onLoadNewer} loading={loading}>
          Load the newer version
        </Button>
      </DialogActions>
    </Dialog>
  );
}
