import { useId, useState, type FormEvent } from 'react';
import { ApiErrorAlert, Badge, Button } from '../../../components';
import { controlClasses, FieldError } from '../../../components';
import { cn } from '../../../lib/cn';
import { formatDateTime } from '../../../lib/format';
import { useAddComment, useResolveComment, type ReturnComment } from '../api';
import { MessageIcon } from '../ui/icons';

/**
 * A review thread: the comments on one item (or the whole return), adding one, and marking one
 * resolved. The taxpayer and their invited reviewer see the same thread.
 */
export function CommentThread({
  year,
  ownerId,
  itemId,
  comments,
  label,
  canComment = true,
}: {
  year: string;
  ownerId?: string;
  /** null: about the whole return. */
  itemId: string | null;
  comments: readonly ReturnComment[];
  /** What the thread is about, for the field's label ("Comment on Acme Pty Ltd"). */
  label: string;
  canComment?: boolean;
}) {
  const thread = comments.filter((c) => (c.itemId ?? null) === itemId);
  const add = useAddComment(year, ownerId);
  const resolve = useResolveComment(year, ownerId);
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | undefined>();
  const id = useId().replace(/:/g, '');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = body.trim();
    if (!text) {
      setError('Write your comment first.');
      return;
    }
    if (text.length > 4000) {
      setError('Keep it under 4,000 characters.');
      return;
    }
    setError(undefined);
    add.mutate({ body: text, ...(itemId ? { itemId } : {}) }, { onSuccess: () => setBody('') });
  };
  return (
    <div className="flex flex-col gap-3">
      {thread.length > 0 ? (
        <ol className="flex flex-col gap-2.5" aria-label={`Comments: ${label}`}>
          {thread.map((comment) => (
            <li
              key={comment.id}
              className={cn(
                'rounded-xl p-3.5 text-sm ring-1',
                comment.resolvedAt ? 'bg-slate-50 ring-slate-200' : 'bg-sky-50 ring-sky-200',
              )}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium text-slate-900">
                  {comment.author.name}
                  {comment.author.role === 'reviewer' ? (
                    <span className="font-normal text-slate-600"> · reviewer</span>
                  ) : null}
                </p>
                <p className="text-xs text-slate-500">{formatDateTime(comment.createdAt)}</p>
              </div>
              <p className="mt-1 leading-6 whitespace-pre-wrap text-slate-800">{comment.body}</p>
              <div className="mt-2 flex items-center gap-3">
                {comment.resolvedAt ? (
                  <Badge tone="success">Resolved</Badge>
                ) : canComment ? (
                  <Button
                    size="sm"
                    variant="secondary"
                    loading={resolve.isPending && resolve.variables === comment.id}
                    onClick={() => resolve.mutate(comment.id)}
                  >
                    Mark resolved
                  </Button>
                ) : (
                  <Badge tone="info">Open</Badge>
                )}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      {canComment ? (
        <form onSubmit={submit} className="flex flex-col gap-2">
          <label htmlFor={`${id}-body`} className="text-sm font-medium text-slate-900">
            {thread.length ? 'Reply' : 'Add a comment'} <span className="sr-only">about {label}</span>
          </label>
          <textarea
            id={`${id}-body`}
            rows={2}
            value={body}
            onChange={(event) => setBody(event.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : undefined}
            className={controlClasses(Boolean(error), 'resize-y')}
          />
          <FieldError id={`${id}-error`} message={error} />
          <ApiErrorAlert error={add.error ?? resolve.error} />
          <div>
            <Button
              type="submit"
              size="sm"
              variant="secondary"
              loading={add.isPending}
              icon={<MessageIcon className="size-4" />}
            >
              Post comment
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}

/** "2 comments · 1 open" for a summary line. */
export function threadSummary(comments: readonly ReturnComment[], itemId: string | null): string | null {
  const thread = comments.filter((c) => (c.itemId ?? null) === itemId);
  if (thread.length === 0) return null;
  const open = thread.filter((c) => !c.resolvedAt).length;
  return `${thread.length} comment${thread.length === 1 ? '' : 's'}${open ? ` · ${open} open` : ''}`;
}
