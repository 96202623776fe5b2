import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockApi, signedInRoutes, signedOutRoutes } from '../test/api-mock';
import { renderApp } from '../test/render';

describe('app shell', () => {
  beforeEach(() => {
    mockApi(signedInRoutes());
  });

  it('renders the landmarks, the skip link and a link to every section', async () => {
    renderApp('/');

    expect(await screen.findByRole('heading', { level: 1 })).toBeTruthy();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByText('Numeri')).toBeTruthy();
    expect(screen.getByRole('main').id).toBe('main');
    expect(screen.getByRole('contentinfo')).toBeTruthy();

    const skip = screen.getByRole('link', { name: 'Skip to main content' });
    expect(skip.getAttribute('href')).toBe('#main');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['Dashboard', '/'],
      ['Tax calculator', '/calculator'],
      ['Documents', '/documents'],
      ['Returns', '/returns'],
      ['Profile', '/profile'],
    ]);
    expect(within(nav).getByRole('link', { name: 'Dashboard' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Documents' }).getAttribute('aria-current')).toBeNull();
  });

  it('does not move focus on the first page load', async () => {
    renderApp('/');
    await screen.findByRole('heading', { level: 1 });
    expect(document.activeElement).toBe(document.body);
  });

  it('moves focus to the new page heading after navigating', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    const nav = screen.getByRole('navigation', { name: 'Main' });
    await user.click(within(nav).getByRole('link', { name: 'Documents' }));

    const heading = await screen.findByRole('heading', { level: 1, name: 'Documents' });
    expect(router.state.location.pathname).toBe('/documents');
    await waitFor(() => expect(document.activeElement).toBe(heading));
    expect(document.title).toBe('Documents · Numeri');
    expect(within(nav).getByRole('link', { name: 'Documents' }).getAttribute('aria-current')).toBe('page');
  });

  it('moves focus to the heading of a lazily loaded page too', async () => {
    const user = userEvent.setup();
    renderApp('/documents');
    await screen.findByRole('heading', { level: 1, name: 'Documents' });

    await user.click(screen.getByRole('link', { name: 'Tax calculator' }));

    // The first import of the calculator chunk (form + chart libraries) is slow under jsdom.
    const heading = await screen.findByRole(
      'heading',
      { level: 1, name: 'Tax calculator' },
      { timeout: 8000 },
    );
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('has a keyboard-usable compact menu that navigates and focuses the heading', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    const trigger = screen.getByRole('button', { name: 'Menu' });
    trigger.focus();
    await user.keyboard('{Enter}');

    const menu = await screen.findByRole('menu');
    const items = within(menu).getAllByRole('menuitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'Dashboard',
      'Tax calculator',
      'Documents',
      'Returns',
      'Profile',
    ]);

    const profile = within(menu).getByRole('menuitem', { name: 'Profile' });
    profile.focus();
    await user.keyboard('{Enter}');

    const heading = await screen.findByRole('heading', { level: 1, name: 'Profile' });
    expect(router.state.location.pathname).toBe('/profile');
    await waitFor(() => expect(screen.queryByRole('menu')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(heading));
  });

  it('shows a 404 page for an unknown address, inside the shell', async () => {
    renderApp('/no-such-page');
    expect(await screen.findByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy();
    expect(screen.getByText('/no-such-page')).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Go to the dashboard' }).getAttribute('href')).toBe('/');
  });

  it('opens the returns page, which offers to start this year’s return', async () => {
    mockApi({ ...signedInRoutes(), 'GET /api/v1/returns': [] });
    renderApp('/returns');
    await screen.findByRole('heading', { level: 1, name: 'Returns' });
    expect(await screen.findByRole('button', { name: /^Start my \d{4}–\d{2} return/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'tax calculator' }).getAttribute('href')).toBe('/calculator');
  });

  it('shows the account menu with Profile, Security and Sign out when signed in', async () => {
    const user = userEvent.setup();
    const { router } = renderApp('/');
    await screen.findByRole('heading', { level: 1 });

    const banner = screen.getByRole('banner');
    expect(within(banner).queryByRole('link', { name: 'Sign in' })).toBeNull();
    await user.click(within(banner).getByRole('button', { name: 'Alex Nguyen, account menu' }));
    const menu = await screen.findByRole('menu');
    expect(within(menu).getByText('alex@example.com')).toBeTruthy();
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Profile', 'Security', 'Tax agent access', 'Sign out']);
    await user.click(within(menu).getByRole('menuitem', { name: 'Security' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/security'));
  });
});

describe('app shell when signed out', () => {
  beforeEach(() => {
    mockApi(signedOutRoutes());
  });

  it('offers Sign in and Create account, and keeps the calculator public', async () => {
    renderApp('/calculator');
    await screen.findByRole('heading', { level: 1, name: 'Tax calculator' }, { timeout: 8000 });
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Sign in' }).getAttribute('href')).toBe(
      '/sign-in?next=%2Fcalculator',
    );
    expect(within(banner).getByRole('link', { name: 'Create account' }).getAttribute('href')).toBe(
      '/sign-up',
    );
    expect(within(banner).queryByRole('button', { name: /account menu/ })).toBeNull();
  });

  it('sends the dashboard to the sign-in page', async () => {
    const { router } = renderApp('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Numeri' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/sign-in');
  });
});
