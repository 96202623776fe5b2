/** The account and security endpoints of the Numeri API (all under /api/v1). */
const V1 = '/api/v1';

export const AUTH_API = {
  signUp: `${V1}/auth/sign-up`,
  verifyEmail: `${V1}/auth/verify-email`,
  resendVerification: `${V1}/auth/resend-verification`,
  signIn: `${V1}/auth/sign-in`,
  signInMfa: `${V1}/auth/sign-in/mfa`,
  refresh: `${V1}/auth/refresh`,
  signOut: `${V1}/auth/sign-out`,
  signOutEverywhere: `${V1}/auth/sign-out-everywhere`,
  forgotPassword: `${V1}/auth/forgot-password`,
  resetPassword: `${V1}/auth/reset-password`,
  confirmEmailChange: `${V1}/auth/confirm-email-change`,
  me: `${V1}/auth/me`,
  sessions: `${V1}/auth/sessions`,
  session: (id: string) => `${V1}/auth/sessions/${encodeURIComponent(id)}`,
  stepUp: `${V1}/auth/step-up`,
  twoFactorSetup: `${V1}/auth/2fa/setup`,
  twoFactorEnable: `${V1}/auth/2fa/enable`,
  twoFactorDisable: `${V1}/auth/2fa/disable`,
  recoveryCodes: `${V1}/auth/2fa/recovery-codes`,
} as const;

export const ACCOUNT_API = {
  profile: `${V1}/profile`,
  tfn: `${V1}/profile/tfn`,
  password: `${V1}/account/password`,
  email: `${V1}/account/email`,
  export: `${V1}/account/export`,
  close: `${V1}/account/close`,
  activity: `${V1}/account/activity`,
  delegations: `${V1}/delegations`,
  acceptDelegation: `${V1}/delegations/accept`,
  delegation: (id: string) => `${V1}/delegations/${encodeURIComponent(id)}`,
} as const;

/** App routes the account pages link between. */
export const APP_ROUTES = {
  signIn: '/sign-in',
  signUp: '/sign-up',
  forgotPassword: '/forgot-password',
  profile: '/profile',
  reviewers: '/profile/reviewers',
  security: '/security',
  accountClosed: '/account-closed',
} as const;

/**
 * A `next` address from the query string, kept only when it is a path on this site (never
 * `//evil.example` or `https://…`), so a link can't send people elsewhere after they sign in.
 */
export function safeNext(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback;
  // Control characters (e.g. a tab or newline smuggled into the path) are never part of a real page address.
  if ([...value].some((character) => character.charCodeAt(0) < 0x20)) return fallback;
  return value;
}

/** `/sign-in?next=/profile` (no `next` for the home page). */
export function signInPath(next?: string): string {
  if (!next || next === '/') return APP_ROUTES.signIn;
  return `${APP_ROUTES.signIn}?next=${encodeURIComponent(next)}`;
}

/** The 2FA set-up on the security page, coming back to `next` afterwards. */
export function twoFactorSetupPath(next?: string): string {
  const params = new URLSearchParams({ setup: '2fa' });
  if (next && next !== APP_ROUTES.security && !next.startsWith(`${APP_ROUTES.security}?`))
    params.set('next', next);
  return `${APP_ROUTES.security}?${params.toString()}`;
}
