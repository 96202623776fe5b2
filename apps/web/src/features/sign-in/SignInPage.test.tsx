import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  json,
  mockApi,
  problem,
  profileFixture,
  signedOutRoutes,
  tokensFixture,
  userFixture,
} from '../../test/api-mock';
import { renderApp } from '../../test/render';

const SIGN_IN = 'POST /api/v1/auth/sign-in';

async function fillAndSubmit(email = 'alex@example.com', password = 'correct horse battery staple') {
  const user = userEvent.setup();
  await user.type(await screen.findByLabelText('Email address'), email);
  await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  return user;
}

describe('sign-in page', () => {
  it('signs in and returns to the page that asked for it, sending the new access token', async () => {
    const api = mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () => json(tokensFixture(userFixture(), 'fresh-token')),
      'GET /api/v1/profile': () => json(profileFixture()),
    });
    const { router } = renderApp('/sign-in?next=%2Fprofile');

    await fillAndSubmit('  Alex@Example.com ');

    expect(await screen.findByRole('heading', { level: 1, name: 'Profile' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/profile');
    expect(api.callsTo(SIGN_IN)[0]!.body).toEqual({
      email: 'alex@example.com',
      password: 'correct horse battery staple',
    });
    await waitFor(() => expect(api.callsTo('GET /api/v1/profile')).toHaveLength(1));
    expect(api.callsTo('GET /api/v1/profile')[0]!.headers.Authorization).toBe('Bearer fresh-token');
    expect(await screen.findByRole('button', { name: 'Alex Nguyen, account menu' })).toBeTruthy();
  });

  it('says when the email or password is wrong, and clears and focuses the password', async () => {
    mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () => problem(401, 'UNAUTHENTICATED', 'The email address or password is not right.'),
    });
    renderApp('/sign-in');
    await fillAndSubmit('alex@example.com', 'wrong password here');

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('We couldn’t sign you in')).toBeTruthy();
    expect(alert.textContent).toContain('The email address or password is not right.');
    const password = screen.getByLabelText('Password') as HTMLInputElement;
    expect(password.value).toBe('');
    await waitFor(() => expect(document.activeElement).toBe(password));
  });

  it('asks for the second factor in the same flow, and accepts a recovery code', async () => {
    const api = mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () => json({ status: 'mfa-required', mfaToken: 'mfa-token-123456' }),
      'POST /api/v1/auth/sign-in/mfa': () => json(tokensFixture()),
    });
    const { router } = renderApp('/sign-in');
    const user = await fillAndSubmit();

    expect(await screen.findByRole('heading', { name: 'Two-factor authentication' })).toBeTruthy();
    expect(screen.getByText('Signing in as alex@example.com')).toBeTruthy();
    const totp = screen.getByLabelText('6-digit code');
    expect(totp.getAttribute('inputmode')).toBe('numeric');
    expect(totp.getAttribute('autocomplete')).toBe('one-time-code');
    await waitFor(() => expect(document.activeElement).toBe(totp));

    await user.click(screen.getByRole('button', { name: 'Use a recovery code instead' }));
    const recovery = await screen.findByLabelText('Recovery code');
    await waitFor(() => expect(document.activeElement).toBe(recovery));
    await user.type(recovery, 'k7m2p-q9xw4');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));

    await waitFor(() => expect(router.state.location.pathname).toBe('/'));
    expect(api.callsTo('POST /api/v1/auth/sign-in/mfa')[0]!.body).toEqual({
      mfaToken: 'mfa-token-123456',
      code: 'k7m2p-q9xw4',
    });
  });

  it('shows a wrong code under the code field', async () => {
    mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () => json({ status: 'mfa-required', mfaToken: 'mfa-token-123456' }),
      'POST /api/v1/auth/sign-in/mfa': () =>
        problem(
          401,
          'UNAUTHENTICATED',
          'That code is not right. Use the newest code from your app, or a recovery code.',
        ),
    });
    renderApp('/sign-in');
    const user = await fillAndSubmit();
    await user.type(await screen.findByLabelText('6-digit code'), '123 456');
    expect((screen.getByLabelText('6-digit code') as HTMLInputElement).value).toBe('123456');
    await user.click(screen.getByRole('button', { name: 'Verify and sign in' }));
    const message = await screen.findByText(/That code is not right/);
    const input = screen.getByLabelText('6-digit code');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(input.getAttribute('aria-describedby')).toContain(message.closest('p')!.id);
  });

  it('offers a new confirmation link when the email address is not confirmed', async () => {
    const api = mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () =>
        problem(
          403,
          'EMAIL_NOT_VERIFIED',
          'Confirm your email address first: open the link we sent you, or ask for a new one.',
        ),
      'POST /api/v1/auth/resend-verification': () =>
        json({ message: 'If that address needs confirming, we’ve sent a new link.' }, 202),
    });
    renderApp('/sign-in');
    const user = await fillAndSubmit();

    expect(await screen.findByText('Your email address isn’t confirmed yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Send a new link' }));
    expect(await screen.findByText('If that address needs confirming, we’ve sent a new link.')).toBeTruthy();
    expect(api.callsTo('POST /api/v1/auth/resend-verification')[0]!.body).toEqual({
      email: 'alex@example.com',
    });
  });

  it('shows how long to wait when the account is locked, and holds the button until then', async () => {
    mockApi({
      ...signedOutRoutes(),
      [SIGN_IN]: () =>
        problem(
          429,
          'ACCOUNT_LOCKED',
          'Too many failed attempts. Try again in 5 minute(s), or reset your password.',
          {
            headers: { 'Retry-After': '300' },
          },
        ),
    });
    renderApp('/sign-in');
    await fillAndSubmit();

    expect(await screen.findByText('Sign-in is paused for this account')).toBeTruthy();
    expect(screen.getByText(/Too many failed attempts. Try again in 5 minute\(s\)/)).toBeTruthy();
    expect(await screen.findByText(/You can try again in (5 min|4 min 5\d s)\./)).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByRole('link', { name: 'Reset your password' }).getAttribute('href')).toBe(
      '/forgot-password',
    );
  });

  it('checks the fields before sending, and focuses the first problem', async () => {
    const api = mockApi({ ...signedOutRoutes(), [SIGN_IN]: () => json(tokensFixture()) });
    const user = userEvent.setup();
    renderApp('/sign-in');
    await user.click(await screen.findByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Enter your email address, like name@example.com.')).toBeTruthy();
    expect(screen.getByText('Enter your password.')).toBeTruthy();
    expect(document.activeElement).toBe(screen.getByLabelText('Email address'));
    expect(api.callsTo(SIGN_IN)).toHaveLength(0);
  });
});
