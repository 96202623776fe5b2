import { useState } from 'react';
import { useLocation } from 'react-router';
import {
  ApiErrorAlert,
  Badge,
  Button,
  Card,
  DeviceIcon,
  Dialog,
  DialogActions,
  SignOutIcon,
  Spinner,
} from '../../components';
import { APP_ROUTES, useAuth } from '../../lib/auth';
import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { useRevokeSession, useSessions } from './security-api';

function SignOutEverywhere() {
  const { signOutEverywhere, planExit } = useAuth();
  const { pathname } = useLocation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      planExit({ from: pathname, to: APP_ROUTES.signIn, state: { notice: 'signed-out-everywhere' } });
      await signOutEverywhere();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <>
      <Button variant="secondary" icon={<SignOutIcon className="size-4" />} onClick={() => setOpen(true)}>
        Sign out everywhere
      </Button>
      <Dialog
        open={open}
        onOpenChange={(next) => !busy && setOpen(next)}
        size="sm"
        title="Sign out on every device?"
        description="Everyone using your account — on any phone, tablet or computer, including this one — will need to sign in again. Do this if you think someone else has your password, then change it."
      >
        <ApiErrorAlert error={error} />
        <DialogActions>
          <Button variant="secondary" onClick={() => setOpen(false)} disabled={busy}>
            Cancel
          </Button>
          <Button variant="danger" loading={busy} onClick={() => void confirm()}>
            Sign out everywhere
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** Where the account is signed in: this device first, each other one with a button to sign it out. */
export function SessionsList() {
  const sessions = useSessions();
  const revoke = useRevokeSession();
  const [announcement, setAnnouncement] = useState('');
  const now = Date.now();

  if (sessions.isPending) {
    return (
      <Card className="flex justify-center py-8 text-slate-500">
        <Spinner label="Loading your devices" />
      </Card>
    );
  }
  if (sessions.isError) {
    return (
      <ApiErrorAlert
        error={sessions.error}
        title="We couldn’t load where you’re signed in"
        actions={
          <Button variant="secondary" size="sm" onClick={() => void sessions.refetch()}>
            Try again
          </Button>
        }
      />
    );
  }

  const list = [...sessions.data].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastUsedAt.localeCompare(a.lastUsedAt),
  );
  const others = list.filter((session) => !session.current).length;

  return (
    <div className="space-y-4">
      <Card padding="none">
        <ul className="divide-y divide-slate-100">
          {list.map((session) => {
            const pending = revoke.isPending && revoke.variables === session.id;
            const label = `${session.device}${session.ip ? ` (${session.ip})` : ''}`;
            return (
              <li
                key={session.id}
                className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between sm:px-6"
              >
                <div className="flex min-w-0 items-start gap-3">
                  <DeviceIcon className="mt-0.5 size-5 shrink-0 text-slate-400" />
                  <div className="min-w-0">
                    <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
                      {session.device || 'Unknown device'}
                      {session.current ? <Badge tone="success">This device</Badge> : null}
                    </p>
                    <p className="mt-0.5 text-sm text-slate-600">
                      {[
                        session.ip,
                        session.current
                          ? 'Active now'
                          : `Last active ${formatRelativeTime(session.lastUsedAt, now)}`,
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </p>
                    <p className="text-xs text-slate-500">Signed in {formatDateTime(session.createdAt)}</p>
                  </div>
                </div>
                {session.current ? null : (
                  <Button
                    variant="secondary"
                    size="sm"
                    className="self-start sm:self-center"
                    loading={pending}
                    aria-label={`Sign out ${label}`}
                    onClick={() =>
                      revoke.mutate(session.id, {
                        onSuccess: () => setAnnouncement(`Signed out ${label}.`),
                      })
                    }
                  >
                    Sign out
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      </Card>
      <p aria-live="polite" className="sr-only">
        {announcement}
      </p>
      {revoke.isError ? <ApiErrorAlert error={revoke.error} /> : null}
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="text-sm text-slate-600">
          {others === 0
            ? 'You’re not signed in anywhere else.'
            : `Signed in on ${others} other device${others === 1 ? '' : 's'}. Don’t recognise one? Sign it out and change your password.`}
        </p>
        <SignOutEverywhere />
      </div>
    </div>
  );
}
