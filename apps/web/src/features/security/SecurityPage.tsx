import { Link, useLocation, useSearchParams } from 'react-router';
import { buttonClasses, Page, SettingsSection, Spinner } from '../../components';
import { APP_ROUTES, safeNext, useAuth } from '../../lib/auth';
import { useProfile } from '../profile/profile-api';
import { ActivityList } from './ActivityList';
import { ChangePasswordForm } from './ChangePasswordForm';
import { SessionsList } from './SessionsList';
import { TwoFactorCard } from './TwoFactorCard';

export function SecurityPage() {
  const { user } = useAuth();
  const profile = useProfile();
  // Until 2FA is on in a deployment that requires it, this page is only about turning it on.
  const enrolling = user?.twoFactorEnrolmentRequired === true;
  const [params] = useSearchParams();
  const location = useLocation();
  const setupRequested = params.get('setup') === '2fa';
  const rawNext = params.get('next');
  const next = rawNext ? safeNext(rawNext) : undefined;
  const reason =
    (location.state as { reason?: string } | null)?.reason ??
    (setupRequested && next ? 'The page you were on needs two-factor authentication turned on.' : undefined);

  return (
    <Page
      title="Security"
      heading="Sign-in and security"
      description="How you sign in, where you’re signed in, and what’s happened on your account lately."
      actions={
        enrolling ? undefined : (
          <Link to={APP_ROUTES.profile} className={buttonClasses({ variant: 'secondary' })}>
            Your profile
          </Link>
        )
      }
    >
      <SettingsSection
        id="two-factor"
        title="Two-factor authentication"
        description="A code from your phone as well as your password. Required to see your TFN, download your data or lodge."
      >
        {user ? (
          <TwoFactorCard
            enabled={user.twoFactorEnabled}
            recoveryCodesRemaining={profile.data?.recoveryCodesRemaining ?? null}
            next={next}
            reason={reason}
            highlighted={setupRequested || enrolling}
          />
        ) : (
          <div className="flex justify-center py-8 text-slate-500">
            <Spinner label="Loading your two-factor settings" />
          </div>
        )}
      </SettingsSection>
      {enrolling ? null : (
        <>
          <SettingsSection
            id="password"
            title="Password"
            description="Use at least 12 characters. A phrase of unrelated words is strong and easy to remember."
          >
            <ChangePasswordForm />
          </SettingsSection>
          <SettingsSection
            id="sessions"
            title="Where you’re signed in"
            description="Phones, tablets and computers signed in to your account."
          >
            <SessionsList />
          </SettingsSection>
          <SettingsSection
            id="activity"
            title="Recent activity"
            description="Sign-ins and changes to your account’s security. Anything you don’t recognise is worth a look."
          >
            <ActivityList />
          </SettingsSection>
        </>
      )}
    </Page>
  );
}
