import { acceptedSchema } from '@numeri/contracts';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { api } from '../api';

/**
 * Redeems the one-use token of an emailed link (`?token=…`) as soon as the page opens. It runs
 * as a cached query, so it is sent exactly once per token — even when React mounts the page
 * twice in development or the person returns to the tab — and "Try again" is an explicit refetch.
 */
export function useRedeemLinkToken(kind: 'verify-email' | 'confirm-email-change', path: string) {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() || null;
  const query = useQuery({
    queryKey: ['link-token', kind, token],
    queryFn: () =>
      api.post(path, { token }, { schema: acceptedSchema, auth: kind === 'confirm-email-change' }),
    enabled: token !== null && token.length >= 10,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: Number.POSITIVE_INFINITY,
    retry: false,
    refetchOnMount: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
  return { token, ...query };
}
