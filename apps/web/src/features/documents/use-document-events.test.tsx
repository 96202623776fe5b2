import type { DocumentDto, DocumentEvent } from '@numeri/contracts';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi } from '../../test/api-mock';
import { testQueryClient } from '../../test/render';
import { documentKeys } from './documents-api';
import { documentFixture, FakeEventSource } from './test-fixtures';
import { useDocumentEvents } from './use-document-events';

async function openStream() {
  FakeEventSource.install();
  mockApi({
    'POST /api/v1/documents/events/ticket': () =>
      json({ ticket: 't', expiresAt: '2030-01-01T00:00:00.000Z' }),
  });
  const client = testQueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  renderHook(() => useDocumentEvents(), { wrapper });
  await waitFor(() => expect(FakeEventSource.instances).toHaveLength(1));
  const stream = FakeEventSource.instances[0]!;
  act(() => stream.open());
  return { client, stream };
}

const eventOf = (document: DocumentDto, patch: Partial<DocumentEvent>): DocumentEvent => ({
  id: document.id,
  status: document.status,
  progress: document.progress,
  documentType: null,
  failureReason: null,
  updatedAt: document.updatedAt,
  ...patch,
});

describe('live document events and the cache', () => {
  it('leaves a finished document’s status-only copy marked for refetch, even after a repeated event', async () => {
    const { client, stream } = await openStream();
    // As just uploaded: no fields yet.
    const uploaded = documentFixture({
      status: 'queued',
      progress: 0,
      fields: [],
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    const key = documentKeys.detail(uploaded.id, undefined);
    client.setQueryData(key, uploaded);

    const ready = eventOf(uploaded, {
      status: 'needs-review',
      progress: 100,
      updatedAt: '2026-01-01T00:00:05.000Z',
    });
    act(() => stream.emit('document', ready));
    expect(client.getQueryState(key)!.isInvalidated).toBe(true);
    // The same state again (the poll between processes overlaps): still to be refetched, so the
    // review page doesn't open the copy without its fields.
    act(() => stream.emit('document', ready));
    expect(client.getQueryData<DocumentDto>(key)!.status).toBe('needs-review');
    expect(client.getQueryState(key)!.isInvalidated).toBe(true);
  });

  it('ignores an older state that arrives after a newer one', async () => {
    const { client, stream } = await openStream();
    const document = documentFixture({
      status: 'needs-review',
      progress: 100,
      updatedAt: '2026-01-01T00:00:05.000Z',
    });
    const key = documentKeys.detail(document.id, undefined);
    client.setQueryData(key, document);

    act(() =>
      stream.emit(
        'document',
        eventOf(document, { status: 'extracting', progress: 80, updatedAt: '2026-01-01T00:00:03.000Z' }),
      ),
    );
    expect(client.getQueryData<DocumentDto>(key)!.status).toBe('needs-review');
  });
});
