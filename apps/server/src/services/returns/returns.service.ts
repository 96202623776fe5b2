import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  recordStatus,
  returnFactsSchema,
  returnItemSchema,
  returnSectionSchema,
  type ReturnItem,
  type ReturnItemInput,
  type ReturnUpdate,
  type TaxReturnView,
  type ReturnSummary,
} from '@numeri/contracts';
import { isIncomeYear, SUPPORTED_INCOME_YEARS, type IncomeYear } from '@numeri/tax-engine';
import type { Clock } from '../../adapters/clock/clock';
import { readerFor, type Db, type DbOrTx } from '../../adapters/db/database';
import type { LodgmentPort } from '../../adapters/lodgment/lodgment.port';
import { documents, returnEvents, taxReturns, users } from '../../db/schema';
import { AppError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import { computeReturn, type StoredReturn } from './return-assessment';
import { recordsExpectedFor } from './records';

export type ReturnRow = typeof taxReturns.$inferSelect;

const storedSchema = z.object({
  sections: z.array(returnSectionSchema).default([]),
  facts: returnFactsSchema.default({}),
  items: z.array(returnItemSchema).default([]),
});

const EDITABLE: ReturnRow['status'][] = ['draft', 'ready'];

export function previousIncomeYear(year: IncomeYear): string {
  const start = Number(year.slice(0, 4)) - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

export function parseStored(row: ReturnRow): StoredReturn {
  return storedSchema.parse(row.input ?? {});
}

/**
 * Returns: one per person per income year, each change recomputed by the engine and stored with
 * the assessment, guarded by optimistic locking, audited. Lodged returns never change; an
 * amendment is a new revision linked to the one it amends.
 */
export class ReturnsService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly audit: AuditService,
    private readonly lodgment: LodgmentPort,
  ) {}

  assertIncomeYear(year: string): IncomeYear {
    if (!isIncomeYear(year)) {
      throw new AppError(
        'NOT_FOUND',
        `Numeri prepares returns for ${SUPPORTED_INCOME_YEARS[0]} to ${SUPPORTED_INCOME_YEARS.at(-1)}; ${year} is not one of them.`,
      );
    }
    return year;
  }

  /** The newest revision of each year. */
  async list(ownerId: string): Promise<ReturnSummary[]> {
    // A list read: the replica when there is one, the primary after this user's own write (ADR 0011).
    const reader = await readerFor(this.db, ownerId);
    const rows = await reader
      .selectDistinctOn([taxReturns.incomeYear])
      .from(taxReturns)
      .where(eq(taxReturns.ownerId, ownerId))
      .orderBy(taxReturns.incomeYear, desc(taxReturns.revision));
    return rows.sort((a, b) => b.incomeYear.localeCompare(a.incomeYear)).map((row) => this.summary(row));
  }

  private summary(row: ReturnRow): ReturnSummary {
    const assessment = row.assessment as { complete?: boolean } | null;
    return {
      id: row.id,
      incomeYear: row.incomeYear as IncomeYear,
      revision: row.revision,
      status: row.status,
      version: row.version,
      taxableIncomeCents: row.taxableIncomeCents,
      totalTaxCents: row.totalTaxCents,
      refundCents: row.refundCents,
      complete: Boolean(assessment?.complete),
      updatedAt: row.updatedAt.toISOString(),
      lodgedAt: row.lodgedAt?.toISOString() ?? null,
    };
  }

  async latest(
    ownerId: string,
    year: IncomeYear,
    executor: DbOrTx = this.db,
  ): Promise<ReturnRow | undefined> {
    const [row] = await executor
      .select()
      .from(taxReturns)
      .where(and(eq(taxReturns.ownerId, ownerId), eq(taxReturns.incomeYear, year)))
      .orderBy(desc(taxReturns.revision))
      .limit(1);
    return row;
  }

  async require(ownerId: string, year: IncomeYear): Promise<ReturnRow> {
    const row = await this.latest(ownerId, year);
    if (!row) throw new AppError('NOT_FOUND', `There is no return for ${year} yet.`);
    return row;
  }

  /** The full view of a return: items, facts, assessment, what is missing, records and lodgment. */
  async view(row: ReturnRow, owner?: { id: string; name: string }): Promise<TaxReturnView> {
    const stored = parseStored(row);
    const computed = computeReturn(row.incomeYear as IncomeYear, stored);
    const [signOff] = await this.db
      .select({
        at: returnEvents.occurredAt,
        by: users.givenName,
        family: users.familyName,
        detail: returnEvents.detail,
      })
      .from(returnEvents)
      .leftJoin(users, eq(users.id, returnEvents.actorId))
      .where(and(eq(returnEvents.returnId, row.id), eq(returnEvents.kind, 'review.signed-off')))
      .orderBy(desc(returnEvents.occurredAt))
      .limit(1);
    const lodgment = row.lodgment as TaxReturnView['lodgment'];
    return {
      ...this.summary(row),
      complete: computed.complete,
      amendsId: row.amendsId,
      sections: stored.sections,
      facts: stored.facts,
      items: stored.items,
      // A lodged return shows the assessment frozen with it, not a recomputation.
      assessment:
        row.status === 'lodged' || row.status === 'superseded'
          ? ((row.assessment as { value?: TaxReturnView['assessment'] })?.value ?? computed.assessment)
          : computed.assessment,
      assessmentIssues: computed.issues,
      missing: computed.missing,
      records: stored.items.flatMap((item) => {
        const expected = recordsExpectedFor(item);
        return expected
          ? [
              {
                itemId: item.id,
                expected: expected.expected,
                ...recordStatus(item, stored.items),
                source: expected.source,
              },
            ]
          : [];
      }),
      // A sign-off covers the version the reviewer saw; any later change needs a new one.
      reviewSignedOff:
        signOff && (signOff.detail as { version?: number }).version === row.version
          ? {
              by: `${signOff.by ?? ''} ${signOff.family ?? ''}`.trim() || 'Reviewer',
              at: signOff.at.toISOString(),
            }
          : null,
      lodgment: lodgment ?? null,
      ...(owner ? { owner } : {}),
    };
  }

  private assessmentColumns(year: IncomeYear, stored: StoredReturn) {
    const computed = computeReturn(year, stored);
    return {
      assessment: { value: computed.assessment, issues: computed.issues, complete: computed.complete },
      taxableIncomeCents: computed.assessment?.taxableIncomeCents ?? null,
      totalTaxCents: computed.assessment?.totalLiabilityCents ?? null,
      refundCents: computed.assessment?.refundCents ?? null,
    };
  }

  async create(
    ownerId: string,
    year: IncomeYear,
    copyFromPrevious: boolean,
    context: AuditContext,
  ): Promise<ReturnRow> {
    if (await this.latest(ownerId, year))
      throw new AppError('CONFLICT', `You already have a return for ${year}.`);
    const stored: StoredReturn = { sections: [], facts: {}, items: [] };
    let copiedFrom: string | null = null;
    if (copyFromPrevious && isIncomeYear(previousIncomeYear(year))) {
      const previous = await this.latest(ownerId, previousIncomeYear(year) as IncomeYear);
      if (previous) {
        copiedFrom = previous.id;
        Object.assign(stored, carryForward(previous));
      }
    }
    try {
      return await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(taxReturns)
          .values({ ownerId, incomeYear: year, input: stored, ...this.assessmentColumns(year, stored) })
          .returning();
        await this.audit.record(
          context,
          {
            action: 'return.created',
            subjectUserId: ownerId,
            targetType: 'return',
            targetId: row!.id,
            details: { incomeYear: year, copiedFrom },
          },
          tx,
        );
        return row!;
      });
    } catch (err) {
      if (
        String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) ===
        '23505'
      ) {
        throw new AppError('CONFLICT', `You already have a return for ${year}.`);
      }
      throw err;
    }
  }

  /** Evidence may only point at the owner's own documents. */
  private async assertEvidenceOwned(
    ownerId: string,
    items: readonly ReturnItem[],
    executor: DbOrTx,
  ): Promise<void> {
    const ids = [...new Set(items.flatMap((item) => item.evidence.map((e) => e.documentId)))];
    if (!ids.length) return;
    const owned = await executor
      .select({ id: documents.id })
      .from(documents)
      .where(and(eq(documents.ownerId, ownerId), inArray(documents.id, ids)));
    const known = new Set(owned.map((d) => d.id));
    const unknown = ids.filter((id) => !known.has(id));
    if (unknown.length) {
      throw new AppError('VALIDATION_FAILED', 'Evidence must be one of your documents', {
        fieldErrors: unknown.map((id) => ({
          field: 'evidence.documentId',
          message: `${id} is not one of your documents`,
        })),
      });
    }
  }

  /** Writes a new state of a return if nobody changed it since `expectedVersion`. */
  private async write(
    row: ReturnRow,
    expectedVersion: number,
    next: StoredReturn,
    status: ReturnRow['status'],
    context: AuditContext,
    details: Record<string, unknown>,
    executor: DbOrTx = this.db,
  ): Promise<ReturnRow> {
    if (!EDITABLE.includes(row.status)) {
      throw new AppError(
        'CONFLICT',
        'This return is lodged and can no longer change. Start an amendment to correct it.',
      );
    }
    const ids = next.items.map((item) => item.id);
    if (new Set(ids).size !== ids.length)
      throw new AppError('VALIDATION_FAILED', 'Two items have the same id');
    await this.assertEvidenceOwned(row.ownerId, next.items, executor);
    const run = async (tx: DbOrTx) => {
      const [updated] = await tx
        .update(taxReturns)
        .set({
          input: next,
          status,
          version: sql`${taxReturns.version} + 1`,
          ...this.assessmentColumns(row.incomeYear as IncomeYear, next),
        })
        .where(
          and(
            eq(taxReturns.id, row.id),
            eq(taxReturns.version, expectedVersion),
            inArray(taxReturns.status, EDITABLE),
          ),
        )
        .returning();
      if (!updated) {
        throw new AppError(
          'VERSION_CONFLICT',
          'This return changed since you loaded it (perhaps in another tab). Load the newer version and make your change again.',
        );
      }
      await this.audit.record(
        context,
        {
          action: 'return.updated',
          subjectUserId: row.ownerId,
          targetType: 'return',
          targetId: row.id,
          details: { version: updated.version, ...details },
        },
        tx,
      );
      return updated;
    };
    return executor === this.db ? this.db.transaction(run) : run(executor);
  }

  /** A person's edit from the interview: autosaved, versioned. */
  async update(
    ownerId: string,
    year: IncomeYear,
    patch: ReturnUpdate,
    context: AuditContext,
  ): Promise<ReturnRow> {
    const row = await this.require(ownerId, year);
    if (patch.version !== row.version && EDITABLE.includes(row.status)) {
      throw new AppError(
        'VERSION_CONFLICT',
        'This return changed since you loaded it (perhaps in another tab). Load the newer version and make your change again.',
      );
    }
    const stored = parseStored(row);
    const removed = new Set(patch.removeItemIds ?? []);
    const upserts = new Map((patch.upsertItems ?? []).map((item) => [item.id, item]));
    const items = stored.items
      .filter((item) => !removed.has(item.id))
      .map((item) => upserts.get(item.id) ?? item);
    for (const item of upserts.values())
      if (!stored.items.some((existing) => existing.id === item.id)) items.push(item);
    const next: StoredReturn = {
      sections: patch.sections ?? stored.sections,
      facts: patch.facts ?? stored.facts,
      items,
    };
    return this.write(
      row,
      patch.version,
      next,
      patch.status ?? (row.status === 'ready' ? 'draft' : row.status),
      context,
      {
        itemsChanged: upserts.size,
        itemsRemoved: removed.size,
        factsChanged: patch.facts !== undefined,
        sectionsChanged: patch.sections !== undefined,
      },
    );
  }

  /**
   * A server-side merge (documents, bank transactions): retried on a concurrent edit, so it
   * never loses the person's own changes and never needs a version from the caller.
   */
  private async merge(
    ownerId: string,
    year: IncomeYear,
    change: (stored: StoredReturn) => StoredReturn,
    context: AuditContext,
    details: Record<string, unknown>,
  ): Promise<ReturnRow> {
    for (let attempt = 1; ; attempt += 1) {
      const row =
        (await this.latest(ownerId, year)) ??
        (await this.create(ownerId, year, true, context).catch(async (err) => {
          if (err instanceof AppError && err.code === 'CONFLICT') return (await this.latest(ownerId, year))!;
          throw err;
        }));
      if (!EDITABLE.includes(row.status)) {
        throw new AppError(
          'CONFLICT',
          `Your ${year} return is lodged. Start an amendment to add this to it.`,
        );
      }
      try {
        return await this.write(row, row.version, change(parseStored(row)), row.status, context, details);
      } catch (err) {
        if (err instanceof AppError && err.code === 'VERSION_CONFLICT' && attempt < 5) continue;
        throw err;
      }
    }
  }

  /** Replaces every item whose evidence is `documentId` with `items` (idempotent). */
  async replaceDocumentItems(
    ownerId: string,
    year: IncomeYear,
    documentId: string,
    items: ReturnItemInput[],
    context: AuditContext,
  ): Promise<ReturnRow> {
    const parsed = items.map((item) => returnItemSchema.parse(item));
    return this.merge(
      ownerId,
      year,
      (stored) => ({
        ...stored,
        items: [
          ...stored.items.filter((item) => !item.evidence.some((e) => e.documentId === documentId)),
          ...parsed,
        ],
      }),
      context,
      { documentId, itemsFromDocument: parsed.length },
    );
  }

  /** Removes items from a document from every draft return (the document was deleted). */
  async removeDocumentItems(ownerId: string, documentId: string, context: AuditContext): Promise<void> {
    const rows = await this.db
      .select()
      .from(taxReturns)
      .where(and(eq(taxReturns.ownerId, ownerId), inArray(taxReturns.status, EDITABLE)));
    for (const row of rows) {
      if (!parseStored(row).items.some((item) => item.evidence.some((e) => e.documentId === documentId)))
        continue;
      await this.merge(
        ownerId,
        row.incomeYear as IncomeYear,
        (stored) => ({
          ...stored,
          items: stored.items.filter((item) => !item.evidence.some((e) => e.documentId === documentId)),
        }),
        context,
        { documentId, removedWithDocument: true },
      );
    }
  }

  /** Adds or replaces items by id from a server-side source (claimed bank transactions). */
  async upsertItems(
    ownerId: string,
    year: IncomeYear,
    items: ReturnItemInput[],
    context: AuditContext,
  ): Promise<ReturnRow> {
    const parsed = items.map((item) => returnItemSchema.parse(item));
    const ids = new Set(parsed.map((item) => item.id));
    return this.merge(
      ownerId,
      year,
      (stored) => ({ ...stored, items: [...stored.items.filter((item) => !ids.has(item.id)), ...parsed] }),
      context,
      { itemsUpserted: parsed.length },
    );
  }

  async removeItems(
    ownerId: string,
    year: IncomeYear,
    itemIds: string[],
    context: AuditContext,
  ): Promise<void> {
    const ids = new Set(itemIds);
    const row = await this.latest(ownerId, year);
    if (!row || !EDITABLE.includes(row.status) || !parseStored(row).items.some((item) => ids.has(item.id)))
      return;
    await this.merge(
      ownerId,
      year,
      (stored) => ({ ...stored, items: stored.items.filter((item) => !ids.has(item.id)) }),
      context,
      { itemsRemoved: ids.size },
    );
  }

  async editableItems(ownerId: string, year: IncomeYear): Promise<ReturnItem[]> {
    const row = await this.latest(ownerId, year);
    return row && EDITABLE.includes(row.status) ? parseStored(row).items : [];
  }

  /** Freezes the return and records it through the lodgment port (sandbox: not sent to the ATO). */
  async lodge(ownerId: string, year: IncomeYear, version: number, context: AuditContext): Promise<ReturnRow> {
    const row = await this.require(ownerId, year);
    if (!EDITABLE.includes(row.status)) throw new AppError('CONFLICT', 'This return is already lodged.');
    if (row.version !== version)
      throw new AppError(
        'VERSION_CONFLICT',
        'This return changed since you reviewed it. Review it again before lodging.',
      );
    const stored = parseStored(row);
    const computed = computeReturn(year, stored);
    if (!computed.assessment || !computed.complete) {
      throw new AppError('VALIDATION_FAILED', 'The return is not ready to lodge yet', {
        fieldErrors: [
          ...computed.issues,
          ...computed.missing.map((m) => ({ field: m.id, message: m.question })),
        ],
      });
    }
    const now = this.clock.now();
    const snapshot = {
      incomeYear: year,
      revision: row.revision,
      input: stored,
      assessment: computed.assessment,
    };
    const snapshotSha256 = createHash('sha256').update(JSON.stringify(snapshot)).digest('hex');
    const receipt = await this.lodgment.submit({ returnId: row.id, incomeYear: year, snapshotSha256 }, now);
    return this.db.transaction(async (tx) => {
      const [lodged] = await tx
        .update(taxReturns)
        .set({
          status: 'lodged',
          lodgedAt: now,
          version: sql`${taxReturns.version} + 1`,
          assessment: { value: computed.assessment, issues: [], complete: true },
          lodgment: {
            receiptNumber: receipt.receiptNumber,
            lodgedAt: now.toISOString(),
            channel: receipt.channel,
            notice: receipt.notice,
            events: receipt.events,
            snapshotSha256,
          },
        })
        .where(
          and(
            eq(taxReturns.id, row.id),
            eq(taxReturns.version, version),
            inArray(taxReturns.status, EDITABLE),
          ),
        )
        .returning();
      if (!lodged)
        throw new AppError('VERSION_CONFLICT', 'This return changed while lodging. Review it again.');
      if (row.amendsId)
        await tx.update(taxReturns).set({ status: 'superseded' }).where(eq(taxReturns.id, row.amendsId));
      for (const event of receipt.events) {
        await tx.insert(returnEvents).values({
          returnId: row.id,
          actorId: context.actorUserId,
          kind: `lodgment.${event.status}`,
          detail: event,
          occurredAt: new Date(event.at),
        });
      }
      await this.audit.record(
        context,
        {
          action: 'return.lodged',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: row.id,
          details: { channel: receipt.channel, receiptNumber: receipt.receiptNumber, snapshotSha256 },
        },
        tx,
      );
      return lodged;
    });
  }

  /** Starts a new revision from a lodged return; the lodged one stays as it was. */
  async amend(ownerId: string, year: IncomeYear, context: AuditContext): Promise<ReturnRow> {
    const row = await this.require(ownerId, year);
    if (row.status !== 'lodged') {
      throw new AppError(
        'CONFLICT',
        row.status === 'superseded'
          ? 'An amendment already exists.'
          : 'Only a lodged return can be amended; this one can still be edited.',
      );
    }
    const stored = parseStored(row);
    return this.db.transaction(async (tx) => {
      const [amendment] = await tx
        .insert(taxReturns)
        .values({
          ownerId,
          incomeYear: year,
          revision: row.revision + 1,
          amendsId: row.id,
          input: stored,
          ...this.assessmentColumns(year, stored),
        })
        .returning();
      await this.audit.record(
        context,
        {
          action: 'return.amendment-started',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: amendment!.id,
          details: { amends: row.id },
        },
        tx,
      );
      return amendment!;
    });
  }

  /** An invited reviewer signs the return off; recorded as an event and audited. */
  async signOff(ownerId: string, year: IncomeYear, reviewerId: string, context: AuditContext): Promise<void> {
    const row = await this.require(ownerId, year);
    await this.db.transaction(async (tx) => {
      await tx.insert(returnEvents).values({
        returnId: row.id,
        actorId: reviewerId,
        kind: 'review.signed-off',
        detail: { version: row.version },
      });
      await this.audit.record(
        context,
        {
          action: 'return.review-signed-off',
          subjectUserId: ownerId,
          targetType: 'return',
          targetId: row.id,
          details: { version: row.version },
        },
        tx,
      );
    });
  }
}

/** What a new year starts with from last year's return. */
export function carryForward(previous: ReturnRow): StoredReturn {
  const stored = parseStored(previous);
  const assessment = (
    previous.assessment as {
      value?: { carryForward?: { taxLossesCents: number; netCapitalLossesCents: number } };
    } | null
  )?.value;
  const items: ReturnItem[] = [];
  for (const item of stored.items) {
    if (item.kind === 'employment') {
      items.push(
        returnItemSchema.parse({
          id: randomUUID(),
          kind: 'employment',
          source: 'carried-forward',
          payerName: item.payerName,
          ...(item.payerAbn ? { payerAbn: item.payerAbn } : {}),
        }),
      );
    } else if (item.kind === 'rental-property') {
      items.push(
        returnItemSchema.parse({
          id: randomUUID(),
          kind: 'rental-property',
          source: 'carried-forward',
          address: item.address,
        }),
      );
    }
  }
  return {
    sections: stored.sections,
    facts: {
      ...(stored.facts.residency ? { residency: stored.facts.residency } : {}),
      ...(assessment?.carryForward?.taxLossesCents
        ? { priorYearTaxLossesCents: assessment.carryForward.taxLossesCents }
        : {}),
      ...(assessment?.carryForward?.netCapitalLossesCents
        ? { priorYearCapitalLossesCents: assessment.carryForward.netCapitalLossesCents }
        : {}),
    },
    items,
  };
}
