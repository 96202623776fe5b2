import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useLocation, useSearchParams } from 'react-router';
import {
  Alert,
  ApiErrorAlert,
  AuthLayout,
  Button,
  buttonClasses,
  CheckCircleIcon,
  ShieldIcon,
  UsersIcon,
  WarningIcon,
} from '../../components';
import { AUTH_ERROR_CODES, isApiError } from '../../lib/api';
import { APP_ROUTES, twoFactorSetupPath, useAuth } from '../../lib/auth';
import { acceptInvitation, DELEGATIONS_KEY } from './reviewers-api';

export function AcceptInvitationPage() {
  const { user } = useAuth();
  const [params] = useSearchParams();
  const location = useLocation();
  const queryClient = useQueryClient();
  const token = params.get('token')?.trim() ?? '';
  const accept = useMutation({
    mutationFn: () => acceptInvitation(token),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: DELEGATIONS_KEY }),
  });
  const error = accept.error;
  const here = `${location.pathname}${location.search}`;

  if (token.length < 10 || (isApiError(error) && error.status === 410)) {
    return (
      <AuthLayout
        title="This invitation doesn’t work any more"
        icon={<WarningIcon className="size-6" />}
        iconTone="warning"
        description="It may have expired, been cancelled, or already been used. Ask the person who invited you to send a new one."
      >
        <Link to="/" className={buttonClasses({ size: 'lg', fullWidth: true })}>
          Go to your dashboard
        </Link>
      </AuthLayout>
    );
  }

  if (accept.isSuccess) {
    const owner = accept.data.owner;
    return (
      <AuthLayout
        title="Invitation accepted"
        icon={<CheckCircleIcon className="size-6" />}
        description={`You can now review ${owner.name}’s tax return (${owner.email}).`}
      >
        <Link to={APP_ROUTES.reviewers} className={buttonClasses({ size: 'lg', fullWidth: true })}>
          See the returns you review
        </Link>
      </AuthLayout>
    );
  }

  const needsTwoFactor = isApiError(error) && error.code === AUTH_ERROR_CODES.mfaEnrolmentRequired;

  return (
    <AuthLayout
      title="Review someone’s tax return"
      icon={<UsersIcon className="size-6" />}
      description="You’ve been invited to review a Numeri user’s documents and tax return as their tax agent."
    >
      <div className="space-y-5">
        <ul className="space-y-2 text-sm leading-6 text-slate-700">
          <li>
            You’ll accept as <strong className="break-all">{user?.email}</strong>. The invitation must have
            been sent to this address.
          </li>
          <li>
            You’ll be able to read their documents and returns. Each time you do, it’s recorded for them to
            see.
          </li>
          <li>They can remove your access at any time, and you can leave.</li>
        </ul>
        {needsTwoFactor ? (
          <Alert
            tone="warning"
            icon={<ShieldIcon />}
            title="Turn on two-factor authentication first"
            actions={
              <Link
                to={twoFactorSetupPath(here)}
                className={buttonClasses({ variant: 'primary', size: 'sm' })}
              >
                Turn it on<span className="sr-only"> (two-factor authentication)</span>
              </Link>
            }
          >
            {error.detail ??
              'Reviewers see other people’s tax information, so your account needs two-factor authentication.'}{' '}
            We’ll bring you back here afterwards.
          </Alert>
        ) : (
          <ApiErrorAlert error={error} />
        )}
        <div className="flex flex-col gap-3 sm:flex-row-reverse">
          <Button
            size="lg"
            loading={accept.isPending}
            disabled={needsTwoFactor}
            onClick={() => accept.mutate()}
          >
            Accept invitation
          </Button>
          <Link to="/" className={buttonClasses({ variant: 'ghost', size: 'lg' })}>
            Not now
          </Link>
        </div>
      </div>
    </AuthLayout>
  );
}
