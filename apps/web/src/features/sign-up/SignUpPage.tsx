import { acceptedSchema, signUpRequestSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, Navigate } from 'react-router';
import type { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  AuthLayout,
  Button,
  CheckCircleIcon,
  linkClasses,
  MailIcon,
  PasswordField,
  TextField,
  UserIcon,
} from '../../components';
import { api } from '../../lib/api';
import { APP_ROUTES, AUTH_API, useAuth } from '../../lib/auth';
import { applyServerFieldErrors, sentence } from '../../lib/forms';

type SignUpValues = z.input<typeof signUpRequestSchema>;
const FIELDS = ['givenName', 'familyName', 'email', 'password'] as const;
const LABELS: Record<(typeof FIELDS)[number], string> = {
  givenName: 'First name',
  familyName: 'Last name',
  email: 'Email address',
  password: 'Password',
};

function message(field: (typeof FIELDS)[number], error: { type: string; message?: string } | undefined) {
  if (!error) return undefined;
  if (field === 'email' && error.type !== 'server') return 'Enter your email address, like name@example.com.';
  if ((field === 'givenName' || field === 'familyName') && error.message === 'is required') {
    return `Enter your ${LABELS[field].toLowerCase()}.`;
  }
  return sentence(LABELS[field], error.message);
}

/** After sign-up: where the link went, and a way to send it again. */
function CheckYourEmail({
  email,
  message: serverMessage,
  onStartAgain,
}: {
  email: string;
  message: string;
  onStartAgain: () => void;
}) {
  const resend = useMutation({
    mutationFn: () =>
      api.post(AUTH_API.resendVerification, { email }, { schema: acceptedSchema, auth: false }),
  });
  return (
    <AuthLayout title="Check your email" icon={<MailIcon className="size-6" />}>
      <div className="space-y-4 text-sm leading-6 text-slate-700">
        <p>
          We’ve sent a link to <strong className="font-semibold break-words text-slate-900">{email}</strong>.
          Open it to confirm your address, then sign in.
        </p>
        {serverMessage ? <p className="text-slate-600">{serverMessage}</p> : null}
        <p className="text-slate-600">
          The email can take a few minutes. Check your junk or spam folder too.
        </p>
      </div>
      <div className="mt-6 space-y-3 border-t border-slate-100 pt-6">
        <div aria-live="polite">
          {resend.isSuccess ? (
            <Alert tone="success" title="We’ve sent another link">
              {resend.data.message}
            </Alert>
          ) : null}
        </div>
        <ApiErrorAlert error={resend.error} />
        <div className="flex flex-col gap-3 sm:flex-row">
          <Button variant="secondary" loading={resend.isPending} onClick={() => resend.mutate()}>
            Send the link again
          </Button>
          <Button variant="ghost" onClick={onStartAgain}>
            Use a different email
          </Button>
        </div>
        <p className="pt-2 text-sm text-slate-600">
          Already confirmed?{' '}
          <Link to={APP_ROUTES.signIn} className={linkClasses}>
            Sign in
          </Link>
        </p>
      </div>
    </AuthLayout>
  );
}

export function SignUpPage() {
  const { status } = useAuth();
  const form = useForm<SignUpValues>({
    resolver: zodResolver(signUpRequestSchema),
    defaultValues: { givenName: '', familyName: '', email: '', password: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  const [givenName, familyName, email, password] = useWatch({
    control: form.control,
    name: ['givenName', 'familyName', 'email', 'password'],
  });
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const result = await api.post(AUTH_API.signUp, values, { schema: acceptedSchema, auth: false });
      setSent({ email: values.email, message: result.message });
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, FIELDS)) return;
      setError(caught);
    }
  });

  if (status === 'signed-in') return <Navigate to="/" replace />;
  if (sent) {
    return (
      <CheckYourEmail
        email={sent.email}
        message={sent.message}
        onStartAgain={() => {
          setSent(null);
          form.reset({ ...form.getValues(), email: '', password: '' });
        }}
      />
    );
  }

  return (
    <AuthLayout
      title="Create your account"
      icon={<UserIcon className="size-6" />}
      description="Prepare your tax return with a refund estimate that explains every line."
      footer={
        <>
          Already have an account?{' '}
          <Link to={APP_ROUTES.signIn} className={linkClasses}>
            Sign in
          </Link>
        </>
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
        <ApiErrorAlert error={error} />
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            label="First name"
            autoComplete="given-name"
            required
            error={message('givenName', errors.givenName)}
            {...form.register('givenName')}
          />
          <TextField
            label="Last name"
            autoComplete="family-name"
            required
            error={message('familyName', errors.familyName)}
            {...form.register('familyName')}
          />
        </div>
        <TextField
          label="Email address"
          type="email"
          inputMode="email"
          autoComplete="email"
          autoCapitalize="none"
          spellCheck={false}
          required
          hint="We’ll send a link to confirm it’s yours."
          error={message('email', errors.email)}
          {...form.register('email')}
        />
        <PasswordField
          label="Password"
          autoComplete="new-password"
          required
          strengthOf={password ?? ''}
          personal={[givenName ?? '', familyName ?? '', email ?? '']}
          error={message('password', errors.password)}
          {...form.register('password')}
        />
        <Button type="submit" size="lg" fullWidth loading={isSubmitting}>
          Create account
        </Button>
        <p className="flex items-start gap-2 text-xs leading-5 text-slate-500">
          <CheckCircleIcon className="mt-0.5 size-4 shrink-0 text-teal-700" />
          Your password is stored only as a one-way hash. Your tax file number and documents are encrypted.
        </p>
      </form>
    </AuthLayout>
  );
}
