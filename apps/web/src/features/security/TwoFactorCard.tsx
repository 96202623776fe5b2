import type { twoFactorSetupSchema } from '@numeri/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { z } from 'zod';
import { Alert, ApiErrorAlert, Badge, Button, Card, CopyIcon, Dialog, ShieldIcon } from '../../components';
import { useAuth } from '../../lib/auth';
import { cn } from '../../lib/cn';
import { SecondFactorForm } from '../second-factor/SecondFactorForm';
import { RecoveryCodesPanel } from './RecoveryCodes';
import {
  disableTwoFactor,
  enableTwoFactor,
  regenerateRecoveryCodes,
  startTwoFactorSetup,
  useTwoFactorChanged,
} from './security-api';

type TwoFactorSetup = z.infer<typeof twoFactorSetupSchema>;

/** "JBSWY3DPEHPK3PXP" → "JBSW Y3DP EHPK 3PXP", easier to type into an app. */
export function groupSecret(secret: string): string {
  return secret.replace(/\s/g, '').replace(/(.{4})(?=.)/g, '$1 ');
}

function StepNumber({ n }: { n: number }) {
  return (
    <span
      aria-hidden="true"
      className="flex size-7 shrink-0 items-center justify-center rounded-full bg-teal-700 text-sm font-semibold text-white"
    >
      {n}
    </span>
  );
}

function ScanStep({
  setup,
  onEnabled,
  onCancel,
}: {
  setup: TwoFactorSetup;
  onEnabled: (codes: string[]) => void;
  onCancel: () => void;
}) {
  const [copied, setCopied] = useState(false);
  const copyKey = async () => {
    try {
      await navigator.clipboard.writeText(setup.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <ol className="space-y-8">
      <li className="flex gap-4">
        <StepNumber n={1} />
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-slate-900">Add Numeri to your authenticator app</h3>
          <p className="mt-1 text-sm leading-6 text-slate-600">
            Use an app such as Google Authenticator, Microsoft Authenticator or your password manager. Scan
            this QR code with it.
          </p>
          <div className="mt-4 flex flex-col gap-5 sm:flex-row sm:items-start">
            <img
              src={setup.qrCodeDataUrl}
              alt="QR code for adding your Numeri account to an authenticator app"
              width={176}
              height={176}
              className="size-44 shrink-0 rounded-xl bg-white p-2 ring-1 ring-slate-200"
            />
            <div className="min-w-0 text-sm leading-6 text-slate-600">
              <p className="font-medium text-slate-900">Can’t scan it?</p>
              <p>Enter this key in the app instead (time-based):</p>
              <p className="mt-2 flex flex-wrap items-center gap-2">
                <code
                  aria-label={`Set-up key: ${setup.secret.split('').join(' ')}`}
                  className="rounded-lg bg-slate-100 px-2.5 py-1.5 font-mono text-[0.9375rem] tracking-wide break-all text-slate-900"
                >
                  {groupSecret(setup.secret)}
                </code>
                <Button
                  variant="ghost"
                  size="sm"
                  icon={<CopyIcon className="size-4" />}
                  onClick={() => void copyKey()}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              </p>
              <p className="mt-3 sm:hidden">
                On this phone?{' '}
                <a href={setup.otpauthUri} className="font-medium text-teal-800 underline underline-offset-2">
                  Open it in your authenticator app
                </a>
              </p>
            </div>
          </div>
        </div>
      </li>
      <li className="flex gap-4">
        <StepNumber n={2} />
        <div className="min-w-0 flex-1">
          <h3 className="text-sm font-semibold text-slate-900">Enter the code the app shows</h3>
          <p className="mt-1 mb-4 text-sm leading-6 text-slate-600">It changes every 30 seconds.</p>
          <SecondFactorForm
            allowRecovery={false}
            actionsAlign="start"
            submitLabel="Turn on two-factor authentication"
            onSubmit={async (code) => onEnabled((await enableTwoFactor(code)).recoveryCodes)}
            secondaryAction={
              <Button variant="ghost" onClick={onCancel}>
                Cancel
              </Button>
            }
          />
        </div>
      </li>
    </ol>
  );
}

type Step = { name: 'status' } | { name: 'scan'; setup: TwoFactorSetup } | { name: 'codes'; codes: string[] };

function RegenerateDialog({
  open,
  onOpenChange,
  email,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  email: string;
}) {
  const [codes, setCodes] = useState<string[] | null>(null);
  const changed = useTwoFactorChanged();
  const close = () => {
    onOpenChange(false);
    setCodes(null);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => (next ? onOpenChange(true) : close())}
      title={codes ? 'Your new recovery codes' : 'Get new recovery codes'}
      description={
        codes
          ? undefined
          : 'Your current recovery codes will stop working. Enter a code from your authenticator app to continue.'
      }
      size={codes ? 'md' : 'sm'}
    >
      {codes ? (
        <RecoveryCodesPanel codes={codes} email={email} onDone={close} />
      ) : (
        <SecondFactorForm
          autoFocus
          submitLabel="Get new codes"
          onSubmit={async (code) => {
            const result = await regenerateRecoveryCodes(code);
            setCodes(result.recoveryCodes);
            void changed();
          }}
          secondaryAction={
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
          }
        />
      )}
    </Dialog>
  );
}

function DisableDialog({
  open,
  onOpenChange,
  onDisabled,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onDisabled: () => void;
}) {
  const changed = useTwoFactorChanged();
  return (
    <Dialog
      open={open}
      onOpenChange={onOpenChange}
      tone="danger"
      size="sm"
      title="Turn off two-factor authentication?"
      description="Your account will be protected by your password alone, and you won’t be able to see your tax file number or lodge until you turn it back on."
    >
      <SecondFactorForm
        autoFocus
        tone="danger"
        submitLabel="Turn off"
        onSubmit={async (code) => {
          await disableTwoFactor(code);
          await changed();
          onDisabled();
        }}
        secondaryAction={
          <Button variant="secondary" onClick={() => onOpenChange(false)}>
            Keep it on
          </Button>
        }
      />
    </Dialog>
  );
}

export interface TwoFactorCardProps {
  enabled: boolean;
  /** From the profile; null while unknown. */
  recoveryCodesRemaining: number | null;
  /** Where to go once 2FA is on (the page that asked for it). */
  next?: string | undefined;
  /** Why the person was sent here, if they were. */
  reason?: string | undefined;
  /** Emphasise the card (arrived via ?setup=2fa). */
  highlighted?: boolean;
}

/** Two-factor status, the set-up wizard (QR → code → recovery codes), new codes and turning it off. */
export function TwoFactorCard({
  enabled,
  recoveryCodesRemaining: remaining,
  next,
  reason,
  highlighted = false,
}: TwoFactorCardProps) {
  const { user } = useAuth();
  const navigate = useNavigate();
  const changed = useTwoFactorChanged();
  const [step, setStep] = useState<Step>({ name: 'status' });
  const [notice, setNotice] = useState<string | null>(null);
  const [regenerating, setRegenerating] = useState(false);
  const [disabling, setDisabling] = useState(false);
  const start = useMutation({
    mutationFn: startTwoFactorSetup,
    onSuccess: (setup) => setStep({ name: 'scan', setup }),
  });

  // Between "Turn on" and confirming the recovery codes are saved, it is already on.
  const isOn = enabled || step.name === 'codes';

  const finishSetup = async () => {
    await changed();
    setStep({ name: 'status' });
    if (next) {
      void navigate(next, { replace: true });
      return;
    }
    setNotice('Two-factor authentication is on. You’ll enter a code from your app when you sign in.');
  };

  return (
    <Card className={cn(highlighted && !isOn && 'ring-2 ring-teal-600')}>
      <div className="flex items-start gap-3">
        <span
          className={cn(
            'flex size-10 shrink-0 items-center justify-center rounded-xl',
            isOn ? 'bg-teal-50 text-teal-700 ring-1 ring-teal-200' : 'bg-slate-100 text-slate-600',
          )}
        >
          <ShieldIcon className="size-5" />
        </span>
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-center gap-2 font-medium text-slate-900">
            Authenticator app
            {isOn ? <Badge tone="success">On</Badge> : <Badge tone="warning">Off</Badge>}
          </p>
          <p className="mt-1 text-sm leading-6 text-slate-600">
            {isOn
              ? 'When you sign in, and before sensitive changes, we ask for a code from your authenticator app.'
              : 'Add a second step to signing in: a code from an app on your phone. It keeps your account safe even if someone learns your password, and you need it to see your TFN or lodge.'}
          </p>
        </div>
      </div>

      {reason && !enabled && step.name === 'status' ? (
        <Alert
          tone="info"
          live="polite"
          title="Turn on two-factor authentication to continue"
          className="mt-5"
        >
          {reason}
        </Alert>
      ) : null}

      <div aria-live="polite">{notice ? <Alert tone="success" title={notice} className="mt-5" /> : null}</div>

      {step.name === 'scan' ? (
        <div className="mt-6 border-t border-slate-100 pt-6">
          <ScanStep
            setup={step.setup}
            onEnabled={(codes) => setStep({ name: 'codes', codes })}
            onCancel={() => setStep({ name: 'status' })}
          />
        </div>
      ) : step.name === 'codes' ? (
        <div className="mt-6 border-t border-slate-100 pt-6">
          <h3 className="mb-4 text-sm font-semibold text-slate-900">Two-factor authentication is on</h3>
          <RecoveryCodesPanel
            codes={step.codes}
            email={user?.email}
            doneLabel={next ? 'Continue' : 'Done'}
            onDone={() => void finishSetup()}
          />
        </div>
      ) : enabled ? (
        <div className="mt-5 border-t border-slate-100 pt-5">
          {remaining === null ? null : (
            <p className={cn('text-sm', remaining <= 3 ? 'font-medium text-amber-800' : 'text-slate-600')}>
              {remaining === 0
                ? 'You have no recovery codes left. Get new ones now.'
                : `${remaining} of 10 recovery codes left.${remaining <= 3 ? ' Get new ones soon.' : ''}`}
            </p>
          )}
          <div className={cn('flex flex-wrap gap-2', remaining !== null && 'mt-4')}>
            <Button variant="secondary" onClick={() => setRegenerating(true)}>
              Get new recovery codes
            </Button>
            <Button
              variant="ghost"
              className="text-red-700 hover:bg-red-50 hover:text-red-800"
              onClick={() => setDisabling(true)}
            >
              Turn off
            </Button>
          </div>
        </div>
      ) : (
        <div className="mt-5 space-y-4">
          {start.isError ? <ApiErrorAlert error={start.error} /> : null}
          <Button
            onClick={() => {
              setNotice(null);
              start.mutate();
            }}
            loading={start.isPending}
          >
            Set up two-factor authentication
          </Button>
        </div>
      )}

      <RegenerateDialog open={regenerating} onOpenChange={setRegenerating} email={user?.email ?? ''} />
      <DisableDialog
        open={disabling}
        onOpenChange={setDisabling}
        onDisabled={() => {
          setDisabling(false);
          setNotice('Two-factor authentication is off.');
        }}
      />
    </Card>
  );
}
