import { createHash } from 'node:crypto';
import {
  DEDUCTION_LABELS,
  type DeductionLabel,
  type DocumentTypeName,
  type Evidence,
  type ExtractedFieldDto,
  type ReturnItemInput,
} from '@numeri/contracts';
import type { FieldError } from '../../errors/app-error';

/**
 * A stable item id for the n-th item made from a document (RFC 4122 shape, version 5 bits), so
 * confirming the same document twice writes the same items.
 */
export function itemIdFor(documentId: string, n: number): string {
  const hex = createHash('sha256').update(`numeri:document-item:${documentId}:${n}`).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface ConfirmedDocument {
  id: string;
  documentType: DocumentTypeName;
  originalName: string;
  fields: readonly ExtractedFieldDto[];
  deduction?:
    | {
        label?: DeductionLabel | undefined;
        description?: string | undefined;
        workUseBasisPoints?: number | undefined;
      }
    | undefined;
  suggestedDeductionLabel?: DeductionLabel | null | undefined;
}

export type ItemsResult = { ok: true; items: ReturnItemInput[] } | { ok: false; errors: FieldError[] };

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type NewItem = DistributiveOmit<ReturnItemInput, 'id' | 'source'>;

const BENEFIT_CODES = [30, 31, 35, 36, 40, 41] as const;
type BenefitCode = (typeof BENEFIT_CODES)[number];

/**
 * Turns a confirmed document into return items, each carrying evidence (document, field, page
 * region) for every value it took. Pure: no I/O. Income statement / PAYG summary → one employment
 * item (plus union fees and workplace giving as D5/D9 deductions); dividend → dividend;
 * distribution (AMMA) → distribution; interest summary or a bank statement's interest → interest;
 * receipt → a deduction at the confirmed D-label; private health statement → one private-health
 * item per benefit-code row; other → nothing.
 */
export function documentToReturnItems(doc: ConfirmedDocument): ItemsResult {
  const errors: FieldError[] = [];
  const one = (key: string) => doc.fields.find((f) => f.key === key && (f.row ?? 0) === 0);
  const money = (key: string): number => {
    const field = one(key);
    if (!field) return 0;
    if (typeof field.value !== 'number' || !Number.isInteger(field.value)) {
      errors.push({ field: key, message: 'must be an amount in cents' });
      return 0;
    }
    if (field.value < 0) {
      errors.push({ field: key, message: 'must not be negative' });
      return 0;
    }
    return field.value;
  };
  const text = (key: string) => {
    const value = one(key)?.value;
    return typeof value === 'string' && value.trim() ? value.trim().slice(0, 200) : undefined;
  };
  const label = (name: string | undefined) =>
    `${TYPE_NAMES[doc.documentType]}${name ? ` — ${name}` : ''}`.slice(0, 200);
  const evidenceFor = (keys: readonly string[], name: string | undefined, row?: number): Evidence[] => {
    const used = doc.fields.filter(
      (f) => keys.includes(f.key) && (row === undefined ? (f.row ?? 0) === 0 : f.row === row),
    );
    const evidence = used.map((f) => ({
      documentId: doc.id,
      fieldKey: f.key,
      region: f.region ?? null,
      label: `${label(name)}: ${f.label}`.slice(0, 200),
    }));
    return evidence.length ? evidence : [{ documentId: doc.id, region: null, label: label(name) }];
  };
  const require = (key: string, message = 'is required to add this document to your return') => {
    if (!one(key)) errors.push({ field: key, message });
  };
  const items: ReturnItemInput[] = [];
  const push = (item: NewItem) =>
    items.push({ ...item, id: itemIdFor(doc.id, items.length), source: 'document' } as ReturnItemInput);

  switch (doc.documentType) {
    case 'income-statement':
    case 'payg-payment-summary': {
      require('grossPayments');
      const payer = text('payerName') ?? 'Employer';
      const abn = text('payerAbn')?.replace(/\s/g, '');
      const keys = [
        'payerName',
        'payerAbn',
        'grossPayments',
        'taxWithheld',
        'allowances',
        'lumpSumA',
        'reportableFringeBenefits',
        'reportableSuper',
      ];
      push({
        kind: 'employment',
        payerName: payer,
        ...(abn && /^\d{11}$/.test(abn) ? { payerAbn: abn } : {}),
        grossPaymentsCents: money('grossPayments'),
        taxWithheldCents: money('taxWithheld'),
        allowancesCents: money('allowances'),
        lumpSumACents: money('lumpSumA'),
        reportableFringeBenefitsCents: money('reportableFringeBenefits'),
        reportableEmployerSuperCents: money('reportableSuper'),
        evidence: evidenceFor(keys, payer),
      });
      const union = money('unionFees');
      if (union > 0)
        push({
          kind: 'deduction',
          label: 'D5',
          description: `Union or professional association fees (${payer})`.slice(0, 200),
          amountCents: union,
          supplier: payer,
          evidence: evidenceFor(['unionFees'], payer),
        });
      const giving = money('workplaceGiving');
      if (giving > 0)
        push({
          kind: 'deduction',
          label: 'D9',
          description: `Workplace giving (${payer})`.slice(0, 200),
          amountCents: giving,
          supplier: payer,
          evidence: evidenceFor(['workplaceGiving'], payer),
        });
      break;
    }
    case 'dividend-statement': {
      if (!one('frankedAmount') && !one('unfrankedAmount'))
        errors.push({ field: 'frankedAmount', message: 'enter the franked or unfranked amount' });
      const company = text('companyName') ?? 'Company';
      const paymentDate = one('paymentDate')?.value;
      push({
        kind: 'dividend',
        company,
        ...(typeof paymentDate === 'string' ? { paymentDate } : {}),
        unfrankedCents: money('unfrankedAmount'),
        frankedCents: money('frankedAmount'),
        frankingCreditCents: money('frankingCredit'),
        tfnWithheldCents: money('tfnWithheld'),
        evidence: evidenceFor(
          ['companyName', 'paymentDate', 'unfrankedAmount', 'frankedAmount', 'frankingCredit', 'tfnWithheld'],
          company,
        ),
      });
      break;
    }
    case 'distribution-statement': {
      const trust = text('fundName') ?? 'Trust';
      const total = money('capitalGainsTotal');
      const net = one('netCapitalGain') ? money('netCapitalGain') : total;
      // 18H is gross gains and 18A the net after the CGT discount: the discount (H − A) is half
      // of the discountable gains, so discountable = 2 × (H − A), capped at H.
      const discountable = Math.min(total, Math.max(0, 2 * (total - net)));
      push({
        kind: 'distribution',
        trustName: trust,
        nonPrimaryProductionCents:
          signedMoney(one('nonPrimaryProductionIncome')) + money('frankedDistributions'),
        frankingCreditsCents: money('frankingCredit'),
        capitalGainsDiscountableCents: discountable,
        capitalGainsOtherCents: total - discountable,
        foreignIncomeCents: money('foreignIncome'),
        foreignTaxPaidCents: money('foreignTaxOffset'),
        tfnWithheldCents: money('tfnWithheld'),
        evidence: evidenceFor(
          [
            'fundName',
            'nonPrimaryProductionIncome',
            'frankedDistributions',
            'frankingCredit',
            'capitalGainsTotal',
            'netCapitalGain',
            'foreignIncome',
            'foreignTaxOffset',
            'tfnWithheld',
          ],
          trust,
        ),
      });
      break;
    }
    case 'interest-summary':
    case 'bank-statement': {
      if (doc.documentType === 'interest-summary') require('interest');
      if (!one('interest')) break;
      const institution = text('institution') ?? 'Bank';
      push({
        kind: 'interest',
        institution,
        grossInterestCents: money('interest'),
        tfnWithheldCents: doc.documentType === 'interest-summary' ? money('tfnWithheld') : 0,
        evidence: evidenceFor(['institution', 'interest', 'tfnWithheld'], institution),
      });
      break;
    }
    case 'receipt': {
      require('total');
      const supplier = text('supplierName');
      const date = one('date')?.value;
      const chosen = doc.deduction?.label ?? doc.suggestedDeductionLabel ?? 'D5';
      push({
        kind: 'deduction',
        label: chosen,
        description: doc.deduction?.description ?? `Receipt${supplier ? ` — ${supplier}` : ''}`.slice(0, 200),
        amountCents: money('total'),
        ...(typeof date === 'string' ? { date } : {}),
        ...(supplier ? { supplier } : {}),
        workUseBasisPoints: doc.deduction?.workUseBasisPoints ?? 10_000,
        evidence: evidenceFor(['supplierName', 'date', 'total', 'gst'], supplier),
      });
      break;
    }
    case 'private-health-statement': {
      const insurer = text('insurerName') ?? text('insurerId') ?? 'Health insurer';
      const rows = [
        ...new Set(
          doc.fields
            .filter((f) => f.key === 'premiumsPaid' || f.key === 'benefitCode')
            .map((f) => f.row ?? 0),
        ),
      ].sort((a, b) => a - b);
      if (!rows.length)
        errors.push({
          field: 'premiumsPaid',
          message: 'enter the premiums and benefit code from the statement',
        });
      for (const row of rows) {
        const cell = (key: string) => doc.fields.find((f) => f.key === key && (f.row ?? 0) === row);
        const code = Number(String(cell('benefitCode')?.value ?? '').trim());
        if (!BENEFIT_CODES.includes(code as BenefitCode)) {
          errors.push({
            field: `benefitCode[${row}]`,
            message: 'must be a benefit code: 30, 31, 35, 36, 40 or 41',
          });
          continue;
        }
        const premiums = cell('premiumsPaid')?.value;
        const rebate = cell('rebateReceived')?.value;
        if (typeof premiums !== 'number' || premiums < 0) {
          errors.push({ field: `premiumsPaid[${row}]`, message: 'is required (in cents, not negative)' });
          continue;
        }
        push({
          kind: 'private-health',
          insurer,
          benefitCode: code as BenefitCode,
          premiumsEligibleCents: premiums,
          rebateReceivedCents: typeof rebate === 'number' && rebate > 0 ? rebate : 0,
          evidence: evidenceFor(['premiumsPaid', 'rebateReceived', 'benefitCode'], insurer, row),
        });
      }
      break;
    }
    case 'other':
      break;
  }
  return errors.length ? { ok: false, errors } : { ok: true, items };
}

function signedMoney(field: ExtractedFieldDto | undefined): number {
  return field && typeof field.value === 'number' && Number.isInteger(field.value) ? field.value : 0;
}

/** The deduction label a receipt or transaction suggests, if it is one the return uses. */
export function asDeductionLabel(value: string | null | undefined): DeductionLabel | null {
  return value && (DEDUCTION_LABELS as readonly string[]).includes(value) ? (value as DeductionLabel) : null;
}

export const TYPE_NAMES: Record<DocumentTypeName, string> = {
  'income-statement': 'Income statement',
  'payg-payment-summary': 'PAYG payment summary',
  receipt: 'Receipt',
  'bank-statement': 'Bank statement',
  'dividend-statement': 'Dividend statement',
  'distribution-statement': 'Distribution statement',
  'interest-summary': 'Interest summary',
  'private-health-statement': 'Private health insurance statement',
  other: 'Document',
};
