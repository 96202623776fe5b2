import {
  accountClosedSchema,
  acceptedSchema,
  profileSchema,
  tfnSchemaResponse,
  type Profile,
  type ProfileUpdate,
} from '@numeri/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { ACCOUNT_API } from '../../lib/auth';

export const PROFILE_KEY = ['profile'] as const;

export function useProfile() {
  return useQuery({
    queryKey: PROFILE_KEY,
    queryFn: ({ signal }) => api.get(ACCOUNT_API.profile, { schema: profileSchema, signal }),
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (update: ProfileUpdate) => api.patch(ACCOUNT_API.profile, update, { schema: profileSchema }),
    onSuccess: (profile) => queryClient.setQueryData<Profile>(PROFILE_KEY, profile),
  });
}

/** The full TFN (needs a fresh second factor: the step-up dialog appears when it is due). */
export function fetchTfn(): Promise<string> {
  return api.get(ACCOUNT_API.tfn, { schema: tfnSchemaResponse }).then((body) => body.tfn);
}

export function useSaveTfn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tfn: string) => api.put(ACCOUNT_API.tfn, { tfn }, { schema: profileSchema }),
    onSuccess: (profile) => queryClient.setQueryData<Profile>(PROFILE_KEY, profile),
  });
}

export function requestEmailChange(newEmail: string, password: string) {
  return api.post(ACCOUNT_API.email, { newEmail, password }, { schema: acceptedSchema });
}

export function closeAccount(password: string) {
  return api.post(ACCOUNT_API.close, { password }, { schema: accountClosedSchema });
}

export function downloadExport() {
  return api.download(ACCOUNT_API.export);
}
