import { closeAccountSchema, type Profile } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLocation } from 'react-router';
import type { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  Button,
  Card,
  Dialog,
  DialogActions,
  DownloadIcon,
  PasswordField,
  WarningIcon,
} from '../../components';
import { APP_ROUTES, useAuth } from '../../lib/auth';
import { saveBlob } from '../../lib/download';
import { applyServerFieldErrors, sentence } from '../../lib/forms';
import { closeAccount, downloadExport } from './profile-api';

function ExportCard({ profile }: { profile: Profile }) {
  const exportData = useMutation({
    mutationFn: downloadExport,
    onSuccess: ({ blob, filename }) => {
      saveBlob(blob, filename ?? `numeri-data-${new Date().toISOString().slice(0, 10)}.zip`);
    },
  });
  return (
    <Card>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h3 className="text-sm font-semibold text-slate-900">Download your data</h3>
          <p className="mt-1 max-w-prose text-sm leading-6 text-slate-600">
            A .zip file with your details, returns, documents and account activity.
            {profile.twoFactorEnabled
              ? ' We’ll ask for a code from your authenticator app first.'
              : ' It needs two-factor authentication turned on.'}
          </p>
        </div>
        <Button
          variant="secondary"
          className="shrink-0"
          icon={<DownloadIcon className="size-4" />}
          loading={exportData.isPending}
          onClick={() => exportData.mutate()}
        >
          {exportData.isPending ? 'Preparing…' : 'Download'}
        </Button>
      </div>
      <div aria-live="polite">
        {exportData.isSuccess ? (
          <Alert tone="success" title="Your download has started" className="mt-4">
            Keep the file somewhere safe: it contains your tax file number and documents.
          </Alert>
        ) : null}
      </div>
      {exportData.isError ? <ApiErrorAlert error={exportData.error} className="mt-4" /> : null}
    </Card>
  );
}

type CloseValues = z.input<typeof closeAccountSchema>;

function CloseAccountDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { forget, planExit } = useAuth();
  const { pathname } = useLocation();
  const form = useForm<CloseValues>({
    resolver: zodResolver(closeAccountSchema),
    defaultValues: { password: '' },
  });
  const [error, setError] = useState<unknown>(null);
  const { errors, isSubmitting } = form.formState;

  const submit = form.handleSubmit(async ({ password }) => {
    setError(null);
    try {
      const result = await closeAccount(password);
      // The server has ended every session; this page then shows the closing message.
      planExit({ from: pathname, to: APP_ROUTES.accountClosed, state: result });
      forget();
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, ['password'])) return;
      setError(caught);
    }
  });

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (isSubmitting) return;
        if (!next) {
          form.reset();
          setError(null);
        }
        onOpenChange(next);
      }}
      tone="danger"
      title="Close your Numeri account?"
      description="You’ll be signed out everywhere and won’t be able to sign in again."
    >
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-5">
        <ul className="space-y-2 text-sm leading-6 text-slate-700">
          <li className="flex gap-2.5">
            <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-red-600" />
            Any returns you haven’t lodged will not be lodged.
          </li>
          <li className="flex gap-2.5">
            <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-red-600" />
            Tax agents you gave access to lose it.
          </li>
          <li className="flex gap-2.5">
            <span aria-hidden="true" className="mt-2.5 size-1.5 shrink-0 rounded-full bg-red-600" />
            Your records are kept only as long as the law requires, then deleted. We’ll tell you the date.
          </li>
        </ul>
        <p className="text-sm text-slate-700">
          Want a copy first? Cancel and use <strong>Download your data</strong>.
        </p>
        <PasswordField
          label="Enter your password to confirm"
          autoComplete="current-password"
          error={
            errors.password
              ? errors.password.type === 'server'
                ? sentence('Password', errors.password.message)
                : 'Enter your password to close your account.'
              : undefined
          }
          {...form.register('password')}
        />
        <ApiErrorAlert error={error} />
        <DialogActions className="mt-0">
          <Button variant="secondary" onClick={() => onOpenChange(false)} disabled={isSubmitting}>
            Keep my account
          </Button>
          <Button type="submit" variant="danger" loading={isSubmitting}>
            Close my account
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}

export function YourDataSection({ profile }: { profile: Profile }) {
  const [closing, setClosing] = useState(false);
  return (
    <div className="space-y-4">
      <ExportCard profile={profile} />
      <Card className="ring-red-200">
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
          <div>
            <h3 className="flex items-center gap-2 text-sm font-semibold text-red-800">
              <WarningIcon className="size-4" />
              Close your account
            </h3>
            <p className="mt-1 max-w-prose text-sm leading-6 text-slate-600">
              Stop using Numeri. This can’t be undone.
            </p>
          </div>
          <Button variant="danger" className="shrink-0" onClick={() => setClosing(true)}>
            Close account…
          </Button>
        </div>
      </Card>
      <CloseAccountDialog open={closing} onOpenChange={setClosing} />
    </div>
  );
}
