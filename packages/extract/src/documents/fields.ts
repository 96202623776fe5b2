import type { Region } from '../layout/types';

export const DOCUMENT_TYPES = [
  'income-statement',
  'payg-payment-summary',
  'receipt',
  'bank-statement',
  'dividend-statement',
  'distribution-statement',
  'interest-summary',
  'private-health-statement',
  'other',
] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

export type ValueType = 'money' | 'date' | 'text' | 'abn' | 'integer';

/** Every field key with its display label and value type. Keys are stable: they are stored. */
export const FIELD_DEFINITIONS = {
  // income statement / PAYG payment summary
  payerName: { label: 'Payer (employer)', valueType: 'text' },
  payerAbn: { label: "Payer's ABN", valueType: 'abn' },
  periodStart: { label: 'Period start', valueType: 'date' },
  periodEnd: { label: 'Period end', valueType: 'date' },
  grossPayments: { label: 'Gross payments', valueType: 'money' },
  taxWithheld: { label: 'Tax withheld', valueType: 'money' },
  allowances: { label: 'Allowances', valueType: 'money' },
  reportableFringeBenefits: { label: 'Reportable fringe benefits amount', valueType: 'money' },
  reportableSuper: { label: 'Reportable employer super contributions', valueType: 'money' },
  lumpSumA: { label: 'Lump sum A', valueType: 'money' },
  unionFees: { label: 'Union or professional association fees', valueType: 'money' },
  workplaceGiving: { label: 'Workplace giving', valueType: 'money' },
  // receipts and tax invoices
  supplierName: { label: 'Supplier', valueType: 'text' },
  supplierAbn: { label: "Supplier's ABN", valueType: 'abn' },
  date: { label: 'Date', valueType: 'date' },
  total: { label: 'Total', valueType: 'money' },
  gst: { label: 'GST', valueType: 'money' },
  invoiceNumber: { label: 'Invoice or receipt number', valueType: 'text' },
  // dividends
  companyName: { label: 'Company', valueType: 'text' },
  companyAbn: { label: "Company's ABN", valueType: 'abn' },
  paymentDate: { label: 'Payment date', valueType: 'date' },
  recordDate: { label: 'Record date', valueType: 'date' },
  unfrankedAmount: { label: 'Unfranked amount', valueType: 'money' },
  frankedAmount: { label: 'Franked amount', valueType: 'money' },
  frankingCredit: { label: 'Franking credit', valueType: 'money' },
  tfnWithheld: { label: 'TFN amounts withheld', valueType: 'money' },
  netPayment: { label: 'Net payment', valueType: 'money' },
  // distributions (AMMA / annual tax statements and payment advices)
  fundName: { label: 'Fund or trust', valueType: 'text' },
  fundAbn: { label: "Fund's ABN", valueType: 'abn' },
  grossDistribution: { label: 'Gross distribution', valueType: 'money' },
  netDistribution: { label: 'Net distribution', valueType: 'money' },
  nonPrimaryProductionIncome: { label: 'Share of non-primary production income', valueType: 'money' },
  frankedDistributions: { label: 'Franked distributions from trusts', valueType: 'money' },
  capitalGainsTotal: { label: 'Total current year capital gains', valueType: 'money' },
  netCapitalGain: { label: 'Net capital gain', valueType: 'money' },
  foreignIncome: { label: 'Assessable foreign source income', valueType: 'money' },
  foreignTaxOffset: { label: 'Foreign income tax offset', valueType: 'money' },
  // interest and bank statements
  institution: { label: 'Financial institution', valueType: 'text' },
  interest: { label: 'Interest', valueType: 'money' },
  openingBalance: { label: 'Opening balance', valueType: 'money' },
  closingBalance: { label: 'Closing balance', valueType: 'money' },
  // private health insurance
  insurerName: { label: 'Health insurer', valueType: 'text' },
  insurerId: { label: 'Health insurer ID', valueType: 'text' },
  membershipNumber: { label: 'Membership number', valueType: 'text' },
  coverDays: { label: 'Days of hospital cover', valueType: 'integer' },
  premiumsPaid: { label: 'Premiums eligible for the rebate', valueType: 'money' },
  rebateReceived: { label: 'Australian Government rebate received', valueType: 'money' },
  benefitCode: { label: 'Benefit code', valueType: 'text' },
} as const satisfies Record<string, { label: string; valueType: ValueType }>;

export type FieldKey = keyof typeof FIELD_DEFINITIONS;

/** Which keys each document type can yield (a document need not show all of them). */
export const FIELD_KEYS_BY_TYPE = {
  'income-statement': [
    'payerName',
    'payerAbn',
    'periodStart',
    'periodEnd',
    'grossPayments',
    'taxWithheld',
    'allowances',
    'reportableFringeBenefits',
    'reportableSuper',
    'lumpSumA',
    'unionFees',
    'workplaceGiving',
  ],
  'payg-payment-summary': [
    'payerName',
    'payerAbn',
    'periodStart',
    'periodEnd',
    'grossPayments',
    'taxWithheld',
    'allowances',
    'reportableFringeBenefits',
    'reportableSuper',
    'lumpSumA',
    'unionFees',
    'workplaceGiving',
  ],
  receipt: ['supplierName', 'supplierAbn', 'date', 'total', 'gst', 'invoiceNumber'],
  'dividend-statement': [
    'companyName',
    'companyAbn',
    'paymentDate',
    'recordDate',
    'unfrankedAmount',
    'frankedAmount',
    'frankingCredit',
    'tfnWithheld',
    'netPayment',
  ],
  'distribution-statement': [
    'fundName',
    'fundAbn',
    'paymentDate',
    'periodStart',
    'periodEnd',
    'grossDistribution',
    'netDistribution',
    'nonPrimaryProductionIncome',
    'frankedDistributions',
    'frankingCredit',
    'tfnWithheld',
    'capitalGainsTotal',
    'netCapitalGain',
    'foreignIncome',
    'foreignTaxOffset',
  ],
  'interest-summary': ['institution', 'periodStart', 'periodEnd', 'interest', 'tfnWithheld'],
  'bank-statement': [
    'institution',
    'periodStart',
    'periodEnd',
    'openingBalance',
    'closingBalance',
    'interest',
  ],
  'private-health-statement': [
    'insurerName',
    'insurerId',
    'membershipNumber',
    'periodStart',
    'periodEnd',
    'coverDays',
    'premiumsPaid',
    'rebateReceived',
    'benefitCode',
  ],
  other: [],
} as const satisfies Record<DocumentType, readonly FieldKey[]>;

export type FieldKeyOf<T extends DocumentType> = (typeof FIELD_KEYS_BY_TYPE)[T][number];

/**
 * Fields that can occur more than once on one document, each occurrence with its own `row`
 * (a private health statement lists one row per benefit code: premiums, rebate, code).
 */
export const REPEATABLE_FIELDS: Partial<Record<DocumentType, readonly FieldKey[]>> = {
  'private-health-statement': ['premiumsPaid', 'rebateReceived', 'benefitCode'],
};

interface FieldBase<K extends FieldKey = FieldKey> {
  key: K;
  label: string;
  /** The text the value was read from (TFNs masked). */
  raw: string;
  /** 0..1: OCR confidence × label match × validation and cross-checks. */
  confidence: number;
  /** Where on the page the value was read. */
  region: Region;
  /** For repeatable fields: which row (0-based) of the table the value belongs to. */
  row?: number;
}

export type ExtractedField<K extends FieldKey = FieldKey> =
  | (FieldBase<K> & { valueType: 'money'; /** signed integer cents */ value: number })
  | (FieldBase<K> & { valueType: 'integer'; value: number })
  | (FieldBase<K> & { valueType: 'date'; /** ISO yyyy-mm-dd */ value: string })
  | (FieldBase<K> & { valueType: 'abn'; /** 11 digits, no spaces */ value: string })
  | (FieldBase<K> & { valueType: 'text'; value: string });

export interface ExtractionResult {
  type: DocumentType;
  fields: ExtractedField[];
  /** Plain-English notes for the user: failed checks, missing fields, a TFN that was not read. */
  warnings: string[];
}

// ---------------------------------------------------------------------------------------------
// Where each field goes on the individual tax return. Item numbers and label letters follow the
// ATO's individual tax return and supplementary section; myTax shows the same items by name.
// ---------------------------------------------------------------------------------------------

export type ReturnRole =
  | 'income'
  | 'credit'
  | 'deduction-candidate'
  | 'offset-input'
  | 'medicare-input'
  | 'phi'
  | 'identity'
  | 'info';

export interface ReturnLabelRef {
  /** e.g. "Item 1", "Item 11", "IT2", "D5", "Private health insurance policy details". */
  item: string;
  /** The label letter, where the return has one (e.g. "T" for franked dividends at item 11). */
  label?: string;
  description: string;
  role: ReturnRole;
}

const EMPLOYMENT_LABELS: Partial<Record<FieldKey, ReturnLabelRef>> = {
  payerName: { item: 'Item 1', description: "Payer's name (one entry per payer)", role: 'identity' },
  payerAbn: { item: 'Item 1', description: "Payer's ABN or withholding payer number", role: 'identity' },
  grossPayments: {
    item: 'Item 1',
    label: 'C',
    description: 'Salary or wages: gross payments',
    role: 'income',
  },
  taxWithheld: {
    item: 'Item 1',
    description: 'Salary or wages: tax withheld (a credit against tax payable)',
    role: 'credit',
  },
  allowances: {
    item: 'Item 2',
    label: 'K',
    description: "Allowances, earnings, tips, director's fees etc",
    role: 'income',
  },
  lumpSumA: {
    item: 'Item 3',
    label: 'R',
    description: 'Employer lump sum payments: lump sum A',
    role: 'income',
  },
  reportableFringeBenefits: {
    item: 'IT1',
    description: 'Total reportable fringe benefits amounts (income test, not taxed)',
    role: 'offset-input',
  },
  reportableSuper: {
    item: 'IT2',
    label: 'T',
    description: 'Reportable employer superannuation contributions (income test)',
    role: 'offset-input',
  },
  unionFees: {
    item: 'D5',
    description: 'Other work-related expenses: union fees (check you paid them)',
    role: 'deduction-candidate',
  },
  workplaceGiving: {
    item: 'D9',
    description: 'Gifts or donations: workplace giving',
    role: 'deduction-candidate',
  },
  periodStart: { item: 'Item 1', description: 'Period of payments (checks the income year)', role: 'info' },
  periodEnd: { item: 'Item 1', description: 'Period of payments (checks the income year)', role: 'info' },
};

export const FIELD_RETURN_LABELS: {
  readonly [T in DocumentType]: Partial<Record<FieldKeyOf<T>, ReturnLabelRef>>;
} = {
  'income-statement': EMPLOYMENT_LABELS,
  'payg-payment-summary': EMPLOYMENT_LABELS,
  receipt: {
    total: {
      item: 'D1–D10, D15',
      description: 'A deduction candidate: the user chooses the deduction and the work-related share',
      role: 'deduction-candidate',
    },
    gst: {
      item: '—',
      description: 'GST included in the total (information; an individual claims the GST-inclusive amount)',
      role: 'info',
    },
    supplierName: { item: '—', description: 'Supplier (evidence for the deduction)', role: 'info' },
    supplierAbn: { item: '—', description: 'Supplier ABN (evidence for the deduction)', role: 'info' },
    date: { item: '—', description: 'Date of the expense (must fall in the income year)', role: 'info' },
  },
  'dividend-statement': {
    unfrankedAmount: { item: 'Item 11', label: 'S', description: 'Unfranked amount', role: 'income' },
    frankedAmount: { item: 'Item 11', label: 'T', description: 'Franked amount', role: 'income' },
    frankingCredit: { item: 'Item 11', label: 'U', description: 'Franking credit', role: 'credit' },
    tfnWithheld: {
      item: 'Item 11',
      label: 'V',
      description: 'TFN amounts withheld from dividends',
      role: 'credit',
    },
    paymentDate: { item: 'Item 11', description: 'Payment date (decides the income year)', role: 'info' },
    companyName: { item: 'Item 11', description: 'Company (evidence)', role: 'info' },
  },
  'distribution-statement': {
    nonPrimaryProductionIncome: {
      item: 'Item 13',
      label: 'U',
      description:
        'Share of net income from trusts, less capital gains, foreign income and franked distributions',
      role: 'income',
    },
    frankedDistributions: {
      item: 'Item 13',
      label: 'C',
      description: 'Franked distributions from trusts',
      role: 'income',
    },
    frankingCredit: {
      item: 'Item 13',
      label: 'Q',
      description: 'Share of franking credits from franked dividends',
      role: 'credit',
    },
    tfnWithheld: {
      item: 'Item 13',
      label: 'R',
      description: 'Share of credit for TFN amounts withheld',
      role: 'credit',
    },
    capitalGainsTotal: {
      item: 'Item 18',
      label: 'H',
      description: 'Total current year capital gains',
      role: 'income',
    },
    netCapitalGain: { item: 'Item 18', label: 'A', description: 'Net capital gain', role: 'income' },
    foreignIncome: {
      item: 'Item 20',
      label: 'E',
      description: 'Assessable foreign source income',
      role: 'income',
    },
    foreignTaxOffset: {
      item: 'Item 20',
      label: 'O',
      description: 'Foreign income tax offset',
      role: 'credit',
    },
    netDistribution: {
      item: '—',
      description: 'Cash distribution paid (information; not the taxable amount)',
      role: 'info',
    },
    grossDistribution: {
      item: '—',
      description: 'Gross distribution (information; use the components above)',
      role: 'info',
    },
  },
  'interest-summary': {
    interest: { item: 'Item 10', label: 'L', description: 'Gross interest', role: 'income' },
    tfnWithheld: {
      item: 'Item 10',
      label: 'M',
      description: 'Tax file number amounts withheld from gross interest',
      role: 'credit',
    },
    institution: { item: 'Item 10', description: 'Financial institution (evidence)', role: 'info' },
  },
  'bank-statement': {
    interest: {
      item: 'Item 10',
      label: 'L',
      description: 'Gross interest, if the statement totals it',
      role: 'income',
    },
  },
  'private-health-statement': {
    insurerId: {
      item: 'Private health insurance policy details',
      label: 'B',
      description: 'Health insurer ID',
      role: 'phi',
    },
    membershipNumber: {
      item: 'Private health insurance policy details',
      label: 'C',
      description: 'Membership number',
      role: 'phi',
    },
    premiumsPaid: {
      item: 'Private health insurance policy details',
      label: 'J',
      description: 'Your premiums eligible for Australian Government rebate',
      role: 'phi',
    },
    rebateReceived: {
      item: 'Private health insurance policy details',
      label: 'K',
      description: 'Your Australian Government rebate received',
      role: 'phi',
    },
    benefitCode: {
      item: 'Private health insurance policy details',
      label: 'L',
      description: 'Benefit code',
      role: 'phi',
    },
    coverDays: {
      item: 'M2',
      label: 'A',
      description: 'Days of appropriate private patient hospital cover (Medicare levy surcharge)',
      role: 'medicare-input',
    },
  },
  other: {},
};

/** Runtime check that a key belongs to a document type. */
export function isFieldOf<T extends DocumentType>(type: T, key: FieldKey): key is FieldKeyOf<T> {
  return (FIELD_KEYS_BY_TYPE[type] as readonly FieldKey[]).includes(key);
}
