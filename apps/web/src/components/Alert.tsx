import type { ReactNode } from 'react';
import { cn } from '../lib/cn';
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './Icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'error';

export interface AlertProps {
  tone?: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  /** Buttons or links shown under the message. */
  actions?: ReactNode;
  /**
   * How the alert is announced when it appears: `assertive` (role="alert", default for errors),
   * `polite` (role="status"), or `off` for static notices.
   */
  live?: 'assertive' | 'polite' | 'off';
  icon?: ReactNode;
  className?: string;
  id?: string;
}

const tones: Record<AlertTone, { box: string; icon: string; title: string; body: string }> = {
  info: { box: 'bg-sky-50 ring-sky-200', icon: 'text-sky-700', title: 'text-sky-950', body: 'text-sky-900' },
  success: {
    box: 'bg-teal-50 ring-teal-200',
    icon: 'text-teal-700',
    title: 'text-teal-950',
    body: 'text-teal-900',
  },
  warning: {
    box: 'bg-amber-50 ring-amber-200',
    icon: 'text-amber-700',
    title: 'text-amber-950',
    body: 'text-amber-900',
  },
  error: { box: 'bg-red-50 ring-red-200', icon: 'text-red-700', title: 'text-red-950', body: 'text-red-900' },
};

const icons: Record<AlertTone, ReactNode> = {
  info: <InfoIcon />,
  success: <CheckCircleIcon />,
  warning: <WarningIcon />,
  error: <ErrorIcon />,
};

export function Alert({ tone = 'info', title, children, actions, live, icon, className, id }: AlertProps) {
  const mode = live ?? (tone === 'error' ? 'assertive' : 'off');
  const role = mode === 'assertive' ? 'alert' : mode === 'polite' ? 'status' : undefined;
  const style = tones[tone];
  return (
    <div id={id} role={role} className={cn('flex gap-3 rounded-xl p-4 ring-1', style.box, className)}>
      <span className={cn('mt-px shrink-0', style.icon)}>{icon ?? icons[tone]}</span>
      <div className="min-w-0 flex-1">
        <p className={cn('text-sm font-semibold', style.title)}>{title}</p>
        {children ? <div className={cn('mt-1 text-sm leading-6', style.body)}>{children}</div> : null}
        {actions ? <div className="mt-3 flex flex-wrap gap-2">{actions}</div> : null}
      </div>
    </div>
  );
}
