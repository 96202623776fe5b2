import type { Evidence, ReturnItem } from '@numeri/contracts';

/**
 * Evidence as people read it. An item read from a document carries one link per field ("Income
 * statement — Acme: Gross payments, page 1", "…: Tax withheld, page 1"); a card shows one link per
 * document, and a line of the assessment shows the field behind that line when it can tell.
 */

export interface EvidenceLink {
  documentId: string;
  /** "Income statement — Acme Pty Ltd". */
  document: string;
  /** "Gross payments", when one field is meant. */
  field?: string;
  page?: number;
  /** How many figures were read from this document for the item. */
  figures: number;
}

/** "Income statement — Acme: Gross payments" → ["Income statement — Acme", "Gross payments"]. */
function splitLabel(label: string | undefined): [string, string | undefined] {
  if (!label) return ['your document', undefined];
  const at = label.lastIndexOf(': ');
  return at > 0 ? [label.slice(0, at), label.slice(at + 2)] : [label, undefined];
}

/** One link per document. */
export function documentLinks(evidence: readonly Evidence[]): EvidenceLink[] {
  const byDocument = new Map<string, EvidenceLink>();
  for (const e of evidence) {
    const existing = byDocument.get(e.documentId);
    if (existing) {
      existing.figures += 1;
      continue;
    }
    const [document] = splitLabel(e.label);
    byDocument.set(e.documentId, { documentId: e.documentId, document, page: e.region?.page, figures: 1 });
  }
  return [...byDocument.values()];
}

/** Which extracted fields stand behind a line of the assessment. */
const LINE_FIELDS: [RegExp, RegExp][] = [
  [/^income\.salaryWages/, /gross/i],
  [/^income\.allowances/, /allowance/i],
  [/^income\.lumpSum/, /lump/i],
  [/^credits\./, /withheld|withholding|tfn/i],
  [/^income\.interest/, /interest/i],
  [/^income\.dividends\.frankingCredits|^offset\.frankingCredits/, /franking/i],
  [/^income\.dividends/, /franked|unfranked|dividend/i],
  [/^income\.partnershipsAndTrusts/, /primary|income|share/i],
  [/^(phi\.|levy\.medicareSurcharge)/, /premium|rebate|benefit/i],
  [/^deduction\./, /amount|total|cost|fee/i],
];

/** The evidence for one line: the matching fields if the document says, else one link per document. */
export function lineLinks(lineId: string, item: ReturnItem): EvidenceLink[] {
  const fields = LINE_FIELDS.find(([line]) => line.test(lineId))?.[1];
  if (fields) {
    const matching = item.evidence.filter(
      (e) => fields.test(e.fieldKey ?? '') || fields.test(splitLabel(e.label)[1] ?? ''),
    );
    if (matching.length > 0) {
      return matching.map((e) => {
        const [document, field] = splitLabel(e.label);
        return { documentId: e.documentId, document, field, page: e.region?.page, figures: 1 };
      });
    }
  }
  return documentLinks(item.evidence);
}

export function linkText(link: EvidenceLink): string {
  return `${link.document}${link.field ? ` (${link.field.toLowerCase()})` : ''}${link.page ? `, page ${link.page}` : ''}`;
}
