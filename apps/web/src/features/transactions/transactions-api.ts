import {
  transactionListSchema,
  transactionSchema,
  type ReviewTransactionRequest,
  type TransactionDto,
} from '@numeri/contracts';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export const TRANSACTIONS_API = {
  list: '/api/v1/transactions',
  transaction: (id: string) => `/api/v1/transactions/${id}`,
} as const;

type TransactionList = z.infer<typeof transactionListSchema>;

export const transactionKeys = {
  all: ['transactions'] as const,
  suggested: (year: string, ownerId: string | undefined) =>
    ['transactions', 'suggested', year, ownerId ?? null] as const,
  claimed: (year: string, ownerId: string | undefined) =>
    ['transactions', 'claimed', year, ownerId ?? null] as const,
  everything: (year: string, ownerId: string | undefined) =>
    ['transactions', 'all', year, ownerId ?? null] as const,
};

/** Every page of a filtered list (suggestions and claims are a small part of a year's lines). */
async function allPages(query: Record<string, string | number | undefined>, signal: AbortSignal) {
  const items: TransactionDto[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page += 1) {
    const result = await api.get(TRANSACTIONS_API.list, {
      schema: transactionListSchema,
      signal,
      query: { ...query, limit: 500, cursor },
    });
    items.push(...result.items);
    if (!result.nextCursor) break;
    cursor = result.nextCursor;
  }
  return items;
}

/** Unreviewed lines with a deduction suggestion: the ones to look at first. */
export function useSuggestedTransactions(year: string, ownerId: string | undefined) {
  return useQuery({
    queryKey: transactionKeys.suggested(year, ownerId),
    queryFn: ({ signal }) =>
      allPages({ incomeYear: year, suggested: 'true', reviewStatus: 'unreviewed', ownerId }, signal),
  });
}

export function useClaimedTransactions(year: string, ownerId: string | undefined) {
  return useQuery({
    queryKey: transactionKeys.claimed(year, ownerId),
    queryFn: ({ signal }) => allPages({ incomeYear: year, reviewStatus: 'claimed', ownerId }, signal),
  });
}

/** Every imported line of the year, newest first, a page at a time. */
export function useAllTransactions(year: string, ownerId: string | undefined, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: transactionKeys.everything(year, ownerId),
    queryFn: ({ signal, pageParam }) =>
      api.get(TRANSACTIONS_API.list, {
        schema: transactionListSchema,
        signal,
        query: { incomeYear: year, ownerId, limit: 100, cursor: pageParam ?? undefined },
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled,
  });
}

export function useReviewTransaction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewTransactionRequest }) =>
      api.patch(TRANSACTIONS_API.transaction(id), body, { schema: transactionSchema }),
    onSuccess: (updated) => {
      // Show the new state at once wherever the line is listed, then regroup from the server.
      queryClient.setQueriesData<TransactionDto[]>({ queryKey: ['transactions', 'suggested'] }, (items) =>
        items?.map((item) => (item.id === updated.id ? updated : item)),
      );
      queryClient.setQueriesData<InfiniteData<TransactionList>>(
        { queryKey: ['transactions', 'all'] },
        (data) =>
          data
            ? {
                ...data,
                pages: data.pages.map((page) => ({
                  ...page,
                  items: page.items.map((item) => (item.id === updated.id ? updated : item)),
                })),
              }
            : data,
      );
      void queryClient.invalidateQueries({ queryKey: ['transactions', 'claimed'] });
      void queryClient.invalidateQueries({ queryKey: ['returns'] });
    },
  });
}
