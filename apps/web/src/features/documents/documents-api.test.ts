import type { InfiniteData } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { testQueryClient } from '../../test/render';
import { documentKeys, patchCachedDocument, type DocumentList } from './documents-api';
import { documentFixture, listOf } from './test-fixtures';

describe('patchCachedDocument', () => {
  it('updates a document in paged lists, single-page lists and its detail alike', () => {
    const client = testQueryClient();
    const queued = documentFixture({ status: 'queued', progress: 0 });
    const other = documentFixture({ originalName: 'other.pdf' });
    // The documents page's paged list, the dashboard's single page, and the detail.
    client.setQueryData<InfiniteData<DocumentList>>(documentKeys.list({}, undefined), {
      pages: [listOf([other]), listOf([queued])],
      pageParams: [null, 'cursor'],
    });
    client.setQueryData<DocumentList>(['documents', 'list', { status: 'needs-review' }], listOf([queued]));
    client.setQueryData(documentKeys.detail(queued.id, undefined), queued);

    const found = patchCachedDocument(client, queued.id, (document) => ({
      ...document,
      status: 'needs-review',
    }));

    expect(found).toBe(true);
    const paged = client.getQueryData<InfiniteData<DocumentList>>(documentKeys.list({}, undefined))!;
    expect(paged.pages[0]!.items[0]).toBe(other);
    expect(paged.pages[1]!.items[0]!.status).toBe('needs-review');
    const single = client.getQueryData<DocumentList>(['documents', 'list', { status: 'needs-review' }])!;
    expect(single.items[0]!.status).toBe('needs-review');
    expect(client.getQueryData<typeof queued>(documentKeys.detail(queued.id, undefined))!.status).toBe(
      'needs-review',
    );
  });

  it('removes a deleted document from both kinds of list and reports an unknown one', () => {
    const client = testQueryClient();
    const document = documentFixture();
    client.setQueryData<InfiniteData<DocumentList>>(documentKeys.list({}, undefined), {
      pages: [listOf([document])],
      pageParams: [null],
    });
    client.setQueryData<DocumentList>(['documents', 'list', { limit: 5 }], listOf([document]));

    expect(patchCachedDocument(client, document.id, () => null)).toBe(true);
    expect(
      client.getQueryData<InfiniteData<DocumentList>>(documentKeys.list({}, undefined))!.pages[0]!.items,
    ).toEqual([]);
    expect(client.getQueryData<DocumentList>(['documents', 'list', { limit: 5 }])!.items).toEqual([]);
    expect(patchCachedDocument(client, 'not-cached', () => null)).toBe(false);
  });
});
