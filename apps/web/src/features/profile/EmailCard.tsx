import { changeEmailSchema, type Profile } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  Badge,
  Button,
  Card,
  MailIcon,
  PasswordField,
  TextField,
} from '../../components';

import { applyServerFieldErrors, sentence } from '../../lib/forms';
import { requestEmailChange } from './profile-api';

type Values = z.input<typeof changeEmailSchema>;

function ChangeEmailForm({
  onSent,
  onCancel,
}: {
  onSent: (email: string, message: string) => void;
  onCancel: () => void;
}) {
  const form = useForm<Values>({
    resolver: zodResolver(changeEmailSchema),
    defaultValues: { newEmail: '', password: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ newEmail, password }) => {
    setError(null);
    try {
      const result = await requestEmailChange(newEmail, password);
      onSent(newEmail, result.message);
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, ['newEmail', 'password'])) return;
      setError(caught);
    }
  });

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="mt-5 space-y-4 border-t border-slate-100 pt-5"
    >
      <TextField
        label="New email address"
        type="email"
        inputMode="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        error={
          errors.newEmail
            ? errors.newEmail.type === 'server'
              ? sentence('New email address', errors.newEmail.message)
              : 'Enter the new email address, like name@example.com.'
            : undefined
        }
        {...form.register('newEmail')}
      />
      <PasswordField
        label="Your password"
        hint="To confirm it’s you."
        autoComplete="current-password"
        error={
          errors.password
            ? errors.password.type === 'server'
              ? sentence('Password', errors.password.message)
              : 'Enter your password.'
            : undefined
        }
        {...form.register('password')}
      />
      <ApiErrorAlert error={error} />
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" loading={isSubmitting}>
          Send confirmation link
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function EmailCard({ profile }: { profile: Profile }) {
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState<{ email: string; message: string } | null>(null);
  return (
    <Card>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex min-w-0 items-center gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-600">
            <MailIcon className="size-5" />
          </span>
          <div className="min-w-0">
            <p className="text-sm text-slate-600">Email address</p>
            <p className="flex flex-wrap items-center gap-2 font-medium break-all text-slate-900">
              {profile.email}
              {profile.emailVerified ? (
                <Badge tone="success">Confirmed</Badge>
              ) : (
                <Badge tone="warning">Not confirmed</Badge>
              )}
            </p>
          </div>
        </div>
        {editing ? null : (
          <Button
            variant="secondary"
            onClick={() => {
              setSent(null);
              setEditing(true);
            }}
          >
            Change email
          </Button>
        )}
      </div>
      {editing ? (
        <ChangeEmailForm
          onCancel={() => setEditing(false)}
          onSent={(email, message) => {
            setEditing(false);
            setSent({ email, message });
          }}
        />
      ) : null}
      <div aria-live="polite">
        {sent ? (
          <Alert tone="success" title="Check your new inbox" className="mt-5">
            <p>
              We’ve sent a link to <strong className="break-all">{sent.email}</strong>. Your sign-in email
              changes when you open it. Until then, keep using {profile.email}.
            </p>
            {sent.message ? <p className="mt-1">{sent.message}</p> : null}
          </Alert>
        ) : null}
      </div>
    </Card>
  );
}
