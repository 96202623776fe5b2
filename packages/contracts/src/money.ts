import { z } from 'zod';

/** Largest dollar amount the API accepts: keeps cents well inside Number.MAX_SAFE_INTEGER. */
export const MAX_DOLLARS = 10_000_000_000;

/**
 * A non-negative dollar amount sent over JSON, with at most two decimal places.
 * Converted to integer cents at the edge with {@link dollarsToCents}; nothing downstream does
 * float arithmetic on money.
 */
export const dollars = z
  .number()
  .finite()
  .nonnegative('must not be negative')
  .max(MAX_DOLLARS, 'is too large')
  .refine(
    (value) =>
      Number.isInteger(Math.round(value * 100)) && Math.abs(value * 100 - Math.round(value * 100)) < 1e-6,
    {
      message: 'must have at most two decimal places',
    },
  );

/** A dollar amount that may be negative (a net loss, an amount owing). */
export const signedDollars = z
  .number()
  .finite()
  .min(-MAX_DOLLARS, 'is too small')
  .max(MAX_DOLLARS, 'is too large')
  .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
    message: 'must have at most two decimal places',
  });

export function dollarsToCents(value: number): number {
  return Math.round(value * 100);
}

/** Cents to a JSON number of dollars with at most two decimals (exact for safe integers). */
export function centsToDollars(cents: number): number {
  return Math.round(cents) / 100;
}
