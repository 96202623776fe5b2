import type { ValidationCode, ValidationIssue } from './assessment.types';
import {
  daysInIncomeYear,
  isIncomeYear,
  isWithinIncomeYear,
  parseIsoDate,
  daysFromCivil,
  SUPPORTED_INCOME_YEARS,
} from './income-year';
import type { IncomeYear } from './income-year';

/** Largest money amount accepted in one field: $10 billion, as in the public API. */
export const MAX_CENTS = 1_000_000_000_000;

type Obj = Record<string, unknown>;

interface MoneyOptions {
  readonly signed?: boolean;
  readonly required?: boolean;
}
const PLAIN: MoneyOptions = {};
const SIGNED: MoneyOptions = { signed: true };
const REQUIRED: MoneyOptions = { required: true };
const SIGNED_REQUIRED: MoneyOptions = { signed: true, required: true };

class Checker {
  readonly issues: ValidationIssue[] = [];

  add(path: string, code: ValidationCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Returns the value as an object, or null (with an issue) when it is not one. */
  object(path: string, value: unknown, allowed: ReadonlySet<string>): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'invalid-type', 'must be an object');
      return null;
    }
    // for…in (own and inherited enumerable keys): anything enumerable that is not a field is reported.
    for (const key in value) {
      if (!allowed.has(key))
        this.add(join(path, key), 'unknown-field', `is not a field of ${path || 'the return'}`);
    }
    return value as Obj;
  }

  money(path: string, value: unknown, opts: MoneyOptions = PLAIN): void {
    this.moneyAt(path, null, value, opts);
  }

  /** Checks a money field; the path (parent + key) is only built when there is an issue. */
  moneyAt(parent: string, key: string | null, value: unknown, opts: MoneyOptions = PLAIN): void {
    if (
      typeof value === 'number' &&
      Number.isSafeInteger(value) &&
      (value >= 0 || opts.signed) &&
      Math.abs(value) <= MAX_CENTS
    )
      return;
    if (value === undefined && !opts.required) return;
    const path = key === null ? parent : join(parent, key);
    if (value === undefined) {
      this.add(path, 'required', 'is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(path, 'invalid-type', 'must be a number of cents');
      return;
    }
    if (!Number.isInteger(value)) {
      this.add(path, 'not-integer', 'must be a whole number of cents');
      return;
    }
    if (!opts.signed && value < 0) {
      this.add(path, 'negative', 'must not be negative');
      return;
    }
    if (Math.abs(value) > MAX_CENTS) this.add(path, 'too-large', 'is larger than $10,000,000,000');
  }

  integer(path: string, value: unknown, min: number, max: number, opts: { required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.add(path, 'required', 'is required');
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.add(path, 'invalid-type', 'must be a number');
      return;
    }
    if (!Number.isInteger(value)) {
      this.add(path, 'not-integer', 'must be a whole number');
      return;
    }
    if (value < 0 && min >= 0) {
      this.add(path, 'negative', 'must not be negative');
      return;
    }
    if (value < min || value > max) this.add(path, 'out-of-range', `must be between ${min} and ${max}`);
  }

  bool(path: string, value: unknown, opts: { required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.add(path, 'required', 'is required');
      return;
    }
    if (typeof value !== 'boolean') this.add(path, 'invalid-type', 'must be true or false');
  }

  oneOf(
    path: string,
    value: unknown,
    options: readonly (string | number)[],
    opts: { required?: boolean } = {},
  ): boolean {
    if (value === undefined) {
      if (opts.required) this.add(path, 'required', 'is required');
      return false;
    }
    if (!options.includes(value as string | number)) {
      this.add(path, 'invalid-type', `must be one of ${options.join(', ')}`);
      return false;
    }
    return true;
  }

  array(path: string, value: unknown, max: number): unknown[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value)) {
      this.add(path, 'invalid-type', 'must be a list');
      return null;
    }
    if (value.length > max) this.add(path, 'out-of-range', `must have at most ${max} entries`);
    return value;
  }
}

function join(path: string, key: string | number): string {
  return path ? `${path}.${key}` : String(key);
}

const setCache = new Map<readonly string[], ReadonlySet<string>>();
function setOf(fields: readonly string[]): ReadonlySet<string> {
  let set = setCache.get(fields);
  if (!set) {
    set = new Set(fields);
    setCache.set(fields, set);
  }
  return set;
}

function moneyFields(
  c: Checker,
  path: string,
  value: unknown,
  fields: readonly string[],
  signed: readonly string[] = [],
): Obj | null {
  if (value === undefined) return null;
  const o = c.object(path, value, setOf(fields));
  if (!o) return null;
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    const v = o[f];
    if (v !== undefined) c.moneyAt(path, f, v, signed.length > 0 && signed.includes(f) ? SIGNED : PLAIN);
  }
  return o;
}

/* Field lists, built once. */
const BENEFIT_CODES = [30, 31, 35, 36, 40, 41] as const;
const WFH_MONEY_FIELDS = [
  'energy',
  'phoneAndInternet',
  'stationeryAndConsumables',
  'cleaning',
  'furnitureDeclineInValue',
  'equipmentDeclineInValue',
] as const;
const RESIDENCY_FIELDS_BY_KIND: Readonly<Record<string, ReadonlySet<string>>> = {
  resident: new Set(),
  'foreign-resident': new Set(),
  'part-year-resident': new Set(['residentFrom', 'residentUntil', 'monthsResident', 'daysResident']),
  'working-holiday-maker': new Set(['taxResident', 'workingHolidayNetIncome']),
};
const WFH_FIELDS: ReadonlySet<string> = new Set(['hours', ...WFH_MONEY_FIELDS]);
const RESIDENCY_FIELDS: ReadonlySet<string> = new Set([
  'kind',
  'residentFrom',
  'residentUntil',
  'monthsResident',
  'daysResident',
  'taxResident',
  'workingHolidayNetIncome',
]);
const INCOME_FIELDS: ReadonlySet<string> = new Set([
  'salaryWages',
  'allowances',
  'lumpSumA',
  'lumpSumB',
  'governmentAllowances',
  'governmentPensions',
  'grossInterest',
  'dividends',
  'employeeShareSchemes',
  'partnershipsAndTrusts',
  'business',
  'capitalGains',
  'foreignIncome',
  'rentalProperties',
  'otherIncome',
]);
const LUMP_SUM_A_FIELDS: ReadonlySet<string> = new Set(['amount', 'type']);
const BUSINESS_FIELDS: ReadonlySet<string> = new Set([
  'netIncome',
  'smallBusinessEntity',
  'lossDeductibleThisYear',
]);
const CAPITAL_GAINS_FIELDS: ReadonlySet<string> = new Set([
  'gains',
  'currentYearLosses',
  'priorYearNetLosses',
]);
const CAPITAL_GAIN_FIELDS: ReadonlySet<string> = new Set(['amount', 'discountEligible', 'description']);
const RENTAL_FIELDS: ReadonlySet<string> = new Set([
  'label',
  'grossRent',
  'interestDeductions',
  'capitalWorksDeductions',
  'otherDeductions',
]);
const SPOUSE_FIELDS: ReadonlySet<string> = new Set(['taxableIncome', 'otherIncomeTestAmounts']);
const DEPENDANTS_FIELDS: ReadonlySet<string> = new Set(['dependentChildren', 'soleParent']);
const SAPTO_FIELDS: ReadonlySet<string> = new Set(['eligible', 'category']);
const PRIVATE_HEALTH_FIELDS: ReadonlySet<string> = new Set(['hospitalCover', 'statements']);
const COVER_DAYS_FIELDS: ReadonlySet<string> = new Set(['days']);
const STATEMENT_FIELDS: ReadonlySet<string> = new Set(['premiumsEligible', 'rebateReceived', 'benefitCode']);
const STUDY_LOAN_FIELDS: ReadonlySet<string> = new Set(['hasDebt', 'balance']);
const MEDICARE_FIELDS: ReadonlySet<string> = new Set(['fullExemptionDays', 'halfExemptionDays']);
const DEDUCTIONS_FIELDS: ReadonlySet<string> = new Set([
  'car',
  'travel',
  'clothing',
  'selfEducation',
  'otherWorkRelated',
  'workingFromHome',
  'lowValuePool',
  'interest',
  'dividend',
  'giftsAndDonations',
  'costOfManagingTaxAffairs',
  'foreignPensionUndeductedPurchasePrice',
  'personalSuperContributions',
  'projectPool',
  'forestryManagedInvestment',
  'other',
  'priorYearTaxLosses',
]);
const CAR_FIELDS: ReadonlySet<string> = new Set(['cars', 'otherAmount']);
const CAR_ENTRY_FIELDS: ReadonlySet<string> = new Set(['label', 'businessKilometres', 'logbook']);
const LOGBOOK_FIELDS: ReadonlySet<string> = new Set([
  'businessUseBasisPoints',
  'carExpenses',
  'declineInValue',
]);
const SELF_EDUCATION_FIELDS: ReadonlySet<string> = new Set(['expenses', 'nonDeductibleCategoryE']);
const DIVIDEND_FIELDS = ['unfranked', 'franked', 'frankingCredits'] as const;
const ESS_FIELDS = ['upfrontEligibleForReduction', 'upfrontNotEligible', 'deferral', 'pre2009'] as const;
const PARTNERSHIP_FIELDS = [
  'primaryProduction',
  'nonPrimaryProduction',
  'frankingCredits',
  'smallBusinessNetIncome',
] as const;
const FOREIGN_INCOME_FIELDS = ['assessableForeignIncome', 'foreignTaxPaid'] as const;
const CREDIT_FIELDS = ['paygWithholding', 'tfnAmountsWithheld', 'paygInstalments'] as const;
const INCOME_TEST_FIELDS = [
  'reportableFringeBenefitsExempt',
  'reportableFringeBenefitsOther',
  'reportableEmployerSuper',
  'netFinancialInvestmentLoss',
  'exemptForeignEmploymentIncome',
] as const;
const RENTAL_DEDUCTION_FIELDS = ['interestDeductions', 'capitalWorksDeductions', 'otherDeductions'] as const;

const TOP_LEVEL = [
  'incomeYear',
  'residency',
  'income',
  'deductions',
  'credits',
  'spouse',
  'dependants',
  'sapto',
  'privateHealth',
  'studyLoan',
  'incomeTests',
  'medicare',
] as const;
const TOP_LEVEL_SET: ReadonlySet<string> = new Set(TOP_LEVEL);

/**
 * Checks a return before assessment. Returns every problem found, each with the path of the field,
 * a code and a message; an empty list means the input can be assessed. Never throws.
 */
export function validateReturn(input: unknown): ValidationIssue[] {
  const c = new Checker();
  const root = c.object('', input, TOP_LEVEL_SET);
  if (!root) return c.issues;

  let year: IncomeYear | null = null;
  if (root.incomeYear === undefined) c.add('incomeYear', 'required', 'is required');
  else if (!isIncomeYear(root.incomeYear)) {
    c.add('incomeYear', 'unknown-income-year', `must be one of ${SUPPORTED_INCOME_YEARS.join(', ')}`);
  } else year = root.incomeYear;
  const days = year ? daysInIncomeYear(year) : 366;

  // Residency
  let residencyKind: string | null = null;
  let whmResident = false;
  if (root.residency === undefined) c.add('residency', 'required', 'is required');
  else {
    const r = c.object('residency', root.residency, RESIDENCY_FIELDS);
    if (
      r &&
      c.oneOf(
        'residency.kind',
        r.kind,
        ['resident', 'foreign-resident', 'part-year-resident', 'working-holiday-maker'],
        REQUIRED,
      )
    ) {
      residencyKind = r.kind as string;
      const allowed = RESIDENCY_FIELDS_BY_KIND[residencyKind];
      for (const key of Object.keys(r)) {
        if (key !== 'kind' && RESIDENCY_FIELDS.has(key) && allowed && !allowed.has(key)) {
          c.add(`residency.${key}`, 'not-applicable', `does not apply to residency "${residencyKind}"`);
        }
      }
      if (residencyKind === 'part-year-resident') validatePartYear(c, r, year, days);
      if (residencyKind === 'working-holiday-maker') {
        c.bool('residency.taxResident', r.taxResident);
        c.money('residency.workingHolidayNetIncome', r.workingHolidayNetIncome);
        whmResident = r.taxResident === true;
      }
    }
  }
  const foreign =
    residencyKind === 'foreign-resident' || (residencyKind === 'working-holiday-maker' && !whmResident);

  // Income
  if (root.income !== undefined) {
    const inc = c.object('income', root.income, INCOME_FIELDS);
    if (inc) {
      if (inc.salaryWages !== undefined) c.moneyAt('income', 'salaryWages', inc.salaryWages);
      if (inc.allowances !== undefined) c.moneyAt('income', 'allowances', inc.allowances);
      if (inc.lumpSumB !== undefined) c.moneyAt('income', 'lumpSumB', inc.lumpSumB);
      if (inc.governmentAllowances !== undefined)
        c.moneyAt('income', 'governmentAllowances', inc.governmentAllowances);
      if (inc.governmentPensions !== undefined)
        c.moneyAt('income', 'governmentPensions', inc.governmentPensions);
      if (inc.grossInterest !== undefined) c.moneyAt('income', 'grossInterest', inc.grossInterest);
      if (inc.otherIncome !== undefined) c.moneyAt('income', 'otherIncome', inc.otherIncome);
      if (inc.lumpSumA !== undefined) {
        const l = c.object('income.lumpSumA', inc.lumpSumA, LUMP_SUM_A_FIELDS);
        if (l) {
          c.money('income.lumpSumA.amount', l.amount, REQUIRED);
          c.oneOf('income.lumpSumA.type', l.type, ['R', 'T'], REQUIRED);
        }
      }
      moneyFields(c, 'income.dividends', inc.dividends, DIVIDEND_FIELDS);
      moneyFields(c, 'income.employeeShareSchemes', inc.employeeShareSchemes, ESS_FIELDS);
      moneyFields(c, 'income.partnershipsAndTrusts', inc.partnershipsAndTrusts, PARTNERSHIP_FIELDS, [
        'primaryProduction',
        'nonPrimaryProduction',
        'smallBusinessNetIncome',
      ]);
      if (inc.business !== undefined) {
        const b = c.object('income.business', inc.business, BUSINESS_FIELDS);
        if (b) {
          c.money('income.business.netIncome', b.netIncome, SIGNED_REQUIRED);
          c.bool('income.business.smallBusinessEntity', b.smallBusinessEntity);
          c.bool('income.business.lossDeductibleThisYear', b.lossDeductibleThisYear);
        }
      }
      if (inc.capitalGains !== undefined) {
        const g = c.object('income.capitalGains', inc.capitalGains, CAPITAL_GAINS_FIELDS);
        if (g) {
          c.money('income.capitalGains.currentYearLosses', g.currentYearLosses);
          c.money('income.capitalGains.priorYearNetLosses', g.priorYearNetLosses);
          const list = c.array('income.capitalGains.gains', g.gains, 1000) ?? [];
          for (let i = 0; i < list.length; i++) {
            const item = list[i];
            const p = `income.capitalGains.gains.${i}`;
            const o = c.object(p, item, CAPITAL_GAIN_FIELDS);
            if (o) {
              c.money(`${p}.amount`, o.amount, REQUIRED);
              c.bool(`${p}.discountEligible`, o.discountEligible, REQUIRED);
              if (o.description !== undefined && typeof o.description !== 'string')
                c.add(`${p}.description`, 'invalid-type', 'must be text');
            }
          }
        }
      }
      moneyFields(c, 'income.foreignIncome', inc.foreignIncome, FOREIGN_INCOME_FIELDS);
      const props = c.array('income.rentalProperties', inc.rentalProperties, 100) ?? [];
      for (let i = 0; i < props.length; i++) {
        const item = props[i];
        const p = `income.rentalProperties.${i}`;
        const o = c.object(p, item, RENTAL_FIELDS);
        if (o) {
          c.money(`${p}.grossRent`, o.grossRent, REQUIRED);
          for (const f of RENTAL_DEDUCTION_FIELDS) c.money(`${p}.${f}`, o[f]);
          if (o.label !== undefined && typeof o.label !== 'string')
            c.add(`${p}.label`, 'invalid-type', 'must be text');
        }
      }
      if (foreign) {
        const fi = inc.foreignIncome as Obj | undefined;
        if (fi && typeof fi === 'object' && typeof fi.foreignTaxPaid === 'number' && fi.foreignTaxPaid > 0) {
          c.add(
            'income.foreignIncome.foreignTaxPaid',
            'not-applicable',
            'a foreign resident cannot claim the foreign income tax offset',
          );
        }
      }
    }
  }

  validateDeductions(c, root.deductions, days);
  moneyFields(c, 'credits', root.credits, CREDIT_FIELDS);

  // Spouse and dependants
  let hasSpouse: boolean | null = null;
  if (root.spouse === null) hasSpouse = false;
  else if (root.spouse !== undefined) {
    const s = c.object('spouse', root.spouse, SPOUSE_FIELDS);
    if (s) {
      hasSpouse = true;
      c.money('spouse.taxableIncome', s.taxableIncome, REQUIRED);
      c.money('spouse.otherIncomeTestAmounts', s.otherIncomeTestAmounts);
    }
  }
  let children: number | null = null;
  if (root.dependants !== undefined) {
    const d = c.object('dependants', root.dependants, DEPENDANTS_FIELDS);
    if (d) {
      c.integer('dependants.dependentChildren', d.dependentChildren, 0, 30, REQUIRED);
      c.bool('dependants.soleParent', d.soleParent);
      if (typeof d.dependentChildren === 'number') children = d.dependentChildren;
      if (d.soleParent === true && hasSpouse === true) {
        c.add(
          'dependants.soleParent',
          'inconsistent',
          'a sole parent has no spouse, but spouse details were given',
        );
      }
      if (d.soleParent === true && d.dependentChildren === 0) {
        c.add(
          'dependants.soleParent',
          'inconsistent',
          'a sole parent must have at least one dependent child',
        );
      }
    }
  }

  // SAPTO
  if (root.sapto !== undefined && root.sapto !== null) {
    const s = c.object('sapto', root.sapto, SAPTO_FIELDS);
    if (s) {
      c.bool('sapto.eligible', s.eligible, REQUIRED);
      c.oneOf('sapto.category', s.category, ['single', 'couple', 'illness-separated-couple'], REQUIRED);
      if (s.eligible === true && foreign) {
        c.add('sapto.eligible', 'not-applicable', 'SAPTO is available only to Australian residents');
      }
      if ((s.category === 'couple' || s.category === 'illness-separated-couple') && hasSpouse === false) {
        c.add(
          'sapto.category',
          'inconsistent',
          'a couple category needs a spouse, but the return says there is no spouse',
        );
      }
      if (s.category === 'single' && hasSpouse === true) {
        c.add('sapto.category', 'inconsistent', 'the single category cannot be used with a spouse');
      }
    }
  }

  // Private health
  if (root.privateHealth !== undefined) {
    const ph = c.object('privateHealth', root.privateHealth, PRIVATE_HEALTH_FIELDS);
    if (ph) {
      const cover = ph.hospitalCover;
      if (cover !== undefined && cover !== 'full-year' && cover !== 'none') {
        const o = c.object('privateHealth.hospitalCover', cover, COVER_DAYS_FIELDS);
        if (o) c.integer('privateHealth.hospitalCover.days', o.days, 0, days, REQUIRED);
      }
      const list = c.array('privateHealth.statements', ph.statements, 50) ?? [];
      for (let i = 0; i < list.length; i++) {
        const item = list[i];
        const p = `privateHealth.statements.${i}`;
        const o = c.object(p, item, STATEMENT_FIELDS);
        if (o) {
          c.money(`${p}.premiumsEligible`, o.premiumsEligible, REQUIRED);
          c.money(`${p}.rebateReceived`, o.rebateReceived, REQUIRED);
          c.oneOf(`${p}.benefitCode`, o.benefitCode, BENEFIT_CODES, REQUIRED);
        }
      }
    }
  }

  if (root.studyLoan !== undefined) {
    const s = c.object('studyLoan', root.studyLoan, STUDY_LOAN_FIELDS);
    if (s) {
      c.bool('studyLoan.hasDebt', s.hasDebt, REQUIRED);
      c.money('studyLoan.balance', s.balance);
      if (s.hasDebt === false && typeof s.balance === 'number' && s.balance > 0) {
        c.add(
          'studyLoan.balance',
          'inconsistent',
          'a balance was given but the return says there is no study loan',
        );
      }
    }
  }

  moneyFields(c, 'incomeTests', root.incomeTests, INCOME_TEST_FIELDS);

  if (root.medicare !== undefined) {
    const m = c.object('medicare', root.medicare, MEDICARE_FIELDS);
    if (m) {
      c.integer('medicare.fullExemptionDays', m.fullExemptionDays, 0, days);
      c.integer('medicare.halfExemptionDays', m.halfExemptionDays, 0, days);
      const full = typeof m.fullExemptionDays === 'number' ? m.fullExemptionDays : 0;
      const half = typeof m.halfExemptionDays === 'number' ? m.halfExemptionDays : 0;
      if (full + half > days)
        c.add('medicare', 'inconsistent', `exemption days add up to more than the ${days} days in the year`);
      if (half > 0 && hasSpouse === false && children === 0) {
        c.add('medicare.halfExemptionDays', 'inconsistent', 'a half exemption needs a spouse or dependants');
      }
      if (foreign && (full > 0 || half > 0)) {
        c.add(
          'medicare',
          'not-applicable',
          'foreign residents do not pay the Medicare levy, so exemption days do not apply',
        );
      }
    }
  }
  return c.issues;
}

function validatePartYear(c: Checker, r: Obj, year: IncomeYear | null, days: number): void {
  const from = r.residentFrom;
  const until = r.residentUntil;
  const dates: { key: string; value: unknown }[] = [
    { key: 'residentFrom', value: from },
    { key: 'residentUntil', value: until },
  ];
  const parsed: Record<string, ReturnType<typeof parseIsoDate>> = {};
  for (const { key, value } of dates) {
    if (value === undefined) continue;
    if (typeof value !== 'string') {
      c.add(`residency.${key}`, 'invalid-type', 'must be a date written YYYY-MM-DD');
      continue;
    }
    const d = parseIsoDate(value);
    if (!d) {
      c.add(`residency.${key}`, 'invalid-date', 'is not a valid date (YYYY-MM-DD)');
      continue;
    }
    if (year && !isWithinIncomeYear(year, d)) {
      c.add(`residency.${key}`, 'out-of-range', `must be within the ${year} income year`);
      continue;
    }
    parsed[key] = d;
  }
  const pf = parsed.residentFrom;
  const pu = parsed.residentUntil;
  if (pf && pu && daysFromCivil(pf.year, pf.month, pf.day) > daysFromCivil(pu.year, pu.month, pu.day)) {
    c.add('residency.residentUntil', 'inconsistent', 'must not be before residentFrom');
  }
  const hasDates = from !== undefined || until !== undefined;
  if (!hasDates && r.monthsResident === undefined) {
    c.add('residency.monthsResident', 'required', 'give residentFrom/residentUntil or monthsResident');
  }
  if (hasDates && (r.monthsResident !== undefined || r.daysResident !== undefined)) {
    c.add('residency', 'inconsistent', 'give either dates or month and day counts, not both');
  }
  c.integer('residency.monthsResident', r.monthsResident, 1, 12);
  c.integer('residency.daysResident', r.daysResident, 1, days);
  if (typeof r.monthsResident === 'number' && typeof r.daysResident === 'number') {
    // Each month holds at most 31 days; the days must fit in the months counted.
    if (r.daysResident > r.monthsResident * 31)
      c.add('residency.daysResident', 'inconsistent', 'is more than the months resident can hold');
    if (r.daysResident <= (r.monthsResident - 2) * 28)
      c.add('residency.daysResident', 'inconsistent', 'is too few for the months resident');
  }
}

function validateDeductions(c: Checker, value: unknown, days: number): void {
  if (value === undefined) return;
  const d = c.object('deductions', value, DEDUCTIONS_FIELDS);
  if (!d) return;
  if (d.travel !== undefined) c.moneyAt('deductions', 'travel', d.travel);
  if (d.clothing !== undefined) c.moneyAt('deductions', 'clothing', d.clothing);
  if (d.otherWorkRelated !== undefined) c.moneyAt('deductions', 'otherWorkRelated', d.otherWorkRelated);
  if (d.lowValuePool !== undefined) c.moneyAt('deductions', 'lowValuePool', d.lowValuePool);
  if (d.interest !== undefined) c.moneyAt('deductions', 'interest', d.interest);
  if (d.dividend !== undefined) c.moneyAt('deductions', 'dividend', d.dividend);
  if (d.giftsAndDonations !== undefined) c.moneyAt('deductions', 'giftsAndDonations', d.giftsAndDonations);
  if (d.costOfManagingTaxAffairs !== undefined)
    c.moneyAt('deductions', 'costOfManagingTaxAffairs', d.costOfManagingTaxAffairs);
  if (d.foreignPensionUndeductedPurchasePrice !== undefined)
    c.moneyAt('deductions', 'foreignPensionUndeductedPurchasePrice', d.foreignPensionUndeductedPurchasePrice);
  if (d.personalSuperContributions !== undefined)
    c.moneyAt('deductions', 'personalSuperContributions', d.personalSuperContributions);
  if (d.projectPool !== undefined) c.moneyAt('deductions', 'projectPool', d.projectPool);
  if (d.forestryManagedInvestment !== undefined)
    c.moneyAt('deductions', 'forestryManagedInvestment', d.forestryManagedInvestment);
  if (d.other !== undefined) c.moneyAt('deductions', 'other', d.other);
  if (d.priorYearTaxLosses !== undefined) c.moneyAt('deductions', 'priorYearTaxLosses', d.priorYearTaxLosses);
  if (d.car !== undefined) {
    const car = c.object('deductions.car', d.car, CAR_FIELDS);
    if (car) {
      c.money('deductions.car.otherAmount', car.otherAmount);
      const cars = c.array('deductions.car.cars', car.cars, 20) ?? [];
      for (let i = 0; i < cars.length; i++) {
        const item = cars[i];
        const p = `deductions.car.cars.${i}`;
        const o = c.object(p, item, CAR_ENTRY_FIELDS);
        if (!o) continue;
        c.integer(`${p}.businessKilometres`, o.businessKilometres, 0, 1_000_000, REQUIRED);
        if (o.logbook !== undefined) {
          const l = c.object(`${p}.logbook`, o.logbook, LOGBOOK_FIELDS);
          if (l) {
            c.integer(`${p}.logbook.businessUseBasisPoints`, l.businessUseBasisPoints, 0, 10_000, REQUIRED);
            c.money(`${p}.logbook.carExpenses`, l.carExpenses, REQUIRED);
            c.money(`${p}.logbook.declineInValue`, l.declineInValue, REQUIRED);
          }
        }
      }
    }
  }
  if (d.selfEducation !== undefined) {
    const s = c.object('deductions.selfEducation', d.selfEducation, SELF_EDUCATION_FIELDS);
    if (s) {
      c.money('deductions.selfEducation.expenses', s.expenses, REQUIRED);
      c.money('deductions.selfEducation.nonDeductibleCategoryE', s.nonDeductibleCategoryE);
    }
  }
  if (d.workingFromHome !== undefined) {
    const w = c.object('deductions.workingFromHome', d.workingFromHome, WFH_FIELDS);
    if (w) {
      const hours = w.hours;
      if (hours === undefined) c.add('deductions.workingFromHome.hours', 'required', 'is required');
      else if (typeof hours !== 'number' || !Number.isFinite(hours))
        c.add('deductions.workingFromHome.hours', 'invalid-type', 'must be a number of hours');
      else if (hours < 0) c.add('deductions.workingFromHome.hours', 'negative', 'must not be negative');
      else if (hours > days * 24)
        c.add(
          'deductions.workingFromHome.hours',
          'out-of-range',
          `cannot exceed ${days * 24} hours in a year`,
        );
      else if (Math.abs(hours * 100 - Math.round(hours * 100)) > 1e-6) {
        c.add('deductions.workingFromHome.hours', 'not-integer', 'must have at most two decimal places');
      }
      if (w.energy !== undefined) c.moneyAt('deductions.workingFromHome', 'energy', w.energy);
      if (w.phoneAndInternet !== undefined)
        c.moneyAt('deductions.workingFromHome', 'phoneAndInternet', w.phoneAndInternet);
      if (w.stationeryAndConsumables !== undefined)
        c.moneyAt('deductions.workingFromHome', 'stationeryAndConsumables', w.stationeryAndConsumables);
      if (w.cleaning !== undefined) c.moneyAt('deductions.workingFromHome', 'cleaning', w.cleaning);
      if (w.furnitureDeclineInValue !== undefined)
        c.moneyAt('deductions.workingFromHome', 'furnitureDeclineInValue', w.furnitureDeclineInValue);
      if (w.equipmentDeclineInValue !== undefined)
        c.moneyAt('deductions.workingFromHome', 'equipmentDeclineInValue', w.equipmentDeclineInValue);
    }
  }
}
