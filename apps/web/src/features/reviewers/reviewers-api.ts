import { delegationListSchema, delegationSchema, type Delegation } from '@numeri/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';
import { ACCOUNT_API } from '../../lib/auth';

export const DELEGATIONS_KEY = ['delegations'] as const;
type DelegationList = z.infer<typeof delegationListSchema>;

export function useDelegations() {
  return useQuery({
    queryKey: DELEGATIONS_KEY,
    queryFn: ({ signal }) => api.get(ACCOUNT_API.delegations, { schema: delegationListSchema, signal }),
  });
}

export function useInviteReviewer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api.post(ACCOUNT_API.delegations, { email }, { schema: delegationSchema }),
    onSuccess: (delegation) => {
      queryClient.setQueryData<DelegationList>(DELEGATIONS_KEY, (list) =>
        list
          ? { ...list, granted: [delegation, ...list.granted.filter((d) => d.id !== delegation.id)] }
          : list,
      );
      void queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY });
    },
  });
}

/** The owner revokes, or the reviewer leaves: the same DELETE. */
export function useEndDelegation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (delegation: Delegation) => api.delete(ACCOUNT_API.delegation(delegation.id)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
}

export function acceptInvitation(token: string) {
  // This page explains MFA_ENROLMENT_REQUIRED itself rather than jumping to the set-up.
  return api.post(
    ACCOUNT_API.acceptDelegation,
    { token },
    { schema: delegationSchema, mfaEnrolmentRedirect: false },
  );
}
