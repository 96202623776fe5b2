import {
  checklistItemSchema,
  commentSchema,
  documentListSchema,
  returnSchema,
  returnSummarySchema,
  type ChecklistItem,
  type ReturnUpdate,
  type TaxReturnView,
} from '@numeri/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import { saveBlob } from '../../lib/download';

/** The returns endpoints of the Numeri API. `ownerId` is set when a reviewer reads a client's return. */
const V1 = '/api/v1';
export const RETURNS_API = {
  list: `${V1}/returns`,
  year: (year: string) => `${V1}/returns/${encodeURIComponent(year)}`,
  checklist: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/checklist`,
  exportPdf: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/export.pdf`,
  exportJson: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/export.json`,
  recordsPack: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/records.zip`,
  lodge: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/lodge`,
  amend: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/amend`,
  comments: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/comments`,
  resolve: (year: string, commentId: string) =>
    `${V1}/returns/${encodeURIComponent(year)}/comments/${encodeURIComponent(commentId)}/resolve`,
  signOff: (year: string) => `${V1}/returns/${encodeURIComponent(year)}/sign-off`,
  documents: `${V1}/documents`,
} as const;

export type ReturnComment = z.infer<typeof commentSchema>;
export type ReturnSummaryList = z.infer<typeof returnSummaryListSchema>;
const returnSummaryListSchema = z.array(returnSummarySchema);
const checklistSchema = z.array(checklistItemSchema);
const commentsSchema = z.array(commentSchema);

/** Query keys: one family per owner ("me" for the signed-in person), so a reviewer's reads never mix with their own. */
export const returnKeys = {
  all: ['returns'] as const,
  list: (ownerId?: string) => ['returns', ownerId ?? 'me', 'list'] as const,
  detail: (year: string, ownerId?: string) => ['returns', ownerId ?? 'me', 'year', year] as const,
  checklist: (year: string, version: number | undefined, ownerId?: string) =>
    ['returns', ownerId ?? 'me', 'year', year, 'checklist', version ?? 0] as const,
  comments: (year: string, ownerId?: string) =>
    ['returns', ownerId ?? 'me', 'year', year, 'comments'] as const,
};

const ownerQuery = (ownerId?: string) => (ownerId ? { ownerId } : undefined);

export function fetchReturns(ownerId?: string, signal?: AbortSignal) {
  return api.get(RETURNS_API.list, { schema: returnSummaryListSchema, query: ownerQuery(ownerId), signal });
}

export function fetchReturn(year: string, ownerId?: string, signal?: AbortSignal) {
  return api.get(RETURNS_API.year(year), { schema: returnSchema, query: ownerQuery(ownerId), signal });
}

export function patchReturn(year: string, body: ReturnUpdate): Promise<TaxReturnView> {
  return api.patch(RETURNS_API.year(year), body, { schema: returnSchema });
}

export function createReturn(incomeYear: string, copyFromPrevious: boolean) {
  return api.post(RETURNS_API.list, { incomeYear, copyFromPrevious }, { schema: returnSchema });
}

export function lodgeReturn(year: string, version: number) {
  // A lodgment needs a recent second factor: the client opens "Confirm it's you" by itself.
  return api.post(RETURNS_API.lodge(year), { version, declaration: true }, { schema: returnSchema });
}

export function amendReturn(year: string) {
  return api.post(RETURNS_API.amend(year), undefined, { schema: returnSchema });
}

export function useReturns(ownerId?: string) {
  return useQuery({
    queryKey: returnKeys.list(ownerId),
    queryFn: ({ signal }) => fetchReturns(ownerId, signal),
  });
}

export function useReturn(year: string, ownerId?: string, enabled = true) {
  return useQuery({
    queryKey: returnKeys.detail(year, ownerId),
    queryFn: ({ signal }) => fetchReturn(year, ownerId, signal),
    enabled,
    // The workspace keeps its own copy while editing; never refetch under the person's feet.
    staleTime: Infinity,
  });
}

/** The server's review checklist for this version of the return. */
export function useChecklist(year: string, version: number | undefined, ownerId?: string, enabled = true) {
  return useQuery({
    queryKey: returnKeys.checklist(year, version, ownerId),
    queryFn: ({ signal }): Promise<ChecklistItem[]> =>
      api.get(RETURNS_API.checklist(year), { schema: checklistSchema, query: ownerQuery(ownerId), signal }),
    enabled: enabled && version !== undefined,
    staleTime: 10_000,
  });
}

export function useComments(year: string, ownerId?: string) {
  return useQuery({
    queryKey: returnKeys.comments(year, ownerId),
    queryFn: ({ signal }) =>
      api.get(RETURNS_API.comments(year), { schema: commentsSchema, query: ownerQuery(ownerId), signal }),
  });
}

export function useAddComment(year: string, ownerId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; itemId?: string }) =>
      api.post(RETURNS_API.comments(year), input, { schema: commentSchema, query: ownerQuery(ownerId) }),
    onSuccess: (comment) => {
      queryClient.setQueryData<ReturnComment[]>(returnKeys.comments(year, ownerId), (list) =>
        list ? [...list.filter((c) => c.id !== comment.id), comment] : [comment],
      );
      void queryClient.invalidateQueries({
        queryKey: ['returns', ownerId ?? 'me', 'year', year, 'checklist'],
      });
    },
  });
}

export function useResolveComment(year: string, ownerId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (commentId: string) =>
      api.post<void>(RETURNS_API.resolve(year, commentId), undefined, { query: ownerQuery(ownerId) }),
    onSuccess: (_result, commentId) => {
      const now = new Date().toISOString();
      queryClient.setQueryData<ReturnComment[]>(returnKeys.comments(year, ownerId), (list) =>
        list?.map((c) => (c.id === commentId ? { ...c, resolvedAt: c.resolvedAt ?? now } : c)),
      );
      void queryClient.invalidateQueries({ queryKey: returnKeys.comments(year, ownerId) });
      void queryClient.invalidateQueries({
        queryKey: ['returns', ownerId ?? 'me', 'year', year, 'checklist'],
      });
    },
  });
}

export function useSignOff(year: string, ownerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>(RETURNS_API.signOff(year), undefined, { query: { ownerId } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: returnKeys.detail(year, ownerId) }),
  });
}

/** Fetches an export with the session's token (and a step-up if asked) and saves it as a file. */
export type ExportFormat = 'pdf' | 'json' | 'records';

export async function downloadExport(year: string, format: ExportFormat, ownerId?: string): Promise<void> {
  const path = {
    pdf: RETURNS_API.exportPdf(year),
    json: RETURNS_API.exportJson(year),
    records: RETURNS_API.recordsPack(year),
  }[format];
  const { blob, filename } = await api.download(path, { query: ownerQuery(ownerId) });
  const fallback = format === 'records' ? `numeri-records-${year}.zip` : `numeri-return-${year}.${format}`;
  saveBlob(blob, filename ?? fallback);
}

/** The person's documents (for attaching records, and for "waiting for review" counts). */
export function useDocuments(
  filters: {
    status?: string;
    incomeYear?: string;
    kind?: 'document' | 'bank-file';
    limit?: number;
    ownerId?: string;
  },
  enabled = true,
) {
  return useQuery({
    queryKey: ['documents', 'list', filters],
    queryFn: ({ signal }) =>
      api.get(RETURNS_API.documents, {
        schema: documentListSchema,
        query: { ...filters, limit: filters.limit ?? 100 },
        signal,
      }),
    enabled,
    staleTime: 15_000,
  });
}
