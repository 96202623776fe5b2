import {
  DEDUCTION_LABEL_NAMES,
  INCOME_YEARS,
  type DeductionLabel,
  type DocumentDto,
  type DocumentStatus,
  type DocumentTypeName,
  type ExtractedFieldDto,
} from '@numeri/contracts';
import type { BadgeTone } from '../../components';
import { formatCents, formatDate, formatIncomeYear } from '../../lib/format';

/** Plain names of the document types, as a person would say them. */
export const DOCUMENT_TYPE_NAMES: Record<DocumentTypeName, string> = {
  'income-statement': 'Income statement',
  'payg-payment-summary': 'PAYG payment summary',
  receipt: 'Receipt',
  'bank-statement': 'Bank statement',
  'dividend-statement': 'Dividend statement',
  'distribution-statement': 'Trust distribution statement',
  'interest-summary': 'Interest summary',
  'private-health-statement': 'Private health insurance statement',
  other: 'Other document',
};

export interface StatusInfo {
  /** The chip's words. */
  label: string;
  /** A sentence for screen readers when the status changes. */
  announcement: string;
  tone: BadgeTone;
  /** Still being worked on (shows a progress bar, and the page keeps listening). */
  active: boolean;
}

export const STATUS_INFO: Record<DocumentStatus, StatusInfo> = {
  queued: { label: 'Queued', announcement: 'is waiting to be read', tone: 'neutral', active: true },
  reading: { label: 'Reading', announcement: 'is being read', tone: 'info', active: true },
  extracting: {
    label: 'Extracting',
    announcement: 'is having its figures found',
    tone: 'info',
    active: true,
  },
  'needs-review': {
    label: 'Needs review',
    announcement: 'is ready for you to check',
    tone: 'warning',
    active: false,
  },
  done: { label: 'Done', announcement: 'is done', tone: 'success', active: false },
  failed: { label: 'Failed', announcement: 'could not be read', tone: 'danger', active: false },
  'needs-password': {
    label: 'Needs password',
    announcement: 'is protected by a password — enter it to continue',
    tone: 'warning',
    active: false,
  },
};

/** Statuses in the order a filter lists them. */
export const STATUS_ORDER: readonly DocumentStatus[] = [
  'needs-review',
  'needs-password',
  'queued',
  'reading',
  'extracting',
  'done',
  'failed',
];

export const isActiveStatus = (status: DocumentStatus) => STATUS_INFO[status].active;

/** What kind of thing a document is, for its row: the detected type, or the file kind while unknown. */
export function documentKindName(
  document: Pick<DocumentDto, 'kind' | 'documentType' | 'contentType'>,
): string {
  if (document.kind === 'bank-file') {
    if (document.contentType === 'application/x-ofx') return 'Bank export (OFX)';
    if (document.contentType === 'application/x-qif') return 'Bank export (QIF)';
    return 'Bank export (CSV)';
  }
  if (document.documentType) return DOCUMENT_TYPE_NAMES[document.documentType];
  if (document.contentType === 'application/pdf') return 'PDF';
  if (document.contentType.startsWith('image/')) return 'Photo';
  return 'Document';
}

export const DEDUCTION_LABEL_OPTIONS = (Object.keys(DEDUCTION_LABEL_NAMES) as DeductionLabel[]).map(
  (label) => ({
    value: label,
    label: `${DEDUCTION_LABEL_NAMES[label]} (${label})`,
  }),
);

export function deductionLabelName(label: string): string {
  const name = DEDUCTION_LABEL_NAMES[label as DeductionLabel];
  return name ? `${name} (${label})` : label;
}

export const INCOME_YEAR_OPTIONS = [...INCOME_YEARS]
  .reverse()
  .map((year) => ({ value: year, label: formatIncomeYear(year) }));

/** The income year a date falls in: 1 July to 30 June. */
export function incomeYearOfDate(date: Date): string {
  const year = date.getFullYear();
  const start = date.getMonth() >= 6 ? year : year - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/**
 * Where a field goes, as a phrase: "Goes to Item 1 label C — Salary or wages: gross payments",
 * "A possible deduction at D5 — …", or "Kept as a record — …" for values that only identify
 * the document. Null when the field doesn't feed the return.
 */
export function returnLabelText(field: Pick<ExtractedFieldDto, 'returnLabel'>): string | null {
  const ref = field.returnLabel;
  if (!ref) return null;
  if (ref.role === 'info' || ref.role === 'identity') return `Kept as a record — ${ref.description}`;
  const where = ref.label ? `${ref.item} label ${ref.label}` : ref.item;
  if (ref.role === 'deduction-candidate') {
    // A receipt's total: the person picks the deduction label below.
    if (/[–,]/.test(ref.item)) return 'Your deduction — choose which one below';
    return `A possible deduction at ${where} — ${ref.description}`;
  }
  return `Goes to ${where} — ${ref.description}`;
}

/** Deduction suggestion categories (packages/extract DEFAULT_DEDUCTION_RULES) in plain words. */
const CATEGORY_NAMES: Record<string, string> = {
  donation: 'Donation',
  'home-office': 'Home office equipment or supplies',
  'income-protection': 'Income protection insurance',
  'phone-internet': 'Phone and internet',
  'professional-subscriptions': 'Professional membership or subscription',
  'self-education': 'Self-education',
  'tax-agent-fees': 'Managing your tax affairs',
  'union-fees': 'Union fees',
  'work-related-clothing': 'Work clothing',
  'work-related-tools': 'Tools and equipment',
};

export function categoryName(category: string): string {
  const known = CATEGORY_NAMES[category];
  if (known) return known;
  const words = category.replace(/[-_]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : category;
}

/** Confidence in words: the reading is trusted, or the person should look at it. */
export const CHECKED_CONFIDENCE = 0.85;

export function confidenceWords(field: Pick<ExtractedFieldDto, 'confidence' | 'corrected'>): {
  label: string;
  tone: BadgeTone;
} {
  if (field.corrected) return { label: 'Confirmed by you', tone: 'success' };
  if (field.confidence >= CHECKED_CONFIDENCE) return { label: 'Checked', tone: 'success' };
  return { label: 'Please check', tone: 'warning' };
}

/** A field's value as text for reading (not editing). */
export function fieldValueText(field: Pick<ExtractedFieldDto, 'valueType' | 'value'>): string {
  const { valueType, value } = field;
  if (valueType === 'money' && typeof value === 'number') return formatCents(value);
  if (valueType === 'date' && typeof value === 'string') return formatDate(value);
  if (valueType === 'abn') {
    const digits = String(value).replace(/\D/g, '');
    return digits.length === 11
      ? `${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`
      : String(value);
  }
  return String(value);
}

/** A stable key for a field (private health statements repeat fields by row). */
export const fieldId = (field: Pick<ExtractedFieldDto, 'key' | 'row'>) =>
  field.row === undefined ? field.key : `${field.key}[${field.row}]`;

/** Warnings from the reading that name this field (they start with, or mention, its label). */
export function warningsFor(field: Pick<ExtractedFieldDto, 'label'>, warnings: readonly string[]): string[] {
  const label = field.label.toLowerCase();
  return warnings.filter((warning) => warning.toLowerCase().includes(label));
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** "3 Jul" this year, "3 Jul 2024" otherwise. */
export function shortDate(value: string, now = new Date()): string {
  const full = formatDate(value);
  const year = String(now.getFullYear());
  return full.endsWith(` ${year}`) ? full.slice(0, -year.length - 1) : full;
}

/** A share typed as a percentage, as basis points: "60" → 6000, "12.5%" → 1250; undefined if not 0–100. */
export function percentToBasisPoints(text: string): number | undefined {
  const trimmed = text.trim().replace(/%$/, '').trim();
  if (!/^\d{1,3}(\.\d{1,2})?$/.test(trimmed)) return undefined;
  const [whole = '0', fraction = ''] = trimmed.split('.');
  const points = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return points <= 10_000 ? points : undefined;
}
