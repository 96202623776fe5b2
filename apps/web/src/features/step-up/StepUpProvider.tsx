import { stepUpResponseSchema } from '@numeri/contracts';
import { createContext, use, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Button, Dialog } from '../../components';
import { api, type ApiClient } from '../../lib/api';
import { AUTH_API } from '../../lib/auth/paths';
import { SecondFactorForm } from '../second-factor/SecondFactorForm';

/** Opens "Confirm it's you"; resolves true once a code was accepted, false if the person cancelled. */
export type RequestStepUp = (reason?: string) => Promise<boolean>;

const StepUpContext = createContext<RequestStepUp | null>(null);

interface Pending {
  promise: Promise<boolean>;
  resolve: (confirmed: boolean) => void;
}

/**
 * The one "Confirm it's you" mechanism. It installs itself in the API client: when any request
 * answers 403 STEP_UP_REQUIRED, the dialog asks for a code, POSTs /auth/step-up, and the client
 * then retries the original request by itself — so every sensitive action (showing or changing
 * the TFN, exporting data, changing the password or email, closing the account…) gets it for free.
 * Requests that need it at the same time share one dialog. `useStepUp()` opens it directly.
 */
export function StepUpProvider({ children, client = api }: { children: ReactNode; client?: ApiClient }) {
  const pending = useRef<Pending | null>(null);
  const [open, setOpen] = useState(false);

  const request = useCallback<RequestStepUp>(() => {
    if (pending.current) return pending.current.promise;
    let resolve: (confirmed: boolean) => void = () => {};
    const promise = new Promise<boolean>((done) => (resolve = done));
    pending.current = { promise, resolve };
    setOpen(true);
    return promise;
  }, []);

  const finish = useCallback((confirmed: boolean) => {
    pending.current?.resolve(confirmed);
    pending.current = null;
    setOpen(false);
  }, []);

  useEffect(() => {
    client.setHooks({ stepUp: (error) => request(error.detail) });
    return () => {
      client.setHooks({ stepUp: undefined });
      // Unmounting with the dialog open: the waiting request fails as "not confirmed".
      pending.current?.resolve(false);
      pending.current = null;
    };
  }, [client, request]);

  const confirm = async (code: string) => {
    await client.post(
      AUTH_API.stepUp,
      { code },
      {
        schema: stepUpResponseSchema,
        // A 401 here means "wrong code", not "expired session"; and this is the step-up itself.
        retryOnUnauthorized: false,
        stepUp: false,
      },
    );
    finish(true);
  };

  return (
    <StepUpContext value={request}>
      {children}
      <Dialog
        open={open}
        onOpenChange={(next) => {
          if (!next) finish(false);
        }}
        title="Confirm it’s you"
        description="This protects your personal details. Enter the code from your authenticator app — you won’t be asked again for the next 10 minutes."
        size="sm"
      >
        <SecondFactorForm
          onSubmit={confirm}
          submitLabel="Confirm"
          autoFocus
          secondaryAction={
            <Button variant="secondary" onClick={() => finish(false)}>
              Cancel
            </Button>
          }
        />
      </Dialog>
    </StepUpContext>
  );
}

/** Ask for a fresh second factor before doing something sensitive. */
export function useStepUp(): RequestStepUp {
  const request = use(StepUpContext);
  if (!request) throw new Error('useStepUp() must be used inside <StepUpProvider>');
  return request;
}
