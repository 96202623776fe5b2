import type { ReactNode } from 'react';
import { cn } from '../lib/cn';

export interface SettingsSectionProps {
  /** Anchor id (links like /security#sessions land here). */
  id: string;
  title: ReactNode;
  description?: ReactNode;
  children: ReactNode;
  className?: string;
}

/**
 * One group of settings: title and explanation on the left from the `md` breakpoint, the controls
 * on the right; stacked on phones. Sections are separated by hairlines.
 */
export function SettingsSection({ id, title, description, children, className }: SettingsSectionProps) {
  return (
    <section
      id={id}
      aria-labelledby={`${id}-heading`}
      className={cn(
        'grid scroll-mt-24 gap-4 border-t border-slate-200 py-8 first:border-t-0 first:pt-0 md:grid-cols-3 md:gap-8 md:py-10',
        className,
      )}
    >
      <div>
        <h2 id={`${id}-heading`} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <div className="mt-1 text-sm leading-6 text-slate-600">{description}</div> : null}
      </div>
      <div className="min-w-0 md:col-span-2">{children}</div>
    </section>
  );
}
