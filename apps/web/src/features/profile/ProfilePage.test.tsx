import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, profileFixture, signedInRoutes, userFixture } from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { groupTfn, tfnFeedback } from './TfnCard';

const TFN = 'GET /api/v1/profile/tfn';
const STEP_UP = 'POST /api/v1/auth/step-up';

function stepUpRequired() {
  return problem(403, 'STEP_UP_REQUIRED', 'Enter a code from your authenticator app to confirm it is you.');
}

describe('step-up ("Confirm it’s you")', () => {
  it('opens on STEP_UP_REQUIRED, sends the code, then repeats the original request by itself', async () => {
    let tfnCalls = 0;
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
      [TFN]: () => (++tfnCalls === 1 ? stepUpRequired() : json({ tfn: '123456782' })),
      [STEP_UP]: (request) =>
        (request.body as { code: string }).code === '246810'
          ? json({ validUntil: new Date(Date.now() + 600_000).toISOString() })
          : problem(
              401,
              'UNAUTHENTICATED',
              'That code is not right. Use the newest code from your app, or a recovery code.',
            ),
    });
    const user = userEvent.setup();
    renderApp('/profile');

    await user.click(await screen.findByRole('button', { name: 'Show' }));
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    const code = within(dialog).getByLabelText('6-digit code');
    await waitFor(() => expect(document.activeElement).toBe(code));

    // A wrong code is explained in the dialog, which stays open; no refresh is attempted for that 401.
    await user.type(code, '111111');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));
    expect(await within(dialog).findByText(/That code is not right/)).toBeTruthy();
    expect(api.callsTo('POST /api/v1/auth/refresh')).toHaveLength(1);

    await user.clear(code);
    await user.type(code, '246810');
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(await screen.findByText('123 456 782')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(TFN)).toHaveLength(2);
    expect(api.callsTo(STEP_UP).map((call) => call.body)).toEqual([{ code: '111111' }, { code: '246810' }]);
    expect(screen.getByText(/Hidden again in 30 seconds/)).toBeTruthy();

    await user.click(screen.getByRole('button', { name: 'Hide' }));
    expect(screen.queryByText('123 456 782')).toBeNull();
    expect(screen.getByText('••• ••• 782')).toBeTruthy();
  });

  it('does nothing (and says nothing alarming) when the person cancels', async () => {
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
      [TFN]: () => stepUpRequired(),
    });
    const user = userEvent.setup();
    renderApp('/profile');
    const show = await screen.findByRole('button', { name: 'Show' });
    await user.click(show);
    const dialog = await screen.findByRole('dialog', { name: 'Confirm it’s you' });
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(api.callsTo(TFN)).toHaveLength(1);
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Show' })));
  });
});

describe('TFN', () => {
  it('checks the number as it is typed, and saves it', async () => {
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture({ tfn: { present: false, masked: null } })),
      'PUT /api/v1/profile/tfn': () =>
        json(profileFixture({ tfn: { present: true, masked: '*** *** 782' } })),
    });
    const user = userEvent.setup();
    renderApp('/profile');

    expect(await screen.findByText('Not added yet')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Add your TFN' }));
    const input = screen.getByRole('textbox', { name: 'Tax file number' });

    await user.type(input, '123 456');
    expect(screen.queryByText(/isn’t a valid tax file number/)).toBeNull(); // nothing until it's complete

    await user.type(input, ' 789');
    expect(await screen.findByText(/That isn’t a valid tax file number/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');

    await user.clear(input);
    await user.type(input, '123 456 782');
    expect(await screen.findByText('This looks like a valid tax file number.')).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Save tax file number' }));
    expect(await screen.findByText('Your tax file number is saved')).toBeTruthy();
    expect(api.callsTo('PUT /api/v1/profile/tfn')[0]!.body).toEqual({ tfn: '123456782' });
    expect(screen.getByText('••• ••• 782')).toBeTruthy();
  });

  it('does not send an invalid number', async () => {
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
    });
    const user = userEvent.setup();
    renderApp('/profile');
    await user.click(await screen.findByRole('button', { name: 'Change' }));
    const input = screen.getByLabelText('New tax file number');
    await user.type(input, '123456789');
    await user.click(screen.getByRole('button', { name: 'Save tax file number' }));
    expect(await screen.findByText(/That isn’t a valid tax file number/)).toBeTruthy();
    expect(document.activeElement).toBe(input);
    expect(api.callsTo('PUT /api/v1/profile/tfn')).toHaveLength(0);
  });

  it('explains that two-factor authentication comes first when it is off', async () => {
    mockApi({
      ...signedInRoutes(userFixture({ twoFactorEnabled: false })),
      'GET /api/v1/profile': () => json(profileFixture({ twoFactorEnabled: false })),
    });
    renderApp('/profile');
    expect(
      await screen.findByText('Turn on two-factor authentication to see or change your TFN'),
    ).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show' })).toBeNull();
    expect(
      screen.getByRole('link', { name: /^Turn it on\s?\(two-factor authentication\)$/ }).getAttribute('href'),
    ).toBe('/security?setup=2fa&next=%2Fprofile%23tfn');
  });

  it('helpers: feedback and grouping', () => {
    expect(tfnFeedback('')).toBeNull();
    expect(tfnFeedback('12345')).toBeNull();
    expect(tfnFeedback('123 456 782')).toMatchObject({ valid: true });
    expect(tfnFeedback('123456789')).toMatchObject({ valid: false });
    expect(tfnFeedback('1234567890')).toMatchObject({ valid: false });
    expect(groupTfn('123456782')).toBe('123 456 782');
  });
});

describe('personal details', () => {
  it('shows the server’s field errors next to the fields and focuses the first', async () => {
    mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
      'PATCH /api/v1/profile': () =>
        problem(400, 'VALIDATION_FAILED', '1 field is invalid', {
          errors: [{ field: '/phone', message: 'must be an Australian number, e.g. 0412 345 678' }],
        }),
    });
    const user = userEvent.setup();
    renderApp('/profile');
    const phone = await screen.findByLabelText(/Phone number/);
    await user.type(phone, '0412 345 678');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(
      await screen.findByText('Phone number must be an Australian number, e.g. 0412 345 678.'),
    ).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(phone));
  });

  it('takes the date of birth as DD/MM/YYYY and saves the update', async () => {
    const api = mockApi({
      ...signedInRoutes(),
      'GET /api/v1/profile': () => json(profileFixture()),
      'PATCH /api/v1/profile': (request) => json(profileFixture(request.body as object)),
    });
    const user = userEvent.setup();
    renderApp('/profile');
    const dob = await screen.findByLabelText(/Date of birth/);
    await user.type(dob, '31/02/1990');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(
      await screen.findByText('Enter your date of birth as DD/MM/YYYY, for example 12/04/1990.'),
    ).toBeTruthy();

    await user.clear(dob);
    await user.type(dob, '2/4/1990');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Your details are saved')).toBeTruthy();
    expect(api.callsTo('PATCH /api/v1/profile')[0]!.body).toEqual({
      givenName: 'Alex',
      familyName: 'Nguyen',
      phone: null,
      dateOfBirth: '1990-04-02',
      residency: 'resident',
      postalAddress: null,
    });
    expect((dob as HTMLInputElement).value).toBe('02/04/1990');
  });

  it('asks for a complete address once any part of it is filled in', async () => {
    const api = mockApi({ ...signedInRoutes(), 'GET /api/v1/profile': () => json(profileFixture()) });
    const user = userEvent.setup();
    renderApp('/profile');
    await user.type(await screen.findByLabelText('Street address'), '1 George St');
    await user.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('Enter your suburb or town.')).toBeTruthy();
    expect(screen.getByText('Choose a state or territory.')).toBeTruthy();
    expect(screen.getByText('Postcode must be 4 digits.')).toBeTruthy();
    expect(api.callsTo('PATCH /api/v1/profile')).toHaveLength(0);
  });
});
