import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import {
  json,
  mockApi,
  problem,
  profileFixture,
  signedInRoutes,
  userFixture,
  type MockRoutes,
} from '../../test/api-mock';
import { renderApp } from '../../test/render';
import { describeActivity } from './activity';

const QR = 'data:image/png;base64,iVBORw0KGgo=';
const CODES = Array.from({ length: 10 }, (_, i) => `k7m2${i}-q9xw${i}`);
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function securityRoutes(overrides: MockRoutes = {}, user = userFixture()): MockRoutes {
  return {
    ...signedInRoutes(user),
    'GET /api/v1/profile': () => json(profileFixture({ twoFactorEnabled: user.twoFactorEnabled })),
    'GET /api/v1/auth/sessions': () => json([]),
    'GET /api/v1/account/activity': () => json([]),
    ...overrides,
  };
}

describe('two-factor set-up', () => {
  it('shows the QR code and key, turns 2FA on with a code, then shows the recovery codes once', async () => {
    let enabled = false;
    const user = userEvent.setup();
    const api = mockApi(
      securityRoutes(
        {
          'POST /api/v1/auth/2fa/setup': () =>
            json({
              secret: 'JBSWY3DPEHPK3PXP',
              otpauthUri: 'otpauth://totp/Numeri:alex?secret=JBSWY3DPEHPK3PXP',
              qrCodeDataUrl: QR,
            }),
          'POST /api/v1/auth/2fa/enable': (request) => {
            if ((request.body as { code: string }).code !== '123456') {
              return problem(400, 'VALIDATION_FAILED', 'That code is not right', {
                errors: [
                  {
                    field: 'code',
                    message: 'does not match; check the time on your phone and try the newest code',
                  },
                ],
              });
            }
            enabled = true;
            return json({ recoveryCodes: CODES });
          },
          'GET /api/v1/auth/me': () => json(userFixture({ twoFactorEnabled: enabled })),
        },
        userFixture({ twoFactorEnabled: false }),
      ),
    );
    renderApp('/security');

    await user.click(await screen.findByRole('button', { name: 'Set up two-factor authentication' }));

    const qr = (await screen.findByRole('img', {
      name: 'QR code for adding your Numeri account to an authenticator app',
    })) as HTMLImageElement;
    expect(qr.getAttribute('src')).toBe(QR);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeTruthy();
    expect(
      screen.getByRole('link', { name: 'Open it in your authenticator app' }).getAttribute('href'),
    ).toMatch(/^otpauth:\/\/totp\//);

    const code = screen.getByLabelText('6-digit code');
    await user.type(code, '000000');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));
    expect(
      await screen.findByText(
        'The code does not match; check the time on your phone and try the newest code.',
      ),
    ).toBeTruthy();

    await user.clear(code);
    await user.type(code, '123456');
    await user.click(screen.getByRole('button', { name: 'Turn on two-factor authentication' }));

    expect(await screen.findByText('Save these recovery codes now — they won’t be shown again')).toBeTruthy();
    const list = screen.getByRole('list', { name: 'Your recovery codes' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(CODES);
    expect(screen.getByRole('button', { name: 'Copy' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Download .txt' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Print' })).toBeTruthy();

    const done = screen.getByRole('button', { name: 'Done' }) as HTMLButtonElement;
    expect(done.disabled).toBe(true);
    await user.click(screen.getByLabelText('I’ve saved my recovery codes somewhere safe'));
    await user.click(done);

    expect(
      await screen.findByText(
        'Two-factor authentication is on. You’ll enter a code from your app when you sign in.',
      ),
    ).toBeTruthy();
    expect(screen.getByText('On')).toBeTruthy();
    expect(screen.queryByText(CODES[0]!)).toBeNull();
    expect(api.callsTo('POST /api/v1/auth/2fa/enable').map((call) => call.body)).toEqual([
      { code: '000000' },
      { code: '123456' },
    ]);
  });

  it('downloads the recovery codes as a text file', async () => {
    const user = userEvent.setup();
    mockApi(
      securityRoutes({
        'POST /api/v1/auth/2fa/recovery-codes': () => json({ recoveryCodes: CODES }),
        'GET /api/v1/auth/me': () => json(userFixture()),
      }),
    );
    const createObjectURL = vi.fn((_blob: Blob) => 'blob:codes');
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() }));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    renderApp('/security');

    await user.click(await screen.findByRole('button', { name: 'Get new recovery codes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Get new recovery codes' });
    await user.type(within(dialog).getByLabelText('6-digit code'), '654321');
    await user.click(within(dialog).getByRole('button', { name: 'Get new codes' }));
    await user.click(await within(dialog).findByRole('button', { name: 'Download .txt' }));

    expect(click).toHaveBeenCalledTimes(1);
    const text = await createObjectURL.mock.calls[0]![0].text();
    for (const code of CODES) expect(text).toContain(code);
    expect(text).toContain('alex@example.com');
  });

  it('sends people who must enrol to the set-up from any other page, and back afterwards', async () => {
    mockApi(securityRoutes({}, userFixture({ twoFactorEnabled: false, twoFactorEnrolmentRequired: true })));
    const { router } = renderApp('/returns');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign-in and security' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/security');
    expect(router.state.location.search).toBe('?setup=2fa&next=%2Freturns');
    expect(screen.getByText('Turn on two-factor authentication to continue')).toBeTruthy();
    // Only the set-up is offered until it's done.
    expect(screen.queryByRole('heading', { name: 'Where you’re signed in' })).toBeNull();
  });
});

describe('sessions', () => {
  const sessions = [
    {
      id: '11111111-1111-4111-8111-111111111111',
      current: false,
      device: 'Safari on iPhone',
      ip: '198.51.100.7',
      createdAt: minutesAgo(60 * 24 * 3),
      lastUsedAt: minutesAgo(120),
    },
    {
      id: '22222222-2222-4222-8222-222222222222',
      current: true,
      device: 'Chrome on Windows',
      ip: '203.0.113.5',
      createdAt: minutesAgo(30),
      lastUsedAt: minutesAgo(1),
    },
  ];

  it('lists devices with this one first and marked, and signs another one out', async () => {
    const user = userEvent.setup();
    const api = mockApi(
      securityRoutes({
        'GET /api/v1/auth/sessions': () => json(sessions),
        [`DELETE /api/v1/auth/sessions/${sessions[0]!.id}`]: () => new Response(null, { status: 204 }),
      }),
    );
    renderApp('/security');

    const region = await screen.findByRole('region', { name: 'Where you’re signed in' });
    const items = await within(region).findAllByRole('listitem');
    expect(items[0]!.textContent).toContain('Chrome on Windows');
    expect(within(items[0]!).getByText('This device')).toBeTruthy();
    expect(within(items[0]!).queryByRole('button')).toBeNull();
    expect(items[1]!.textContent).toContain('Safari on iPhone');
    expect(items[1]!.textContent).toContain('198.51.100.7 · Last active 2 hours ago');

    await user.click(
      within(region).getByRole('button', { name: 'Sign out Safari on iPhone (198.51.100.7)' }),
    );
    await waitFor(() => expect(within(region).queryByText('Safari on iPhone')).toBeNull());
    expect(api.callsTo(`DELETE /api/v1/auth/sessions/${sessions[0]!.id}`)).toHaveLength(1);
    expect(within(region).getByText('Signed out Safari on iPhone (198.51.100.7).')).toBeTruthy();
    expect(within(region).getByText('You’re not signed in anywhere else.')).toBeTruthy();
  });

  it('signs out everywhere after confirming, and lands on the sign-in page', async () => {
    const user = userEvent.setup();
    const api = mockApi(
      securityRoutes({
        'GET /api/v1/auth/sessions': () => json(sessions),
        'POST /api/v1/auth/sign-out-everywhere': () => new Response(null, { status: 204 }),
      }),
    );
    const { router } = renderApp('/security');
    await user.click(await screen.findByRole('button', { name: 'Sign out everywhere' }));
    const dialog = await screen.findByRole('dialog', { name: 'Sign out on every device?' });
    await user.click(within(dialog).getByRole('button', { name: 'Sign out everywhere' }));
    expect(await screen.findByText('You’re signed out on every device')).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
    expect(api.callsTo('POST /api/v1/auth/sign-out-everywhere')[0]!.headers.Authorization).toBe(
      'Bearer access-1',
    );
  });
});

describe('recent activity', () => {
  it('reads like sentences, and highlights failures', async () => {
    mockApi(
      securityRoutes({
        'GET /api/v1/account/activity': () =>
          json([
            {
              id: 'a1a1a1a1-1111-4111-8111-111111111111',
              occurredAt: minutesAgo(120),
              action: 'auth.sign-in',
              outcome: 'success',
              ip: '203.0.113.5',
              device: 'Chrome on Windows',
              actor: null,
            },
            {
              id: 'b2b2b2b2-2222-4222-8222-222222222222',
              occurredAt: minutesAgo(5),
              action: 'auth.sign-in',
              outcome: 'failure',
              ip: '192.0.2.44',
              device: 'Firefox on Linux',
              actor: null,
            },
          ]),
      }),
    );
    renderApp('/security');
    const region = await screen.findByRole('region', { name: 'Recent activity' });
    const items = await within(region).findAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Failed sign-in attempt · Firefox on Linux · 192.0.2.44 · 5 minutes agoFailed',
      'Signed in · Chrome on Windows · 203.0.113.5 · 2 hours ago',
    ]);
    expect(items[0]!.className).toContain('bg-red');
    expect(within(region).getByText(/1 event below needs a look/)).toBeTruthy();
  });

  it('names unknown actions readably and credits other people', () => {
    const line = describeActivity(
      {
        id: 'c3c3c3c3-3333-4333-8333-333333333333',
        occurredAt: new Date(0).toISOString(),
        action: 'document.viewed',
        outcome: 'success',
        ip: null,
        device: null,
        actor: 'Jo Agent',
      },
      60_000,
    );
    expect(line).toMatchObject({
      title: 'Document viewed',
      details: 'by Jo Agent',
      problem: false,
      when: '1 minute ago',
    });
  });
});
