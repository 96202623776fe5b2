import { estimateResponseSchema, type EstimateRequest, type EstimateResponse } from '@numeri/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api';

export const ESTIMATE_PATH = '/api/v1/tax/estimate';

export function fetchEstimate(request: EstimateRequest, signal?: AbortSignal): Promise<EstimateResponse> {
  return api.post(ESTIMATE_PATH, request, { schema: estimateResponseSchema, signal });
}

/**
 * The estimate for a request, cached by its content. While a new request loads the previous
 * estimate stays on screen (`isPlaceholderData`). Failures are not retried: the person sees the
 * problem at once and can retry or change a figure.
 */
export function useEstimate(request: EstimateRequest | null) {
  return useQuery({
    queryKey: ['tax-estimate', request],
    queryFn: ({ signal }) => fetchEstimate(request as EstimateRequest, signal),
    enabled: request !== null,
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
    retry: false,
  });
}
