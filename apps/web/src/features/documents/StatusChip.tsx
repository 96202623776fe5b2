import type { DocumentStatus } from '@numeri/contracts';
import { Badge } from '../../components';
import { cn } from '../../lib/cn';
import { STATUS_INFO } from './document-labels';

/** The document's status in a word or two, coloured by what it asks of the person. */
export function StatusChip({ status, className }: { status: DocumentStatus; className?: string }) {
  const info = STATUS_INFO[status];
  return (
    <Badge tone={info.tone} className={cn('gap-1.5', className)}>
      {info.active ? (
        <span aria-hidden="true" className="relative flex size-1.5">
          <span className="absolute inline-flex size-full animate-ping rounded-full bg-current opacity-50 motion-reduce:hidden" />
          <span className="relative inline-flex size-1.5 rounded-full bg-current" />
        </span>
      ) : null}
      <span data-testid="status-chip">{info.label}</span>
    </Badge>
  );
}

/** A thin bar with its value for assistive technology. */
export function ProgressBar({
  value,
  label,
  tone = 'teal',
  className,
}: {
  /** 0..100 */
  value: number;
  label: string;
  tone?: 'teal' | 'slate';
  className?: string;
}) {
  const clamped = Math.max(0, Math.min(100, Math.round(value)));
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      aria-valuetext={`${clamped}%`}
      className={cn('h-1.5 w-full overflow-hidden rounded-full bg-slate-200', className)}
    >
      <div
        className={cn(
          'h-full rounded-full transition-[width] duration-300 ease-out',
          tone === 'teal' ? 'bg-teal-600' : 'bg-slate-400',
        )}
        style={{ width: `${clamped}%` }}
      />
    </div>
  );
}
