import type { EstimateResponse, TaxReturnView } from '@numeri/contracts';

const $ = (cents: number) => Math.round(cents) / 100;

/**
 * The server's stored assessment (cents) in the same shape as the live estimate (dollars), so
 * lodged returns and reviewers' views show the record with the same components.
 */
export function estimateFromStored(view: TaxReturnView): EstimateResponse | null {
  const a = view.assessment;
  if (!a) return null;
  return {
    incomeYear: view.incomeYear,
    taxableIncome: $(a.taxableIncomeCents),
    taxOnTaxableIncome: $(a.taxOnTaxableIncomeCents),
    offsets: a.offsets.map((o) => ({
      id: o.id,
      name: o.name,
      amount: $(o.appliedCents),
      refundable: o.refundable,
    })),
    netIncomeTax: $(a.netIncomeTaxCents),
    medicareLevy: $(a.medicareLevyCents),
    medicareLevySurcharge: $(a.medicareLevySurchargeCents),
    studyLoanRepayment: $(a.studyLoanRepaymentCents),
    totalTax: $(a.totalLiabilityCents),
    taxWithheld: $(a.creditsCents),
    refund: $(a.refundCents),
    lines: a.lines,
    complete: view.complete,
    missing: view.missing,
    provisional: a.provisional.length > 0,
    totalIncome: $(a.totalIncomeCents),
    totalDeductions: $(a.totalDeductionsCents),
    privateHealthAdjustment: $(a.privateHealthAdjustmentCents),
    refundableOffsets: $(a.refundableOffsetsCents),
    marginalRatePercent: a.marginalRatePercent,
    provisionalFigures: a.provisional,
    caveats: a.caveats,
  };
}
