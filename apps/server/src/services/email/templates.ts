import type { EmailMessage } from '../../adapters/email/mailer.port';

/** Plain, short emails: what happened, the one link, and what to do if it wasn't you. */
function compose(
  to: string,
  subject: string,
  paragraphs: string[],
  link?: { url: string; label: string },
): EmailMessage {
  const escape = (text: string) =>
    text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const text = [...paragraphs, ...(link ? [`${link.label}: ${link.url}`] : []), '— Numeri'].join('\n\n');
  const html = [
    ...paragraphs.map((p) => `<p>${escape(p)}</p>`),
    ...(link ? [`<p><a href="${escape(link.url)}">${escape(link.label)}</a></p>`] : []),
    '<p>— Numeri</p>',
  ].join('\n');
  return { to, subject, text, html };
}

const NOT_YOU = 'If this wasn’t you, you can ignore this email.';

export const emails = {
  verifyEmail: (to: string, url: string) =>
    compose(
      to,
      'Confirm your email for Numeri',
      [
        'Welcome to Numeri. Confirm this is your email address to finish setting up your account. The link works once, for 24 hours.',
        NOT_YOU,
      ],
      {
        url,
        label: 'Confirm my email',
      },
    ),
  accountExists: (to: string, url: string) =>
    compose(to, 'You already have a Numeri account', [
      'Someone (probably you) tried to sign up to Numeri with this email address, but it already has an account.',
      `If you forgot your password, you can reset it here: ${url}`,
      NOT_YOU,
    ]),
  resetPassword: (to: string, url: string) =>
    compose(
      to,
      'Reset your Numeri password',
      [
        'We received a request to reset your password. The link works once, for one hour. Resetting signs you out everywhere.',
        NOT_YOU,
      ],
      {
        url,
        label: 'Choose a new password',
      },
    ),
  passwordChanged: (to: string) =>
    compose(to, 'Your Numeri password was changed', [
      'The password for your Numeri account was just changed and other sessions were signed out.',
      'If this wasn’t you, reset your password straight away and contact us.',
    ]),
  confirmEmailChange: (to: string, url: string) =>
    compose(
      to,
      'Confirm your new email for Numeri',
      [
        'Confirm this address to make it the email for your Numeri account. The link works once, for 24 hours.',
        NOT_YOU,
      ],
      {
        url,
        label: 'Confirm my new email',
      },
    ),
  emailChangeBlocked: (to: string) =>
    compose(to, 'Someone tried to use your email on Numeri', [
      'Someone tried to move another Numeri account to this email address. This address already has an account, so nothing changed.',
      NOT_YOU,
    ]),
  emailChanged: (to: string, newEmail: string) =>
    compose(to, 'Your Numeri email was changed', [
      `Your Numeri account now uses ${newEmail}. This address will no longer receive account emails.`,
      'If this wasn’t you, contact us straight away.',
    ]),
  twoFactorChanged: (to: string, enabled: boolean) =>
    compose(to, `Two-factor authentication ${enabled ? 'turned on' : 'turned off'}`, [
      enabled
        ? 'Two-factor authentication is now on for your Numeri account. Keep your recovery codes somewhere safe.'
        : 'Two-factor authentication was turned off for your Numeri account.',
      'If this wasn’t you, reset your password straight away.',
    ]),
  delegationInvite: (to: string, ownerName: string, url: string) =>
    compose(
      to,
      `${ownerName} invited you to review their tax return on Numeri`,
      [
        `${ownerName} has invited you, as their tax agent, to view and comment on their tax returns and documents in Numeri.`,
        'Sign in (or create an account) with this email address, with two-factor authentication turned on, to accept. The invitation lasts 14 days.',
      ],
      { url, label: 'Review the invitation' },
    ),
  accountClosed: (to: string, deletionDue: string) =>
    compose(to, 'Your Numeri account is closed', [
      'Your Numeri account is closed and you can no longer sign in.',
      `We keep your tax records only as long as the law requires. Your data will be removed on ${deletionDue}.`,
    ]),
};
