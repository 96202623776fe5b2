import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import {
  ApiErrorAlert,
  AuthLayout,
  Button,
  buttonClasses,
  CheckCircleIcon,
  MailIcon,
  Spinner,
  WarningIcon,
} from '../../components';
import { isApiError } from '../../lib/api';
import { APP_ROUTES, AUTH_API, useAuth } from '../../lib/auth';
import { useRedeemLinkToken } from '../../lib/auth/use-link-token';
import { PROFILE_KEY } from './profile-api';

export function ConfirmEmailChangePage() {
  const { status, reloadUser } = useAuth();
  const queryClient = useQueryClient();
  const { token, isSuccess, data, error, refetch, isFetching } = useRedeemLinkToken(
    'confirm-email-change',
    AUTH_API.confirmEmailChange,
  );

  // The header and profile show the new address straight away.
  useEffect(() => {
    if (!isSuccess || status !== 'signed-in') return;
    void reloadUser().catch(() => undefined);
    void queryClient.invalidateQueries({ queryKey: PROFILE_KEY });
  }, [isSuccess, status, reloadUser, queryClient]);

  if (
    !token ||
    (isApiError(error) && (error.status === 410 || error.status === 400 || error.status === 404))
  ) {
    return (
      <AuthLayout
        title="This link doesn’t work any more"
        icon={<WarningIcon className="size-6" />}
        iconTone="warning"
        description="Email change links work once and for a limited time. You can ask for a new one from your profile."
      >
        <Link
          to={status === 'signed-in' ? `${APP_ROUTES.profile}#email` : APP_ROUTES.signIn}
          className={buttonClasses({ size: 'lg', fullWidth: true })}
        >
          {status === 'signed-in' ? 'Go to your profile' : 'Sign in'}
        </Link>
      </AuthLayout>
    );
  }

  if (isSuccess) {
    return (
      <AuthLayout
        title="Your email address has changed"
        icon={<CheckCircleIcon className="size-6" />}
        description={data.message || 'Use your new address next time you sign in.'}
      >
        <Link
          to={status === 'signed-in' ? APP_ROUTES.profile : APP_ROUTES.signIn}
          className={buttonClasses({ size: 'lg', fullWidth: true })}
        >
          {status === 'signed-in' ? 'Go to your profile' : 'Sign in'}
        </Link>
      </AuthLayout>
    );
  }

  if (error) {
    return (
      <AuthLayout title="We couldn’t change your email" icon={<MailIcon className="size-6" />}>
        <ApiErrorAlert
          error={error}
          actions={
            isApiError(error) && error.status === 409 ? null : (
              <Button variant="secondary" size="sm" loading={isFetching} onClick={() => void refetch()}>
                Try again
              </Button>
            )
          }
        />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Confirming your new email" icon={<MailIcon className="size-6" />}>
      <div className="flex items-center justify-center gap-3 py-4 text-slate-600">
        <Spinner decorative className="text-teal-700" />
        <p role="status">Confirming your new email address…</p>
      </div>
    </AuthLayout>
  );
}
