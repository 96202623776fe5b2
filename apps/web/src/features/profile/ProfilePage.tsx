import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import {
  ApiErrorAlert,
  ArrowRightIcon,
  Button,
  buttonClasses,
  Card,
  Page,
  SettingsSection,
  Spinner,
  UsersIcon,
} from '../../components';
import { APP_ROUTES } from '../../lib/auth';
import { cn } from '../../lib/cn';
import { EmailCard } from './EmailCard';
import { PersonalDetailsForm } from './PersonalDetailsForm';
import { useProfile } from './profile-api';
import { TfnCard } from './TfnCard';
import { YourDataSection } from './YourDataSection';

export function ProfilePage() {
  const profile = useProfile();
  const { hash } = useLocation();
  const loaded = profile.isSuccess;
  // Links like /profile#tfn land on their section once it has loaded.
  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash.slice(1)))?.scrollIntoView();
  }, [loaded, hash]);
  return (
    <Page
      title="Profile"
      description="Your personal details, tax file number and what happens to your data."
      actions={
        <Link to={APP_ROUTES.security} className={buttonClasses({ variant: 'secondary' })}>
          Sign-in and security
        </Link>
      }
    >
      {profile.isPending ? (
        <div className="flex justify-center py-16 text-slate-500">
          <Spinner size="lg" label="Loading your profile" />
        </div>
      ) : profile.isError ? (
        <ApiErrorAlert
          error={profile.error}
          title="We couldn’t load your profile"
          actions={
            <Button
              variant="secondary"
              size="sm"
              loading={profile.isFetching}
              onClick={() => void profile.refetch()}
            >
              Try again
            </Button>
          }
        />
      ) : (
        <div>
          <SettingsSection
            id="details"
            title="Personal details"
            description="Used on your tax return. Keep them the same as the ATO has them."
          >
            <PersonalDetailsForm profile={profile.data} />
          </SettingsSection>
          <SettingsSection
            id="tfn"
            title="Tax file number"
            description="Needed to lodge your return. Only you can see it, after confirming it’s you."
          >
            <TfnCard profile={profile.data} />
          </SettingsSection>
          <SettingsSection id="email" title="Email" description="Where we send sign-in links and notices.">
            <EmailCard profile={profile.data} />
          </SettingsSection>
          <SettingsSection
            id="reviewers"
            title="Tax agent access"
            description="Let a registered tax agent review your return."
          >
            <Card className="flex flex-col gap-4 sm:flex-row sm:items-center sm:justify-between">
              <div className="flex items-center gap-3">
                <span className="flex size-10 shrink-0 items-center justify-center rounded-xl bg-slate-100 text-slate-600">
                  <UsersIcon className="size-5" />
                </span>
                <p className="text-sm leading-6 text-slate-600">
                  Invite a reviewer by email, see who has access, and remove it at any time.
                </p>
              </div>
              <Link
                to={APP_ROUTES.reviewers}
                className={cn(buttonClasses({ variant: 'secondary' }), 'shrink-0')}
              >
                Manage access
                <ArrowRightIcon className="size-4" />
              </Link>
            </Card>
          </SettingsSection>
          <SettingsSection
            id="data"
            title="Your data"
            description="Take a copy of everything we hold about you, or close your account."
          >
            <YourDataSection profile={profile.data} />
          </SettingsSection>
        </div>
      )}
    </Page>
  );
}
