import type { ReactNode } from 'react';
import { AUTH_ERROR_CODES, isApiError } from '../lib/api';
import { Alert } from './Alert';

export interface ApiErrorAlertProps {
  error: unknown;
  /** Overrides the heading (the problem's title by default). */
  title?: ReactNode;
  /** Overrides the message (the problem's detail by default). */
  children?: ReactNode;
  actions?: ReactNode;
  className?: string;
}

/**
 * A failed request, in plain words: the server's own explanation when it gave one, "can't
 * connect" when it couldn't be reached. Nothing is shown when the person cancelled the
 * "Confirm it's you" check (nothing happened, and they know why).
 */
export function ApiErrorAlert({ error, title, children, actions, className }: ApiErrorAlertProps) {
  if (!error) return null;
  const apiError = isApiError(error) ? error : undefined;
  if (apiError?.code === AUTH_ERROR_CODES.stepUpRequired) return null;
  const unreachable = !apiError || apiError.isUnreachable;
  const heading =
    title ??
    (apiError?.isUnreachable ? 'Can’t connect to Numeri' : (apiError?.title ?? 'Something went wrong'));
  const body =
    children ??
    (unreachable
      ? 'We couldn’t reach the Numeri service. Check your internet connection and try again.'
      : (apiError?.detail ?? 'Please try again in a moment.'));
  return (
    <Alert tone="error" title={heading} actions={actions} className={className}>
      <p>{body}</p>
      {/* A reference helps support with server faults; expected refusals (wrong password…) don't need one. */}
      {apiError?.requestId && apiError.status >= 500 ? (
        <p className="mt-1 text-xs opacity-80">Reference: {apiError.requestId}</p>
      ) : null}
    </Alert>
  );
}
