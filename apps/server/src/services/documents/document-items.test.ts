import { returnItemSchema, type ExtractedFieldDto } from '@numeri/contracts';
import { describe, expect, it } from 'vitest';
import { documentToReturnItems, itemIdFor } from './document-items';

const DOC = '3f1c2b4a-9d8e-4f70-8a6b-5c4d3e2f1a0b';
const region = { page: 1, x: 0.1, y: 0.2, w: 0.3, h: 0.02 };
let n = 0;
const field = (
  key: string,
  value: string | number,
  valueType: ExtractedFieldDto['valueType'] = typeof value === 'number' ? 'money' : 'text',
  row?: number,
): ExtractedFieldDto => ({
  key,
  label: key,
  valueType,
  value,
  raw: String(value),
  confidence: 0.9,
  region: { ...region, y: (n += 0.01) },
  ...(row !== undefined ? { row } : {}),
  returnLabel: null,
});

const items = (
  documentType: Parameters<typeof documentToReturnItems>[0]['documentType'],
  fields: ExtractedFieldDto[],
  extra = {},
) => {
  const result = documentToReturnItems({ id: DOC, documentType, originalName: 'x.pdf', fields, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.items.map((item) => returnItemSchema.parse(item));
};

describe('documentToReturnItems', () => {
  it('an income statement becomes one employment item with evidence for every value, plus D5/D9 for union fees and giving', () => {
    const out = items('income-statement', [
      field('payerName', 'ACME PTY LTD'),
      field('payerAbn', '51824753556', 'abn'),
      field('grossPayments', 8_543_200),
      field('taxWithheld', 1_987_600),
      field('allowances', 12_000),
      field('reportableSuper', 50_000),
      field('unionFees', 45_000),
      field('workplaceGiving', 10_000),
    ]);
    expect(out).toHaveLength(3);
    expect(out[0]).toMatchObject({
      kind: 'employment',
      source: 'document',
      payerName: 'ACME PTY LTD',
      payerAbn: '51824753556',
      grossPaymentsCents: 8_543_200,
      taxWithheldCents: 1_987_600,
      allowancesCents: 12_000,
      reportableEmployerSuperCents: 50_000,
    });
    expect(out[0]!.evidence.map((e) => e.fieldKey)).toEqual([
      'payerName',
      'payerAbn',
      'grossPayments',
      'taxWithheld',
      'allowances',
      'reportableSuper',
    ]);
    expect(out[0]!.evidence.every((e) => e.documentId === DOC && e.region?.page === 1)).toBe(true);
    expect(out.slice(1)).toMatchObject([
      { kind: 'deduction', label: 'D5', amountCents: 45_000 },
      { kind: 'deduction', label: 'D9', amountCents: 10_000 },
    ]);
    // Stable ids: confirming the same document again writes the same items.
    expect(out[0]!.id).toBe(itemIdFor(DOC, 0));
  });

  it('dividend, distribution (with the CGT discount split) and interest statements', () => {
    expect(
      items('dividend-statement', [
        field('companyName', 'BHP GROUP LIMITED'),
        field('paymentDate', '2024-09-26', 'date'),
        field('frankedAmount', 70_000),
        field('unfrankedAmount', 5_000),
        field('frankingCredit', 30_000),
      ])[0],
    ).toMatchObject({
      kind: 'dividend',
      company: 'BHP GROUP LIMITED',
      paymentDate: '2024-09-26',
      frankedCents: 70_000,
      unfrankedCents: 5_000,
      frankingCreditCents: 30_000,
    });
    expect(
      items('distribution-statement', [
        field('fundName', 'VANGUARD'),
        field('nonPrimaryProductionIncome', 12_345),
        field('frankedDistributions', 5_000),
        field('capitalGainsTotal', 10_000),
        field('netCapitalGain', 6_000),
      ])[0],
    ).toMatchObject({
      kind: 'distribution',
      nonPrimaryProductionCents: 17_345,
      capitalGainsDiscountableCents: 8_000,
      capitalGainsOtherCents: 2_000,
    });
    expect(
      items('interest-summary', [
        field('institution', 'ING'),
        field('interest', 43_210),
        field('tfnWithheld', 0),
      ])[0],
    ).toMatchObject({ kind: 'interest', institution: 'ING', grossInterestCents: 43_210 });
    expect(items('bank-statement', [field('institution', 'CBA')])).toEqual([]);
  });

  it('a receipt is a deduction at the chosen label (default: the suggestion, else D5)', () => {
    const receipt = [
      field('supplierName', 'OFFICEWORKS'),
      field('date', '2025-03-01', 'date'),
      field('total', 12_345),
    ];
    expect(items('receipt', receipt, { suggestedDeductionLabel: 'D5' })[0]).toMatchObject({
      kind: 'deduction',
      label: 'D5',
      amountCents: 12_345,
      supplier: 'OFFICEWORKS',
      date: '2025-03-01',
      workUseBasisPoints: 10_000,
    });
    expect(
      items('receipt', receipt, { deduction: { label: 'D10', workUseBasisPoints: 5_000 } })[0],
    ).toMatchObject({ label: 'D10', workUseBasisPoints: 5_000 });
  });

  it('a private health statement gives one item per benefit-code row', () => {
    const out = items('private-health-statement', [
      field('insurerName', 'HCF'),
      field('premiumsPaid', 150_000, 'money', 0),
      field('rebateReceived', 36_000, 'money', 0),
      field('benefitCode', '30', 'text', 0),
      field('premiumsPaid', 50_000, 'money', 1),
      field('rebateReceived', 11_000, 'money', 1),
      field('benefitCode', '31', 'text', 1),
    ]);
    expect(out).toMatchObject([
      {
        kind: 'private-health',
        insurer: 'HCF',
        benefitCode: 30,
        premiumsEligibleCents: 150_000,
        rebateReceivedCents: 36_000,
      },
      { kind: 'private-health', benefitCode: 31, premiumsEligibleCents: 50_000 },
    ]);
    expect(out[1]!.evidence.map((e) => e.fieldKey).sort()).toEqual([
      'benefitCode',
      'premiumsPaid',
      'rebateReceived',
    ]);
  });

  it('says what is missing or wrong instead of guessing', () => {
    expect(
      documentToReturnItems({
        id: DOC,
        documentType: 'income-statement',
        originalName: 'x',
        fields: [field('taxWithheld', 100)],
      }),
    ).toEqual({
      ok: false,
      errors: [{ field: 'grossPayments', message: 'is required to add this document to your return' }],
    });
    expect(
      documentToReturnItems({
        id: DOC,
        documentType: 'receipt',
        originalName: 'x',
        fields: [field('total', -500)],
      }),
    ).toMatchObject({ ok: false, errors: [{ field: 'total', message: 'must not be negative' }] });
    expect(
      documentToReturnItems({
        id: DOC,
        documentType: 'private-health-statement',
        originalName: 'x',
        fields: [field('premiumsPaid', 100, 'money', 0), field('benefitCode', '99', 'text', 0)],
      }),
    ).toMatchObject({ ok: false, errors: [{ field: 'benefitCode[0]' }] });
    expect(documentToReturnItems({ id: DOC, documentType: 'other', originalName: 'x', fields: [] })).toEqual({
      ok: true,
      items: [],
    });
  });
});
