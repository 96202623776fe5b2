import { inviteReviewerSchema, type Delegation } from '@numeri/contracts';
import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import type { z } from 'zod';
import {
  Alert,
  ApiErrorAlert,
  Badge,
  Button,
  buttonClasses,
  Card,
  Dialog,
  DialogActions,
  Page,
  SettingsSection,
  Spinner,
  TextField,
  type BadgeTone,
} from '../../components';
import { APP_ROUTES } from '../../lib/auth';
import { applyServerFieldErrors, sentence } from '../../lib/forms';
import { formatDate } from '../../lib/format';
import { useDelegations, useEndDelegation, useInviteReviewer } from './reviewers-api';

const STATUS: Record<Delegation['status'], { label: string; tone: BadgeTone }> = {
  invited: { label: 'Invited', tone: 'info' },
  active: { label: 'Has access', tone: 'success' },
  revoked: { label: 'Access removed', tone: 'neutral' },
  declined: { label: 'Declined', tone: 'neutral' },
};

function InviteForm() {
  const invite = useInviteReviewer();
  const form = useForm<z.input<typeof inviteReviewerSchema>>({
    resolver: zodResolver(inviteReviewerSchema),
    defaultValues: { email: '' },
  });
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const emailError = form.formState.errors.email;

  const submit = form.handleSubmit(async ({ email }) => {
    setError(null);
    setSentTo(null);
    try {
      await invite.mutateAsync(email);
      form.reset();
      setSentTo(email);
    } catch (caught) {
      if (applyServerFieldErrors(form, caught, ['email'])) return;
      setError(caught);
    }
  });

  return (
    <Card>
      <form noValidate onSubmit={(event) => void submit(event)} className="space-y-4">
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <TextField
            className="flex-1"
            label="Tax agent’s email address"
            hint="They’ll get an email with a link. They need a Numeri account with two-factor authentication."
            type="email"
            inputMode="email"
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            error={
              emailError
                ? emailError.type === 'server'
                  ? sentence('Email address', emailError.message)
                  : 'Enter their email address, like agent@example.com.'
                : undefined
            }
            {...form.register('email')}
          />
        </div>
        <ApiErrorAlert error={error} />
        <div aria-live="polite">
          {sentTo ? (
            <Alert tone="success" title="Invitation sent">
              We’ve emailed {sentTo}. They’ll see your return once they accept.
            </Alert>
          ) : null}
        </div>
        <Button type="submit" loading={form.formState.isSubmitting}>
          Send invitation
        </Button>
      </form>
    </Card>
  );
}

function ConfirmEnd({
  delegation,
  role,
  onClose,
}: {
  delegation: Delegation | null;
  role: 'owner' | 'reviewer';
  onClose: () => void;
}) {
  const end = useEndDelegation();
  const who =
    role === 'owner'
      ? (delegation?.reviewer.name ?? delegation?.reviewer.email)
      : (delegation?.owner.name ?? delegation?.owner.email);
  return (
    <Dialog
      open={delegation !== null}
      onOpenChange={(open) => {
        if (!open && !end.isPending) {
          end.reset();
          onClose();
        }
      }}
      size="sm"
      title={
        role === 'owner'
          ? delegation?.status === 'invited'
            ? `Cancel the invitation to ${who}?`
            : `Remove ${who}’s access?`
          : `Stop reviewing ${who}’s return?`
      }
      description={
        role === 'owner'
          ? 'They won’t be able to see your documents or returns any more. You can invite them again later.'
          : 'You won’t see their documents or returns any more. They can invite you again.'
      }
    >
      <ApiErrorAlert error={end.error} />
      <DialogActions>
        <Button variant="secondary" onClick={onClose} disabled={end.isPending}>
          Keep
        </Button>
        <Button
          variant="danger"
          loading={end.isPending}
          onClick={() => delegation && end.mutate(delegation, { onSuccess: onClose })}
        >
          {role === 'owner'
            ? delegation?.status === 'invited'
              ? 'Cancel invitation'
              : 'Remove access'
            : 'Leave'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}

function DelegationRow({
  delegation,
  role,
  onEnd,
}: {
  delegation: Delegation;
  role: 'owner' | 'reviewer';
  onEnd: (delegation: Delegation) => void;
}) {
  const person = role === 'owner' ? delegation.reviewer : delegation.owner;
  const status = STATUS[delegation.status];
  const endable = delegation.status === 'invited' || delegation.status === 'active';
  const name = person.name ?? person.email;
  return (
    <li className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:px-6">
      <div className="min-w-0">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          <span className="break-all">{name}</span>
          <Badge tone={status.tone}>{status.label}</Badge>
        </p>
        <p className="mt-0.5 text-sm break-all text-slate-600">
          {person.name ? `${person.email} · ` : ''}
          {delegation.acceptedAt
            ? `Since ${formatDate(delegation.acceptedAt)}`
            : `Invited ${formatDate(delegation.createdAt)}`}
        </p>
      </div>
      {endable ? (
        <Button
          variant="secondary"
          size="sm"
          className="self-start sm:self-center"
          aria-label={
            role === 'owner'
              ? `${delegation.status === 'invited' ? 'Cancel invitation to' : 'Remove access for'} ${name}`
              : `Stop reviewing for ${name}`
          }
          onClick={() => onEnd(delegation)}
        >
          {role === 'owner' ? (delegation.status === 'invited' ? 'Cancel' : 'Remove') : 'Leave'}
        </Button>
      ) : null}
    </li>
  );
}

function DelegationList({
  items,
  role,
  empty,
}: {
  items: readonly Delegation[];
  role: 'owner' | 'reviewer';
  empty: string;
}) {
  const [ending, setEnding] = useState<Delegation | null>(null);
  if (items.length === 0) return <Card className="text-sm text-slate-600">{empty}</Card>;
  return (
    <>
      <Card padding="none">
        <ul className="divide-y divide-slate-100">
          {items.map((delegation) => (
            <DelegationRow key={delegation.id} delegation={delegation} role={role} onEnd={setEnding} />
          ))}
        </ul>
      </Card>
      <ConfirmEnd delegation={ending} role={role} onClose={() => setEnding(null)} />
    </>
  );
}

export function ReviewersPage() {
  const delegations = useDelegations();
  return (
    <Page
      title="Tax agent access"
      eyebrow="Profile"
      description="A registered tax agent can review your documents and return before you lodge. Every time they look, it’s recorded in your activity."
      actions={
        <Link to={APP_ROUTES.profile} className={buttonClasses({ variant: 'secondary' })}>
          Back to profile
        </Link>
      }
    >
      <SettingsSection
        id="invite"
        title="Invite a tax agent"
        description="Give someone you trust read access to your return."
      >
        <InviteForm />
      </SettingsSection>
      {delegations.isPending ? (
        <div className="flex justify-center py-12 text-slate-500">
          <Spinner label="Loading who has access" />
        </div>
      ) : delegations.isError ? (
        <ApiErrorAlert
          error={delegations.error}
          title="We couldn’t load who has access"
          actions={
            <Button variant="secondary" size="sm" onClick={() => void delegations.refetch()}>
              Try again
            </Button>
          }
        />
      ) : (
        <>
          <SettingsSection id="granted" title="Who can see your return" description="People you’ve invited.">
            <DelegationList
              items={delegations.data.granted}
              role="owner"
              empty="You haven’t invited anyone."
            />
          </SettingsSection>
          {delegations.data.received.length > 0 ? (
            <SettingsSection
              id="received"
              title="Returns you review"
              description="People who asked you to review their return."
            >
              <DelegationList items={delegations.data.received} role="reviewer" empty="" />
            </SettingsSection>
          ) : null}
        </>
      )}
    </Page>
  );
}
