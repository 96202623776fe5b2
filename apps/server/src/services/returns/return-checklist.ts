import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { ChecklistItem, TaxReturnView } from '@numeri/contracts';
import type { IncomeYear } from '@numeri/tax-engine';
import type { Db } from '../../adapters/db/database';
import { documents, returnComments } from '../../db/schema';
import type { ReturnsService } from './returns.service';
import { previousIncomeYear } from './returns.service';

/** A change this large from last year is worth a second look (and is what the ATO's data-matching notices). */
const CHANGE_RATIO = 0.5;
const CHANGE_FLOOR_CENTS = 50_000;

const fmt = (cents: number) =>
  (cents / 100).toLocaleString('en-AU', { style: 'currency', currency: 'AUD', maximumFractionDigits: 0 });

/**
 * The review checklist: what is still missing, what is risky (claims without records, big
 * changes from last year, documents read but not yet in the return, open comments), and notes.
 */
export async function buildChecklist(
  db: Db,
  returns: ReturnsService,
  view: TaxReturnView,
  ownerId: string,
): Promise<ChecklistItem[]> {
  const list: ChecklistItem[] = [];
  for (const fact of view.missing) {
    list.push({ id: `missing.${fact.id}`, severity: 'missing', title: fact.question, detail: fact.reason });
  }
  for (const issue of view.assessmentIssues) {
    list.push({
      id: `issue.${issue.field}`,
      severity: 'missing',
      title: 'Some answers cannot be assessed together',
      detail: `${issue.field}: ${issue.message}`,
    });
  }
  for (const record of view.records) {
    if (!record.attached) {
      list.push({
        id: `records.${record.itemId}`,
        severity: 'risk',
        title: record.note ? 'Only a bank statement for this claim' : 'No record attached to this claim',
        detail: record.note ?? record.expected,
        itemId: record.itemId,
        source: record.source,
      });
    }
  }

  const waiting = await db
    .select({ id: documents.id, name: documents.originalName, type: documents.documentType })
    .from(documents)
    .where(
      and(
        eq(documents.ownerId, ownerId),
        eq(documents.incomeYear, view.incomeYear),
        inArray(documents.status, ['needs-review']),
      ),
    );
  for (const doc of waiting) {
    list.push({
      id: `document.${doc.id}`,
      severity: 'missing',
      title: `${doc.name} is waiting for you to check it`,
      detail: 'Its figures are not in your return until you confirm them.',
      documentId: doc.id,
    });
  }

  const previous = await returns
    .latest(ownerId, previousIncomeYear(view.incomeYear as IncomeYear) as IncomeYear)
    .catch(() => undefined);
  const before = previous
    ? ((previous.assessment as { value?: { totalIncomeCents: number; totalDeductionsCents: number } } | null)
        ?.value ?? null)
    : null;
  if (before && view.assessment) {
    const compare = (name: string, now: number, then: number) => {
      const change = Math.abs(now - then);
      if (change >= CHANGE_FLOOR_CENTS && then > 0 && change / then >= CHANGE_RATIO) {
        list.push({
          id: `change.${name}`,
          severity: 'risk',
          title: `Your ${name} changed a lot from last year`,
          detail: `${fmt(now)} this year against ${fmt(then)} last year (${Math.round(((now - then) / then) * 100)}%). Check nothing is missing or counted twice.`,
        });
      }
    };
    compare('total income', view.assessment.totalIncomeCents, before.totalIncomeCents);
    compare('deductions', view.assessment.totalDeductionsCents, before.totalDeductionsCents);
  }

  const open = await db
    .select({ id: returnComments.id, itemId: returnComments.itemId, body: returnComments.body })
    .from(returnComments)
    .where(and(eq(returnComments.returnId, view.id), isNull(returnComments.resolvedAt)));
  for (const comment of open) {
    list.push({
      id: `comment.${comment.id}`,
      severity: 'risk',
      title: 'Open comment from your reviewer',
      detail: comment.body,
      ...(comment.itemId ? { itemId: comment.itemId } : {}),
    });
  }

  for (const note of view.assessment?.provisional ?? []) {
    list.push({
      id: `provisional.${note.id}`,
      severity: 'info',
      title: 'Uses a figure that is not final yet',
      detail: note.reason,
    });
  }
  for (const caveat of view.assessment?.caveats ?? []) {
    list.push({
      id: `caveat.${caveat.id}`,
      severity: 'risk',
      title: 'Something Numeri does not work out for you',
      detail: caveat.message,
    });
  }
  return list;
}
