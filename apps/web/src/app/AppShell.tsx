import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useEffect, useRef, useState } from 'react';
import { Link, NavLink, Outlet, ScrollRestoration, useLocation, useNavigation } from 'react-router';
import { MenuIcon, NumeriMark } from '../components';
import { cn } from '../lib/cn';
import { NAV_ITEMS } from './navigation';

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
  return (
    <nav aria-label="Main" className="hidden md:block">
      <ul className="flex items-center gap-1">
        {NAV_ITEMS.map((item) => (
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
  const [open, setOpen] = useState(false);
  const navigated = useRef(false);
  const { pathname } = useLocation();
  const current = NAV_ITEMS.find((item) => (item.end ? pathname === item.to : pathname.startsWith(item.to)));
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
        {NAV_ITEMS.map((item) => {
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
      </DropdownMenu.Content>
    </DropdownMenu.Root>
  );
}

export function AppShell() {
  const main = useRef<HTMLElement>(null);
  useFocusHeadingOnNavigate(main);
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
          <CompactNav />
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
