import { useEffect, useState } from 'react';
import type { FieldPath, FieldValues, UseFormReturn } from 'react-hook-form';
import { isApiError } from './api';

/**
 * Turns a contract message into a sentence with its field's label: `("Email", "is required")` →
 * "Email is required." Messages that are already sentences are kept.
 */
export function sentence(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const text = message.trim();
  if (/^[a-z]/.test(text)) return `${label} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/**
 * Puts the server's field errors (`ApiError.fieldErrors`) next to the fields of `form` and focuses
 * the first of them, in the order given. Returns true when at least one field took a message, so
 * the caller can skip a general alert.
 */
export function applyServerFieldErrors<T extends FieldValues, TOut extends FieldValues = T>(
  form: UseFormReturn<T, unknown, TOut>,
  error: unknown,
  fields: readonly FieldPath<T>[],
): boolean {
  if (!isApiError(error)) return false;
  let first: FieldPath<T> | undefined;
  for (const field of fields) {
    const message = error.fieldErrors[field];
    if (!message) continue;
    form.setError(field, { type: 'server', message });
    first ??= field;
  }
  if (first) form.setFocus(first);
  return first !== undefined;
}

/**
 * Seconds left before a rate-limited action may be tried again (from the 429's `Retry-After`),
 * counting down once a second; 0 when there is nothing to wait for.
 */
export function useRetryCountdown(error: unknown): number {
  const seconds = isApiError(error) && error.status === 429 ? error.retryAfterSeconds : undefined;
  const [until, setUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const start = Date.now();
    setNow(start);
    setUntil(seconds ? start + seconds * 1000 : null);
  }, [error, seconds]);
  useEffect(() => {
    if (until === null) return;
    const timer = setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= until) clearInterval(timer);
    }, 1000);
    return () => clearInterval(timer);
  }, [until]);
  return until === null ? 0 : Math.max(0, Math.ceil((until - now) / 1000));
}

/** `75` → "1 min 15 s"; `40` → "40 seconds". */
export function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  return rest === 0 ? `${minutes} min` : `${minutes} min ${rest} s`;
}
