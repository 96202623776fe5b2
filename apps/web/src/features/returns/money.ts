/**
 * Exact money conversions for the return interview. Returns store integer cents; people type
 * dollars. `MoneyInput` reports what was typed as a JS number (from `Number("85000.50")`), and a
 * number's shortest round-trip text is the decimal that was typed — so the conversion reads that
 * text digit by digit instead of multiplying a float by 100.
 */

/** Dollars → integer cents, or `null` when the amount has more than two decimals or is not finite. */
export function dollarsToCentsExact(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const negative = value < 0 || Object.is(value, -0);
  // Shortest text that reads back as the same number: "85000.5", "0.1", "1e+21" (rejected below).
  const text = String(Math.abs(value));
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return null;
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return null;
  const cents = Number(match[1]) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return negative && cents !== 0 ? -cents : cents;
}

/** Integer cents → the dollar number a `MoneyInput` shows (`8500050` → `85000.5`; exact for display). */
export function centsToDollarValue(cents: number): number {
  return cents / 100;
}

/**
 * Text as typed → cents: `"1,234.50"` → `123450`. Used where the text is at hand (the weekly-hours
 * estimator and tests). `null` for an empty or unreadable amount.
 */
export function parseDollarsToCents(text: string): number | null {
  const cleaned = text.trim().replace(/[\s,$]/g, '');
  const match = /^(-)?(\d*)(?:\.(\d{0,2}))?$/.exec(cleaned);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  const cents = Number(match[2] || '0') * 100 + Number((match[3] ?? '').padEnd(2, '0'));
  if (!Number.isSafeInteger(cents)) return null;
  return match[1] && cents !== 0 ? -cents : cents;
}

/** Basis points from a percentage with at most two decimals (`62.5` → `6250`), exactly. */
export function percentToBasisPoints(value: number): number | null {
  return dollarsToCentsExact(value);
}

/** Hours with at most two decimals, as the engine accepts them (`7.5` stays `7.5`). */
export function roundHours(value: number): number {
  const hundredths = Math.round(value * 100);
  return hundredths / 100;
}
