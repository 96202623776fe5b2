import { createHash, randomUUID } from 'node:crypto';
import { and, desc, eq, inArray, lt, notInArray, or, sql, type SQL } from 'drizzle-orm';
import {
  FIELD_DEFINITIONS,
  FIELD_KEYS_BY_TYPE,
  FIELD_RETURN_LABELS,
  parseCsvWithMapping,
  parseBankFile,
  type FieldKey,
  type ReturnLabelRef,
} from '@numeri/extract';
import type {
  BankImportSummary,
  ConfirmDocumentRequest,
  CsvColumnMappingDto,
  DocumentDto,
  DocumentListQuery,
  DocumentTypeName,
  ExtractedFieldDto,
  ReturnItemInput,
} from '@numeri/contracts';
import { returnItemSchema } from '@numeri/contracts';
import { isIncomeYear, type IncomeYear } from '@numeri/tax-engine';
import type { Logger } from 'pino';
import { readerFor, type Db } from '../../adapters/db/database';
import type { BlobStore } from '../../adapters/storage/blob-store.port';
import { documents, transactions, users } from '../../db/schema';
import { AppError, type FieldError } from '../../errors/app-error';
import type { AuditContext, AuditService } from '../audit/audit.service';
import type { UserVault } from '../accounts/user-vault';
import type { JobService } from '../jobs/job.service';
import type { TransactionsService } from '../transactions/transactions.service';
import { documentToReturnItems } from './document-items';
import { eventOf, type DocumentEvents } from './document-events';
import {
  fieldOf,
  incomeYearFromFields,
  receiptLabel,
  type DocumentPipeline,
  type PreparedManifest,
} from './document-pipeline';
import {
  BANK_FILE_TYPES,
  documentPrefix,
  isBankFile,
  manifestKey,
  originalKey,
  pageKey,
  renderKey,
  storedOf,
  toDocumentDto,
  type DocumentRow,
  type StoredExtraction,
} from './document-record';
import { detectFileType } from './file-type';
import { cleanImage } from './image-cleaner';
import { MIN_TEXT_LAYER_CHARS, openPdf, PdfPasswordError, PdfRejectedError } from './pdf-reader';
import type { ReturnsPort } from './returns-port';

type Owner = { id: string; dataKeyWrapped: string };

const isUniqueViolation = (err: unknown) =>
  String((err as { cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code) === '23505';

/** A name that is safe to show, store and put in a Content-Disposition header. */
export function safeFileName(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f"<>|*?]/g, '')
    .trim()
    .slice(0, 200);
  return cleaned || 'document';
}

const encodeCursor = (row: DocumentRow) =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString('base64url');
function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const createdAt = new Date(at ?? '');
  if (!id || Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/i.test(id))
    throw new AppError('BAD_REQUEST', 'The cursor is not valid');
  return { createdAt, id };
}

/** ts_headline marks matches with these control characters; the snippet is split on them. */
const START = '\u0001';
const STOP = '\u0002';

export interface DocumentServiceDeps {
  db: Db;
  blobs: BlobStore;
  vault: UserVault;
  audit: AuditService;
  jobs: JobService;
  events: DocumentEvents;
  pipeline: DocumentPipeline;
  returns: ReturnsPort;
  transactions: TransactionsService;
  log: Logger;
}

/**
 * Documents: upload, list, read, search, unlock, review and delete. Every query is scoped to
 * an owner the caller resolved (AccessService for reviewers); another owner's document id gets
 * the same 404 as an id that never existed.
 */
export class DocumentService {
  constructor(private readonly deps: DocumentServiceDeps) {}

  private get db() {
    return this.deps.db;
  }

  async owner(ownerId: string): Promise<Owner> {
    const [owner] = await this.db
      .select({ id: users.id, dataKeyWrapped: users.dataKeyWrapped })
      .from(users)
      .where(eq(users.id, ownerId));
    if (!owner) throw new AppError('NOT_FOUND', 'Not found');
    return owner;
  }

  async require(ownerId: string, id: string): Promise<DocumentRow> {
    const [row] = await this.db
      .select()
      .from(documents)
      .where(and(eq(documents.id, id), eq(documents.ownerId, ownerId)));
    if (!row) throw new AppError('NOT_FOUND', 'No such document');
    return row;
  }

  // ------------------------------------------------------------------------------------------
  // Upload
  // ------------------------------------------------------------------------------------------

  /**
   * Stores an upload sealed under the owner's data key and queues it for reading. The type comes
   * from the bytes; the same bytes uploaded again (SHA-256) return the existing document.
   */
  async upload(
    owner: Owner,
    file: { filename: string | undefined; bytes: Buffer; account?: string | undefined },
    context: AuditContext,
  ): Promise<{ document: DocumentDto; created: boolean }> {
    const detected = detectFileType(file.bytes, file.filename);
    if (!detected.ok) {
      await this.deps.audit.record(context, {
        action: 'document.upload-rejected',
        outcome: 'failure',
        details: { sizeBytes: file.bytes.length, reason: detected.reason.slice(0, 120) },
      });
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', detected.reason);
    }
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const existing = await this.bySha(owner.id, sha256);
    if (existing) return { document: toDocumentDto(existing, { duplicateOf: existing.id }), created: false };

    const id = randomUUID();
    const storageKey = originalKey(owner.id, id);
    await this.deps.blobs.put(
      storageKey,
      await this.deps.vault.seal(owner, fieldOf.original(id), file.bytes),
    );
    const stored: StoredExtraction = {
      v: 1,
      ...(detected.kind === 'bank-file' && file.account ? { accountKey: file.account } : {}),
    };
    try {
      const { row, job } = await this.db.transaction(async (tx) => {
        const [row] = await tx
          .insert(documents)
          .values({
            id,
            ownerId: owner.id,
            originalName: safeFileName(file.filename),
            contentType: detected.contentType,
            sizeBytes: file.bytes.length,
            sha256,
            storageKey,
            status: 'queued',
            progress: 0,
            extractedFields: stored,
          })
          .returning();
        await this.deps.audit.record(
          context,
          {
            action: 'document.uploaded',
            targetType: 'document',
            targetId: id,
            details: { contentType: detected.contentType, sizeBytes: file.bytes.length },
          },
          tx,
        );
        const job = await this.deps.jobs.record(tx, 'document.process', { documentId: id });
        return { row: row!, job };
      });
      await this.deps.jobs.dispatch(job);
      this.deps.events.publish(owner.id, eventOf(row));
      return { document: toDocumentDto(row), created: true };
    } catch (err) {
      await this.deps.blobs.delete(storageKey).catch(() => undefined);
      if (isUniqueViolation(err)) {
        const raced = await this.bySha(owner.id, sha256);
        if (raced) return { document: toDocumentDto(raced, { duplicateOf: raced.id }), created: false };
      }
      throw err;
    }
  }

  private async bySha(ownerId: string, sha256: string): Promise<DocumentRow | undefined> {
    const [row] = await this.db
      .select()
      .from(documents)
      .where(and(eq(documents.ownerId, ownerId), eq(documents.sha256, sha256)));
    return row;
  }

  // ------------------------------------------------------------------------------------------
  // Reading
  // ------------------------------------------------------------------------------------------

  async list(
    ownerId: string,
    query: DocumentListQuery,
  ): Promise<{ items: DocumentDto[]; nextCursor: string | null }> {
    const where: SQL[] = [eq(documents.ownerId, ownerId)];
    if (query.type) where.push(eq(documents.documentType, query.type));
    if (query.incomeYear) where.push(eq(documents.incomeYear, query.incomeYear));
    if (query.status) where.push(eq(documents.status, query.status));
    if (query.kind === 'bank-file') where.push(inArray(documents.contentType, [...BANK_FILE_TYPES]));
    if (query.kind === 'document') where.push(notInArray(documents.contentType, [...BANK_FILE_TYPES]));
    if (query.cursor) {
      const c = decodeCursor(query.cursor);
      where.push(
        or(
          lt(documents.createdAt, c.createdAt),
          and(eq(documents.createdAt, c.createdAt), lt(documents.id, c.id)),
        )!,
      );
    }
    // Lists and search may come from a read replica (the owner's own fresh writes stay on the primary).
    const reader = await readerFor(this.db, ownerId);
    const rows = await reader
      .select()
      .from(documents)
      .where(and(...where))
      .orderBy(desc(documents.createdAt), desc(documents.id))
      .limit(query.limit + 1);
    const page = rows.slice(0, query.limit);
    return {
      items: page.map((row) => toDocumentDto(row)),
      nextCursor: rows.length > query.limit ? encodeCursor(page.at(-1)!) : null,
    };
  }

  async get(ownerId: string, id: string): Promise<DocumentDto> {
    const row = await this.require(ownerId, id);
    const stored = storedOf(row);
    if (isBankFile(row) && stored.import?.needsMapping) {
      // The header and a few rows to choose columns from: read from the sealed file on demand, never stored.
      const bytes = await this.open(row);
      const parsed = parseBankFile(bytes, { filename: row.originalName });
      if (parsed.needsMapping)
        return toDocumentDto(row, {
          mappingPreview: {
            headers: parsed.needsMapping.headers.slice(0, 50),
            sample: parsed.needsMapping.sample.slice(0, 5),
          },
        });
    }
    return toDocumentDto(row);
  }

  private async open(row: DocumentRow): Promise<Buffer> {
    return this.deps.vault.open(
      await this.owner(row.ownerId),
      fieldOf.original(row.id),
      await this.deps.blobs.get(row.storageKey),
    );
  }

  /** The original file, decrypted; every download is audited. */
  async file(
    ownerId: string,
    id: string,
    context: AuditContext,
  ): Promise<{ bytes: Buffer; contentType: string; filename: string }> {
    const row = await this.require(ownerId, id);
    const bytes = await this.open(row);
    await this.deps.audit.record(context, {
      action: 'document.downloaded',
      subjectUserId: ownerId,
      targetType: 'document',
      targetId: id,
    });
    return { bytes, contentType: row.contentType, filename: row.originalName };
  }

  /**
   * Full-text search over one owner's documents. Ranking uses the stored search vector; the
   * snippet is made by decrypting each hit's text and passing it to ts_headline as a bound
   * parameter, so plain text is never stored.
   */
  async search(ownerId: string, q: string, limit: number) {
    const query = sql`websearch_to_tsquery('english', ${q})`;
    const hits = await (
      await readerFor(this.db, ownerId)
    )
      .select({ row: documents, rank: sql<number>`ts_rank(${documents.searchVector}, ${query})` })
      .from(documents)
      .where(and(eq(documents.ownerId, ownerId), sql`${documents.searchVector} @@ ${query}`))
      .orderBy(sql`ts_rank(${documents.searchVector}, ${query}) desc`, desc(documents.createdAt))
      .limit(limit);
    if (!hits.length) return { items: [] };
    const owner = await this.owner(ownerId);
    const items = [];
    for (const { row, rank } of hits) {
      let snippet: { text: string; match: boolean }[] = [];
      if (row.textEncrypted) {
        const plain = (await this.deps.vault.openText(owner, fieldOf.text(row.id), row.textEncrypted))
          .replaceAll(START, ' ')
          .replaceAll(STOP, ' ')
          .replaceAll('\f', ' ');
        const result = await this.db.execute<{ headline: string }>(
          sql`select ts_headline('english', ${plain}, ${query}, ${`StartSel=${START}, StopSel=${STOP}, MaxFragments=2, MaxWords=20, MinWords=6, FragmentDelimiter=" … "`}) as headline`,
        );
        const rows = (Array.isArray(result) ? result : (result as { rows: { headline: string }[] }).rows) as {
          headline: string;
        }[];
        snippet = toSegments(rows[0]?.headline ?? '');
      }
      items.push({ document: toDocumentDto(row), rank: Number(rank), snippet });
    }
    return { items };
  }

  // ------------------------------------------------------------------------------------------
  // Password-protected PDFs
  // ------------------------------------------------------------------------------------------

  /**
   * Reads an encrypted PDF with the password the user typed. The password lives only in this
   * request: the text layer is read (or, for scanned pages, each page is drawn) here and now, and
   * only those results are stored, sealed under the owner's key, for the job to continue from.
   * The password is never stored, logged, or put into a job payload, and the stored PDF stays
   * encrypted as uploaded.
   */
  async unlock(owner: Owner, id: string, password: string, context: AuditContext): Promise<DocumentDto> {
    const row = await this.require(owner.id, id);
    if (row.status !== 'needs-password')
      throw new AppError('CONFLICT', 'This document is not waiting for a password.');
    const bytes = await this.open(row);
    let reader;
    try {
      reader = await openPdf(bytes, { password });
    } catch (err) {
      if (err instanceof PdfPasswordError) {
        await this.deps.audit.record(context, {
          action: 'document.unlock',
          outcome: 'failure',
          targetType: 'document',
          targetId: id,
        });
        throw new AppError('VALIDATION_FAILED', 'That password does not open this PDF', {
          fieldErrors: [{ field: 'password', message: 'is not right for this PDF' }],
        });
      }
      if (err instanceof PdfRejectedError) throw new AppError('VALIDATION_FAILED', err.reason);
      throw err;
    }
    try {
      for (let n = 1; n <= reader.pageCount; n += 1) {
        const text = await reader.textPage(n);
        if (text.chars >= MIN_TEXT_LAYER_CHARS) {
          const result = { source: 'text' as const, page: text.page };
          await this.deps.blobs.put(
            pageKey(owner.id, id, n),
            await this.deps.vault.seal(owner, fieldOf.page(id, n), JSON.stringify(result)),
          );
        } else {
          const cleaned = await cleanImage(await reader.renderPage(n), 'image/png', { rendered: true });
          await this.deps.blobs.put(
            renderKey(owner.id, id, n),
            await this.deps.vault.seal(owner, fieldOf.render(id, n), cleaned.png),
          );
        }
      }
      const manifest: PreparedManifest = { kind: 'prepared', pageCount: reader.pageCount };
      await this.deps.blobs.put(
        manifestKey(owner.id, id),
        await this.deps.vault.seal(owner, fieldOf.manifest(id), JSON.stringify(manifest)),
      );
    } catch (err) {
      if (err instanceof PdfRejectedError) throw new AppError('VALIDATION_FAILED', err.reason);
      throw err;
    } finally {
      await reader.close();
    }
    return this.requeue(
      row,
      { status: 'needs-password' },
      context,
      'document.unlocked',
      { pageCount: reader.pageCount },
      (s) => s,
    );
  }

  /** Moves a document back to queued (guarded by its current status) and records the job, in one transaction. */
  private async requeue(
    row: DocumentRow,
    guard: { status: DocumentRow['status'] | DocumentRow['status'][] },
    context: AuditContext,
    action: string,
    details: Record<string, unknown>,
    change: (stored: StoredExtraction) => StoredExtraction,
  ): Promise<DocumentDto> {
    const allowed = Array.isArray(guard.status) ? guard.status : [guard.status];
    const { updated, job } = await this.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(documents)
        .set({ status: 'queued', progress: 0, failureReason: null, extractedFields: change(storedOf(row)) })
        .where(and(eq(documents.id, row.id), inArray(documents.status, allowed)))
        .returning();
      if (!updated)
        throw new AppError('CONFLICT', 'This document changed meanwhile. Reload it and try again.');
      await this.deps.audit.record(
        context,
        { action, targetType: 'document', targetId: row.id, details },
        tx,
      );
      const job = await this.deps.jobs.record(tx, 'document.process', { documentId: row.id });
      return { updated, job };
    });
    await this.deps.jobs.dispatch(job);
    this.deps.events.publish(updated.ownerId, eventOf(updated));
    return toDocumentDto(updated);
  }

  // ------------------------------------------------------------------------------------------
  // Bank file column mapping, reading again
  // ------------------------------------------------------------------------------------------

  async setMapping(
    owner: Owner,
    id: string,
    mapping: CsvColumnMappingDto,
    context: AuditContext,
  ): Promise<DocumentDto> {
    const row = await this.require(owner.id, id);
    if (row.contentType !== 'text/csv')
      throw new AppError('CONFLICT', 'Only CSV files have columns to choose.');
    if (!['needs-review', 'failed', 'done'].includes(row.status))
      throw new AppError('CONFLICT', 'This file is still being read.');
    const trial = parseCsvWithMapping(await this.open(row), mapping);
    if (!trial.transactions.length) {
      throw new AppError(
        'VALIDATION_FAILED',
        trial.errors[0]?.message ??
          'No transactions could be read with these columns. Check the date and amount columns.',
      );
    }
    return this.requeue(
      row,
      { status: ['needs-review', 'failed', 'done'] },
      context,
      'document.mapped',
      { columns: Object.keys(mapping).length },
      (s) => ({ ...s, mapping }),
    );
  }

  /** Reads a document again (optionally as a given type). Its items leave the return until it is confirmed again. */
  async reprocess(
    owner: Owner,
    id: string,
    documentType: DocumentTypeName | undefined,
    context: AuditContext,
  ): Promise<DocumentDto> {
    const row = await this.require(owner.id, id);
    if (!['needs-review', 'failed', 'done'].includes(row.status))
      throw new AppError('CONFLICT', 'This document is being read or waits for its password.');
    if (storedOf(row).confirmed) {
      await this.deps.returns.removeDocumentItems(owner.id, id, context);
      await this.deps.transactions.refreshClaimsCiting(owner.id, id, context);
    }
    return this.requeue(
      row,
      { status: ['needs-review', 'failed', 'done'] },
      context,
      'document.reprocess',
      { documentType: documentType ?? null },
      ({ confirmed: _c, forcedType: _f, ...s }) => ({
        ...s,
        ...(documentType ? { forcedType: documentType } : {}),
      }),
    );
  }

  // ------------------------------------------------------------------------------------------
  // Review: confirm or correct, then apply to the return
  // ------------------------------------------------------------------------------------------

  async confirm(owner: Owner, id: string, body: ConfirmDocumentRequest, context: AuditContext) {
    const row = await this.require(owner.id, id);
    if (isBankFile(row))
      throw new AppError('CONFLICT', 'Bank files are reviewed transaction by transaction.');
    if (!['needs-review', 'done'].includes(row.status))
      throw new AppError('CONFLICT', 'This document has not been read yet.');
    const stored = storedOf(row);
    const type = (body.documentType ?? row.documentType ?? 'other') as DocumentTypeName;
    const { fields, errors, corrections } = applyCorrections(type, stored.fields ?? [], body.fields);
    if (errors.length)
      throw new AppError('VALIDATION_FAILED', 'Some values are not valid', { fieldErrors: errors });

    const year = body.incomeYear ?? incomeYearFromFields(fields) ?? row.incomeYear;
    if (!year || !isIncomeYear(year)) {
      throw new AppError('VALIDATION_FAILED', 'Choose the income year this document belongs to', {
        fieldErrors: [
          {
            field: 'incomeYear',
            message: year
              ? `Numeri does not prepare returns for ${year}`
              : 'is required (no date was found on the document)',
          },
        ],
      });
    }
    const suggested = type === 'receipt' ? (stored.suggestedDeductionLabel ?? receiptLabel(fields)) : null;
    // A receipt attached to a claimed bank transaction is that claim's evidence, not a second deduction.
    const citedByClaim =
      type === 'receipt' &&
      (
        await this.db
          .select({ id: transactions.id })
          .from(transactions)
          .where(
            and(
              eq(transactions.ownerId, owner.id),
              eq(transactions.evidenceDocumentId, id),
              eq(transactions.reviewStatus, 'claimed'),
            ),
          )
          .limit(1)
      ).length > 0;
    const mapped = citedByClaim
      ? { ok: true as const, items: [] as ReturnItemInput[] }
      : documentToReturnItems({
          id,
          documentType: type,
          originalName: row.originalName,
          fields,
          deduction: body.deduction,
          suggestedDeductionLabel: suggested,
        });
    if (!mapped.ok)
      throw new AppError(
        'VALIDATION_FAILED',
        'Some values are needed before this document can go on your return',
        { fieldErrors: mapped.errors },
      );

    await this.assertNotAlreadyOnReturn(owner.id, year, id, mapped.items);
    if (stored.confirmed && stored.confirmed.incomeYear !== year)
      await this.deps.returns.removeDocumentItems(owner.id, id, context);
    await this.deps.returns.replaceDocumentItems(owner.id, year, id, mapped.items, context);
    await this.deps.transactions.refreshClaimsCiting(owner.id, id, context);

    const next: StoredExtraction = {
      ...stored,
      fields,
      suggestedDeductionLabel: suggested,
      confirmed: {
        at: new Date().toISOString(),
        incomeYear: year,
        ...(body.deduction ? { deduction: body.deduction } : {}),
      },
    };
    const updated = await this.db.transaction(async (tx) => {
      const [updated] = await tx
        .update(documents)
        .set({ status: 'done', documentType: type, incomeYear: year, extractedFields: next })
        .where(and(eq(documents.id, id), eq(documents.ownerId, owner.id)))
        .returning();
      await this.deps.audit.record(
        context,
        {
          action: 'document.confirmed',
          targetType: 'document',
          targetId: id,
          details: { documentType: type, incomeYear: year, corrections, items: mapped.items.length },
        },
        tx,
      );
      return updated!;
    });
    this.deps.events.publish(owner.id, eventOf(updated));
    return { document: toDocumentDto(updated), incomeYear: year, itemsApplied: mapped.items.length };
  }

  /**
   * The same statement can arrive as two different files (a re-download, a password-protected
   * copy). Identical figures from another document already on the return would be counted twice.
   */
  private async assertNotAlreadyOnReturn(
    ownerId: string,
    year: IncomeYear,
    documentId: string,
    items: ReturnItemInput[],
  ): Promise<void> {
    if (!items.length) return;
    const signature = (item: Record<string, unknown>) => {
      const { id: _id, evidence: _evidence, source: _source, note: _note, ...figures } = item;
      return JSON.stringify(
        Object.keys(figures)
          .sort()
          .map((key) => [key, figures[key]]),
      );
    };
    const incoming = new Set(
      items.map((item) => signature(returnItemSchema.parse(item) as Record<string, unknown>)),
    );
    for (const existing of await this.deps.returns.editableItems(ownerId, year)) {
      const other = existing.evidence.find((e) => e.documentId !== documentId);
      if (
        other &&
        !existing.evidence.some((e) => e.documentId === documentId) &&
        incoming.has(signature(existing as Record<string, unknown>))
      ) {
        throw new AppError(
          'CONFLICT',
          `These figures are already on your ${year} return from ${other.label ?? 'another document'}. Counting them twice would overstate your return; delete one of the two documents if they are the same statement.`,
        );
      }
    }
  }

  // ------------------------------------------------------------------------------------------
  // Delete
  // ------------------------------------------------------------------------------------------

  /** Removes the file, its text and search vector, the transactions imported from it and its return items. */
  async delete(owner: Owner, id: string, context: AuditContext): Promise<void> {
    const row = await this.require(owner.id, id);
    await this.deps.returns.removeDocumentItems(owner.id, id, context);
    const citing = await this.db
      .select()
      .from(transactions)
      .where(
        and(
          eq(transactions.ownerId, owner.id),
          eq(transactions.evidenceDocumentId, id),
          eq(transactions.reviewStatus, 'claimed'),
        ),
      );
    const removed = await this.db.transaction(async (tx) => {
      const gone = await tx
        .delete(transactions)
        .where(and(eq(transactions.ownerId, owner.id), eq(transactions.sourceDocumentId, id)))
        .returning({ id: transactions.id });
      await tx.delete(documents).where(and(eq(documents.id, id), eq(documents.ownerId, owner.id)));
      await this.deps.audit.record(
        context,
        {
          action: 'document.deleted',
          targetType: 'document',
          targetId: id,
          details: { contentType: row.contentType, transactionsRemoved: gone.length },
        },
        tx,
      );
      return gone.length;
    });
    // Claims that cited this document as their receipt stay claimed, now without it.
    const stillThere = citing
      .filter((t) => t.sourceDocumentId !== id)
      .map((t) => ({ ...t, evidenceDocumentId: null }));
    if (stillThere.length) await this.deps.transactions.reapply(owner.id, stillThere, context);
    await this.removeFiles(owner.id, id);
    this.deps.events.publish(owner.id, { ...eventOf(row), deleted: true });
    this.deps.log.info({ documentId: id, transactionsRemoved: removed }, 'document deleted');
  }

  private async removeFiles(ownerId: string, id: string): Promise<void> {
    const keys = await this.deps.blobs.list(`${documentPrefix(ownerId, id)}/`);
    for (const key of new Set([...keys, originalKey(ownerId, id)])) await this.deps.blobs.delete(key);
  }
}

/** Splits a ts_headline result into plain segments, marking the matched words. */
export function toSegments(headline: string): { text: string; match: boolean }[] {
  const segments: { text: string; match: boolean }[] = [];
  for (const part of headline.split(START)) {
    const [match, rest] = part.includes(STOP) ? (part.split(STOP, 2) as [string, string]) : [undefined, part];
    if (match) segments.push({ text: match, match: true });
    if (rest) segments.push({ text: rest.replace(/\s+/g, ' '), match: false });
  }
  return segments;
}

/** Applies the user's corrections to the extracted fields, validating each against its type. */
export function applyCorrections(
  type: DocumentTypeName,
  extracted: readonly ExtractedFieldDto[],
  corrections: ConfirmDocumentRequest['fields'],
): { fields: ExtractedFieldDto[]; errors: FieldError[]; corrections: number } {
  const allowed = FIELD_KEYS_BY_TYPE[type] as readonly string[];
  const labels = FIELD_RETURN_LABELS[type] as Partial<Record<string, ReturnLabelRef>>;
  const fields = extracted
    .filter((f) => allowed.includes(f.key))
    .map((f) => ({ ...f, returnLabel: labels[f.key] ?? null }));
  const errors: FieldError[] = [];
  for (const correction of corrections) {
    const name = correction.row !== undefined ? `${correction.key}[${correction.row}]` : correction.key;
    if (!allowed.includes(correction.key)) {
      errors.push({ field: name, message: `is not a field of a ${type.replaceAll('-', ' ')}` });
      continue;
    }
    const key = correction.key as FieldKey;
    const index = fields.findIndex((f) => f.key === key && (f.row ?? 0) === (correction.row ?? 0));
    if (correction.value === null) {
      if (index >= 0) fields.splice(index, 1);
      continue;
    }
    const def = FIELD_DEFINITIONS[key];
    const value = validValue(def.valueType, correction.value);
    if (value === undefined) {
      errors.push({ field: name, message: VALUE_HINTS[def.valueType] });
      continue;
    }
    const next: ExtractedFieldDto = {
      key,
      label: def.label,
      valueType: def.valueType,
      value,
      raw: index >= 0 ? fields[index]!.raw : '',
      confidence: 1,
      region: index >= 0 ? fields[index]!.region : null,
      ...(correction.row !== undefined ? { row: correction.row } : {}),
      returnLabel: labels[key] ?? null,
      corrected: true,
    };
    if (index >= 0) fields[index] = next;
    else fields.push(next);
  }
  return { fields, errors, corrections: corrections.length };
}

const VALUE_HINTS = {
  money: 'must be an amount in whole cents',
  integer: 'must be a whole number',
  date: 'must be a date written YYYY-MM-DD',
  abn: 'must be an ABN of 11 digits',
  text: 'must be text of up to 200 characters',
} as const;

function validValue(type: keyof typeof VALUE_HINTS, value: string | number): string | number | undefined {
  switch (type) {
    case 'money':
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) ? value : undefined;
    case 'date': {
      if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return undefined;
      const d = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value ? value : undefined;
    }
    case 'abn': {
      const digits = String(value).replace(/\s/g, '');
      return /^\d{11}$/.test(digits) ? digits : undefined;
    }
    case 'text': {
      const text = String(value).trim();
      return text && text.length <= 200 ? text : undefined;
    }
  }
}

export type { BankImportSummary };
