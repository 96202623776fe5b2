import type { changePasswordSchema } from '@numeri/contracts';
import {
  auditEntrySchema,
  recoveryCodesSchema,
  sessionSchema,
  twoFactorSetupSchema,
} from '@numeri/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '../../lib/api';
import { ACCOUNT_API, AUTH_API, useAuth } from '../../lib/auth';
import { PROFILE_KEY } from '../profile/profile-api';

export const SESSIONS_KEY = ['auth', 'sessions'] as const;
export const ACTIVITY_KEY = ['account', 'activity'] as const;

/** Routes that check a code answer 401 for a wrong one: that must not look like an expired session. */
const CODE_CHECK = { retryOnUnauthorized: false } as const;

export function useSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => api.get(AUTH_API.sessions, { schema: z.array(sessionSchema), signal }),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(AUTH_API.session(id)),
    onSuccess: (_result, id) => {
      queryClient.setQueryData<z.infer<typeof sessionSchema>[]>(SESSIONS_KEY, (sessions) =>
        sessions?.filter((session) => session.id !== id),
      );
      void queryClient.invalidateQueries({ queryKey: ACTIVITY_KEY });
    },
  });
}

export function useActivity() {
  return useQuery({
    queryKey: ACTIVITY_KEY,
    queryFn: ({ signal }) => api.get(ACCOUNT_API.activity, { schema: z.array(auditEntrySchema), signal }),
  });
}

export function startTwoFactorSetup() {
  return api.post(AUTH_API.twoFactorSetup, undefined, { schema: twoFactorSetupSchema });
}

export function enableTwoFactor(code: string) {
  return api.post(AUTH_API.twoFactorEnable, { code }, { schema: recoveryCodesSchema, ...CODE_CHECK });
}

export function disableTwoFactor(code: string) {
  return api.post(AUTH_API.twoFactorDisable, { code }, CODE_CHECK);
}

export function regenerateRecoveryCodes(code: string) {
  return api.post(AUTH_API.recoveryCodes, { code }, { schema: recoveryCodesSchema, ...CODE_CHECK });
}

export function changePassword(body: z.output<typeof changePasswordSchema>) {
  return api.post(ACCOUNT_API.password, body);
}

/** After a change to two-factor settings: the header, profile and activity show it at once. */
export function useTwoFactorChanged() {
  const queryClient = useQueryClient();
  const { reloadUser } = useAuth();
  return async () => {
    await Promise.all([
      reloadUser().catch(() => undefined),
      queryClient.invalidateQueries({ queryKey: PROFILE_KEY }),
      queryClient.invalidateQueries({ queryKey: ACTIVITY_KEY }),
    ]);
  };
}
