import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { ArrowRightIcon, buttonClasses } from '../../components';
import { cn } from '../../lib/cn';
import type { SourceLink as Source } from './sources';
import { SourceLink } from './ui/controls';
import { ChevronLeftIcon } from './ui/icons';
import { useWorkspace } from './workspace-context';

/** The step's heading: where focus lands after moving between steps. */
export function StepHeading({ title, intro, source }: { title: string; intro?: ReactNode; source?: Source }) {
  return (
    <div>
      <h2
        tabIndex={-1}
        data-route-heading=""
        className="text-2xl font-semibold tracking-tight text-balance text-slate-900 focus:outline-none"
      >
        {title}
      </h2>
      {intro ? <p className="mt-2 max-w-2xl text-base leading-7 text-slate-600">{intro}</p> : null}
      {source ? (
        <p className="mt-2 text-sm text-slate-500">
          From the ATO: <SourceLink source={{ ...source, title: source.title.replace(/^ATO: /, '') }} />
        </p>
      ) : null}
    </div>
  );
}

/** Back and continue, at the foot of each step. */
export function StepFooter({ current }: { current: string }) {
  const { steps, year } = useWorkspace();
  const index = steps.findIndex((step) => step.id === current);
  const previous = index > 0 ? steps[index - 1] : undefined;
  const next = index >= 0 ? steps[index + 1] : steps[0];
  return (
    <div className="mt-2 flex flex-col-reverse gap-3 border-t border-slate-200 pt-6 sm:flex-row sm:items-center sm:justify-between">
      {previous ? (
        <Link
          to={`/returns/${year}/${previous.id}`}
          className={cn(buttonClasses({ variant: 'ghost' }), 'self-start')}
        >
          <ChevronLeftIcon className="size-4" />
          {previous.title}
        </Link>
      ) : (
        <Link
          to={`/returns/${year}/personalise`}
          className={cn(buttonClasses({ variant: 'ghost' }), 'self-start')}
        >
          <ChevronLeftIcon className="size-4" />
          What applies to you
        </Link>
      )}
      <Link
        to={next ? `/returns/${year}/${next.id}` : `/returns/${year}/review`}
        className={buttonClasses({ size: 'lg' })}
      >
        {next ? `Next: ${next.title}` : 'Review your return'}
        <ArrowRightIcon className="size-4" />
      </Link>
    </div>
  );
}
