import type { ValidationCode, ValidationIssue } from './assessment.types';
import { daysInIncomeYear, isIncomeYear, isWithinIncomeYear, parseIsoDate, daysFromCivil, SUPPORTED_INCOME_YEARS } from './income-year';
import type { IncomeYear } from './income-year';

/** Largest money amount accepted in one field: $10 billion, as in the public API. */
export const MAX_CENTS = 1_000_000_000_000;

type Obj = Record<string, unknown>;

class Checker {
  readonly issues: ValidationIssue[] = [];

  add(path: string, code: ValidationCode, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Returns the value as an object, or null (with an issue) when it is not one. */
  object(path: string, value: unknown, allowed: readonly string[]): Obj | null {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'invalid-type', 'must be an object');
      return null;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(join(path, key), 'unknown-field', `is not a field of ${path || 'the return'}`);
    }
    return value as Obj;
  }

  money(path: string, value: unknown, opts: { signed?: boolean; required?: boolean } = {}): void {
    if (value === undefined) {
      if (opts.required) this.add(path, 'required', 'is required');
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

  oneOf(path: string, value: unknown, options: readonly (string | number)[], opts: { required?: boolean } = {}): boolean {
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

function moneyFields(c: Checker, path: string, value: unknown, fields: readonly string[], signed: readonly string[] = []): Obj | null {
  if (value === undefined) return null;
  const o = c.object(path, value, fields);
  if (!o) return null;
  for (const f of fields) c.money(join(path, f), o[f], { signed: signed.includes(f) });
  return o;
}

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

/**
 * Checks a return before assessment. Returns every problem found, each with the path of the field,
 * a code and a message; an empty list means the input can be assessed. Never throws.
 */
export function validateReturn(input: unknown): ValidationIssue[] {
  const c = new Checker();
  const root = c.object('', input, TOP_LEVEL);
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
    const r = c.object('residency', root.residency, [
      'kind',
      'residentFrom',
      'residentUntil',
      'monthsResident',
      'daysResident',
      'taxResident',
      'workingHolidayNetIncome',
    ]);
    if (r && c.oneOf('residency.kind', r.kind, ['resident', 'foreign-resident', 'part-year-resident', 'working-holiday-maker'], { required: true })) {
      residencyKind = r.kind as string;
      const allowedByKind: Record<string, readonly string[]> = {
        resident: ['kind'],
        'foreign-resident': ['kind'],
        'part-year-resident': ['kind', 'residentFrom', 'residentUntil', 'monthsResident', 'daysResident'],
        'working-holiday-maker': ['kind', 'taxResident', 'workingHolidayNetIncome'],
      };
      for (const key of Object.keys(r)) {
        if (!(allowedByKind[residencyKind] ?? []).includes(key) && ['residentFrom', 'residentUntil', 'monthsResident', 'daysResident', 'taxResident', 'workingHolidayNetIncome'].includes(key)) {
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
  const foreign = residencyKind === 'foreign-resident' || (residencyKind === 'working-holiday-maker' && !whmResident);

  // Income
  if (root.income !== undefined) {
    const inc = c.object('income', root.income, [
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
    if (inc) {
      for (const f of ['salaryWages', 'allowances', 'lumpSumB', 'governmentAllowances', 'governmentPensions', 'grossInterest', 'otherIncome']) {
        c.money(`income.${f}`, inc[f]);
      }
      if (inc.lumpSumA !== undefined) {
        const l = c.object('income.lumpSumA', inc.lumpSumA, ['amount', 'type']);
        if (l) {
          c.money('income.lumpSumA.amount', l.amount, { required: true });
          c.oneOf('income.lumpSumA.type', l.type, ['R', 'T'], { required: true });
        }
      }
      moneyFields(c, 'income.dividends', inc.dividends, ['unfranked', 'franked', 'frankingCredits']);
      moneyFields(c, 'income.employeeShareSchemes', inc.employeeShareSchemes, ['upfrontEligibleForReduction', 'upfrontNotEligible', 'deferral', 'pre2009']);
      moneyFields(
        c,
        'income.partnershipsAndTrusts',
        inc.partnershipsAndTrusts,
        ['primaryProduction', 'nonPrimaryProduction', 'frankingCredits', 'smallBusinessNetIncome'],
        ['primaryProduction', 'nonPrimaryProduction', 'smallBusinessNetIncome'],
      );
      if (inc.business !== undefined) {
        const b = c.object('income.business', inc.business, ['netIncome', 'smallBusinessEntity', 'lossDeductibleThisYear']);
        if (b) {
          c.money('income.business.netIncome', b.netIncome, { signed: true, required: true });
          c.bool('income.business.smallBusinessEntity', b.smallBusinessEntity);
          c.bool('income.business.lossDeductibleThisYear', b.lossDeductibleThisYear);
        }
      }
      if (inc.capitalGains !== undefined) {
        const g = c.object('income.capitalGains', inc.capitalGains, ['gains', 'currentYearLosses', 'priorYearNetLosses']);
        if (g) {
          c.money('income.capitalGains.currentYearLosses', g.currentYearLosses);
          c.money('income.capitalGains.priorYearNetLosses', g.priorYearNetLosses);
          const list = c.array('income.capitalGains.gains', g.gains, 1000) ?? [];
          list.forEach((item, i) => {
            const p = `income.capitalGains.gains.${i}`;
            const o = c.object(p, item, ['amount', 'discountEligible', 'description']);
            if (o) {
              c.money(`${p}.amount`, o.amount, { required: true });
              c.bool(`${p}.discountEligible`, o.discountEligible, { required: true });
              if (o.description !== undefined && typeof o.description !== 'string') c.add(`${p}.description`, 'invalid-type', 'must be text');
            }
          });
        }
      }
      moneyFields(c, 'income.foreignIncome', inc.foreignIncome, ['assessableForeignIncome', 'foreignTaxPaid']);
      const props = c.array('income.rentalProperties', inc.rentalProperties, 100) ?? [];
      props.forEach((item, i) => {
        const p = `income.rentalProperties.${i}`;
        const o = c.object(p, item, ['label', 'grossRent', 'interestDeductions', 'capitalWorksDeductions', 'otherDeductions']);
        if (o) {
          c.money(`${p}.grossRent`, o.grossRent, { required: true });
          for (const f of ['interestDeductions', 'capitalWorksDeductions', 'otherDeductions']) c.money(`${p}.${f}`, o[f]);
          if (o.label !== undefined && typeof o.label !== 'string') c.add(`${p}.label`, 'invalid-type', 'must be text');
        }
      });
      if (foreign) {
        const fi = inc.foreignIncome as Obj | undefined;
        if (fi && typeof fi === 'object' && typeof fi.foreignTaxPaid === 'number' && fi.foreignTaxPaid > 0) {
          c.add('income.foreignIncome.foreignTaxPaid', 'not-applicable', 'a foreign resident cannot claim the foreign income tax offset');
        }
      }
    }
  }

  validateDeductions(c, root.deductions, days);
  moneyFields(c, 'credits', root.credits, ['paygWithholding', 'tfnAmountsWithheld', 'paygInstalments']);

  // Spouse and dependants
  let hasSpouse: boolean | null = null;
  if (root.spouse === null) hasSpouse = false;
  else if (root.spouse !== undefined) {
    const s = c.object('spouse', root.spouse, ['taxableIncome', 'otherIncomeTestAmounts']);
    if (s) {
      hasSpouse = true;
      c.money('spouse.taxableIncome', s.taxableIncome, { required: true });
      c.money('spouse.otherIncomeTestAmounts', s.otherIncomeTestAmounts);
    }
  }
  let children: number | null = null;
  if (root.dependants !== undefined) {
    const d = c.object('dependants', root.dependants, ['dependentChildren', 'soleParent']);
    if (d) {
      c.integer('dependants.dependentChildren', d.dependentChildren, 0, 30, { required: true });
      c.bool('dependants.soleParent', d.soleParent);
      if (typeof d.dependentChildren === 'number') children = d.dependentChildren;
      if (d.soleParent === true && hasSpouse === true) {
        c.add('dependants.soleParent', 'inconsistent', 'a sole parent has no spouse, but spouse details were given');
      }
      if (d.soleParent === true && d.dependentChildren === 0) {
        c.add('dependants.soleParent', 'inconsistent', 'a sole parent must have at least one dependent child');
      }
    }
  }

  // SAPTO
  if (root.sapto !== undefined && root.sapto !== null) {
    const s = c.object('sapto', root.sapto, ['eligible', 'category']);
    if (s) {
      c.bool('sapto.eligible', s.eligible, { required: true });
      c.oneOf('sapto.category', s.category, ['single', 'couple', 'illness-separated-couple'], { required: true });
      if (s.eligible === true && foreign) {
        c.add('sapto.eligible', 'not-applicable', 'SAPTO is available only to Australian residents');
      }
      if ((s.category === 'couple' || s.category === 'illness-separated-couple') && hasSpouse === false) {
        c.add('sapto.category', 'inconsistent', 'a couple category needs a spouse, but the return says there is no spouse');
      }
      if (s.category === 'single' && hasSpouse === true) {
        c.add('sapto.category', 'inconsistent', 'the single category cannot be used with a spouse');
      }
    }
  }

  // Private health
  if (root.privateHealth !== undefined) {
    const ph = c.object('privateHealth', root.privateHealth, ['hospitalCover', 'statements']);
    if (ph) {
      const cover = ph.hospitalCover;
      if (cover !== undefined && cover !== 'full-year' && cover !== 'none') {
        const o = c.object('privateHealth.hospitalCover', cover, ['days']);
        if (o) c.integer('privateHealth.hospitalCover.days', o.days, 0, days, { required: true });
      }
      const list = c.array('privateHealth.statements', ph.statements, 50) ?? [];
      list.forEach((item, i) => {
        const p = `privateHealth.statements.${i}`;
        const o = c.object(p, item, ['premiumsEligible', 'rebateReceived', 'benefitCode']);
        if (o) {
          c.money(`${p}.premiumsEligible`, o.premiumsEligible, { required: true });
          c.money(`${p}.rebateReceived`, o.rebateReceived, { required: true });
          c.oneOf(`${p}.benefitCode`, o.benefitCode, [30, 31, 35, 36, 40, 41], { required: true });
        }
      });
    }
  }

  if (root.studyLoan !== undefined) {
    const s = c.object('studyLoan', root.studyLoan, ['hasDebt', 'balance']);
    if (s) {
      c.bool('studyLoan.hasDebt', s.hasDebt, { required: true });
      c.money('studyLoan.balance', s.balance);
      if (s.hasDebt === false && typeof s.balance === 'number' && s.balance > 0) {
        c.add('studyLoan.balance', 'inconsistent', 'a balance was given but the return says there is no study loan');
      }
    }
  }

  moneyFields(c, 'incomeTests', root.incomeTests, [
    'reportableFringeBenefitsExempt',
    'reportableFringeBenefitsOther',
    'reportableEmployerSuper',
    'netFinancialInvestmentLoss',
    'exemptForeignEmploymentIncome',
  ]);

  if (root.medicare !== undefined) {
    const m = c.object('medicare', root.medicare, ['fullExemptionDays', 'halfExemptionDays']);
    if (m) {
      c.integer('medicare.fullExemptionDays', m.fullExemptionDays, 0, days);
      c.integer('medicare.halfExemptionDays', m.halfExemptionDays, 0, days);
      const full = typeof m.fullExemptionDays === 'number' ? m.fullExemptionDays : 0;
      const half = typeof m.halfExemptionDays === 'number' ? m.halfExemptionDays : 0;
      if (full + half > days) c.add('medicare', 'inconsistent', `exemption days add up to more than the ${days} days in the year`);
      if (half > 0 && hasSpouse === false && children === 0) {
        c.add('medicare.halfExemptionDays', 'inconsistent', 'a half exemption needs a spouse or dependants');
      }
      if (foreign && (full > 0 || half > 0)) {
        c.add('medicare', 'not-applicable', 'foreign residents do not pay the Medicare levy, so exemption days do not apply');
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
    if (r.daysResident > r.monthsResident * 31) c.add('residency.daysResident', 'inconsistent', 'is more than the months resident can hold');
    if (r.daysResident <= (r.monthsResident - 2) * 28) c.add('residency.daysResident', 'inconsistent', 'is too few for the months resident');
  }
}

function validateDeductions(c: Checker, value: unknown, days: number): void {
  if (value === undefined) return;
  const d = c.object('deductions', value, [
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
  if (!d) return;
  for (const f of [
    'travel',
    'clothing',
    'otherWorkRelated',
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
  ]) {
    c.money(`deductions.${f}`, d[f]);
  }
  if (d.car !== undefined) {
    const car = c.object('deductions.car', d.car, ['cars', 'otherAmount']);
    if (car) {
      c.money('deductions.car.otherAmount', car.otherAmount);
      const cars = c.array('deductions.car.cars', car.cars, 20) ?? [];
      cars.forEach((item, i) => {
        const p = `deductions.car.cars.${i}`;
        const o = c.object(p, item, ['label', 'businessKilometres', 'logbook']);
        if (!o) return;
        c.integer(`${p}.businessKilometres`, o.businessKilometres, 0, 1_000_000, { required: true });
        if (o.logbook !== undefined) {
          const l = c.object(`${p}.logbook`, o.logbook, ['businessUseBasisPoints', 'carExpenses', 'declineInValue']);
          if (l) {
            c.integer(`${p}.logbook.businessUseBasisPoints`, l.businessUseBasisPoints, 0, 10_000, { required: true });
            c.money(`${p}.logbook.carExpenses`, l.carExpenses, { required: true });
            c.money(`${p}.logbook.declineInValue`, l.declineInValue, { required: true });
          }
        }
      });
    }
  }
  if (d.selfEducation !== undefined) {
    const s = c.object('deductions.selfEducation', d.selfEducation, ['expenses', 'nonDeductibleCategoryE']);
    if (s) {
      c.money('deductions.selfEducation.expenses', s.expenses, { required: true });
      c.money('deductions.selfEducation.nonDeductibleCategoryE', s.nonDeductibleCategoryE);
    }
  }
  if (d.workingFromHome !== undefined) {
    const fields = ['hours', 'energy', 'phoneAndInternet', 'stationeryAndConsumables', 'cleaning', 'furnitureDeclineInValue', 'equipmentDeclineInValue'];
    const w = c.object('deductions.workingFromHome', d.workingFromHome, fields);
    if (w) {
      const hours = w.hours;
      if (hours === undefined) c.add('deductions.workingFromHome.hours', 'required', 'is required');
      else if (typeof hours !== 'number' || !Number.isFinite(hours)) c.add('deductions.workingFromHome.hours', 'invalid-type', 'must be a number of hours');
      else if (hours < 0) c.add('deductions.workingFromHome.hours', 'negative', 'must not be negative');
      else if (hours > days * 24) c.add('deductions.workingFromHome.hours', 'out-of-range', `cannot exceed ${days * 24} hours in a year`);
      else if (Math.abs(hours * 100 - Math.round(hours * 100)) > 1e-6) {
        c.add('deductions.workingFromHome.hours', 'not-integer', 'must have at most two decimal places');
      }
      for (const f of fields.slice(1)) c.money(`deductions.workingFromHome.${f}`, w[f]);
    }
  }
}
