import { useEffect, useId, type ReactNode } from 'react';
import { cn } from '../lib/cn';

export const APP_NAME = 'Numeri';

/** Sets the document title as "<page> · Numeri" (WCAG 2.4.2). */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · ${APP_NAME}` : APP_NAME;
  }, [title]);
}

export interface PageHeadingProps {
  children: ReactNode;
  className?: string;
}

/**
 * The page's one `h1`. The shell moves focus here after each navigation, so screen-reader and
 * keyboard users start at the new content; it is focusable by script only (`tabIndex={-1}`).
 */
export function PageHeading({ children, className }: PageHeadingProps) {
  return (
    <h1
      tabIndex={-1}
      data-route-heading=""
      className={cn(
        'text-2xl font-semibold tracking-tight text-balance text-slate-900 sm:text-3xl',
        className,
      )}
    >
      {children}
    </h1>
  );
}

export interface PageProps {
  title: string;
  /** Shown instead of `title` in the heading when the heading needs markup. */
  heading?: ReactNode;
  /** A short line above the heading (e.g. the section name). */
  eyebrow?: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  width?: 'narrow' | 'default' | 'wide';
  children?: ReactNode;
}

const widths = { narrow: 'max-w-3xl', default: 'max-w-5xl', wide: 'max-w-7xl' } as const;

/** A page: document title, heading block and content, centred at a readable width. */
export function Page({
  title,
  heading,
  eyebrow,
  description,
  actions,
  width = 'default',
  children,
}: PageProps) {
  useDocumentTitle(title);
  return (
    <div className={cn('mx-auto w-full px-4 py-8 sm:px-6 sm:py-12 lg:px-8', widths[width])}>
      <div className="mb-8 flex flex-col gap-4 sm:mb-10 sm:flex-row sm:items-end sm:justify-between">
        <div className="max-w-2xl">
          {eyebrow ? <p className="mb-2 text-sm font-medium text-teal-800">{eyebrow}</p> : null}
          <PageHeading>{heading ?? title}</PageHeading>
          {description ? (
            <div className="mt-3 text-base leading-7 text-pretty text-slate-600">{description}</div>
          ) : null}
        </div>
        {actions ? <div className="flex shrink-0 gap-3">{actions}</div> : null}
      </div>
      {children}
    </div>
  );
}

export interface SectionProps {
  title: ReactNode;
  description?: ReactNode;
  /** Heading level; default 2. */
  level?: 2 | 3;
  id?: string;
  actions?: ReactNode;
  className?: string;
  children?: ReactNode;
}

/** A titled section of a page (a `section` labelled by its heading). */
export function Section({ title, description, level = 2, id, actions, className, children }: SectionProps) {
  const Heading = `h${level}` as const;
  const generated = useId();
  const headingId = `${id ?? generated.replace(/:/g, '')}-heading`;
  return (
    <section id={id} aria-labelledby={headingId} className={className}>
      <div className="mb-4 flex items-end justify-between gap-4">
        <div>
          <Heading
            id={headingId}
            className={cn('font-semibold text-slate-900', level === 2 ? 'text-lg' : 'text-base')}
          >
            {title}
          </Heading>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
        {actions}
      </div>
      {children}
    </section>
  );
}
