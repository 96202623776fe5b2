import type { HTMLAttributes, ReactNode } from 'react';
import { cn } from '../lib/cn';

export interface CardProps extends HTMLAttributes<HTMLElement> {
  /** Element to render; `section` gives a region landmark when labelled. Default `div`. */
  as?: 'div' | 'section' | 'article' | 'aside';
  padding?: 'none' | 'sm' | 'md' | 'lg';
  tone?: 'default' | 'muted' | 'accent';
  children?: ReactNode;
}

const paddings = { none: '', sm: 'p-4', md: 'p-5 sm:p-6', lg: 'p-6 sm:p-8' } as const;
const tones = {
  default: 'bg-white ring-slate-200',
  muted: 'bg-slate-50 ring-slate-200',
  accent: 'bg-teal-50/60 ring-teal-200',
} as const;

export function Card({
  as: Element = 'div',
  padding = 'md',
  tone = 'default',
  className,
  children,
  ...rest
}: CardProps) {
  return (
    <Element
      className={cn('rounded-2xl shadow-xs ring-1', tones[tone], paddings[padding], className)}
      {...rest}
    >
      {children}
    </Element>
  );
}

export interface CardHeaderProps {
  title: ReactNode;
  description?: ReactNode;
  /** Heading level; default 2. */
  level?: 2 | 3 | 4;
  id?: string;
  actions?: ReactNode;
  className?: string;
}

export function CardHeader({ title, description, level = 2, id, actions, className }: CardHeaderProps) {
  const Heading = `h${level}` as const;
  return (
    <div className={cn('mb-5 flex items-start justify-between gap-4', className)}>
      <div className="min-w-0">
        <Heading id={id} className="text-base font-semibold text-slate-900">
          {title}
        </Heading>
        {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
      </div>
      {actions ? <div className="shrink-0">{actions}</div> : null}
    </div>
  );
}
