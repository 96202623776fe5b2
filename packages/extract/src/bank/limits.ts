import type { BankParseError, BankParseLimits } from './types';

export interface ResolvedLimits {
  maxBytes: number;
  maxRows: number;
  maxLineLength: number;
}

export const DEFAULT_LIMITS: Readonly<ResolvedLimits> = {
  maxBytes: 32 * 1024 * 1024,
  maxRows: 100_000,
  maxLineLength: 16_384,
};

/** Most row errors reported individually; the rest are summarised. */
export const MAX_REPORTED_ERRORS = 50;

export function resolveLimits(limits: BankParseLimits | undefined): ResolvedLimits {
  const pick = (v: number | undefined, d: number): number =>
    v !== undefined && Number.isFinite(v) && v > 0 ? Math.floor(v) : d;
  return {
    maxBytes: pick(limits?.maxBytes, DEFAULT_LIMITS.maxBytes),
    maxRows: pick(limits?.maxRows, DEFAULT_LIMITS.maxRows),
    maxLineLength: pick(limits?.maxLineLength, DEFAULT_LIMITS.maxLineLength),
  };
}

export function tooManyErrors(errors: BankParseError[]): boolean {
  if (errors.length < MAX_REPORTED_ERRORS) return false;
  if (errors.length === MAX_REPORTED_ERRORS)
    errors.push({ message: 'More rows could not be read; only the first problems are listed.' });
  return true;
}
