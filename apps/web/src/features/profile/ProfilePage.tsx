import { PlannedFeature, UserIcon } from '../../components';

export function ProfilePage() {
  return (
    <PlannedFeature
      title="Profile"
      icon={<UserIcon />}
      summary="Your personal details and how your account is protected."
      plans={[
        'Keep your name, contact details and tax file number up to date — your TFN is encrypted and shown only after a second sign-in check.',
        'Turn on two-step sign-in with an authenticator app, and keep recovery codes.',
        'See recent sign-ins and sign out of other devices.',
      ]}
    />
  );
}
