// Validation of single values and cross-checks between values. A failed check lowers the
// confidence of the value(s) most likely to be wrong and explains why in a warning; a passed
// cross-check raises confidence a little (two independent readings agree).

import { isValidAbn, formatAbn } from '../text/ids';
import { daysBetweenInclusive, incomeYearBounds, incomeYearOf } from '../text/dates';
import { formatCents } from '../text/money';
import { FIELD_DEFINITIONS } from './fields';
import type { DocumentType, FieldKey, ValueType } from './fields';

export interface WorkingField {
  key: FieldKey;
  valueType: ValueType;
  value: string | number;
  confidence: number;
  row?: number;
}

export interface CheckOptions {
  /** "2024-25": dates should fall in (or, for periods, cover) this income year. */
  incomeYear?: string;
  /** Earliest and latest plausible dates (ISO). Defaults 1990-01-01 and 2099-12-31. */
  plausibleFrom?: string;
  plausibleTo?: string;
}

export class FieldSet {
  readonly warnings: string[] = [];
  constructor(readonly fields: WorkingField[]) {}

  get(key: FieldKey, row?: number): WorkingField | undefined {
    return this.fields.find((f) => f.key === key && (row === undefined || (f.row ?? 0) === row));
  }
  money(key: FieldKey, row?: number): number | undefined {
    const f = this.get(key, row);
    return f && typeof f.value === 'number' ? f.value : undefined;
  }
  text(key: FieldKey): string | undefined {
    const f = this.get(key);
    return f && typeof f.value === 'string' ? f.value : undefined;
  }
  penalise(f: WorkingField | undefined, factor: number): void {
    if (f) f.confidence *= factor;
  }
  reward(...fs: (WorkingField | undefined)[]): void {
    for (const f of fs) if (f) f.confidence = f.confidence + (1 - f.confidence) * 0.25;
  }
  warn(message: string): void {
    if (!this.warnings.includes(message)) this.warnings.push(message);
  }
}

const near = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance;

// ---------------------------------------------------------------------------------------------
// Single values
// ---------------------------------------------------------------------------------------------

const DATE_FIELDS_IN_YEAR: readonly FieldKey[] = ['date', 'paymentDate'];

export function validateValues(set: FieldSet, options: CheckOptions): void {
  const from = options.plausibleFrom ?? '1990-01-01';
  const to = options.plausibleTo ?? '2099-12-31';
  const year = options.incomeYear ? incomeYearBounds(options.incomeYear) : undefined;
  for (const f of set.fields) {
    const label = labelOf(f.key);
    if (f.valueType === 'abn' && typeof f.value === 'string' && isValidAbn(f.value)) set.reward(f);
    if (f.valueType === 'abn' && typeof f.value === 'string' && !isValidAbn(f.value)) {
      set.penalise(f, 0.4);
      set.warn(
        `${label}: ${formatAbn(f.value)} fails the ABN check digit, so at least one digit was misread. Check it against the document.`,
      );
    }
    if (f.valueType === 'date' && typeof f.value === 'string') {
      if (f.value < from || f.value > to) {
        set.penalise(f, 0.5);
        set.warn(`${label}: ${f.value} is not a plausible date for this document.`);
      } else if (
        year &&
        DATE_FIELDS_IN_YEAR.includes(f.key) &&
        (f.value < year.start || f.value > year.end)
      ) {
        set.penalise(f, 0.85);
        set.warn(
          `${label}: ${f.value} falls in the ${incomeYearOf(f.value)} income year, not ${options.incomeYear}.`,
        );
      }
    }
    if (f.valueType === 'money' && typeof f.value === 'number' && f.value < 0) {
      set.penalise(f, 0.7);
      set.warn(`${label} was read as a negative amount (${formatCents(f.value)}); check the sign.`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Cross-checks per document type
// ---------------------------------------------------------------------------------------------

function checkPeriod(set: FieldSet, options: CheckOptions, singleYear: boolean): void {
  const s = set.get('periodStart');
  const e = set.get('periodEnd');
  if (!s || !e || typeof s.value !== 'string' || typeof e.value !== 'string') return;
  if (s.value > e.value) {
    set.penalise(s, 0.5);
    set.penalise(e, 0.5);
    set.warn(`The period starts (${s.value}) after it ends (${e.value}).`);
    return;
  }
  if (singleYear && incomeYearOf(s.value) !== incomeYearOf(e.value)) {
    set.penalise(s, 0.8);
    set.penalise(e, 0.8);
    set.warn(`The period ${s.value} to ${e.value} spans more than one income year (1 July – 30 June).`);
    return;
  }
  if (options.incomeYear && incomeYearOf(s.value) !== options.incomeYear) {
    set.penalise(s, 0.85);
    set.penalise(e, 0.85);
    set.warn(
      `The period ${s.value} to ${e.value} is in the ${incomeYearOf(s.value)} income year, not ${options.incomeYear}.`,
    );
    return;
  }
  set.reward(s, e);
}

function checkEmployment(set: FieldSet, options: CheckOptions): void {
  checkPeriod(set, options, true);
  const gross = set.get('grossPayments');
  const tax = set.get('taxWithheld');
  const g = set.money('grossPayments');
  const t = set.money('taxWithheld');
  const allowances = set.money('allowances') ?? 0;
  if (g !== undefined && t !== undefined) {
    if (t > g + allowances) {
      set.penalise(tax, 0.6);
      set.penalise(gross, 0.85);
      set.warn(
        `Tax withheld (${formatCents(t)}) is more than gross payments (${formatCents(g)}); check both amounts.`,
      );
    } else if (g > 0 && t / (g + allowances) <= 0.5) {
      set.reward(tax);
    }
  }
}

const FRANKING_RATES = [30, 25, 26, 27.5] as const;

/** Which company tax rate (if any) explains a franking credit for a franked amount. */
export function frankingRateFor(franked: number, credit: number): number | undefined {
  for (const rate of FRANKING_RATES) {
    const expected = (franked * rate) / (100 - rate);
    if (near(credit, expected, Math.max(2, expected * 0.002))) return rate;
  }
  return undefined;
}

function checkDividend(set: FieldSet): void {
  const franked = set.money('frankedAmount');
  const unfranked = set.money('unfrankedAmount');
  const credit = set.money('frankingCredit');
  const withheld = set.money('tfnWithheld') ?? 0;
  const net = set.money('netPayment');
  if (franked !== undefined && credit !== undefined) {
    if (franked === 0 && credit > 0) {
      set.penalise(set.get('frankingCredit'), 0.6);
      set.warn(
        `A franking credit of ${formatCents(credit)} was read, but the franked amount is nil; check both.`,
      );
    } else if (franked > 0) {
      const rate = frankingRateFor(franked, credit);
      if (rate === undefined) {
        set.penalise(set.get('frankingCredit'), 0.6);
        set.penalise(set.get('frankedAmount'), 0.9);
        set.warn(
          `The franking credit (${formatCents(credit)}) does not match the franked amount (${formatCents(franked)}) at a 30% or 25% company tax rate; check both.`,
        );
      } else {
        set.reward(set.get('frankingCredit'), set.get('frankedAmount'));
      }
    }
  }
  if (net !== undefined && (franked !== undefined || unfranked !== undefined)) {
    const expected = (franked ?? 0) + (unfranked ?? 0) - withheld;
    if (near(net, expected, 2)) {
      set.reward(set.get('netPayment'), set.get('frankedAmount'), set.get('unfrankedAmount'));
    } else {
      set.penalise(set.get('netPayment'), 0.8);
      set.penalise(set.get('unfrankedAmount'), 0.85);
      set.warn(
        `Franked plus unfranked amounts less tax withheld (${formatCents(expected)}) do not equal the net payment (${formatCents(net)}); check the amounts (a reinvestment plan or other deduction can explain a difference).`,
      );
    }
  }
}

function checkDistribution(set: FieldSet, options: CheckOptions): void {
  checkPeriod(set, options, true);
  const fd = set.money('frankedDistributions');
  const fc = set.money('frankingCredit');
  if (fd !== undefined && fc !== undefined && fc > fd) {
    set.penalise(set.get('frankingCredit'), 0.6);
    set.warn(
      `The share of franking credits (${formatCents(fc)}) is more than the franked distributions (${formatCents(fd)}); check both.`,
    );
  }
  const total = set.money('capitalGainsTotal');
  const net = set.money('netCapitalGain');
  if (total !== undefined && net !== undefined) {
    if (net > total) {
      set.penalise(set.get('netCapitalGain'), 0.6);
      set.warn(
        `The net capital gain (${formatCents(net)}) is more than the total current year capital gains (${formatCents(total)}); check both.`,
      );
    } else set.reward(set.get('netCapitalGain'), set.get('capitalGainsTotal'));
  }
  const gross = set.money('grossDistribution');
  const cash = set.money('netDistribution');
  if (gross !== undefined && cash !== undefined && cash > gross) {
    set.penalise(set.get('netDistribution'), 0.7);
    set.warn(
      `The net distribution (${formatCents(cash)}) is more than the gross distribution (${formatCents(gross)}); check both.`,
    );
  }
}

function checkInterest(set: FieldSet, options: CheckOptions): void {
  checkPeriod(set, options, true);
  const interest = set.money('interest');
  const withheld = set.money('tfnWithheld');
  if (interest !== undefined && withheld !== undefined && withheld > Math.round(interest * 0.47) + 2) {
    set.penalise(set.get('tfnWithheld'), 0.6);
    set.warn(
      `TFN withholding (${formatCents(withheld)}) is more than the top rate of the interest (${formatCents(interest)}); check both.`,
    );
  }
}

function checkReceipt(set: FieldSet): void {
  const total = set.money('total');
  const gst = set.money('gst');
  if (total !== undefined && total <= 0) {
    set.penalise(set.get('total'), 0.6);
    set.warn('The total was read as nil or negative; check it.');
  }
  if (total === undefined || gst === undefined || gst === 0 || total <= 0) return;
  const expected = Math.round(total / 11);
  if (near(gst, expected, 2)) {
    set.reward(set.get('gst'), set.get('total'));
  } else if (gst > expected + 2) {
    set.penalise(set.get('gst'), 0.5);
    set.penalise(set.get('total'), 0.85);
    set.warn(
      `GST (${formatCents(gst)}) is more than one eleventh of the total (${formatCents(total)}), which cannot be right; check both amounts.`,
    );
  } else {
    set.penalise(set.get('gst'), 0.9);
    set.warn(
      `GST (${formatCents(gst)}) is less than one eleventh of the total (${formatCents(total)}): some items may be GST-free, or an amount was misread.`,
    );
  }
}

const BENEFIT_CODES = new Set(['30', '31', '35', '36', '40', '41']);

function checkPhi(set: FieldSet, options: CheckOptions): void {
  checkPeriod(set, options, true);
  const rows = new Set(set.fields.filter((f) => f.key === 'premiumsPaid').map((f) => f.row ?? 0));
  for (const row of rows) {
    const premiums = set.money('premiumsPaid', row);
    const rebate = set.money('rebateReceived', row);
    if (premiums !== undefined && rebate !== undefined) {
      if (rebate > premiums * 0.5) {
        set.penalise(set.get('rebateReceived', row), 0.6);
        set.warn(
          `Row ${row + 1}: the rebate received (${formatCents(rebate)}) is more than half of the premiums (${formatCents(premiums)}); check both.`,
        );
      } else set.reward(set.get('rebateReceived', row));
    }
  }
  for (const f of set.fields) {
    if (f.key === 'benefitCode' && typeof f.value === 'string' && !BENEFIT_CODES.has(f.value)) {
      set.penalise(f, 0.4);
      set.warn(`Benefit code ${f.value} is not one of the codes the ATO uses (30, 31, 35, 36, 40, 41).`);
    }
  }
  const days = set.get('coverDays');
  if (days && typeof days.value === 'number') {
    if (days.value > 366) {
      set.penalise(days, 0.3);
      set.warn(`${days.value} days of cover is more than a year; check it.`);
    } else {
      const s = set.text('periodStart');
      const e = set.text('periodEnd');
      if (s && e && days.value > daysBetweenInclusive(s, e)) {
        set.penalise(days, 0.7);
        set.warn(
          `${days.value} days of cover is more than the ${daysBetweenInclusive(s, e)} days in the statement period.`,
        );
      }
    }
  }
}

function checkBank(set: FieldSet, options: CheckOptions): void {
  checkPeriod(set, options, false);
}

export function crossCheck(type: DocumentType, set: FieldSet, options: CheckOptions): void {
  switch (type) {
    case 'income-statement':
    case 'payg-payment-summary':
      return checkEmployment(set, options);
    case 'receipt':
      return checkReceipt(set);
    case 'dividend-statement':
      return checkDividend(set);
    case 'distribution-statement':
      return checkDistribution(set, options);
    case 'interest-summary':
      return checkInterest(set, options);
    case 'private-health-statement':
      return checkPhi(set, options);
    case 'bank-statement':
      return checkBank(set, options);
    case 'other':
      return;
  }
}

function labelOf(key: FieldKey): string {
  return FIELD_DEFINITIONS[key].label;
}
