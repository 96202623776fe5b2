import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import { Card } from './Card';
import { PageHeading, useDocumentTitle } from './Page';

export interface AuthLayoutProps {
  /** The document title (and the heading unless `heading` is given). */
  title: string;
  heading?: ReactNode;
  description?: ReactNode;
  /** A small illustration above the heading (an icon in a circle). */
  icon?: ReactNode;
  /** `warning` for dead ends (an expired link); default teal. */
  iconTone?: 'default' | 'warning';
  children: ReactNode;
  /** Under the card: "Don't have an account? Create one". */
  footer?: ReactNode;
  className?: string;
}

/** The calm, centred single-card layout of the sign-up, sign-in and email-link pages. */
export function AuthLayout({
  title,
  heading,
  description,
  icon,
  iconTone = 'default',
  children,
  footer,
  className,
}: AuthLayoutProps) {
  useDocumentTitle(title);
  return (
    <div className={cn('mx-auto w-full max-w-md px-4 py-10 sm:px-6 sm:py-16', className)}>
      <div className="mb-6 text-center sm:mb-8">
        {icon ? (
          <span
            className={cn(
              'mx-auto mb-4 flex size-12 items-center justify-center rounded-2xl ring-1',
              iconTone === 'warning'
                ? 'bg-amber-50 text-amber-700 ring-amber-200'
                : 'bg-teal-50 text-teal-700 ring-teal-200',
            )}
          >
            {icon}
          </span>
        ) : null}
        <PageHeading>{heading ?? title}</PageHeading>
        {description ? (
          <div className="mt-3 text-base leading-7 text-pretty text-slate-600">{description}</div>
        ) : null}
      </div>
      <Card padding="lg">{children}</Card>
      {footer ? <div className="mt-6 text-center text-sm leading-6 text-slate-600">{footer}</div> : null}
    </div>
  );
}

/** A text link in the app's link style. */
export const linkClasses = 'font-medium text-teal-800 underline underline-offset-2 hover:text-teal-950';
