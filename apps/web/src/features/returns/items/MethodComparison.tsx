import type { ReactNode } from 'react';
import { Badge } from '../../../components';
import { cn } from '../../../lib/cn';
import { formatCents } from '../../../lib/format';

export interface MethodResult {
  id: string;
  name: string;
  amountCents: number | null;
  /** How the amount is made up, in words. */
  detail: ReactNode;
}

/** Each method's deduction side by side, the better one marked, with the engine's reason. */
export function MethodComparison({
  title,
  methods,
  bestId,
  reason,
}: {
  title: string;
  methods: MethodResult[];
  bestId: string | null;
  reason: string;
}) {
  return (
    <section aria-label={title} className="rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200">
      <h4 className="text-sm font-semibold text-slate-900">{title}</h4>
      <ul className={cn('mt-3 grid gap-3', methods.length === 2 ? 'sm:grid-cols-2' : 'sm:grid-cols-3')}>
        {methods.map((method) => {
          const best = method.id === bestId;
          return (
            <li
              key={method.id}
              data-testid={`method-${method.id}`}
              className={cn(
                'flex flex-col rounded-lg bg-white p-3.5 ring-1',
                best ? 'ring-2 ring-teal-600' : 'ring-slate-200',
              )}
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <span className="text-sm font-medium text-slate-800">{method.name}</span>
                {best ? <Badge tone="success">Used — the better one</Badge> : null}
              </div>
              <span
                className={cn(
                  'mt-1 text-xl font-semibold tabular',
                  best ? 'text-teal-800' : 'text-slate-900',
                )}
              >
                {method.amountCents === null ? '—' : formatCents(method.amountCents)}
              </span>
              <span className="mt-1 text-xs leading-5 text-slate-600">{method.detail}</span>
            </li>
          );
        })}
      </ul>
      <p className="mt-3 text-sm leading-6 text-slate-700" data-testid="method-reason">
        {reason}
      </p>
    </section>
  );
}
