import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { StrictMode } from 'react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, profileFixture, signedInRoutes, signedOutRoutes } from '../test/api-mock';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { Providers } from '../app/Providers';
import { routes } from '../app/router';
import { renderApp, testQueryClient } from '../test/render';

describe('sign-up', () => {
  it('shows the server’s reason for a guessable password next to the field, then “check your email”', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const api = mockApi({
      ...signedOutRoutes(),
      'POST /api/v1/auth/sign-up': () =>
        ++attempts === 1
          ? problem(400, 'VALIDATION_FAILED', 'Choose a stronger password', {
              errors: [
                { field: 'password', message: 'is too easy to guess: this is a very common password' },
              ],
            })
          : json({ message: 'Check your inbox for a link to confirm your email address.' }, 202),
    });
    renderApp('/sign-up');
    await user.type(await screen.findByLabelText('First name'), 'Alex');
    await user.type(screen.getByLabelText('Last name'), 'Nguyen');
    await user.type(screen.getByLabelText('Email address'), 'alex@example.com');
    const password = screen.getByLabelText('Password');
    await user.type(password, 'password1234');
    expect(screen.getByText(/Strength: weak/)).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(
      await screen.findByText('Password is too easy to guess: this is a very common password.'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(password));

    await user.clear(password);
    await user.type(password, 'marmalade orbit cactus lantern');
    expect(screen.getByText('Strength: strong')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Check your email' })).toBeTruthy();
    expect(screen.getByText('alex@example.com')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/auth/sign-up')[1]!.body).toEqual({
      givenName: 'Alex',
      familyName: 'Nguyen',
      email: 'alex@example.com',
      password: 'marmalade orbit cactus lantern',
    });
  });
});

describe('email links', () => {
  it('confirms the email exactly once, even when React mounts the page twice', async () => {
    const api = mockApi({
      ...signedOutRoutes(),
      'POST /api/v1/auth/verify-email': () => json({ message: 'Your email address is confirmed.' }),
    });
    const router = createMemoryRouter(routes, {
      initialEntries: ['/verify-email?token=verify-token-123456'],
    });
    render(
      <StrictMode>
        <Providers queryClient={testQueryClient()}>
          <RouterProvider router={router} />
        </Providers>
      </StrictMode>,
    );
    expect(await screen.findByRole('heading', { level: 1, name: 'Your email is confirmed' })).toBeTruthy();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/sign-in',
    );
    expect(api.callsTo('POST /api/v1/auth/verify-email')).toHaveLength(1);
    expect(api.callsTo('POST /api/v1/auth/verify-email')[0]!.body).toEqual({ token: 'verify-token-123456' });
  });

  it('offers a new link when the confirmation link has expired', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...signedOutRoutes(),
      'POST /api/v1/auth/verify-email': () =>
        problem(410, 'GONE', 'This link has expired or was already used. Sign in to get a new one.'),
      'POST /api/v1/auth/resend-verification': () => json({ message: 'We’ve sent a new link.' }, 202),
    });
    renderApp('/verify-email?token=old-token-1234567');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'This link doesn’t work any more' }),
    ).toBeTruthy();
    await user.type(screen.getByLabelText('Email address'), 'alex@example.com');
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByText('We’ve sent a new link.')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/auth/resend-verification')[0]!.body).toEqual({
      email: 'alex@example.com',
    });
  });

  it('resets a password from the emailed link, and explains an expired one', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...signedOutRoutes(),
      'POST /api/v1/auth/reset-password': (request) =>
        (request.body as { token: string }).token === 'good-token-123456'
          ? json({ message: 'Your password has been changed. Sign in with it now.' })
          : problem(410, 'GONE', 'This reset link has expired or was already used. Ask for a new one.'),
    });
    const { unmount } = renderApp('/reset-password?token=good-token-123456');
    await user.type(await screen.findByLabelText('New password'), 'marmalade orbit cactus lantern');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Your password has been changed' }),
    ).toBeTruthy();
    expect(api.callsTo('POST /api/v1/auth/reset-password')[0]!.body).toEqual({
      token: 'good-token-123456',
      password: 'marmalade orbit cactus lantern',
    });
    unmount();

    renderApp('/reset-password?token=used-token-123456');
    await user.type(await screen.findByLabelText('New password'), 'marmalade orbit cactus lantern');
    await user.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByRole('link', { name: 'Ask for a new link' })).toBeTruthy();
  });
});

describe('closing the account', () => {
  it('needs the password, then signs out and shows when the data will be deleted', async () => {
    const user = userEvent.setup();
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
      'POST /api/v1/account/close': (request) =>
        (request.body as { password: string }).password === 'my real password'
          ? json({
              closedAt: '2025-09-05T02:00:00.000Z',
              deletionDueAt: '2030-10-31T00:00:00.000Z',
              message: 'Your account is closed. We keep your records until the law lets us delete them.',
            })
          : problem(400, 'VALIDATION_FAILED', 'Your password is not right', {
              errors: [{ field: 'password', message: 'is not right' }],
            }),
    });
    const { router } = renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: 'Close account…' }));
    const dialog = await screen.findByRole('dialog', { name: 'Close your Numeri account?' });
    const password = within(dialog).getByLabelText('Enter your password to confirm');

    await user.type(password, 'a wrong guess');
    await user.click(within(dialog).getByRole('button', { name: 'Close my account' }));
    expect(await within(dialog).findByText('Password is not right.')).toBeTruthy();

    await user.clear(password);
    await user.type(password, 'my real password');
    await user.click(within(dialog).getByRole('button', { name: 'Close my account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Your account is closed' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/account-closed');
    expect(screen.getByText(/We keep your records until the law lets us delete them/)).toBeTruthy();
    expect(screen.getByText('31 Oct 2030')).toBeTruthy();
    expect(within(screen.getByRole('banner')).getByRole('link', { name: 'Sign in' })).toBeTruthy();
    expect(api.callsTo('POST /api/v1/account/close')).toHaveLength(2);
  });
});

describe('tax agent access', () => {
  const delegation = {
    id: 'd1d1d1d1-1111-4111-8111-111111111111',
    status: 'active' as const,
    owner: { id: '3f1c1d2e-8b7a-4c5d-9e0f-1a2b3c4d5e6f', name: 'Alex Nguyen', email: 'alex@example.com' },
    reviewer: { id: 'e2e2e2e2-2222-4222-8222-222222222222', name: 'Jo Agent', email: 'jo@agents.example' },
    createdAt: '2025-08-01T00:00:00.000Z',
    acceptedAt: '2025-08-02T00:00:00.000Z',
  };

  it('invites by email, lists who has access, and removes it after confirming', async () => {
    const user = userEvent.setup();
    let granted = [delegation];
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/delegations': () => json({ granted, received: [] }),
      'POST /api/v1/delegations': (request) =>
        json(
          {
            ...delegation,
            id: 'f3f3f3f3-3333-4333-8333-333333333333',
            status: 'invited',
            reviewer: { id: null, name: null, email: (request.body as { email: string }).email },
            acceptedAt: null,
          },
          201,
        ),
      [`DELETE /api/v1/delegations/${delegation.id}`]: () => {
        granted = [{ ...delegation, status: 'revoked' as never }];
        return new Response(null, { status: 204 });
      },
    });
    renderApp('/profile/reviewers');

    const region = await screen.findByRole('region', { name: 'Who can see your return' });
    expect(await within(region).findByText('Jo Agent')).toBeTruthy();
    expect(within(region).getByText('Has access')).toBeTruthy();

    await user.type(screen.getByLabelText('Tax agent’s email address'), 'sam@agents.example');
    await user.click(screen.getByRole('button', { name: 'Send invitation' }));
    expect(await screen.findByText('Invitation sent')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/delegations')[0]!.body).toEqual({ email: 'sam@agents.example' });

    await user.click(within(region).getByRole('button', { name: 'Remove access for Jo Agent' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove Jo Agent’s access?' });
    await user.click(within(dialog).getByRole('button', { name: 'Remove access' }));
    await waitFor(() => expect(within(region).getByText('Access removed')).toBeTruthy());
    expect(api.callsTo(`DELETE /api/v1/delegations/${delegation.id}`)).toHaveLength(1);
  });
});
