import { useEffect, useRef } from 'react';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { Alert, Button, CloudOffIcon, Page, Spinner } from '../components';
import { api } from '../lib/api';
import { APP_ROUTES, signInPath, twoFactorSetupPath, useAuth } from '../lib/auth';

/** Shown while the session is being restored (one request, usually instant). */
export function SessionLoading() {
  return (
    <div className="flex min-h-[50vh] items-center justify-center text-slate-500">
      <Spinner size="lg" label="Checking your sign-in" />
    </div>
  );
}

function CantConnect({ onRetry }: { onRetry: () => void }) {
  return (
    <Page title="Can’t connect" width="narrow">
      <Alert
        tone="warning"
        live="polite"
        icon={<CloudOffIcon />}
        title="We couldn’t reach Numeri to check your sign-in"
        actions={
          <Button variant="secondary" onClick={onRetry}>
            Try again
          </Button>
        }
      >
        Check your internet connection. Nothing you entered has been lost.
      </Alert>
    </Page>
  );
}

/** Pages that need a signed-in person: others go to /sign-in and come back here afterwards. */
export function RequireAuth() {
  const { status, unreachable, retry, exitFor } = useAuth();
  const location = useLocation();
  if (status === 'loading') return <SessionLoading />;
  if (status === 'signed-out') {
    // Signed out on purpose from this page (menu, "sign out everywhere", closing the account).
    const exit = exitFor(location.pathname);
    if (exit) return <Navigate to={exit.to} state={exit.state} replace />;
    if (unreachable) return <CantConnect onRetry={() => void retry()} />;
    return <Navigate to={signInPath(`${location.pathname}${location.search}`)} replace />;
  }
  return <Outlet />;
}

/** Where a person who must still turn on 2FA may go (the set-up itself, and links from emails). */
const ENROLMENT_EXEMPT = [
  APP_ROUTES.security,
  '/verify-email',
  '/confirm-email-change',
  '/reset-password',
  APP_ROUTES.accountClosed,
];

/**
 * When the deployment requires 2FA and this person hasn't turned it on, every page but the
 * set-up sends them there (and back afterwards).
 */
export function EnrolmentGate() {
  const { user } = useAuth();
  const location = useLocation();
  if (user?.twoFactorEnrolmentRequired && !ENROLMENT_EXEMPT.includes(location.pathname)) {
    return (
      <Navigate
        to={twoFactorSetupPath(`${location.pathname}${location.search}`)}
        state={{
          reason: 'Numeri asks everyone to turn on two-factor authentication before using their account.',
        }}
        replace
      />
    );
  }
  return <Outlet />;
}

/**
 * When the API says an action needs 2FA turned on (403 MFA_ENROLMENT_REQUIRED), take the person
 * to the set-up with the server's explanation, and bring them back afterwards.
 */
/** Forgets a planned exit (see `AuthExit`) once the person has moved to another page. */
export function useDropStaleExit() {
  const { dropExitUnlessAt } = useAuth();
  const { pathname } = useLocation();
  useEffect(() => dropExitUnlessAt(pathname), [pathname, dropExitUnlessAt]);
}

export function useMfaEnrolmentRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const here = useRef('');
  here.current = `${location.pathname}${location.search}`;
  useEffect(() => {
    api.setHooks({
      mfaEnrolmentRequired: (error) => {
        if (here.current.startsWith(APP_ROUTES.security)) return;
        void navigate(twoFactorSetupPath(here.current), { state: { reason: error.detail } });
      },
    });
    return () => api.setHooks({ mfaEnrolmentRequired: undefined });
  }, [navigate]);
}
