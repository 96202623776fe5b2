import { acceptedSchema, newPasswordSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link, useSearchParams } from 'react-router';
import { z } from 'zod';
import {
  ApiErrorAlert,
  AuthLayout,
  Button,
  buttonClasses,
  CheckCircleIcon,
  KeyIcon,
  linkClasses,
  PasswordField,
  WarningIcon,
} from '../../components';
import { api, isApiError } from '../../lib/api';
import { APP_ROUTES, AUTH_API } from '../../lib/auth';
import { applyServerFieldErrors, sentence } from '../../lib/forms';

const formSchema = z.object({ password: newPasswordSchema });

function LinkExpired() {
  return (
    <AuthLayout
      title="This reset link doesn’t work any more"
      icon={<WarningIcon className="size-6" />}
      iconTone="warning"
      description="Reset links work once and for a limited time. Ask for a new one and use the newest email."
    >
      <Link to={APP_ROUTES.forgotPassword} className={buttonClasses({ size: 'lg', fullWidth: true })}>
        Ask for a new link
      </Link>
    </AuthLayout>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token')?.trim() ?? '';
  const form = useForm<z.input<typeof formSchema>>({
    resolver: zodResolver(formSchema),
    defaultValues: { password: '' },
  });
  const password = useWatch({ control: form.control, name: 'password' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = form.handleSubmit(async ({ password: newPassword }) => {
    setError(null);
    try {
      const result = await api.post(
        AUTH_API.resetPassword,
        { token, password: newPassword },
        { schema: acceptedSchema, auth: false },
      );
      setDone(result.message);
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, ['password'])) return;
      setError(caught);
    }
  });

  if (token.length < 10 || (isApiError(error) && error.status === 410)) return <LinkExpired />;

  if (done !== null) {
    return (
      <AuthLayout
        title="Your password has been changed"
        icon={<CheckCircleIcon className="size-6" />}
        description={done || 'Sign in with your new password.'}
      >
        <Link to={APP_ROUTES.signIn} className={buttonClasses({ size: 'lg', fullWidth: true })}>
          Sign in
        </Link>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout
      title="Choose a new password"
      icon={<KeyIcon className="size-6" />}
      description="Pick something you don’t use anywhere else."
      footer={
        <Link to={APP_ROUTES.signIn} className={linkClasses}>
          Back to sign in
        </Link>
      }
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
        <ApiErrorAlert error={error} />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          required
          strengthOf={password}
          error={sentence('Password', form.formState.errors.password?.message)}
          {...form.register('password')}
        />
        <Button type="submit" size="lg" fullWidth loading={form.formState.isSubmitting}>
          Change password
        </Button>
      </form>
    </AuthLayout>
  );
}
