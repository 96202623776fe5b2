import { acceptedSchema, forgotPasswordRequestSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  ApiErrorAlert,
  AuthLayout,
  Button,
  KeyIcon,
  linkClasses,
  MailIcon,
  TextField,
} from '../../components';
import { api, isApiError } from '../../lib/api';
import { APP_ROUTES, AUTH_API } from '../../lib/auth';
import { formatWait, useRetryCountdown } from '../../lib/forms';

export function ForgotPasswordPage() {
  const form = useForm<z.input<typeof forgotPasswordRequestSchema>>({
    resolver: zodResolver(forgotPasswordRequestSchema),
    defaultValues: { email: '' },
  });
  const request = useMutation({
    mutationFn: (email: string) =>
      api.post(AUTH_API.forgotPassword, { email }, { schema: acceptedSchema, auth: false }),
  });
  const wait = useRetryCountdown(request.error);

  if (request.isSuccess) {
    return (
      <AuthLayout
        title="Check your email"
        icon={<MailIcon className="size-6" />}
        footer={
          <Link to={APP_ROUTES.signIn} className={linkClasses}>
            Back to sign in
          </Link>
        }
      >
        <div className="space-y-3 text-sm leading-6 text-slate-700" role="status">
          <p>
            If <strong className="font-semibold break-words text-slate-900">{request.variables}</strong> has a
            Numeri account, we’ve sent it a link to choose a new password.
          </p>
          {request.data.message ? <p className="text-slate-600">{request.data.message}</p> : null}
          <p className="text-slate-600">
            The link works once and for a limited time. Check your junk folder too.
          </p>
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Reset your password"
      icon={<KeyIcon className="size-6" />}
      description="Enter the email address you sign in with. We’ll send you a link to choose a new password."
      footer={
        <>
          Remembered it?{' '}
          <Link to={APP_ROUTES.signIn} className={linkClasses}>
            Back to sign in
          </Link>
        </>
      }
    >
      <form
        noValidate
        onSubmit={(event) => void form.handleSubmit(({ email }) => request.mutate(email))(event)}
        className="space-y-5"
      >
        <ApiErrorAlert error={request.error}>
          {isApiError(request.error) && request.error.status === 429 && wait > 0
            ? `${request.error.detail ?? 'Too many requests.'} You can try again in ${formatWait(wait)}.`
            : undefined}
        </ApiErrorAlert>
        <TextField
          label="Email address"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          error={form.formState.errors.email ? 'Enter your email address, like name@example.com.' : undefined}
          {...form.register('email')}
        />
        <Button type="submit" size="lg" fullWidth loading={request.isPending} disabled={wait > 0}>
          Send the reset link
        </Button>
      </form>
    </AuthLayout>
  );
}
