import type { ReturnItem } from './return-items.contract';
import { workShare } from './returns.mapping';

/**
 * The labels whose claims count toward the ATO's $300 limit for written evidence: travel (D2),
 * clothing and laundry (D3) and other work-related expenses (D5). Car expenses (D1) and
 * working from home (its own records) are outside it, and so are gifts (D9) and the cost of
 * managing tax affairs (D10), which always need their receipt.
 * Source: ATO, Records for work-related expenses — "If your total claim for work-related expenses
 * is $300 or less, you need to be able to show how you worked out your claim but you don't need
 * written evidence"; the $300 includes laundry and excludes car, meal allowance, award transport
 * payment and travel allowance expenses.
 * https://www.ato.gov.au/individuals-and-families/income-deductions-offsets-and-records/records-you-need-to-keep/records-for-work-related-expenses
 */
export const WRITTEN_EVIDENCE_LABELS: readonly string[] = ['D2', 'D3', 'D5'];
/** $300, in cents (same source). */
export const WRITTEN_EVIDENCE_THRESHOLD_CENTS = 30_000;

export interface RecordStatus {
  /** What is attached meets what the ATO expects. */
  attached: boolean;
  /** When only a bank statement is attached: why that does, or doesn't, do. */
  note: string | null;
}

/** The work-related claims that count toward the $300 limit, in cents. */
export function writtenEvidenceTotalCents(items: readonly ReturnItem[]): number {
  let total = 0;
  for (const item of items)
    if (item.kind === 'deduction' && WRITTEN_EVIDENCE_LABELS.includes(item.label)) total += workShare(item);
  return total;
}

/**
 * Whether a claim's records are what the ATO expects. A receipt, invoice or statement from the
 * supplier does; a bank statement line shows only that a payment was made, which does for work
 * expenses while they come to $300 or less in all, and not otherwise.
 */
export function recordStatus(item: ReturnItem, items: readonly ReturnItem[]): RecordStatus {
  if (item.evidence.some((evidence) => !evidence.bankTransaction)) return { attached: true, note: null };
  if (item.evidence.length === 0) return { attached: false, note: null };
  if (item.kind === 'deduction' && WRITTEN_EVIDENCE_LABELS.includes(item.label)) {
    return writtenEvidenceTotalCents(items) <= WRITTEN_EVIDENCE_THRESHOLD_CENTS
      ? {
          attached: true,
          note: 'Your work-related claims come to $300 or less, so the ATO doesn’t need a receipt for this one: the bank statement and how you worked out the claim are enough. Keep both.',
        }
      : {
          attached: false,
          note: 'The bank statement shows you paid, not what you bought. Your work-related claims come to more than $300, so the ATO expects the receipt or invoice: attach it.',
        };
  }
  return {
    attached: false,
    note: 'The bank statement shows you paid, not what you bought or who received it. Attach the receipt described above.',
  };
}
