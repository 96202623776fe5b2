import { acceptedSchema, signInRequestSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import type { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  AuthLayout,
  Button,
  linkClasses,
  LockIcon,
  PasswordField,
  ShieldIcon,
  TextField,
} from '../../components';
import { api, isApiError } from '../../lib/api';
import { APP_ROUTES, AUTH_API, safeNext, useAuth } from '../../lib/auth';
import { formatWait, sentence, useRetryCountdown } from '../../lib/forms';
import { SecondFactorForm } from '../second-factor/SecondFactorForm';

type SignInValues = z.input<typeof signInRequestSchema>;

/** Messages other pages leave for this one (`navigate('/sign-in', { state: { notice } })`). */
const NOTICES: Record<string, { title: string; body?: string }> = {
  'signed-out': { title: 'You’re signed out', body: 'See you next time.' },
  'signed-out-everywhere': {
    title: 'You’re signed out on every device',
    body: 'Anyone using your account elsewhere has been signed out too.',
  },
  'password-changed': { title: 'Your password has been changed', body: 'Sign in with your new password.' },
  'session-ended': { title: 'Your session ended', body: 'Please sign in again.' },
};

/** Server sentences sometimes end without a full stop; add one before another sentence follows. */
function withFullStop(text: string): string {
  return /[.!?]$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;
}

function emailMessage(error: { type: string; message?: string } | undefined): string | undefined {
  if (!error) return undefined;
  if (error.type === 'server') return sentence('Email address', error.message);
  return 'Enter your email address, like name@example.com.';
}

/** Offers a new confirmation link when the email address hasn't been confirmed yet. */
function ResendVerification({ email, detail }: { email: string; detail: string | undefined }) {
  const resend = useMutation({
    mutationFn: () =>
      api.post(AUTH_API.resendVerification, { email }, { schema: acceptedSchema, auth: false }),
  });
  return (
    <Alert
      tone="warning"
      live="assertive"
      title="Your email address isn’t confirmed yet"
      actions={
        resend.isSuccess ? null : (
          <Button variant="secondary" size="sm" loading={resend.isPending} onClick={() => resend.mutate()}>
            Send a new link
          </Button>
        )
      }
    >
      <p>{detail ?? 'Open the link we emailed you when you created your account.'}</p>
      {resend.isSuccess ? (
        <p role="status" className="mt-2 font-medium">
          {resend.data.message || `We’ve sent a new link to ${email}.`}
        </p>
      ) : null}
      {resend.isError ? (
        <p role="alert" className="mt-2 font-medium text-red-800">
          {isApiError(resend.error) && resend.error.detail
            ? resend.error.detail
            : 'We couldn’t send a new link just now. Please try again.'}
        </p>
      ) : null}
    </Alert>
  );
}

function PasswordStep({ onMfaRequired }: { onMfaRequired: (mfaToken: string, email: string) => void }) {
  const { signIn } = useAuth();
  const form = useForm<SignInValues>({
    resolver: zodResolver(signInRequestSchema),
    defaultValues: { email: '', password: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const [attemptedEmail, setAttemptedEmail] = useState('');
  const wait = useRetryCountdown(error);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    const email = values.email.trim().toLowerCase();
    try {
      const result = await signIn(email, values.password);
      if (result.status === 'mfa-required') onMfaRequired(result.mfaToken, email);
      // Signed in: the page re-renders and goes on to where the person was heading.
    } catch (caught) {
      setAttemptedEmail(email);
      if (isApiError(caught) && caught.isValidation && caught.hasFieldErrors) {
        for (const field of ['email', 'password'] as const) {
          const message = caught.fieldErrors[field];
          if (message) form.setError(field, { type: 'server', message });
        }
        form.setFocus(caught.fieldErrors.email ? 'email' : 'password');
        return;
      }
      setError(caught);
      if (isApiError(caught) && caught.status === 401) {
        form.setValue('password', '');
        form.setFocus('password');
      }
    }
  });

  const code = isApiError(error) ? error.code : undefined;
  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
      {code === 'EMAIL_NOT_VERIFIED' ? (
        <ResendVerification email={attemptedEmail} detail={isApiError(error) ? error.detail : undefined} />
      ) : isApiError(error) && error.status === 429 ? (
        <Alert
          tone="error"
          title={code === 'ACCOUNT_LOCKED' ? 'Sign-in is paused for this account' : 'Too many attempts'}
          actions={
            <Link to={APP_ROUTES.forgotPassword} className={linkClasses}>
              Reset your password
            </Link>
          }
        >
          <p>{error.detail ?? 'Too many attempts. Please wait a little and try again.'}</p>
          {wait > 0 ? <p className="mt-1 font-medium">You can try again in {formatWait(wait)}.</p> : null}
        </Alert>
      ) : isApiError(error) && error.status === 401 ? (
        <ApiErrorAlert error={error} title="We couldn’t sign you in">
          {withFullStop(error.detail ?? 'The email address or password is not right')} Check them and try
          again.
        </ApiErrorAlert>
      ) : (
        <ApiErrorAlert error={error} />
      )}

      <TextField
        label="Email address"
        type="email"
        autoComplete="username"
        inputMode="email"
        autoCapitalize="none"
        spellCheck={false}
        required
        error={emailMessage(errors.email)}
        {...form.register('email')}
      />
      <div>
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          error={
            errors.password
              ? errors.password.type === 'server'
                ? sentence('Password', errors.password.message)
                : 'Enter your password.'
              : undefined
          }
          {...form.register('password')}
        />
        <p className="mt-2 text-sm">
          <Link to={APP_ROUTES.forgotPassword} className={linkClasses}>
            Forgot your password?
          </Link>
        </p>
      </div>
      <Button type="submit" size="lg" fullWidth loading={isSubmitting} disabled={wait > 0}>
        Sign in
      </Button>
    </form>
  );
}

function CodeStep({
  mfaToken,
  email,
  onRestart,
}: {
  mfaToken: string;
  email: string;
  onRestart: () => void;
}) {
  const { completeMfa } = useAuth();
  return (
    <div>
      <div className="mb-5 flex items-start gap-3">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-teal-50 text-teal-700 ring-1 ring-teal-200">
          <ShieldIcon className="size-5" />
        </span>
        <div className="min-w-0">
          <h2 className="text-base font-semibold text-slate-900">Two-factor authentication</h2>
          <p className="mt-0.5 text-sm break-words text-slate-600">Signing in as {email}</p>
        </div>
      </div>
      <SecondFactorForm
        onSubmit={(code) => completeMfa(mfaToken, code)}
        submitLabel="Verify and sign in"
        fullWidth
        autoFocus
        secondaryAction={
          <Button variant="ghost" fullWidth onClick={onRestart}>
            Sign in with a different account
          </Button>
        }
      />
    </div>
  );
}

export function SignInPage() {
  const { status } = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const next = safeNext(params.get('next'));
  const [challenge, setChallenge] = useState<{ mfaToken: string; email: string } | null>(null);
  const noticeKey = (location.state as { notice?: string } | null)?.notice;
  const notice = noticeKey && !challenge ? NOTICES[noticeKey] : undefined;

  if (status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <AuthLayout
      title="Sign in"
      heading="Sign in to Numeri"
      icon={<LockIcon className="size-6" />}
      description={
        next !== '/' && !challenge
          ? 'Sign in to continue where you were.'
          : 'Welcome back. Your return is where you left it.'
      }
      footer={
        <>
          New to Numeri?{' '}
          <Link to={APP_ROUTES.signUp} className={linkClasses}>
            Create an account
          </Link>{' '}
          or{' '}
          <Link to="/calculator" className={linkClasses}>
            try the tax calculator
          </Link>{' '}
          — no account needed.
        </>
      }
    >
      {notice ? (
        <Alert tone="success" live="polite" title={notice.title} className="mb-5">
          {notice.body}
        </Alert>
      ) : null}
      {challenge ? (
        <CodeStep
          mfaToken={challenge.mfaToken}
          email={challenge.email}
          onRestart={() => setChallenge(null)}
        />
      ) : (
        <PasswordStep onMfaRequired={(mfaToken, email) => setChallenge({ mfaToken, email })} />
      )}
    </AuthLayout>
  );
}
