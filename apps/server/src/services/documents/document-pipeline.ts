import { and, count, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import {
  analyzeDocument,
  extractFields,
  FIELD_RETURN_LABELS,
  fingerprintTransactions,
  incomeYearOf,
  layoutFromOcrWords,
  layoutFromTextItems,
  layoutText,
  parseBankFile,
  redactTfns,
  suggestDeductions,
  type DocumentLayout,
  type DocumentType,
  type ExtractedField,
  type OcrPage,
  type PdfTextPage,
  type ReturnLabelRef,
} from '@numeri/extract';
import type { BankImportSummary, DocumentTypeName, ExtractedFieldDto } from '@numeri/contracts';
import type { Logger } from 'pino';
import type { Db } from '../../adapters/db/database';
import type { OcrEngine } from '../../adapters/ocr/ocr.port';
import { PermanentJobError } from '../../adapters/queue/job-queue.port';
import { BlobNotFoundError, type BlobStore } from '../../adapters/storage/blob-store.port';
import { documents, transactions, users } from '../../db/schema';
import type { DocumentStatus } from '../../db/schema/documents.schema';
import { documentField } from '../accounts/account-data.service';
import type { UserVault } from '../accounts/user-vault';
import type { JobContext, JobResult } from '../jobs/job.service';
import { asDeductionLabel } from './document-items';
import { eventOf, type DocumentEvents } from './document-events';
import {
  isBankFile,
  manifestKey,
  pageKey,
  renderKey,
  storedOf,
  workPrefix,
  type DocumentRow,
  type StoredExtraction,
} from './document-record';
import { cleanImage, ImageRejectedError } from './image-cleaner';
import {
  MIN_TEXT_LAYER_CHARS,
  openPdf,
  PdfPasswordError,
  PdfRejectedError,
  type PdfReader,
} from './pdf-reader';

export const DOCUMENT_JOB_RETRY = { maxAttempts: 5, backoffMs: 2_000 };

type Owner = { id: string; dataKeyWrapped: string };

/** A page as read: exact text items from the PDF text layer, or OCR words. Stored sealed per page so a crash resumes at the next page. */
export type PageResult = { source: 'text'; page: PdfTextPage } | { source: 'ocr'; page: OcrPage };

/** What the password flow prepared inside its request (see DocumentService.unlock). */
export interface PreparedManifest {
  kind: 'prepared';
  pageCount: number;
}

/** The document cannot be read, whatever we try: the reason is shown to the user. */
export class DocumentRejectedError extends Error {
  constructor(
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
    this.name = 'DocumentRejectedError';
  }
}

const ACTIVE: DocumentStatus[] = ['queued', 'reading', 'extracting'];
const TEMPORARY_FAILURE =
  'Numeri could not finish reading this document because of a temporary problem. Choose "Read again" to retry.';

/** Sealing contexts: every artifact is bound to its owner, document and role. */
export const fieldOf = {
  original: (id: string) => documentField(id),
  text: (id: string) => `${documentField(id)}:text`,
  page: (id: string, n: number) => `${documentField(id)}:page:${n}`,
  render: (id: string, n: number) => `${documentField(id)}:render:${n}`,
  manifest: (id: string) => `${documentField(id)}:manifest`,
};

export interface PipelineDeps {
  db: Db;
  blobs: BlobStore;
  vault: UserVault;
  ocr: OcrEngine;
  events: DocumentEvents;
  log: Logger;
}

/**
 * The `document.process` job: reads a document (PDF text layer, else rendered pages through
 * OCR; photos cleaned and OCR'd), classifies it and extracts fields; or imports a bank file.
 *
 * Resume and replay: the document row's status is the source of truth. A run only works on a
 * document that is queued, reading or extracting; finished, failed or waiting-for-the-user
 * documents are left alone, so a replayed job changes nothing. Each page's result is stored
 * (sealed) as soon as it is read, so a crash restarts at the first unread page; the final write
 * happens in one statement guarded by the status, and bank transactions are inserted by
 * fingerprint with ON CONFLICT DO NOTHING, so a second run adds nothing.
 */
export class DocumentPipeline {
  constructor(private readonly deps: PipelineDeps) {}

  async process(documentId: string, context: Pick<JobContext, 'attempt' | 'log'>): Promise<JobResult> {
    const { db } = this.deps;
    const [row] = await db.select().from(documents).where(eq(documents.id, documentId));
    if (!row) return { skipped: 'deleted' };
    if (!ACTIVE.includes(row.status)) return { skipped: row.status };
    const [owner] = await db
      .select({ id: users.id, dataKeyWrapped: users.dataKeyWrapped })
      .from(users)
      .where(eq(users.id, row.ownerId));
    if (!owner) return { skipped: 'owner-gone' };
    try {
      await this.setState(row, { status: 'reading', progress: Math.max(row.progress, 2) });
      if (isBankFile(row)) return await this.importBankFile(row, owner);
      return await this.readDocument(row, owner, context.log);
    } catch (err) {
      if (err instanceof PdfPasswordError) {
        await this.setState(row, { status: 'needs-password', progress: 0, failureReason: null });
        return { outcome: 'needs-password' };
      }
      const reason = rejectionReason(err);
      if (reason) {
        await this.fail(row, reason);
        return { outcome: 'failed' };
      }
      if (context.attempt >= DOCUMENT_JOB_RETRY.maxAttempts) await this.fail(row, TEMPORARY_FAILURE);
      throw err;
    }
  }

  private async setState(
    row: DocumentRow,
    patch: { status?: DocumentStatus; progress?: number; failureReason?: string | null },
  ): Promise<void> {
    const [updated] = await this.deps.db
      .update(documents)
      .set(patch)
      .where(and(eq(documents.id, row.id), inArray(documents.status, [...ACTIVE, 'needs-password'])))
      .returning();
    if (updated) this.deps.events.publish(updated.ownerId, eventOf(updated));
  }

  private async fail(row: DocumentRow, reason: string): Promise<void> {
    const [updated] = await this.deps.db
      .update(documents)
      .set({ status: 'failed', failureReason: reason, progress: 100 })
      .where(and(eq(documents.id, row.id), inArray(documents.status, ACTIVE)))
      .returning();
    if (updated) this.deps.events.publish(updated.ownerId, eventOf(updated));
    await this.clearWork(row);
  }

  private async openSealed(owner: Owner, key: string, field: string): Promise<Buffer | null> {
    try {
      return await this.deps.vault.open(owner, field, await this.deps.blobs.get(key));
    } catch (err) {
      if (err instanceof BlobNotFoundError) return null;
      throw err;
    }
  }

  private async original(row: DocumentRow, owner: Owner): Promise<Buffer> {
    const bytes = await this.openSealed(owner, row.storageKey, fieldOf.original(row.id));
    if (!bytes) throw new DocumentRejectedError('The stored file is missing. Upload it again.');
    return bytes;
  }

  async clearWork(row: Pick<DocumentRow, 'ownerId' | 'id'>): Promise<void> {
    try {
      const keys = await this.deps.blobs.list(workPrefix(row.ownerId, row.id));
      for (const key of keys) await this.deps.blobs.delete(key);
    } catch (err) {
      this.deps.log.warn({ err, documentId: row.id }, 'could not remove a document’s working files');
    }
  }

  // ------------------------------------------------------------------------------------------
  // Documents: pages → layout → classification and fields
  // ------------------------------------------------------------------------------------------

  private async readDocument(row: DocumentRow, owner: Owner, log: Logger): Promise<JobResult> {
    const pages = await this.readPages(row, owner, log);
    await this.setState(row, { status: 'extracting', progress: 90 });
    const layout = layoutOf(pages);
    const stored = storedOf(row);
    const analysis = stored.forcedType
      ? {
          classification: {
            type: stored.forcedType as DocumentType,
            confidence: 1,
            reasons: ['You chose this type of document.'],
          },
          extraction: extractFields(layout, stored.forcedType as DocumentType),
        }
      : analyzeDocument(layout);
    const type = analysis.extraction.type;
    const fields = analysis.extraction.fields.map((field) => fieldDto(type, field));
    const text = redactTfns(layoutText(layout)).replace(/\f/g, '\n\f\n');
    const warnings = [...analysis.extraction.warnings];
    const ocrPages = pages.filter((p) => p.source === 'ocr').length;
    if (!text.trim())
      warnings.unshift(
        'Numeri found no text on this document. If it is a photo, take it again in good light, flat and in focus.',
      );
    const next: StoredExtraction = {
      ...stored,
      v: 1,
      classification: {
        confidence: analysis.classification.confidence,
        reasons: analysis.classification.reasons,
      },
      fields,
      warnings,
      textSource: ocrPages === 0 ? 'text-layer' : ocrPages === pages.length ? 'ocr' : 'mixed',
      suggestedDeductionLabel: type === 'receipt' ? receiptLabel(fields) : null,
    };
    const sealedText = await this.deps.vault.seal(owner, fieldOf.text(row.id), text);
    const [updated] = await this.deps.db
      .update(documents)
      .set({
        status: 'needs-review',
        progress: 100,
        documentType: type,
        pageCount: pages.length,
        incomeYear: incomeYearFromFields(fields),
        textEncrypted: sealedText,
        // Lexemes only: the search vector is made from the TFN-masked text and the text itself is stored sealed.
        searchVector: sql`to_tsvector('english', ${text})`,
        extractedFields: next,
        failureReason: null,
      })
      .where(and(eq(documents.id, row.id), inArray(documents.status, ACTIVE)))
      .returning();
    if (updated) this.deps.events.publish(updated.ownerId, eventOf(updated));
    await this.clearWork(row);
    return { outcome: 'needs-review', pages: pages.length, ocrPages, fields: fields.length };
  }

  private async readPages(row: DocumentRow, owner: Owner, log: Logger): Promise<PageResult[]> {
    const manifestBytes = await this.openSealed(
      owner,
      manifestKey(row.ownerId, row.id),
      fieldOf.manifest(row.id),
    );
    const manifest = manifestBytes ? (JSON.parse(manifestBytes.toString('utf8')) as PreparedManifest) : null;
    if (row.contentType === 'application/pdf') {
      if (manifest?.kind === 'prepared') return this.readPrepared(row, owner, manifest.pageCount);
      const reader = await openPdf(await this.original(row, owner));
      try {
        await this.setPageCount(row, reader.pageCount);
        return await this.eachPage(row, owner, reader.pageCount, (n) => this.readPdfPage(reader, n));
      } finally {
        await reader.close();
      }
    }
    const bytes = await this.original(row, owner);
    return this.eachPage(row, owner, 1, async (n) => {
      const cleaned = await cleanImage(bytes, row.contentType);
      log.debug(
        { documentId: row.id, width: cleaned.width, height: cleaned.height },
        'image cleaned for OCR',
      );
      return { source: 'ocr', page: await this.ocrPage(cleaned.png, n) };
    });
  }

  /** Pages an unlock request already read or rendered (the PDF itself stays encrypted). */
  private async readPrepared(row: DocumentRow, owner: Owner, pageCount: number): Promise<PageResult[]> {
    return this.eachPage(row, owner, pageCount, async (n) => {
      const png = await this.openSealed(owner, renderKey(row.ownerId, row.id, n), fieldOf.render(row.id, n));
      // The rendering is gone (cleared after a failure): the password is needed again.
      if (!png) throw new PdfPasswordError(false);
      return { source: 'ocr', page: await this.ocrPage(png, n) };
    });
  }

  async readPdfPage(reader: PdfReader, n: number): Promise<PageResult> {
    const text = await reader.textPage(n);
    if (text.chars >= MIN_TEXT_LAYER_CHARS) return { source: 'text', page: text.page };
    const rendered = await cleanImage(await reader.renderPage(n), 'image/png', { rendered: true });
    return { source: 'ocr', page: await this.ocrPage(rendered.png, n) };
  }

  async ocrPage(png: Buffer, n: number): Promise<OcrPage> {
    const result = await this.deps.ocr.recognize(png);
    return { page: n, width: result.width, height: result.height, words: result.words };
  }

  private async setPageCount(row: DocumentRow, pageCount: number): Promise<void> {
    if (row.pageCount !== pageCount)
      await this.deps.db.update(documents).set({ pageCount }).where(eq(documents.id, row.id));
  }

  /** Reads pages in order, keeping each result (sealed) so a restart skips what is done. */
  private async eachPage(
    row: DocumentRow,
    owner: Owner,
    pageCount: number,
    read: (n: number) => Promise<PageResult>,
  ): Promise<PageResult[]> {
    const results: PageResult[] = [];
    for (let n = 1; n <= pageCount; n += 1) {
      const key = pageKey(row.ownerId, row.id, n);
      const saved = await this.openSealed(owner, key, fieldOf.page(row.id, n));
      if (saved) {
        results.push(JSON.parse(saved.toString('utf8')) as PageResult);
        continue;
      }
      const result = await read(n);
      await this.deps.blobs.put(
        key,
        await this.deps.vault.seal(owner, fieldOf.page(row.id, n), JSON.stringify(result)),
      );
      results.push(result);
      await this.setState(row, { progress: Math.round(5 + (80 * n) / pageCount) });
    }
    return results;
  }

  // ------------------------------------------------------------------------------------------
  // Bank files: transactions, de-duplicated by fingerprint
  // ------------------------------------------------------------------------------------------

  private async importBankFile(row: DocumentRow, owner: Owner): Promise<JobResult> {
    const { db } = this.deps;
    const stored = storedOf(row);
    const bytes = await this.original(row, owner);
    const parsed = parseBankFile(bytes, {
      filename: row.originalName,
      ...(stored.mapping ? { mapping: stored.mapping } : {}),
    });
    const base = {
      format: parsed.format,
      layout: parsed.layout ?? null,
      encoding: parsed.encoding ?? null,
      errors: parsed.errors
        .slice(0, 50)
        .map((e) => ({ ...(e.line !== undefined ? { line: e.line } : {}), message: e.message })),
    };
    if (parsed.needsMapping && !stored.mapping) {
      const summary: StoredExtraction['import'] = {
        ...base,
        read: 0,
        imported: 0,
        duplicates: 0,
        suggestions: 0,
        firstDate: null,
        lastDate: null,
        needsMapping: true,
      };
      await this.finishImport(row, { ...stored, import: summary }, 'needs-review', null);
      return { outcome: 'needs-mapping' };
    }
    if (!parsed.transactions.length) {
      throw new DocumentRejectedError(
        parsed.errors[0]?.message ?? 'No transactions were found in this file.',
      );
    }
    const accountKey = stored.accountKey ?? 'default';
    const fingerprints = fingerprintTransactions(accountKey, parsed.transactions);
    const suggestions = new Map(suggestDeductions(parsed.transactions).map((s) => [s.transactionIndex, s]));
    const values = parsed.transactions.map((tx, i) => {
      const suggestion = suggestions.get(i);
      return {
        ownerId: row.ownerId,
        sourceDocumentId: row.id,
        accountKey,
        fingerprint: fingerprints[i]!,
        postedOn: tx.date,
        amountCents: tx.amountCents,
        description:
          tx.payee && !tx.description.includes(tx.payee)
            ? `${tx.description} ${tx.payee}`.trim()
            : tx.description,
        incomeYear: incomeYearOf(tx.date),
        suggestion: suggestion
          ? {
              category: suggestion.category,
              dLabel: suggestion.dLabel,
              confidence: suggestion.confidence,
              reason: suggestion.reason,
              evidenceHint: suggestion.evidenceHint,
              ruleId: suggestion.ruleId,
            }
          : null,
        category: suggestion?.category ?? null,
      };
    });
    for (let i = 0; i < values.length; i += 500) {
      await db
        .insert(transactions)
        .values(values.slice(i, i + 500))
        .onConflictDoNothing({ target: [transactions.ownerId, transactions.fingerprint] });
      await this.setState(row, {
        progress: Math.round(5 + (85 * Math.min(values.length, i + 500)) / values.length),
      });
    }
    // Counted from the table, so a replay after a crash reports the same numbers.
    const [{ imported } = { imported: 0 }] = await db
      .select({ imported: count() })
      .from(transactions)
      .where(eq(transactions.sourceDocumentId, row.id));
    const [{ suggested } = { suggested: 0 }] = await db
      .select({ suggested: count() })
      .from(transactions)
      .where(and(eq(transactions.sourceDocumentId, row.id), isNotNull(transactions.suggestion)));
    const dates = parsed.transactions.map((t) => t.date).sort();
    const summary: NonNullable<StoredExtraction['import']> = {
      ...base,
      read: parsed.transactions.length,
      imported,
      duplicates: parsed.transactions.length - imported,
      suggestions: suggested,
      firstDate: dates[0] ?? null,
      lastDate: dates.at(-1) ?? null,
      needsMapping: false,
    };
    await this.finishImport(
      row,
      { ...stored, import: summary },
      'done',
      summary.lastDate ? incomeYearOf(summary.lastDate) : null,
    );
    return { outcome: 'imported', read: summary.read, imported, duplicates: summary.duplicates };
  }

  private async finishImport(
    row: DocumentRow,
    next: StoredExtraction,
    status: DocumentStatus,
    incomeYear: string | null,
  ): Promise<void> {
    const [updated] = await this.deps.db
      .update(documents)
      .set({
        status,
        progress: 100,
        documentType: 'bank-statement',
        incomeYear,
        extractedFields: next,
        failureReason: null,
        pageCount: null,
      })
      .where(and(eq(documents.id, row.id), inArray(documents.status, ACTIVE)))
      .returning();
    if (updated) this.deps.events.publish(updated.ownerId, eventOf(updated));
  }
}

export function layoutOf(pages: readonly PageResult[]): DocumentLayout {
  const text = layoutFromTextItems(pages.flatMap((p) => (p.source === 'text' ? [p.page] : [])));
  const ocr = layoutFromOcrWords(pages.flatMap((p) => (p.source === 'ocr' ? [p.page] : [])));
  return { pages: [...text.pages, ...ocr.pages].sort((a, b) => a.page - b.page) };
}

export function fieldDto(type: DocumentType, field: ExtractedField): ExtractedFieldDto {
  const labels = FIELD_RETURN_LABELS[type] as Partial<Record<string, ReturnLabelRef>>;
  return {
    key: field.key,
    label: field.label,
    valueType: field.valueType,
    value: field.value,
    raw: field.raw,
    confidence: field.confidence,
    region: field.region,
    ...(field.row !== undefined ? { row: field.row } : {}),
    returnLabel: labels[field.key] ?? null,
  };
}

/** The income year a document belongs to, from the most telling date on it. */
export function incomeYearFromFields(
  fields: readonly Pick<ExtractedFieldDto, 'key' | 'value'>[],
): string | null {
  for (const key of ['periodEnd', 'paymentDate', 'date', 'periodStart', 'recordDate']) {
    const value = fields.find((f) => f.key === key)?.value;
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return incomeYearOf(value);
  }
  return null;
}

/** A receipt's likely deduction label, from the supplier's name (the user confirms it). */
export function receiptLabel(fields: readonly ExtractedFieldDto[]) {
  const supplier = fields.find((f) => f.key === 'supplierName')?.value;
  const total = fields.find((f) => f.key === 'total')?.value;
  if (typeof supplier !== 'string') return 'D5' as const;
  const [suggestion] = suggestDeductions([
    { description: supplier, amountCents: -(typeof total === 'number' && total > 0 ? total : 100) },
  ]);
  return asDeductionLabel(suggestion?.dLabel) ?? 'D5';
}

/** Plain-English reason for a failure no retry can fix; undefined for one that may pass. */
export function rejectionReason(err: unknown): string | undefined {
  if (
    err instanceof DocumentRejectedError ||
    err instanceof PdfRejectedError ||
    err instanceof ImageRejectedError
  )
    return err.reason;
  if (err instanceof PermanentJobError) return 'This document could not be read.';
  return undefined;
}

export type { DocumentTypeName, BankImportSummary };
