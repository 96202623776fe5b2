import { and, desc, eq, lt, or, sql, type SQL } from 'drizzle-orm';
import { hasFormulaRisk } from '@numeri/extract';
import type {
  DeductionLabel,
  ReturnItemInput,
  ReviewTransactionRequest,
  TransactionDto,
} from '@numeri/contracts';
import { isIncomeYear, type IncomeYear } from '@numeri/tax-engine';
import type { Db } from '../../adapters/db/database';
import { documents, transactions } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import { asDeductionLabel } from '../documents/document-items';
import { isBankFile } from '../documents/document-record';
import type { ReturnsPort } from '../documents/returns-port';

export type TransactionRow = typeof transactions.$inferSelect;

interface StoredSuggestion {
  category?: string;
  dLabel?: string;
  confidence?: number;
  reason?: string;
  evidenceHint?: string;
  ruleId?: string;
  /** What the user claimed (kept with the suggestion: one JSON column per transaction). */
  claim?: { label: DeductionLabel; workUseBasisPoints: number; description: string };
}

const suggestionOf = (row: TransactionRow): StoredSuggestion | null =>
  row.suggestion && typeof row.suggestion === 'object' ? (row.suggestion as StoredSuggestion) : null;

export function toTransactionDto(row: TransactionRow): TransactionDto {
  const stored = suggestionOf(row);
  const suggestion =
    stored?.dLabel && stored.ruleId
      ? {
          category: stored.category ?? '',
          dLabel: stored.dLabel,
          confidence: stored.confidence ?? 0,
          reason: stored.reason ?? '',
          evidenceHint: stored.evidenceHint ?? '',
          ruleId: stored.ruleId,
        }
      : null;
  return {
    id: row.id,
    sourceDocumentId: row.sourceDocumentId,
    accountKey: row.accountKey,
    postedOn: row.postedOn,
    amountCents: row.amountCents,
    description: row.description,
    formulaRisk: hasFormulaRisk(row.description),
    incomeYear: row.incomeYear,
    category: row.category,
    deductible: row.deductible,
    suggestion,
    reviewStatus: row.reviewStatus,
    claim: row.reviewStatus === 'claimed' && stored?.claim ? stored.claim : null,
    evidenceDocumentId: row.evidenceDocumentId,
  };
}

const encodeCursor = (row: TransactionRow) => Buffer.from(`${row.postedOn}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string): { postedOn: string; id: string } {
  const [postedOn, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!postedOn || !id || !/^\d{4}-\d{2}-\d{2}$/.test(postedOn) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new AppError('BAD_REQUEST', 'The cursor is not valid');
  return { postedOn, id };
}

/**
 * Imported bank transactions and their review: the user claims a suggested (or any) debit as a
 * deduction, dismisses it, or resets it. A claim becomes a 'deduction' return item with source
 * 'transaction', whose evidence is the statement file and, if attached, a receipt.
 */
export class TransactionsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditService,
    private readonly returns: ReturnsPort,
  ) {}

  async list(
    ownerId: string,
    query: {
      incomeYear?: string | undefined;
      reviewStatus?: TransactionRow['reviewStatus'] | undefined;
      suggested?: boolean | undefined;
      documentId?: string | undefined;
      limit: number;
      cursor?: string | undefined;
    },
  ) {
    const where: SQL[] = [eq(transactions.ownerId, ownerId)];
    if (query.incomeYear) where.push(eq(transactions.incomeYear, query.incomeYear));
    if (query.reviewStatus) where.push(eq(transactions.reviewStatus, query.reviewStatus));
    if (query.suggested !== undefined)
      where.push(
        query.suggested
          ? sql`${transactions.suggestion} ->> 'ruleId' is not null`
          : sql`(${transactions.suggestion} is null or ${transactions.suggestion} ->> 'ruleId' is null)`,
      );
    if (query.documentId) where.push(eq(transactions.sourceDocumentId, query.documentId));
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      where.push(
        or(
          lt(transactions.postedOn, c.postedOn),
          and(eq(transactions.postedOn, c.postedOn), lt(transactions.id, c.id)),
        )!,
      );
    }
    const rows = await this.db
      .select()
      .from(transactions)
      .where(and(...where))
      .orderBy(desc(transactions.postedOn), desc(transactions.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map(toTransactionDto),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
    };
  }

  async get(ownerId: string, id: string): Promise<TransactionRow> {
    const [row] = await this.db
      .select()
      .from(transactions)
      .where(and(eq(transactions.id, id), eq(transactions.ownerId, ownerId)));
    if (!row) throw new AppError('NOT_FOUND', 'No such transaction');
    return row;
  }

  private yearOf(row: TransactionRow): IncomeYear {
    if (!row.incomeYear || !isIncomeYear(row.incomeYear)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Numeri does not prepare returns for the ${row.incomeYear ?? 'unknown'} income year, so this transaction cannot be claimed.`,
      );
    }
    return row.incomeYear;
  }

  /** The deduction item a claimed transaction puts on the return (item id = transaction id). */
  async itemFor(
    row: TransactionRow,
    claim: NonNullable<StoredSuggestion['claim']>,
    evidenceDocumentId: string | null,
  ): Promise<ReturnItemInput> {
    const date = new Date(`${row.postedOn}T00:00:00Z`).toLocaleDateString('en-AU', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    });
    const evidence: ReturnItemInput['evidence'] = [];
    if (row.sourceDocumentId)
      evidence.push({
        documentId: row.sourceDocumentId,
        region: null,
        label: `Bank transaction ${date}: ${row.description}`.slice(0, 200),
        bankTransaction: true,
      });
    if (evidenceDocumentId) {
      const [receipt] = await this.db
        .select({ name: documents.originalName })
        .from(documents)
        .where(eq(documents.id, evidenceDocumentId));
      evidence.push({
        documentId: evidenceDocumentId,
        region: null,
        label: `Receipt: ${receipt?.name ?? 'document'}`.slice(0, 200),
      });
    }
    return {
      id: row.id,
      kind: 'deduction',
      source: 'transaction',
      label: claim.label,
      description: claim.description,
      amountCents: Math.abs(row.amountCents),
      date: row.postedOn,
      supplier: row.description.slice(0, 200),
      workUseBasisPoints: claim.workUseBasisPoints,
      evidence,
    };
  }

  async review(
    ownerId: string,
    id: string,
    body: ReviewTransactionRequest,
    context: AuditContext,
  ): Promise<TransactionDto> {
    const row = await this.get(ownerId, id);
    const stored = suggestionOf(row) ?? {};
    if (body.action === 'claim') {
      if (row.amountCents >= 0)
        throw new AppError('VALIDATION_FAILED', 'Only money you spent can be claimed as a deduction.');
      const label = body.label ?? asDeductionLabel(stored.dLabel);
      if (!label)
        throw new AppError('VALIDATION_FAILED', 'Choose the deduction label', {
          fieldErrors: [{ field: 'label', message: 'is required for this transaction' }],
        });
      const year = this.yearOf(row);
      const evidenceDocumentId =
        body.evidenceDocumentId === undefined ? row.evidenceDocumentId : body.evidenceDocumentId;
      if (evidenceDocumentId) {
        const [doc] = await this.db
          .select()
          .from(documents)
          .where(and(eq(documents.id, evidenceDocumentId), eq(documents.ownerId, ownerId)));
        if (!doc || isBankFile(doc)) {
          throw new AppError('VALIDATION_FAILED', 'The receipt must be one of your documents', {
            fieldErrors: [{ field: 'evidenceDocumentId', message: 'is not one of your documents' }],
          });
        }
      }
      const claim = {
        label,
        workUseBasisPoints: body.workUseBasisPoints,
        description: (body.description ?? row.description).slice(0, 200),
      };
      await this.returns.upsertItems(
        ownerId,
        year,
        [await this.itemFor(row, claim, evidenceDocumentId)],
        context,
      );
      return this.save(
        row,
        { reviewStatus: 'claimed', deductible: true, evidenceDocumentId, suggestion: { ...stored, claim } },
        context,
        'transaction.claimed',
        { label, workUseBasisPoints: claim.workUseBasisPoints },
      );
    }
    if (row.reviewStatus === 'claimed' && row.incomeYear && isIncomeYear(row.incomeYear)) {
      await this.returns.removeItems(ownerId, row.incomeYear, [row.id], context);
    }
    const { claim: _claim, ...rest } = stored;
    return body.action === 'dismiss'
      ? this.save(
          row,
          {
            reviewStatus: 'dismissed',
            deductible: false,
            suggestion: Object.keys(rest).length ? rest : null,
          },
          context,
          'transaction.dismissed',
          {},
        )
      : this.save(
          row,
          {
            reviewStatus: 'unreviewed',
            deductible: null,
            suggestion: Object.keys(rest).length ? rest : null,
          },
          context,
          'transaction.reset',
          {},
        );
  }

  private async save(
    row: TransactionRow,
    patch: Partial<typeof transactions.$inferInsert>,
    context: AuditContext,
    action: string,
    details: Record<string, unknown>,
  ) {
    return this.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(transactions)
        .set(patch)
        .where(eq(transactions.id, row.id))
        .returning();
      await this.audit.record(
        context,
        { action, subjectUserId: row.ownerId, targetType: 'transaction', targetId: row.id, details },
        tx,
      );
      return toTransactionDto(updated!);
    });
  }

  /**
   * Re-applies claimed transactions that cite `documentId` as their receipt (after the receipt's
   * own items were replaced or removed, which also drops items citing it).
   */
  async refreshClaimsCiting(ownerId: string, documentId: string, context: AuditContext): Promise<number> {
    const rows = await this.db
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.ownerId, ownerId),
          eq(transactions.evidenceDocumentId, documentId),
          eq(transactions.reviewStatus, 'claimed'),
        ),
      );
    return this.reapply(ownerId, rows, context);
  }

  async reapply(ownerId: string, rows: TransactionRow[], context: AuditContext): Promise<number> {
    const byYear = new Map<IncomeYear, ReturnItemInput[]>();
    for (const row of rows) {
      const claim = suggestionOf(row)?.claim;
      if (!claim || !row.incomeYear || !isIncomeYear(row.incomeYear)) continue;
      const items = byYear.get(row.incomeYear) ?? [];
      items.push(await this.itemFor(row, claim, row.evidenceDocumentId));
      byYear.set(row.incomeYear, items);
    }
    for (const [year, items] of byYear) await this.returns.upsertItems(ownerId, year, items, context);
    return rows.length;
  }
}
