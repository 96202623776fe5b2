import {
  estimateDeductionsSchema,
  estimateIncomeSchema,
  estimateRequestSchema,
  INCOME_YEARS,
  type EstimateRequest,
  type EstimateRequestInput,
} from '@numeri/contracts';
import { z } from 'zod';
import type { SelectOption } from '../../components';
import { formatIncomeYear, incomeYearRange } from '../../lib/format';

/**
 * The calculator form's model is the API request itself (`EstimateRequestInput` from
 * @numeri/contracts): the form validates with the same schema the server uses. Money fields hold
 * `undefined` while empty (the schema defaults them to 0) and `NaN` while their text is not an amount.
 */
export type EstimateFormValues = EstimateRequestInput;
export type IncomeYear = (typeof INCOME_YEARS)[number];

export const DEFAULT_INCOME_YEAR: IncomeYear = '2025-26';

export const defaultValues: EstimateFormValues = {
  incomeYear: DEFAULT_INCOME_YEAR,
  residency: 'resident',
  income: {},
  deductions: {},
  taxWithheld: undefined,
  spouseTaxableIncome: null,
  dependentChildren: 0,
  privateHospitalCover: false,
  hasStudyLoan: false,
  saptoCategory: null,
};

export const INCOME_YEAR_OPTIONS: readonly SelectOption[] = [...INCOME_YEARS].reverse().map((year) => ({
  value: year,
  label: formatIncomeYear(year),
}));

/** `"2025-26"` → `"1 Jul 2025 – 30 Jun 2026"`, for the hint under the year. */
export const incomeYearHint = (year: string | undefined) => (year ? incomeYearRange(year) : undefined);

export const RESIDENCY_OPTIONS: readonly SelectOption[] = [
  { value: 'resident', label: 'Australian resident' },
  { value: 'foreign-resident', label: 'Foreign resident' },
  { value: 'working-holiday-maker', label: 'Working holiday maker' },
];

/** `''` stands for "no category" (`null` in the request). */
export const SAPTO_OPTIONS: readonly SelectOption[] = [
  { value: '', label: 'Not eligible, or not sure' },
  { value: 'single', label: 'Single' },
  { value: 'couple', label: 'Member of a couple, living together' },
  { value: 'illness-separated-couple', label: 'Member of a couple, apart because of illness' },
];

export interface MoneyFieldSpec {
  /** Path in the form and the request, e.g. `income.salaryWages`. */
  path: string;
  label: string;
  hint?: string;
}

/** Plain-language labels for the income fields this page knows; labels of newer fields come from the contract. */
const INCOME_COPY: Record<string, Omit<MoneyFieldSpec, 'path'>> = {
  salaryWages: {
    label: 'Salary and wages',
    hint: 'Gross payments on your income statement, before tax. Add up all your jobs.',
  },
  allowances: {
    label: 'Allowances, tips and director’s fees',
    hint: 'Shown separately on your income statement, for example a car or tool allowance.',
  },
  interest: { label: 'Interest', hint: 'From bank and savings accounts, before any fees.' },
  dividendsFranked: { label: 'Franked dividends', hint: 'The franked amount on your dividend statements.' },
  dividendsUnfranked: {
    label: 'Unfranked dividends',
    hint: 'The unfranked amount on your dividend statements.',
  },
  frankingCredits: {
    label: 'Franking credits',
    hint: 'Tax the company already paid on your franked dividends. It counts as income and as tax paid.',
  },
};

const INCOME_ORDER = [
  'salaryWages',
  'allowances',
  'interest',
  'dividendsFranked',
  'dividendsUnfranked',
  'frankingCredits',
];

/**
 * Plain-language copy for deduction fields, keyed by the names the tax engine uses for the ATO
 * D-labels. Applied only to keys the contract actually has; other keys use the contract's description.
 */
const DEDUCTION_COPY: Record<string, Omit<MoneyFieldSpec, 'path'>> = {
  otherWorkRelated: {
    label: 'Work-related deductions',
    hint: 'What you spent to earn your income and weren’t paid back for, such as tools, uniforms and union fees.',
  },
  travel: {
    label: 'Work-related travel',
    hint: 'Fares, accommodation and meals when travelling for work (D2).',
  },
  clothing: {
    label: 'Work clothing and laundry',
    hint: 'Uniforms and protective clothing, and cleaning them (D3).',
  },
  interest: {
    label: 'Interest deductions',
    hint: 'Account fees and interest on money borrowed to invest (D7).',
  },
  dividend: {
    label: 'Dividend deductions',
    hint: 'Costs of earning your dividends, such as advice fees (D8).',
  },
  giftsAndDonations: {
    label: 'Gifts and donations',
    hint: 'Donations of $2 or more to registered charities (D9).',
  },
  costOfManagingTaxAffairs: {
    label: 'Cost of managing your tax affairs',
    hint: 'For example, last year’s tax agent fee (D10).',
  },
  personalSuperContributions: {
    label: 'Personal super contributions',
    hint: 'Only contributions your fund has acknowledged you’ll claim (D12).',
  },
  other: { label: 'Other deductions', hint: 'For example, income protection insurance premiums (D15).' },
};

const DEDUCTION_ORDER = Object.keys(DEDUCTION_COPY);

/** Unwraps `.default()`/`.optional()` and reports whether a contract field is a dollar amount. */
function isMoneySchema(schema: z.ZodType): boolean {
  let inner: z.ZodType = schema;
  while (inner instanceof z.ZodDefault || inner instanceof z.ZodOptional || inner instanceof z.ZodPrefault) {
    inner = inner.unwrap() as z.ZodType;
  }
  return inner instanceof z.ZodNumber;
}

/** Labels from the contract look like "Work-related car expenses (D1)"; keep them, they name the ATO label. */
function contractLabel(schema: z.ZodType, key: string): string {
  const text = schema.description;
  if (text) return text;
  const words = key.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function moneyFields(
  group: 'income' | 'deductions',
  shape: Record<string, z.ZodType>,
  copy: Record<string, Omit<MoneyFieldSpec, 'path'>>,
  order: readonly string[],
): MoneyFieldSpec[] {
  const keys = Object.keys(shape).filter((key) => {
    const schema = shape[key];
    return schema !== undefined && isMoneySchema(schema);
  });
  keys.sort((a, b) => {
    const ia = order.indexOf(a);
    const ib = order.indexOf(b);
    return (ia === -1 ? Number.MAX_SAFE_INTEGER : ia) - (ib === -1 ? Number.MAX_SAFE_INTEGER : ib);
  });
  return keys.map((key) => ({
    path: `${group}.${key}`,
    ...(copy[key] ?? { label: contractLabel(shape[key] as z.ZodType, key) }),
  }));
}

/** Every dollar field of `income` in the request contract, known ones first. */
export const INCOME_FIELDS: readonly MoneyFieldSpec[] = moneyFields(
  'income',
  estimateIncomeSchema.shape as Record<string, z.ZodType>,
  INCOME_COPY,
  INCOME_ORDER,
);

/**
 * Every dollar field of `deductions` in the request contract. When the contract names no deduction
 * fields yet, the page offers a single "work-related deductions" amount under
 * {@link FALLBACK_DEDUCTION_PATH} (the contract's `deductions` accepts any key meanwhile).
 */
export const FALLBACK_DEDUCTION_PATH = 'deductions.otherWorkRelated';

const contractDeductions = moneyFields(
  'deductions',
  estimateDeductionsSchema.shape as Record<string, z.ZodType>,
  DEDUCTION_COPY,
  DEDUCTION_ORDER,
);

export const DEDUCTION_FIELDS: readonly MoneyFieldSpec[] =
  contractDeductions.length > 0
    ? contractDeductions
    : [
        {
          path: FALLBACK_DEDUCTION_PATH,
          ...(DEDUCTION_COPY.otherWorkRelated as Omit<MoneyFieldSpec, 'path'>),
        },
      ];

export const OTHER_FIELD_LABELS: Record<string, string> = {
  incomeYear: 'Income year',
  residency: 'Residency',
  taxWithheld: 'Tax withheld',
  spouseTaxableIncome: 'Your spouse’s taxable income',
  dependentChildren: 'Dependent children',
  privateHospitalCover: 'Private hospital cover',
  hasStudyLoan: 'Study loan',
  saptoCategory: 'Seniors and pensioners tax offset',
};

/** Every path the form shows, with its label (for messages from the server). */
export const FIELD_LABELS: ReadonlyMap<string, string> = new Map([
  ...INCOME_FIELDS.map((field) => [field.path, field.label] as const),
  ...DEDUCTION_FIELDS.map((field) => [field.path, field.label] as const),
  ...Object.entries(OTHER_FIELD_LABELS),
]);

/**
 * Turns a schema or server message into a sentence: fragments such as "must not be negative" get
 * the field's name in front ("Salary and wages must not be negative."); whole sentences are kept.
 */
export function describeError(label: string, message: string | undefined): string | undefined {
  if (!message) return undefined;
  const text = message.trim();
  if (/^[a-z]/.test(text)) return `${label} ${text}${/[.!?]$/.test(text) ? '' : '.'}`;
  return text;
}

/** Messages for what people type, where the contract's own message would be technical. */
export const formErrorMap: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'invalid_type' && issue.expected === 'number') {
    return 'Enter an amount in dollars, like 85,000.50';
  }
  return undefined;
};

/** The request for the current form values, or `null` while something in the form is invalid. */
/** No amount entered anywhere (a fresh or cleared form): there is nothing to estimate yet. */
export function hasNoAmounts(values: EstimateFormValues): boolean {
  const entered = (amount: unknown) => amount !== undefined && amount !== null && amount !== '';
  return (
    !Object.values(values.income ?? {}).some(entered) &&
    !Object.values(values.deductions ?? {}).some(entered) &&
    !entered(values.taxWithheld)
  );
}

export function toEstimateRequest(values: EstimateFormValues): EstimateRequest | null {
  const input: EstimateFormValues = {
    ...values,
    // Spouse switched on but no amount yet: a spouse with no taxable income.
    spouseTaxableIncome: values.spouseTaxableIncome === undefined ? 0 : values.spouseTaxableIncome,
  };
  const parsed = estimateRequestSchema.safeParse(input);
  return parsed.success ? parsed.data : null;
}
