import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { StepUpProvider } from '../features/step-up/StepUpProvider';
import { AuthProvider } from '../lib/auth/AuthProvider';
import { createQueryClient } from './query-client';

export interface ProvidersProps {
  children: ReactNode;
  /** Tests pass their own client so each test starts with an empty cache. */
  queryClient?: QueryClient;
}

/** App-wide providers that sit above the router: server state, the session, "Confirm it's you". */
export function Providers({ children, queryClient }: ProvidersProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <QueryClientProvider client={client}>
      <AuthProvider>
        <StepUpProvider>{children}</StepUpProvider>
      </AuthProvider>
    </QueryClientProvider>
  );
}
