import type { ReturnItem, ReturnItemInput } from '@numeri/contracts';
import type { IncomeYear } from '@numeri/tax-engine';
import type { AuditContext } from '../audit/audit.service';

/** What documents and transactions need from the returns service (services/returns). */
export interface ReturnsPort {
  replaceDocumentItems(
    ownerId: string,
    year: IncomeYear,
    documentId: string,
    items: ReturnItemInput[],
    context: AuditContext,
  ): Promise<unknown>;
  removeDocumentItems(ownerId: string, documentId: string, context: AuditContext): Promise<void>;
  upsertItems(
    ownerId: string,
    year: IncomeYear,
    items: ReturnItemInput[],
    context: AuditContext,
  ): Promise<unknown>;
  removeItems(ownerId: string, year: IncomeYear, itemIds: string[], context: AuditContext): Promise<void>;
  /** The items of that year's return while it can still change (empty when none or lodged). */
  editableItems(ownerId: string, year: IncomeYear): Promise<ReturnItem[]>;
}
