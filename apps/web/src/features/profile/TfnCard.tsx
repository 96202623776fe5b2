import { isValidTfn, tfnSchema, type Profile } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useMutation } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  Button,
  Card,
  CheckCircleIcon,
  EyeIcon,
  LockIcon,
  ShieldIcon,
  TextField,
  buttonClasses,
} from '../../components';
import { isApiError } from '../../lib/api';
import { twoFactorSetupPath } from '../../lib/auth';
import { applyServerFieldErrors, sentence } from '../../lib/forms';
import { fetchTfn, useSaveTfn } from './profile-api';

/** How long a revealed TFN stays on screen. */
export const TFN_VISIBLE_SECONDS = 30;

const INVALID_TFN =
  'That isn’t a valid tax file number. Check the digits against a letter from the ATO or your myGov account.';

const tfnFormSchema = z.object({ tfn: tfnSchema.refine(isValidTfn, INVALID_TFN) });

/** "123456782" → "123 456 782" (8-digit TFNs: "12 345 678"). */
export function groupTfn(digits: string): string {
  const clean = digits.replace(/\D/g, '');
  if (clean.length === 8) return `${clean.slice(0, 2)} ${clean.slice(2, 5)} ${clean.slice(5)}`;
  return clean.replace(/(\d{3})(?=\d)/g, '$1 ');
}

/**
 * Instant feedback while typing: nothing until the number is complete, then whether the check
 * digit works out (the same rule the server applies).
 */
export function tfnFeedback(value: string): { valid: boolean; message: string } | null {
  const digits = value.replace(/[\s-]/g, '');
  if (digits === '') return null;
  if (/\D/.test(digits)) return { valid: false, message: 'A tax file number has only digits.' };
  if (digits.length > 9)
    return { valid: false, message: 'A tax file number has 9 digits (some older ones have 8).' };
  if (digits.length < 9) return null;
  return isValidTfn(digits)
    ? { valid: true, message: 'This looks like a valid tax file number.' }
    : { valid: false, message: INVALID_TFN };
}

function TfnForm({
  present,
  onDone,
  onCancel,
}: {
  present: boolean;
  onDone: () => void;
  onCancel: () => void;
}) {
  const save = useSaveTfn();
  const form = useForm<z.input<typeof tfnFormSchema>, unknown, z.output<typeof tfnFormSchema>>({
    resolver: zodResolver(tfnFormSchema),
    defaultValues: { tfn: '' },
  });
  const value = useWatch({ control: form.control, name: 'tfn' });
  const live = tfnFeedback(value ?? '');
  const submitted = form.formState.errors.tfn;

  const submit = form.handleSubmit(async ({ tfn }) => {
    try {
      await save.mutateAsync(tfn);
      onDone();
    } catch (caught) {
      applyServerFieldErrors(form, caught, ['tfn']);
    }
  });

  const error =
    submitted?.type === 'server'
      ? sentence('Tax file number', submitted.message)
      : submitted
        ? live && !live.valid
          ? live.message
          : 'Enter your 9-digit tax file number.'
        : live && !live.valid
          ? live.message
          : undefined;

  return (
    <form
      noValidate
      onSubmit={(event) => void submit(event)}
      className="mt-5 space-y-4 border-t border-slate-100 pt-5"
    >
      <TextField
        label={present ? 'New tax file number' : 'Tax file number'}
        hint="9 digits. It’s on your income statement, a notice of assessment, or in myGov."
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={11}
        inputClassName="font-mono tracking-wider max-w-[14rem]"
        error={error}
        {...form.register('tfn')}
      />
      <div aria-live="polite" className="-mt-2 min-h-0">
        {live?.valid && !submitted ? (
          <p className="flex items-center gap-1.5 text-sm font-medium text-teal-800">
            <CheckCircleIcon className="size-4" />
            {live.message}
          </p>
        ) : null}
      </div>
      {save.isError && !(isApiError(save.error) && save.error.fieldErrors.tfn) ? (
        <ApiErrorAlert error={save.error} />
      ) : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button type="submit" loading={form.formState.isSubmitting}>
          Save tax file number
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={form.formState.isSubmitting}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

export function TfnCard({ profile }: { profile: Profile }) {
  const [revealed, setRevealed] = useState<string | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);
  const [editing, setEditing] = useState(false);
  const [savedNotice, setSavedNotice] = useState(false);
  const showButton = useRef<HTMLButtonElement>(null);
  const reveal = useMutation({ mutationFn: fetchTfn });

  const hide = useCallback(() => {
    setRevealed(null);
    setSecondsLeft(0);
    reveal.reset();
  }, [reveal]);

  // A shown TFN disappears after a short while, and whenever the tab is hidden.
  useEffect(() => {
    if (revealed === null) return;
    const timer = setInterval(() => {
      setSecondsLeft((left) => {
        if (left <= 1) {
          setRevealed(null);
          return 0;
        }
        return left - 1;
      });
    }, 1000);
    const onHidden = () => document.visibilityState === 'hidden' && setRevealed(null);
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', onHidden);
    };
  }, [revealed]);

  const onShow = async () => {
    setSavedNotice(false);
    try {
      const tfn = await reveal.mutateAsync();
      setRevealed(tfn);
      setSecondsLeft(TFN_VISIBLE_SECONDS);
    } catch {
      // Shown below (or the person cancelled "Confirm it's you").
    }
  };

  const onHide = () => {
    hide();
    showButton.current?.focus();
  };

  const { present, masked } = profile.tfn;
  const canUse = profile.twoFactorEnabled;

  return (
    <Card>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
        <div className="flex items-center gap-3">
          <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-600">
            <LockIcon className="size-5" />
          </span>
          <div>
            <p className="text-sm text-slate-600">Tax file number</p>
            <p
              className="font-mono text-lg font-medium tracking-wider text-slate-900 tabular"
              aria-live="polite"
            >
              {revealed ? (
                <>
                  <span className="sr-only">Your tax file number is </span>
                  {groupTfn(revealed)}
                </>
              ) : present ? (
                <>
                  <span className="sr-only">Hidden, ending in </span>
                  <span aria-hidden="true">{masked?.replace(/\*/g, '•')}</span>
                  <span className="sr-only">{masked?.slice(-3).split('').join(' ')}</span>
                </>
              ) : (
                <span className="font-sans text-base tracking-normal text-slate-500">Not added yet</span>
              )}
            </p>
          </div>
        </div>
        {canUse && !editing ? (
          <div className="flex flex-wrap gap-2">
            {present ? (
              revealed ? (
                <Button variant="secondary" onClick={onHide} aria-describedby="tfn-hide-timer">
                  Hide
                </Button>
              ) : (
                <Button
                  ref={showButton}
                  variant="secondary"
                  icon={<EyeIcon className="size-4" />}
                  loading={reveal.isPending}
                  onClick={() => void onShow()}
                >
                  Show
                </Button>
              )
            ) : null}
            <Button
              variant={present ? 'secondary' : 'primary'}
              onClick={() => {
                hide();
                setSavedNotice(false);
                setEditing(true);
              }}
            >
              {present ? 'Change' : 'Add your TFN'}
            </Button>
          </div>
        ) : null}
      </div>

      {revealed ? (
        <p id="tfn-hide-timer" className="mt-3 text-sm text-slate-600">
          Hidden again in {secondsLeft} second{secondsLeft === 1 ? '' : 's'}. Make sure no one is looking at
          your screen.
        </p>
      ) : null}

      {reveal.isError ? <ApiErrorAlert error={reveal.error} className="mt-4" /> : null}

      {!canUse ? (
        <Alert
          tone="info"
          icon={<ShieldIcon />}
          title="Turn on two-factor authentication to see or change your TFN"
          className="mt-5"
          actions={
            <Link
              to={twoFactorSetupPath('/profile#tfn')}
              className={buttonClasses({ variant: 'secondary', size: 'sm' })}
            >
              Turn it on<span className="sr-only"> (two-factor authentication)</span>
            </Link>
          }
        >
          Your TFN is encrypted. To keep it safe even if someone learns your password, showing or changing it
          needs a code from your authenticator app.
        </Alert>
      ) : (
        <p className="mt-4 text-sm text-slate-600">
          Stored encrypted. Showing or changing it asks for a code from your authenticator app.
        </p>
      )}

      {editing ? (
        <TfnForm
          present={present}
          onCancel={() => setEditing(false)}
          onDone={() => {
            setEditing(false);
            setSavedNotice(true);
          }}
        />
      ) : null}
      <div aria-live="polite">
        {savedNotice ? <Alert tone="success" title="Your tax file number is saved" className="mt-4" /> : null}
      </div>
    </Card>
  );
}
