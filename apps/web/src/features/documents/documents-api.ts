import {
  confirmDocumentResultSchema,
  documentListSchema,
  documentSchema,
  documentSearchResultSchema,
  type ConfirmDocumentRequest,
  type CsvColumnMappingDto,
  type DocumentDto,
  type DocumentStatus,
  type DocumentTypeName,
} from '@numeri/contracts';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { isActiveStatus } from './document-labels';

export const DOCUMENTS_API = {
  list: '/api/v1/documents',
  search: '/api/v1/documents/search',
  ticket: '/api/v1/documents/events/ticket',
  events: '/api/v1/documents/events',
  document: (id: string) => `/api/v1/documents/${id}`,
  file: (id: string) => `/api/v1/documents/${id}/file`,
  password: (id: string) => `/api/v1/documents/${id}/password`,
  mapping: (id: string) => `/api/v1/documents/${id}/mapping`,
  reprocess: (id: string) => `/api/v1/documents/${id}/reprocess`,
  confirm: (id: string) => `/api/v1/documents/${id}/confirm`,
} as const;

export type DocumentList = z.infer<typeof documentListSchema>;

export interface DocumentFilters {
  type?: DocumentTypeName | undefined;
  incomeYear?: string | undefined;
  status?: DocumentStatus | undefined;
  kind?: 'document' | 'bank-file' | undefined;
}

export const documentKeys = {
  all: ['documents'] as const,
  lists: () => ['documents', 'list'] as const,
  list: (filters: DocumentFilters, ownerId: string | undefined) =>
    ['documents', 'list', { ...filters, ownerId }] as const,
  detail: (id: string, ownerId: string | undefined) => ['documents', 'detail', id, ownerId ?? null] as const,
  details: () => ['documents', 'detail'] as const,
  search: (q: string, ownerId: string | undefined) => ['documents', 'search', q, ownerId ?? null] as const,
  file: (id: string, ownerId: string | undefined) => ['documents', 'file', id, ownerId ?? null] as const,
};

const PAGE_SIZE = 50;

/**
 * Documents with filters, a page at a time. With `poll`, the list refetches every few seconds
 * while any document in it is still being read (the fallback when live events aren't available).
 */
export function useDocumentList(
  filters: DocumentFilters,
  ownerId: string | undefined,
  options: { poll?: boolean; pollMs?: number } = {},
) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(filters, ownerId),
    queryFn: ({ signal, pageParam }) =>
      api.get(DOCUMENTS_API.list, {
        schema: documentListSchema,
        signal,
        query: {
          type: filters.type,
          incomeYear: filters.incomeYear,
          status: filters.status,
          kind: filters.kind,
          ownerId,
          limit: PAGE_SIZE,
          cursor: pageParam ?? undefined,
        },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    refetchInterval: (query) =>
      options.poll &&
      query.state.data?.pages.some((page) => page.items.some((item) => isActiveStatus(item.status)))
        ? (options.pollMs ?? 3_000)
        : false,
  });
}

export function useDocument(
  id: string,
  ownerId: string | undefined,
  options: { refetchInterval?: number | false | ((data: DocumentDto | undefined) => number | false) } = {},
) {
  return useQuery({
    queryKey: documentKeys.detail(id, ownerId),
    queryFn: ({ signal }) =>
      api.get(DOCUMENTS_API.document(id), { schema: documentSchema, signal, query: { ownerId } }),
    refetchInterval: (query) =>
      typeof options.refetchInterval === 'function'
        ? options.refetchInterval(query.state.data)
        : (options.refetchInterval ?? false),
  });
}

export function useDocumentSearch(q: string, ownerId: string | undefined) {
  return useQuery({
    queryKey: documentKeys.search(q, ownerId),
    queryFn: ({ signal }) =>
      api.get(DOCUMENTS_API.search, { schema: documentSearchResultSchema, signal, query: { q, ownerId } }),
    enabled: q.trim().length > 0,
    placeholderData: (previous) => previous,
  });
}

/** The original file, decrypted by the server, as a Blob (only while the review page is open). */
export function useDocumentFile(id: string, ownerId: string | undefined, enabled = true) {
  return useQuery({
    queryKey: documentKeys.file(id, ownerId),
    queryFn: ({ signal }) => api.download(DOCUMENTS_API.file(id), { signal, query: { ownerId } }),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
  });
}

// ── cache updates ───────────────────────────────────────────────────────────────────────────

/** Applies a change to one document wherever it is cached (lists, detail, search results). */
export function patchCachedDocument(
  queryClient: QueryClient,
  id: string,
  patch: (document: DocumentDto) => DocumentDto | null,
): boolean {
  let found = false;
  const patchPage = (page: DocumentList): DocumentList => {
    if (!page.items.some((item) => item.id === id)) return page;
    found = true;
    return {
      ...page,
      items: page.items.flatMap((item) => {
        if (item.id !== id) return [item];
        const next = patch(item);
        return next ? [next] : [];
      }),
    };
  };
  // Two shapes share the list key: this page's paged (infinite) lists and the single pages other
  // screens fetch (the dashboard's "waiting for review", a return's records). Both are patched.
  queryClient.setQueriesData<InfiniteData<DocumentList> | DocumentList>(
    { queryKey: documentKeys.lists() },
    (data) => {
      if (!data) return data;
      if ('pages' in data) {
        const pages = data.pages.map(patchPage);
        return pages.some((page, i) => page !== data.pages[i]) ? { ...data, pages } : data;
      }
      return 'items' in data ? patchPage(data) : data;
    },
  );
  queryClient.setQueriesData<DocumentDto>({ queryKey: documentKeys.details() }, (data) => {
    if (!data || data.id !== id) return data;
    found = true;
    return patch(data) ?? data;
  });
  return found;
}

/** Puts a freshly uploaded (or changed) document into the cache. */
export function rememberDocument(queryClient: QueryClient, document: DocumentDto): void {
  const known = patchCachedDocument(queryClient, document.id, () => document);
  queryClient.setQueryData(documentKeys.detail(document.id, undefined), document);
  if (!known) void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
}

// ── mutations ───────────────────────────────────────────────────────────────────────────────

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(DOCUMENTS_API.document(id)),
    onSuccess: (_data, id) => {
      patchCachedDocument(queryClient, id, () => null);
      queryClient.removeQueries({ queryKey: ['documents', 'detail', id] });
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['documents', 'search'] });
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
    },
  });
}

/** The password is sent once, in this request, and not kept anywhere in the app. */
export function useUnlockDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) =>
      api.post(DOCUMENTS_API.password(id), { password }, { schema: documentSchema }),
    onSuccess: (document) => rememberDocument(queryClient, document),
  });
}

export function useReprocessDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, documentType }: { id: string; documentType?: DocumentTypeName | undefined }) =>
      api.post(DOCUMENTS_API.reprocess(id), documentType ? { documentType } : {}, { schema: documentSchema }),
    onSuccess: (document) => rememberDocument(queryClient, document),
  });
}

export function useSetMapping() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, mapping }: { id: string; mapping: CsvColumnMappingDto }) =>
      api.post(DOCUMENTS_API.mapping(id), mapping, { schema: documentSchema }),
    onSuccess: (document) => {
      rememberDocument(queryClient, document);
      void queryClient.invalidateQueries({ queryKey: ['transactions'] });
    },
  });
}

export function useConfirmDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ConfirmDocumentRequest }) =>
      api.post(DOCUMENTS_API.confirm(id), body, { schema: confirmDocumentResultSchema }),
    onSuccess: (result) => {
      rememberDocument(queryClient, result.document);
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists() });
      void queryClient.invalidateQueries({ queryKey: ['returns'] });
    },
  });
}
