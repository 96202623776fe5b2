import type {
  BankImportSummary,
  CsvColumnMappingDto,
  DeductionLabel,
  DocumentDto,
  DocumentTypeName,
  ExtractedFieldDto,
} from '@numeri/contracts';
import type { documents } from '../../db/schema';

export type DocumentRow = typeof documents.$inferSelect;

/** Bank exports are imported into transactions; everything else is read and reviewed. */
export const BANK_FILE_TYPES = new Set(['text/csv', 'application/x-ofx', 'application/x-qif']);
export const isBankFile = (row: Pick<DocumentRow, 'contentType'>) => BANK_FILE_TYPES.has(row.contentType);

/**
 * What the `extracted_fields` column holds: the reading's results (never a TFN: packages/extract
 * masks them before extraction) and, once reviewed, what the user confirmed.
 */
export interface StoredExtraction {
  v: 1;
  classification?: { confidence: number; reasons: string[] } | undefined;
  fields?: ExtractedFieldDto[] | undefined;
  warnings?: string[] | undefined;
  textSource?: 'text-layer' | 'ocr' | 'mixed' | undefined;
  suggestedDeductionLabel?: DeductionLabel | null | undefined;
  /** A type the user chose when asking for the document to be read again. */
  forcedType?: DocumentTypeName | undefined;
  /** Bank files: the import's outcome, the account it belongs to and a user's column mapping. */
  import?: Omit<BankImportSummary, 'mappingPreview'> | undefined;
  accountKey?: string | undefined;
  mapping?: CsvColumnMappingDto | undefined;
  confirmed?:
    | {
        at: string;
        incomeYear: string;
        deduction?:
          | {
              label?: DeductionLabel | undefined;
              description?: string | undefined;
              workUseBasisPoints?: number | undefined;
            }
          | undefined;
      }
    | undefined;
}

export function storedOf(row: Pick<DocumentRow, 'extractedFields'>): StoredExtraction {
  const value = row.extractedFields as StoredExtraction | null;
  return value && typeof value === 'object' && value.v === 1 ? value : { v: 1 };
}

export function toDocumentDto(
  row: DocumentRow,
  extra: { duplicateOf?: string; mappingPreview?: BankImportSummary['mappingPreview'] } = {},
): DocumentDto {
  const stored = storedOf(row);
  const dto: DocumentDto = {
    id: row.id,
    ownerId: row.ownerId,
    originalName: row.originalName,
    contentType: row.contentType,
    kind: isBankFile(row) ? 'bank-file' : 'document',
    sizeBytes: row.sizeBytes,
    documentType: (row.documentType as DocumentTypeName | null) ?? null,
    status: row.status,
    progress: row.progress,
    incomeYear: row.incomeYear,
    pageCount: row.pageCount,
    failureReason: row.failureReason,
    fields: stored.fields ?? [],
    classification: stored.classification ?? null,
    warnings: stored.warnings ?? [],
    textSource: stored.textSource ?? null,
    suggestedDeductionLabel: stored.suggestedDeductionLabel ?? null,
    import: stored.import
      ? { ...stored.import, ...(extra.mappingPreview ? { mappingPreview: extra.mappingPreview } : {}) }
      : null,
    confirmedAt: stored.confirmed?.at ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
  if (extra.duplicateOf) dto.duplicateOf = extra.duplicateOf;
  return dto;
}

/** Blob keys: every file of a document lives under one prefix, so deleting it removes them all. */
export const documentPrefix = (ownerId: string, documentId: string) => `documents/${ownerId}/${documentId}`;
export const originalKey = (ownerId: string, documentId: string) =>
  `${documentPrefix(ownerId, documentId)}/original`;
export const pageKey = (ownerId: string, documentId: string, page: number) =>
  `${documentPrefix(ownerId, documentId)}/work/page-${String(page).padStart(4, '0')}.json`;
export const renderKey = (ownerId: string, documentId: string, page: number) =>
  `${documentPrefix(ownerId, documentId)}/work/render-${String(page).padStart(4, '0')}.png`;
export const manifestKey = (ownerId: string, documentId: string) =>
  `${documentPrefix(ownerId, documentId)}/work/manifest.json`;
export const workPrefix = (ownerId: string, documentId: string) =>
  `${documentPrefix(ownerId, documentId)}/work/`;
