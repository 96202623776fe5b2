import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import {
  buttonClasses,
  ChevronDownIcon,
  MenuIcon,
  NumeriMark,
  ShieldIcon,
  SignOutIcon,
  UserIcon,
  UsersIcon,
} from '../components';
import { APP_ROUTES, signInPath, useAuth } from '../lib/auth';
import { cn } from '../lib/cn';
import { useDropStaleExit, useMfaEnrolmentRedirect } from './guards';
import { navItemsFor } from './navigation';

/**
 * Moves keyboard and screen-reader focus to the new page's heading after each navigation (not on
 * the first load), so people start reading at the new content instead of the link they pressed.
 */
function useFocusHeadingOnNavigate(main: React.RefObject<HTMLElement | null>) {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    const heading = main.current?.querySelector<HTMLElement>('[data-route-heading]');
    (heading ?? main.current)?.focus({ preventScroll: true });
  }, [pathname, main]);
}

function SkipLink() {
  return (
    <a
      href="#main"
      className={cn(
        'sr-only focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:z-50 focus:rounded-lg focus:bg-white',
        'focus:px-4 focus:py-2.5 focus:text-sm focus:font-medium focus:text-slate-900 focus:shadow-lg focus:ring-2 focus:ring-teal-700',
      )}
    >
      Skip to main content
    </a>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const busy = navigation.state !== 'idle';
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-x-0 bottom-0 h-0.5 overflow-hidden">
      <div
        className={cn(
          'h-full bg-teal-600 transition-[width,opacity] duration-500 ease-out',
          busy ? 'w-2/3 opacity-100' : 'w-full opacity-0',
        )}
      />
    </div>
  );
}

function DesktopNav() {
  const { user } = useAuth();
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {navItemsFor(user?.role).map((item) => (
          <li key={item.to}>
            <NavLink
              to={item.to}
              end={item.end}
              className={({ isActive }) =>
                cn(
                  'inline-flex h-9 items-center rounded-lg px-3 text-sm font-medium transition-colors',
                  isActive
                    ? 'bg-slate-100 text-slate-900'
                    : 'text-slate-600 hover:bg-slate-50 hover:text-slate-900',
                )
              }
            >
              {item.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The phone menu: a Radix dropdown, so arrow keys, Escape and focus return work as expected. */
function CompactNav() {
  const { status, user } = useAuth();
  const [open, setOpen] = useState(false);
  const navigated = useRef(false);
  const { pathname } = useLocation();
  const items = navItemsFor(user?.role);
  const current = items.find((item) => (item.end ? pathname === item.to : pathname.startsWith(item.to)));
  return (
    <DropdownMenu.Root open={open} onOpenChange={setOpen} modal={false}>
      <DropdownMenu.Trigger
        className={cn(
          'inline-flex h-10 items-center gap-2 rounded-lg px-3 text-sm font-medium text-slate-700 ring-1 ring-slate-200 md:hidden',
          'hover:bg-slate-50 data-[state=open]:bg-slate-100',
        )}
      >
        <MenuIcon className="size-5" />
        <span>Menu</span>
      </DropdownMenu.Trigger>
      {/* Not portalled: the open menu stays inside the banner landmark. */}
      <DropdownMenu.Content
        align="end"
        sideOffset={8}
        collisionPadding={12}
        aria-label="Main"
        onCloseAutoFocus={(event) => {
          // After choosing a page, focus goes to that page's heading, not back to the menu button.
          if (navigated.current) event.preventDefault();
          navigated.current = false;
        }}
        className="z-40 w-[min(18rem,calc(100vw-1.5rem))] rounded-xl bg-white p-1.5 shadow-xl ring-1 ring-slate-200"
      >
        {items.map((item) => {
          const Icon = item.icon;
          const active = current?.to === item.to;
          return (
            <DropdownMenu.Item key={item.to} asChild onSelect={() => (navigated.current = true)}>
              <Link
                to={item.to}
                aria-current={active ? 'page' : undefined}
                className={cn(
                  'flex h-11 items-center gap-3 rounded-lg px-3 text-[0.9375rem] font-medium outline-none select-none',
                  'data-[highlighted]:bg-slate-100',
                  active ? 'text-teal-800' : 'text-slate-700',
                )}
              >
                <Icon className={cn('size-5', active ? 'text-teal-700' : 'text-slate-400')} />
                {item.label}
              </Link>
            </DropdownMenu.Item>
          );
        })}
        {status === 'signed-out' ? (
          <>
            <DropdownMenu.Separator className="mx-1.5 my-1.5 h-px bg-slate-200" />
            <DropdownMenu.Item asChild onSelect={() => (navigated.current = true)}>
              <Link
                to={APP_ROUTES.signUp}
                className="flex h-11 items-center gap-3 rounded-lg px-3 text-[0.9375rem] font-medium text-teal-800 outline-none select-none data-[highlighted]:bg-slate-100"
              >
                <UserIcon className="size-5 text-teal-700" />
                Create account
              </Link>
            </DropdownMenu.Item>
          </>
        ) : null}
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

function initialsOf(givenName: string, familyName: string): string {
  return `${givenName.trim().charAt(0)}${familyName.trim().charAt(0)}`.toUpperCase() || '?';
}

const menuItemClasses =
  'flex h-11 w-full items-center gap-3 rounded-lg px-3 text-[0.9375rem] font-medium text-slate-700 outline-none select-none data-[highlighted]:bg-slate-100 data-[highlighted]:text-slate-900';

/** The signed-in person's menu: their pages and signing out. */
function AccountMenu() {
  const { user, signOut, planExit } = useAuth();
  const { pathname } = useLocation();
  const navigated = useRef(false);
  if (!user) return null;
  const name = `${user.givenName} ${user.familyName}`.trim();
  const onSignOut = async () => {
    navigated.current = true;
    // Pages that need an account then go to the sign-in page saying so; public pages stay put.
    planExit({ from: pathname, to: APP_ROUTES.signIn, state: { notice: 'signed-out' } });
    await signOut();
  };
  return (
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className={cn(
          'inline-flex h-10 items-center gap-2 rounded-full py-1 pr-2 pl-1 text-sm font-medium text-slate-700 ring-1 ring-slate-200',
          'hover:bg-slate-50 data-[state=open]:bg-slate-100 md:pr-3',
        )}
      >
        <span
          aria-hidden="true"
          className="flex size-8 items-center justify-center rounded-full bg-teal-700 text-xs font-semibold tracking-wide text-white"
        >
          {initialsOf(user.givenName, user.familyName)}
        </span>
        <span aria-hidden="true" className="hidden max-w-40 truncate lg:inline">
          {user.givenName}
        </span>
        {/* Named from its content (not aria-label), so the visible text is part of the name. */}
        <span className="sr-only">{name}, account menu</span>
        <ChevronDownIcon className="size-4 text-slate-500" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Content
        align="end"
        sideOffset={8}
        collisionPadding={12}
        onCloseAutoFocus={(event) => {
          if (navigated.current) event.preventDefault();
          navigated.current = false;
        }}
        className="z-40 w-[min(18rem,calc(100vw-1.5rem))] rounded-xl bg-white p-1.5 shadow-xl ring-1 ring-slate-200"
      >
        <DropdownMenu.Label className="px-3 pt-2 pb-2.5">
          <span className="block truncate text-sm font-semibold text-slate-900">{name}</span>
          <span className="block truncate text-sm text-slate-600">{user.email}</span>
        </DropdownMenu.Label>
        <DropdownMenu.Separator className="mx-1.5 mb-1.5 h-px bg-slate-200" />
        <DropdownMenu.Item asChild onSelect={() => (navigated.current = true)}>
          <Link to={APP_ROUTES.profile} className={menuItemClasses}>
            <UserIcon className="size-5 text-slate-400" />
            Profile
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item asChild onSelect={() => (navigated.current = true)}>
          <Link to={APP_ROUTES.security} className={menuItemClasses}>
            <ShieldIcon className="size-5 text-slate-400" />
            Security
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Item asChild onSelect={() => (navigated.current = true)}>
          <Link to={APP_ROUTES.reviewers} className={menuItemClasses}>
            <UsersIcon className="size-5 text-slate-400" />
            Tax agent access
          </Link>
        </DropdownMenu.Item>
        <DropdownMenu.Separator className="mx-1.5 my-1.5 h-px bg-slate-200" />
        <DropdownMenu.Item className={menuItemClasses} onSelect={() => void onSignOut()}>
          <SignOutIcon className="size-5 text-slate-400" />
          Sign out
        </DropdownMenu.Item>
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

/** Right of the header: sign-in links when signed out, the account menu when signed in. */
function HeaderAccount() {
  const { status } = useAuth();
  const { pathname, search } = useLocation();
  if (status === 'loading') return <span aria-hidden="true" className="block h-10 w-10" />;
  if (status === 'signed-in') return <AccountMenu />;
  const onAuthPage = pathname === APP_ROUTES.signIn || pathname === APP_ROUTES.signUp;
  // Coming back here after signing in is what people expect (except from the sign-up page itself).
  const next = onAuthPage ? undefined : `${pathname}${search}`;
  return (
    <div className="flex items-center gap-2">
      {pathname === APP_ROUTES.signIn ? null : (
        <Link to={signInPath(next)} className={buttonClasses({ variant: 'ghost', size: 'md' })}>
          Sign in
        </Link>
      )}
      {pathname === APP_ROUTES.signUp ? null : (
        // On phones it lives in the menu instead (the header has no room for both buttons).
        <span className="hidden sm:block">
          <Link to={APP_ROUTES.signUp} className={buttonClasses({ variant: 'primary' })}>
            Create account
          </Link>
        </span>
      )}
    </div>
  );
}

export function AppShell() {
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);
  useMfaEnrolmentRedirect();
  useDropStaleExit();
  return (
    <div className="flex min-h-dvh flex-col">
      <SkipLink />
      <header className="sticky top-0 z-30 border-b border-slate-200/80 bg-white/90 backdrop-blur supports-[backdrop-filter]:bg-white/75">
        <div className="mx-auto flex h-16 max-w-7xl items-center justify-between gap-6 px-4 sm:px-6 lg:px-8">
          <div className="flex items-center gap-8">
            <Link to="/" className="flex items-center gap-2.5 rounded-lg" aria-label="Numeri home">
              <NumeriMark className="size-8" />
              <span className="text-lg font-semibold tracking-tight text-slate-900">Numeri</span>
            </Link>
            <DesktopNav />
          </div>
          <div className="flex items-center gap-2">
            <HeaderAccount />
            <CompactNav />
          </div>
        </div>
        <NavigationProgress />
      </header>

      <main id="main" ref={main} tabIndex={-1} className="flex-1 focus:outline-none">
        <Outlet />
      </main>

      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-col gap-2 px-4 py-8 text-sm text-slate-500 sm:flex-row sm:justify-between sm:px-6 lg:px-8">
          <p>Numeri — prepare your Australian individual tax return.</p>
          <p>Estimates use the ATO’s published rates for each income year and show their sources.</p>
        </div>
      </footer>
      <ScrollRestoration />
    </div>
  );
}
