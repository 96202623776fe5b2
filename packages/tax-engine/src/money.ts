/**
 * Exact money for the tax engine.
 *
 * - Money is integer cents held in a JS number that is a safe integer (`Cents`).
 * - Rates are exact rationals (`Rate`: numerator / denominator), never floats, so 32.5% is 325/1000.
 * - A figure is computed exactly as a fraction and rounded to cents once, at the end of that figure,
 *   half-up (a value exactly half-way between two cents goes to the higher cent: $5,092.325 becomes
 *   $5,092.33). No statutory rounding rule for assessment figures was found; see README "Rounding".
 * - Amounts that the return asks for in whole dollars are truncated (cents dropped) with
 *   {@link truncateToDollars}, as TAA 1953 Sch 1 s388-85 allows.
 *
 * Fast path: number arithmetic, checked with Number.isSafeInteger. When an intermediate product would
 * not be a safe integer the same computation is repeated with BigInt, so results are always exact.
 */

/** Integer cents (a safe integer). */
export type Cents = number;

/** An exact rational rate, e.g. 32.5% = { num: 325, den: 1000 }. `den` is a positive integer. */
export interface Rate {
  readonly num: number;
  readonly den: number;
}

/** An exact fraction of cents: n / d cents, d > 0. Used where a figure has a data-dependent denominator. */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

export const ZERO_RATE: Rate = { num: 0, den: 1 };

/** Builds a rate from a decimal percentage written as a string, e.g. percent('32.5') = 325/1000. */
export function percent(text: string): Rate {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new Error(`Not a percentage: ${text}`);
  const whole = match[1] ?? '0';
  const frac = match[2] ?? '';
  const num = Number(whole + frac);
  const den = 100 * 10 ** frac.length;
  return reduceRate(num, den);
}

/** Cents per dollar as a rate, e.g. centsPerDollar(15) = 15/100 (the study-loan "15c for each $1"). */
export function centsPerDollar(cents: number): Rate {
  return reduceRate(cents, 100);
}

export function rate(num: number, den: number): Rate {
  return reduceRate(num, den);
}

function reduceRate(num: number, den: number): Rate {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || den <= 0 || num < 0) {
    throw new Error(`Invalid rate ${num}/${den}`);
  }
  const g = gcd(num, den);
  return { num: num / g, den: den / g };
}

export function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = Math.abs(b);
  while (y !== 0) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x === 0 ? 1 : x;
}

/** Rate as a plain number for display only (never for money arithmetic). */
export function rateToNumber(r: Rate): number {
  return r.num / r.den;
}

export function rateEquals(a: Rate, b: Rate): boolean {
  return a.num * b.den === b.num * a.den;
}

/** Dollars (a whole number from a rules table) to cents. */
export function dollars(amount: number): Cents {
  return amount * 100;
}

/** Drops the cents of an amount (toward zero): 12,345.67 → 12,345.00; -12.50 → -12.00. */
export function truncateToDollars(cents: Cents): Cents {
  const whole = Math.trunc(cents / 100) * 100;
  return whole === 0 ? 0 : whole; // never -0
}

/**
 * Rounds n / d to the nearest integer, half-up (toward +infinity at exactly one half).
 * n and d are safe integers, d > 0.
 */
export function roundHalfUpDiv(n: number, d: number): number {
  if (d <= 0) throw new Error('roundHalfUpDiv: denominator must be positive');
  if (!Number.isSafeInteger(n) || !Number.isSafeInteger(d)) {
    return bigToSafe(roundFractionBig(BigInt(n), BigInt(d)));
  }
  let q = Math.floor(n / d);
  let r = n - q * d;
  // Float division may be off by one for large operands; correct it exactly.
  while (r < 0) {
    q -= 1;
    r += d;
  }
  while (r >= d) {
    q += 1;
    r -= d;
  }
  const result = 2 * r >= d ? q + 1 : q;
  return result === 0 ? 0 : result;
}

/**
 * round-half-up( product(numerators) / product(denominators) ), exact. Uses numbers when every
 * intermediate product is a safe integer, otherwise BigInt. All factors must be integers; the
 * denominators must be positive.
 */
export function mulDivRound(numerators: readonly number[], denominators: readonly number[]): number {
  let n = 1;
  let safe = true;
  for (const x of numerators) {
    n *= x;
    if (!Number.isSafeInteger(n)) {
      safe = false;
      break;
    }
  }
  let d = 1;
  if (safe) {
    for (const x of denominators) {
      d *= x;
      if (!Number.isSafeInteger(d)) {
        safe = false;
        break;
      }
    }
  }
  if (safe) return roundHalfUpDiv(n, d);
  let bn = 1n;
  for (const x of numerators) bn *= BigInt(x);
  let bd = 1n;
  for (const x of denominators) bd *= BigInt(x);
  return bigToSafe(roundFractionBig(bn, bd));
}

/** Exact cents × rate, rounded half-up to cents. */
export function applyRate(cents: Cents, r: Rate): Cents {
  return mulDivRound([cents, r.num], [r.den]);
}

// ---------------------------------------------------------------------------------------------
// Fractions (BigInt) for the few figures with data-dependent denominators (family Medicare
// reduction, pro-rating by days, proportions of tax). Not on the hot path of a typical return.
// ---------------------------------------------------------------------------------------------

export function fraction(n: bigint | number, d: bigint | number = 1n): Fraction {
  let bn = typeof n === 'bigint' ? n : BigInt(n);
  let bd = typeof d === 'bigint' ? d : BigInt(d);
  if (bd === 0n) throw new Error('fraction: zero denominator');
  if (bd < 0n) {
    bn = -bn;
    bd = -bd;
  }
  const g = bigGcd(bn < 0n ? -bn : bn, bd);
  return g > 1n ? { n: bn / g, d: bd / g } : { n: bn, d: bd };
}

export function fracAdd(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d + b.n * a.d, a.d * b.d);
}

export function fracSub(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.d - b.n * a.d, a.d * b.d);
}

export function fracMul(a: Fraction, b: Fraction): Fraction {
  return fraction(a.n * b.n, a.d * b.d);
}

export function fracMulRate(a: Fraction, r: Rate): Fraction {
  return fraction(a.n * BigInt(r.num), a.d * BigInt(r.den));
}

export function fracCompare(a: Fraction, b: Fraction): number {
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export function fracMin(a: Fraction, b: Fraction): Fraction {
  return fracCompare(a, b) <= 0 ? a : b;
}

export function fracMax(a: Fraction, b: Fraction): Fraction {
  return fracCompare(a, b) >= 0 ? a : b;
}

/** Rounds a fraction of cents to cents, half-up. */
export function fracRound(a: Fraction): Cents {
  return bigToSafe(roundFractionBig(a.n, a.d));
}

function roundFractionBig(n: bigint, d: bigint): bigint {
  // floor((2n + d) / 2d) with floor division for negatives.
  const num = 2n * n + d;
  const den = 2n * d;
  let q = num / den;
  if (num % den !== 0n && num < 0n) q -= 1n;
  return q;
}

function bigGcd(a: bigint, b: bigint): bigint {
  let x = a;
  let y = b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x === 0n ? 1n : x;
}

function bigToSafe(v: bigint): number {
  const n = Number(v);
  if (!Number.isSafeInteger(n)) throw new RangeError('Money result outside the safe integer range');
  return n === 0 ? 0 : n;
}

export function sumCents(values: readonly Cents[]): Cents {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

export function clampNonNegative(cents: Cents): Cents {
  return cents > 0 ? cents : 0;
}

/**
 * Formats cents as Australian dollars for explanations: 123456789 → "$1,234,567.89", -5000 → "-$50.00".
 * Hand-written (no Intl) so it is fast and identical everywhere.
 */
export function formatCents(cents: Cents): string {
  const negative = cents < 0;
  const abs = negative ? -cents : cents;
  const whole = Math.floor(abs / 100);
  const c = abs - whole * 100;
  const digits = whole < 1000 ? '' + whole : groupThousands(whole);
  return (negative ? '-$' : '$') + digits + (c < 10 ? '.0' : '.') + c;
}

/** 1234567 → "1,234,567" (non-negative integers). */
export function groupThousands(value: number): string {
  if (value < 1000) return '' + value;
  let out = '';
  let rest = value;
  while (rest >= 1000) {
    const high = Math.floor(rest / 1000);
    const low = rest - high * 1000;
    out = (low < 10 ? ',00' : low < 100 ? ',0' : ',') + low + out;
    rest = high;
  }
  return rest + out;
}

/** Formats whole dollars (a cents value that is a multiple of 100) without cents: "$18,200". */
export function formatWholeDollars(cents: Cents): string {
  if (cents % 100 !== 0) return formatCents(cents);
  return cents < 0 ? '-$' + groupThousands(-cents / 100) : '$' + groupThousands(cents / 100);
}

const rateText = new WeakMap<Rate, string>();

/** Formats a rate as a percentage for explanations: 325/1000 → "32.5%" (memoised per rate object). */
export function formatRate(r: Rate): string {
  const hit = rateText.get(r);
  if (hit !== undefined) return hit;
  // Exact decimal expansion when the denominator divides a power of ten (all rates in the rules do).
  let scale = 1;
  let digits = 0;
  while ((r.num * 100 * scale) % r.den !== 0 && digits < 6) {
    scale *= 10;
    digits++;
  }
  const scaled = (r.num * 100 * scale) / r.den;
  let text: string;
  if (digits === 0) text = `${scaled}%`;
  else {
    const t = String(Math.round(scaled)).padStart(digits + 1, '0');
    text = `${t.slice(0, -digits)}.${t.slice(-digits)}%`;
  }
  rateText.set(r, text);
  return text;
}

/**
 * An exact sum of cents and (cents × rate) terms over a fixed denominator, rounded once at the end.
 * `den` must be a multiple of the denominator of every rate added. Switches to BigInt if a term
 * would leave the safe-integer range, so it is always exact.
 */
export class ExactSum {
  private n = 0;
  private big: bigint | null = null;

  constructor(readonly den: number) {}

  /** Adds (or with sign -1 subtracts) whole cents. */
  addCents(cents: Cents, sign: 1 | -1 = 1): this {
    return this.addScaled(cents, this.den, sign);
  }

  /** Adds cents × rate. */
  addRate(cents: Cents, r: Rate, sign: 1 | -1 = 1): this {
    const k = this.den / r.den;
    if (!Number.isInteger(k))
      throw new Error(`ExactSum: denominator ${this.den} is not a multiple of ${r.den}`);
    return this.addScaled(cents, r.num * k, sign);
  }

  /** Adds a raw numerator (already over `den`). */
  addNumerator(numerator: number, sign: 1 | -1 = 1): this {
    return this.addScaled(numerator, 1, sign);
  }

  /** Adds the numerator a × b (over `den`), exactly even when the product is not a safe integer. */
  addProduct(a: number, b: number, sign: 1 | -1 = 1): this {
    return this.addScaled(a, b, sign);
  }

  private addScaled(a: number, b: number, sign: 1 | -1): this {
    if (this.big === null) {
      const term = a * b;
      const next = sign === 1 ? this.n + term : this.n - term;
      if (Number.isSafeInteger(term) && Number.isSafeInteger(next)) {
        this.n = next;
        return this;
      }
      this.big = BigInt(this.n);
    }
    const term = BigInt(a) * BigInt(b);
    this.big = sign === 1 ? this.big + term : this.big - term;
    return this;
  }

  /** The exact value as a fraction of cents. */
  toFraction(): Fraction {
    return fraction(this.big ?? BigInt(this.n), BigInt(this.den));
  }

  /** -1, 0 or 1. */
  sign(): number {
    if (this.big !== null) return this.big < 0n ? -1 : this.big > 0n ? 1 : 0;
    return Math.sign(this.n);
  }

  /** Rounded half-up to cents. */
  rounded(): Cents {
    if (this.big !== null) return fracRound(this.toFraction());
    return roundHalfUpDiv(this.n, this.den);
  }

  /** Rounded half-up to cents, but never below nil. */
  roundedNonNegative(): Cents {
    return this.sign() <= 0 ? 0 : this.rounded();
  }
}
