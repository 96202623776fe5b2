/**
 * Display formatting for Australian users: `Intl` with the en-AU locale. Amounts from the API are
 * dollars with at most two decimals; these functions never do arithmetic on them beyond display.
 */

const LOCALE = 'en-AU';

const moneyFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'AUD',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const wholeDollarFormat = new Intl.NumberFormat(LOCALE, {
  style: 'currency',
  currency: 'AUD',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

const plainAmountFormat = new Intl.NumberFormat(LOCALE, {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });

/** A dollar amount as whole cents (the API sends at most two decimals, so this only removes float noise). */
function toCents(dollars: number): number {
  return Math.round(dollars * 100);
}

export interface MoneyOptions {
  /** Show whole dollars (rounded) instead of cents. Default: cents. */
  wholeDollars?: boolean;
  /** Prefix positive amounts with "+" (for changes). */
  signed?: boolean;
}

/** `85000.5` → `$85,000.50`; `-12.3` → `-$12.30`. Cents-precise by default. */
export function formatMoney(dollars: number, options: MoneyOptions = {}): string {
  if (!Number.isFinite(dollars)) return '—';
  // Work in whole cents so "-0.001" prints as "$0.00", never "-$0.00".
  const cents = options.wholeDollars ? Math.round(toCents(dollars) / 100) * 100 : toCents(dollars);
  const format = options.wholeDollars ? wholeDollarFormat : moneyFormat;
  const text = format.format(cents === 0 ? 0 : cents / 100);
  return options.signed && cents > 0 ? `+${text}` : text;
}

/** Integer cents → `$1,234.56`. */
export function formatCents(cents: number, options: MoneyOptions = {}): string {
  return formatMoney(Math.round(cents) / 100, options);
}

/**
 * A dollar amount without the currency symbol, for inputs that show "$" beside them:
 * `85000.5` → `85,000.50`. With `trimZeroCents`, whole dollars drop the cents: `85000` → `85,000`.
 */
export function formatAmount(dollars: number, options: { trimZeroCents?: boolean } = {}): string {
  if (!Number.isFinite(dollars)) return '';
  const cents = toCents(dollars);
  if (options.trimZeroCents && cents % 100 === 0) return integerFormat.format(cents / 100);
  return plainAmountFormat.format(cents / 100);
}

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/**
 * Parses what a person types as an amount of money: `85,000.50`, `$85000.5`, ` 85 000 `, `-5,000`.
 * Returns `undefined` for an empty field and `NaN` for text that is not an amount, so that the
 * form's schema reports the problem next to the field.
 */
export function parseMoney(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  let cleaned = trimmed.replace(/[\s,]/g, '').replace(/^AUD/i, '');
  let negative = false;
  if (/^\(.*\)$/.test(cleaned)) {
    negative = true;
    cleaned = cleaned.slice(1, -1);
  }
  if (cleaned.startsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(1);
  }
  cleaned = cleaned.replace(/^\$/, '');
  if (cleaned.startsWith('-')) {
    negative = !negative;
    cleaned = cleaned.slice(1);
  }
  if (!/^(\d+(\.\d*)?|\.\d+)$/.test(cleaned)) return Number.NaN;
  const value = Number(cleaned);
  return negative ? -value : value;
}

export interface PercentOptions {
  /** Digits after the decimal point; default 1. */
  maximumFractionDigits?: number;
}

/** A ratio as a percentage: `0.325` → `32.5%`. */
export function formatPercent(ratio: number, options: PercentOptions = {}): string {
  if (!Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(LOCALE, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: options.maximumFractionDigits ?? 1,
  }).format(ratio);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

const dateParts = (timeZone: string | undefined) =>
  new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'numeric', year: 'numeric', timeZone });

/**
 * A date as `d MMM yyyy` (`5 Sep 2025`). A `YYYY-MM-DD` string is a calendar date and is shown as
 * written, whatever the viewer's time zone; a `Date` or full timestamp is shown in local time.
 * (en-AU's own short months are "June" and "Sept", so the three-letter month is fixed here.)
 */
export function formatDate(value: Date | string | number): string {
  const dateOnly = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  const date = dateOnly
    ? new Date(Date.UTC(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3])))
    : new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  const parts = dateParts(dateOnly ? 'UTC' : undefined).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const month = MONTHS[part('month') - 1];
  return `${part('day')} ${month ?? ''} ${part('year')}`;
}

/** `"2025-26"` → `"2025–26"` (en dash, as the ATO writes income years). */
export function formatIncomeYear(year: string): string {
  return year.replace('-', '–');
}

/** `"2025-26"` → `"1 Jul 2025 – 30 Jun 2026"`. */
export function incomeYearRange(year: string): string {
  const start = Number(year.slice(0, 4));
  if (!Number.isInteger(start)) return year;
  return `1 Jul ${start} – 30 Jun ${start + 1}`;
}

const relativeFormat = new Intl.RelativeTimeFormat(LOCALE, { numeric: 'auto' });

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 7],
  ['week', 4.345],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** How long ago (or until) a moment is, in words: "just now", "2 hours ago", "yesterday", "in 3 days". */
export function formatRelativeTime(value: Date | string | number, now: Date | number = Date.now()): string {
  const time = new Date(value).getTime();
  if (Number.isNaN(time)) return '—';
  let amount = (time - new Date(now).getTime()) / 1000;
  if (Math.abs(amount) < 45) return 'just now';
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return relativeFormat.format(Math.round(amount), unit);
    amount /= size;
  }
  return formatDate(time);
}

const timeFormat = new Intl.DateTimeFormat(LOCALE, { hour: 'numeric', minute: '2-digit', hour12: true });

/** A moment in local time: "5 Sep 2025, 3:04 pm". */
export function formatDateTime(value: Date | string | number): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return '—';
  return `${formatDate(date)}, ${timeFormat
    .format(date)
    .replace(/\s?([ap])\.?m\.?$/i, ' $1m')
    .toLowerCase()}`;
}
