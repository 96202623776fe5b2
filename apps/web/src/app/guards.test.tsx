import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  json,
  mockApi,
  problem,
  profileFixture,
  signedInRoutes,
  signedOutRoutes,
  tokensFixture,
  userFixture,
} from '../test/api-mock';
import { renderApp } from '../test/render';

describe('protected pages', () => {
  it('send a signed-out visitor to sign in, then back to the page (query string included)', async () => {
    const user = userEvent.setup();
    mockApi({
      ...signedOutRoutes(),
      'POST /api/v1/auth/sign-in': () => json(tokensFixture()),
      'GET /api/v1/delegations': () => json({ granted: [], received: [] }),
    });
    const { router } = renderApp('/profile/reviewers?tab=granted');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Numeri' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(router.state.location.search).toBe('?next=%2Fprofile%2Freviewers%3Ftab%3Dgranted');
    expect(screen.getByText('Sign in to continue where you were.')).toBeTruthy();

    await user.type(screen.getByLabelText('Email address'), 'alex@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Tax agent access' })).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      '/profile/reviewers?tab=granted',
    );
  });

  it('never follow a `next` that leaves the site', async () => {
    const user = userEvent.setup();
    mockApi({ ...signedOutRoutes(), 'POST /api/v1/auth/sign-in': () => json(tokensFixture()) });
    const { router } = renderApp('/sign-in?next=%2F%2Fevil.example%2Fphish');
    await user.type(await screen.findByLabelText('Email address'), 'alex@example.com');
    await user.type(screen.getByLabelText('Password'), 'correct horse battery staple');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
  });

  it('say so when Numeri can’t be reached, instead of asking to sign in', async () => {
    mockApi({
      'POST /api/v1/auth/refresh': () => problem(503, 'SERVICE_UNAVAILABLE', 'Down for maintenance'),
    });
    const { router } = renderApp('/returns');
    expect(await screen.findByText('We couldn’t reach Numeri to check your sign-in')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/returns');
  });

  it('sign out from the account menu and land on the sign-in page', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...signedInRoutes(),
      'POST /api/v1/auth/sign-out': () => new Response(null, { status: 204 }),
    });
    const { router } = renderApp('/returns');
    await user.click(await screen.findByRole('button', { name: 'Alex Nguyen, account menu' }));
    await user.click(await screen.findByRole('menuitem', { name: 'Sign out' }));
    expect(await screen.findByText('You’re signed out')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(api.callsTo('POST /api/v1/auth/sign-out')).toHaveLength(1);
    expect(within(screen.getByRole('banner')).queryByRole('button', { name: /account menu/ })).toBeNull();
  });
});

describe('MFA_ENROLMENT_REQUIRED', () => {
  it('takes the person to the 2FA set-up with the server’s explanation', async () => {
    const user = userEvent.setup();
    mockApi({
      ...signedInRoutes(userFixture({ twoFactorEnabled: false })),
      'GET /api/v1/profile': () => json(profileFixture({ twoFactorEnabled: false })),
      'GET /api/v1/account/export': () =>
        problem(
          403,
          'MFA_ENROLMENT_REQUIRED',
          'Turn on two-factor authentication to do this: it protects your TFN and your return.',
        ),
      'GET /api/v1/auth/sessions': () => json([]),
      'GET /api/v1/account/activity': () => json([]),
    });
    const { router } = renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: 'Download' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' })).toBeTruthy();
    expect(`${router.state.location.pathname}${router.state.location.search}`).toBe(
      '/security?setup=2fa&next=%2Fprofile',
    );
    expect(
      screen.getByText('Turn on two-factor authentication to do this: it protects your TFN and your return.'),
    ).toBeTruthy();
  });

  it('is explained on the invitation page, with a way to set up 2FA and come back', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...signedInRoutes(userFixture({ twoFactorEnabled: false, role: 'reviewer' })),
      'POST /api/v1/delegations/accept': () =>
        problem(
          403,
          'MFA_ENROLMENT_REQUIRED',
          'Reviewers see other people’s tax data: turn on two-factor authentication, then open the invitation again.',
        ),
    });
    const { router } = renderApp('/invitations/accept?token=invite-token-123456');
    await user.click(await screen.findByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('Turn on two-factor authentication first')).toBeTruthy();
    expect(screen.getByText(/Reviewers see other people’s tax data/)).toBeTruthy();
    expect(router.state.location.pathname).toBe('/invitations/accept');
    expect(
      screen.getByRole('link', { name: /^Turn it on\s?\(two-factor authentication\)$/ }).getAttribute('href'),
    ).toBe('/security?setup=2fa&next=%2Finvitations%2Faccept%3Ftoken%3Dinvite-token-123456');
    expect(api.callsTo('POST /api/v1/delegations/accept')[0]!.body).toEqual({ token: 'invite-token-123456' });
  });
});
