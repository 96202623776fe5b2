import type { DocumentDto, ExtractedFieldDto, TransactionDto } from '@numeri/contracts';
import { vi } from 'vitest';
import { USER_ID } from '../../test/api-mock';

/** Test doubles for the documents pages: documents, fields, transactions, XHR and EventSource. */

let sequence = 0;
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function documentFixture(overrides: Partial<DocumentDto> = {}): DocumentDto {
  sequence += 1;
  return {
    id: uuid(sequence),
    ownerId: USER_ID,
    originalName: 'payslip.pdf',
    contentType: 'application/pdf',
    kind: 'document',
    sizeBytes: 120_000,
    documentType: null,
    status: 'queued',
    progress: 0,
    incomeYear: null,
    pageCount: null,
    failureReason: null,
    fields: [],
    classification: null,
    warnings: [],
    textSource: null,
    suggestedDeductionLabel: null,
    import: null,
    confirmedAt: null,
    createdAt: '2025-07-03T01:00:00.000Z',
    updatedAt: '2025-07-03T01:00:00.000Z',
    ...overrides,
  };
}

export function fieldFixture(
  overrides: Partial<ExtractedFieldDto> & Pick<ExtractedFieldDto, 'key'>,
): ExtractedFieldDto {
  return {
    label: overrides.key,
    valueType: 'text',
    value: '',
    raw: '',
    confidence: 0.97,
    region: null,
    returnLabel: null,
    ...overrides,
  };
}

export function transactionFixture(overrides: Partial<TransactionDto> = {}): TransactionDto {
  sequence += 1;
  return {
    id: uuid(sequence),
    sourceDocumentId: null,
    accountKey: 'default',
    postedOn: '2024-09-12',
    amountCents: -4_550,
    description: 'OFFICEWORKS 0123 MELBOURNE',
    formulaRisk: false,
    incomeYear: '2024-25',
    category: null,
    deductible: null,
    suggestion: null,
    reviewStatus: 'unreviewed',
    claim: null,
    evidenceDocumentId: null,
    ...overrides,
  };
}

export const listOf = (items: DocumentDto[]) => ({ items, nextCursor: null });

// ── XMLHttpRequest ────────────────────────────────────────────────────────────────────────────

type Listener = ((event: ProgressEvent) => void) | null;

/** A scripted XMLHttpRequest: the test decides when progress happens and what comes back. */
export class FakeXhr {
  static instances: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  withCredentials = false;
  status = 0;
  responseText = '';
  private responseHeaders: Record<string, string> = {};
  upload: { onprogress: Listener } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  constructor() {
    FakeXhr.instances.push(this);
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  getResponseHeader(name: string) {
    return this.responseHeaders[name.toLowerCase()] ?? null;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  /** The file that was attached as `file`. */
  get file(): File | null {
    const value = this.body?.get('file');
    return value instanceof File ? value : null;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  respond(status: number, body: unknown, contentType = 'application/json') {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.responseHeaders = { 'content-type': contentType };
    this.onload?.();
  }

  static install() {
    FakeXhr.instances = [];
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
  }
}

// ── EventSource ──────────────────────────────────────────────────────────────────────────────

/** An EventSource the test feeds: `open()`, then `emit('document', data)`. */
export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readonly url: string;
  closed = false;
  private listeners = new Map<string, Set<(event: Event) => void>>();

  constructor(url: string) {
    this.url = url;
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, listener: (event: Event) => void) {
    let set = this.listeners.get(type);
    if (!set) this.listeners.set(type, (set = new Set()));
    set.add(listener);
  }
  removeEventListener(type: string, listener: (event: Event) => void) {
    this.listeners.get(type)?.delete(listener);
  }
  close() {
    this.closed = true;
  }
  private dispatch(type: string, event: Event) {
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  open() {
    this.dispatch('open', new Event('open'));
  }
  emit(type: string, data: unknown) {
    this.dispatch(type, new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail() {
    this.dispatch('error', new Event('error'));
  }

  static install() {
    FakeEventSource.instances = [];
    vi.stubGlobal('EventSource', FakeEventSource);
  }
}
