import { changePasswordSchema } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { Alert, ApiErrorAlert, Button, Card, PasswordField } from '../../components';
import { useAuth } from '../../lib/auth';
import { applyServerFieldErrors, sentence } from '../../lib/forms';
import { ACTIVITY_KEY, changePassword, SESSIONS_KEY } from './security-api';

type Values = z.input<typeof changePasswordSchema>;

export function ChangePasswordForm() {
  const { user } = useAuth();
  const queryClient = useQueryClient();
  const form = useForm<Values>({
    resolver: zodResolver(changePasswordSchema),
    defaultValues: { currentPassword: '', newPassword: '' },
  });
  const newPassword = useWatch({ control: form.control, name: 'newPassword' });
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async (values) => {
    setError(null);
    setDone(false);
    try {
      await changePassword(values);
      form.reset();
      setDone(true);
      void queryClient.invalidateQueries({ queryKey: SESSIONS_KEY });
      void queryClient.invalidateQueries({ queryKey: ACTIVITY_KEY });
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, ['currentPassword', 'newPassword'])) return;
      setError(caught);
    }
  });

  return (
    <Card>
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          error={
            errors.currentPassword
              ? errors.currentPassword.type === 'server'
                ? sentence('Current password', errors.currentPassword.message)
                : 'Enter your current password.'
              : undefined
          }
          {...form.register('currentPassword')}
        />
        <PasswordField
          label="New password"
          autoComplete="new-password"
          strengthOf={newPassword}
          personal={user ? [user.givenName, user.familyName, user.email] : []}
          error={sentence('New password', errors.newPassword?.message)}
          {...form.register('newPassword')}
        />
        <ApiErrorAlert error={error} />
        <div aria-live="polite">
          {done ? <Alert tone="success" title="Your password has been changed" /> : null}
        </div>
        <Button type="submit" loading={isSubmitting}>
          Change password
        </Button>
      </form>
    </Card>
  );
}
