import { acceptedSchema, emailSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  AuthLayout,
  Button,
  buttonClasses,
  CheckCircleIcon,
  MailIcon,
  Spinner,
  TextField,
  WarningIcon,
} from '../../components';
import { api, isApiError } from '../../lib/api';
import { APP_ROUTES, AUTH_API, useAuth } from '../../lib/auth';
import { useRedeemLinkToken } from '../../lib/auth/use-link-token';

const resendSchema = z.object({ email: emailSchema });

/** Asks for the address again and sends a fresh confirmation link. */
export function ResendLinkForm() {
  const form = useForm<z.input<typeof resendSchema>>({
    resolver: zodResolver(resendSchema),
    defaultValues: { email: '' },
  });
  const resend = useMutation({
    mutationFn: (email: string) =>
      api.post(AUTH_API.resendVerification, { email }, { schema: acceptedSchema, auth: false }),
  });
  if (resend.isSuccess) {
    return (
      <Alert tone="success" live="polite" title="Check your email">
        {resend.data.message ||
          'If that address has an account waiting to be confirmed, we’ve sent a new link.'}
      </Alert>
    );
  }
  return (
    <form
      noValidate
      onSubmit={(event) => void form.handleSubmit(({ email }) => resend.mutate(email))(event)}
      className="space-y-4"
    >
      <ApiErrorAlert error={resend.error} />
      <TextField
        label="Email address"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        error={form.formState.errors.email ? 'Enter your email address, like name@example.com.' : undefined}
        {...form.register('email')}
      />
      <Button type="submit" variant="secondary" loading={resend.isPending}>
        Send a new link
      </Button>
    </form>
  );
}

export function VerifyEmailPage() {
  const { status } = useAuth();
  const { token, isPending, isSuccess, data, error, refetch, isFetching } = useRedeemLinkToken(
    'verify-email',
    AUTH_API.verifyEmail,
  );
  const gone = isApiError(error) && (error.status === 410 || error.status === 400 || error.status === 404);

  if (!token || gone) {
    return (
      <AuthLayout
        title="This link doesn’t work any more"
        icon={<WarningIcon className="size-6" />}
        iconTone="warning"
        description={
          token
            ? 'Confirmation links work once and for a limited time. If you’ve already confirmed your email, you can just sign in.'
            : 'This address is missing its confirmation code. Open the link from your email again, or ask for a new one.'
        }
        footer={
          <Link to={APP_ROUTES.signIn} className={buttonClasses({ variant: 'secondary' })}>
            Go to sign in
          </Link>
        }
      >
        <h2 className="mb-4 text-base font-semibold text-slate-900">Get a new link</h2>
        <ResendLinkForm />
      </AuthLayout>
    );
  }

  if (isSuccess) {
    return (
      <AuthLayout
        title="Your email is confirmed"
        icon={<CheckCircleIcon className="size-6" />}
        description={data.message || 'Thanks — your account is ready.'}
      >
        <Link
          to={status === 'signed-in' ? '/' : APP_ROUTES.signIn}
          className={buttonClasses({ size: 'lg', fullWidth: true })}
        >
          {status === 'signed-in' ? 'Go to your dashboard' : 'Sign in'}
        </Link>
      </AuthLayout>
    );
  }

  if (error) {
    return (
      <AuthLayout title="We couldn’t confirm your email" icon={<MailIcon className="size-6" />}>
        <ApiErrorAlert
          error={error}
          actions={
            <Button variant="secondary" size="sm" loading={isFetching} onClick={() => void refetch()}>
              Try again
            </Button>
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Confirming your email" icon={<MailIcon className="size-6" />}>
      <div className="flex items-center justify-center gap-3 py-4 text-slate-600">
        <Spinner decorative className="text-teal-700" />
        <p role="status">{isPending ? 'Confirming your email address…' : 'One moment…'}</p>
      </div>
    </AuthLayout>
  );
}
