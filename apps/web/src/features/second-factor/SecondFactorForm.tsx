import { secondFactorCodeSchema, totpCodeSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState, type ReactNode } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { z } from 'zod';
import { Alert, ApiErrorAlert, Button, OneTimeCodeField } from '../../components';
import { isApiError } from '../../lib/api';
import { formatWait, sentence, useRetryCountdown } from '../../lib/forms';

const codeFormSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('totp'), code: totpCodeSchema }),
  z.object({ kind: z.literal('recovery'), code: secondFactorCodeSchema }),
]);
type CodeFormValues = z.input<typeof codeFormSchema>;

const CLIENT_MESSAGES = {
  totp: 'Enter the 6-digit code from your authenticator app.',
  recovery: 'Enter one of your recovery codes, like k7m2p-q9xw4.',
} as const;

export interface SecondFactorFormProps {
  /** Sends the code; throws the API's error when it is not accepted. */
  onSubmit: (code: string) => Promise<unknown>;
  submitLabel: string;
  /** Offer "Use a recovery code instead". Default true. */
  allowRecovery?: boolean;
  /** e.g. a Cancel button, shown beside the submit button. */
  secondaryAction?: ReactNode;
  /** Full-width buttons (sign-in page). */
  fullWidth?: boolean;
  autoFocus?: boolean;
  /** For `aria-labelledby` / tests. */
  id?: string;
  /** Danger styling for the submit button (turning 2FA off). */
  tone?: 'default' | 'danger';
  /** `end` (dialogs, default): buttons on the right. `start` (inside a page): submit first, on the left. */
  actionsAlign?: 'start' | 'end';
}

/**
 * "Enter the code from your authenticator app", with a switch to a recovery code. Used for the
 * second sign-in step, the "Confirm it's you" check, and changes to two-factor settings. A wrong
 * code is shown under the field; a lockout shows how long to wait and holds the button until then.
 */
export function SecondFactorForm({
  onSubmit,
  submitLabel,
  allowRecovery = true,
  secondaryAction,
  fullWidth = false,
  autoFocus = false,
  id,
  tone = 'default',
  actionsAlign = 'end',
}: SecondFactorFormProps) {
  const form = useForm<CodeFormValues>({
    resolver: zodResolver(codeFormSchema),
    defaultValues: { kind: 'totp', code: '' },
  });
  const kind = useWatch({ control: form.control, name: 'kind' });
  const [error, setError] = useState<unknown>(null);
  const wait = useRetryCountdown(error);
  const fieldError = form.formState.errors.code;

  const submit = form.handleSubmit(async ({ code }) => {
    setError(null);
    try {
      await onSubmit(code.trim());
    } catch (caught) {
      if (isApiError(caught) && (caught.fieldErrors.code || caught.status === 401)) {
        const message = caught.fieldErrors.code
          ? sentence('The code', caught.fieldErrors.code)
          : (caught.detail ?? 'That code is not right.');
        form.setError('code', { type: 'server', message }, { shouldFocus: true });
        return;
      }
      setError(caught);
    }
  });

  const switchKind = () => {
    const next = kind === 'totp' ? 'recovery' : 'totp';
    form.reset({ kind: next, code: '' });
    setError(null);
    // The field is remounted with a new purpose; put the cursor back in it.
    queueMicrotask(() => form.setFocus('code'));
  };

  const message =
    fieldError?.type === 'server' ? fieldError.message : fieldError ? CLIENT_MESSAGES[kind] : undefined;
  const codeField = form.register('code');

  return (
    <form id={id} noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
      <OneTimeCodeField
        key={kind}
        kind={kind}
        label={kind === 'totp' ? '6-digit code' : 'Recovery code'}
        hint={
          kind === 'totp'
            ? 'Open your authenticator app and enter the code shown for Numeri.'
            : 'One of the codes you saved when you turned on two-factor authentication. Each works once.'
        }
        error={message}
        autoFocus={autoFocus}
        {...codeField}
      />
      {allowRecovery ? (
        <p className="-mt-2">
          <button
            type="button"
            onClick={switchKind}
            className="text-sm font-medium text-teal-800 underline-offset-2 hover:underline"
          >
            {kind === 'totp' ? 'Use a recovery code instead' : 'Use the code from your app instead'}
          </button>
        </p>
      ) : null}
      {error && wait > 0 ? (
        <Alert tone="error" title="Too many attempts">
          <p>{isApiError(error) && error.detail ? error.detail : 'Please wait before trying again.'}</p>
          <p className="mt-1 font-medium">You can try again in {formatWait(wait)}.</p>
        </Alert>
      ) : (
        <ApiErrorAlert error={error} />
      )}
      <div
        className={
          fullWidth
            ? 'flex flex-col gap-3'
            : actionsAlign === 'start'
              ? 'flex flex-col gap-3 sm:flex-row sm:items-center'
              : 'flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end'
        }
      >
        {fullWidth || actionsAlign === 'start' ? null : secondaryAction}
        <Button
          type="submit"
          variant={tone === 'danger' ? 'danger' : 'primary'}
          loading={form.formState.isSubmitting}
          disabled={wait > 0}
          fullWidth={fullWidth}
          size={fullWidth ? 'lg' : 'md'}
        >
          {submitLabel}
        </Button>
        {fullWidth || actionsAlign === 'start' ? secondaryAction : null}
      </div>
    </form>
  );
}
