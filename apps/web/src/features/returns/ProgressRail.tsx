import type { ReturnFacts, ReturnItem } from '@numeri/contracts';
import { NavLink, useParams } from 'react-router';
import { ChevronDownIcon } from '../../components';
import { cn } from '../../lib/cn';
import { GROUP_TITLES, type StepDefinition } from './sections';
import { CheckIcon, CircleIcon } from './ui/icons';
import { useWorkspace } from './workspace-context';

export type StepStatus = 'needed' | 'done' | 'todo';

/** Whether a step has been answered: its items added, or its facts given. */
export function stepAnswered(
  step: StepDefinition,
  facts: ReturnFacts,
  items: readonly ReturnItem[],
): boolean {
  switch (step.id) {
    case 'about-you':
      return facts.residency !== undefined;
    case 'spouse-and-dependants':
      return facts.spouse !== undefined;
    case 'private-health':
      return facts.hospitalCover !== undefined || items.some((item) => item.kind === 'private-health');
    case 'study-loan':
      return facts.hasStudyLoan !== undefined;
    case 'seniors':
      return facts.sapto !== undefined;
    default:
      return items.some(
        (item) =>
          step.kinds.includes(item.kind) &&
          (item.kind !== 'deduction' || !step.labels || step.labels.includes(item.label)),
      );
  }
}

function StatusIcon({ status }: { status: StepStatus }) {
  if (status === 'done')
    return (
      <span className="flex size-5 shrink-0 items-center justify-center rounded-full bg-teal-700 text-white">
        <CheckIcon className="size-3.5" strokeWidth={2.5} />
      </span>
    );
  if (status === 'needed')
    return (
      <span className="flex size-5 shrink-0 items-center justify-center">
        <span className="size-2.5 rounded-full bg-amber-500 ring-4 ring-amber-100" />
      </span>
    );
  return <CircleIcon className="size-5 shrink-0 text-slate-300" />;
}

const STATUS_WORDS: Record<StepStatus, string> = {
  needed: 'needs an answer',
  done: 'done',
  todo: 'not started',
};

function RailList({ onNavigate }: { onNavigate?: () => void }) {
  const { steps, year, neededSteps, snapshot } = useWorkspace();
  const { draft } = snapshot;
  const groups = Object.keys(GROUP_TITLES) as StepDefinition['group'][];
  const linkClasses = ({ isActive }: { isActive: boolean }) =>
    cn(
      'flex min-h-10 items-center gap-2.5 rounded-lg px-2.5 py-1.5 text-sm transition-colors',
      isActive
        ? 'bg-white font-semibold text-slate-900 shadow-xs ring-1 ring-slate-200'
        : 'text-slate-700 hover:bg-white/70',
    );
  return (
    <div className="space-y-4">
      <NavLink to={`/returns/${year}/personalise`} className={linkClasses} onClick={onNavigate}>
        <span className="flex size-5 shrink-0 items-center justify-center text-slate-500">
          <ChevronDownIcon className="size-4 -rotate-90" />
        </span>
        What applies to you
      </NavLink>
      {groups.map((group) => {
        const inGroup = steps.filter((step) => step.group === group);
        if (inGroup.length === 0) return null;
        return (
          <div key={group}>
            <p className="px-2.5 pb-1 text-xs font-semibold tracking-wide text-slate-500 uppercase">
              {GROUP_TITLES[group]}
            </p>
            <ul className="space-y-0.5">
              {inGroup.map((step) => {
                const status: StepStatus = neededSteps.has(step.id)
                  ? 'needed'
                  : stepAnswered(step, draft.facts, draft.items)
                    ? 'done'
                    : 'todo';
                return (
                  <li key={step.id}>
                    <NavLink to={`/returns/${year}/${step.id}`} className={linkClasses} onClick={onNavigate}>
                      <StatusIcon status={status} />
                      <span className="min-w-0 flex-1">{step.title}</span>{' '}
                      <span className="sr-only">({STATUS_WORDS[status]})</span>
                    </NavLink>
                  </li>
                );
              })}
            </ul>
          </div>
        );
      })}
      <NavLink to={`/returns/${year}/review`} className={linkClasses} onClick={onNavigate}>
        <span className="flex size-5 shrink-0 items-center justify-center text-slate-500">
          <CheckIcon className="size-4" />
        </span>
        Review and lodge
      </NavLink>
    </div>
  );
}

/** The interview's steps with their status: a column on wide screens, a fold-out list on phones. */
export function ProgressRail() {
  const { steps, neededSteps } = useWorkspace();
  const { step: current } = useParams();
  const index = steps.findIndex((step) => step.id === current);
  const currentStep = index >= 0 ? steps[index] : undefined;
  return (
    <>
      <nav aria-label="Steps of your return" className="hidden lg:block">
        <div className="sticky top-20">
          <RailList />
        </div>
      </nav>
      <details className="group rounded-xl bg-white shadow-xs ring-1 ring-slate-200 lg:hidden">
        <summary className="flex cursor-pointer list-none items-center justify-between gap-3 px-4 py-3 text-sm [&::-webkit-details-marker]:hidden">
          <span className="min-w-0">
            <span className="block text-xs text-slate-500">
              {currentStep ? `Step ${index + 1} of ${steps.length}` : 'Steps'}
              {neededSteps.size > 0
                ? ` · ${neededSteps.size} need${neededSteps.size === 1 ? 's' : ''} an answer`
                : ''}
            </span>
            <span className="block truncate font-medium text-slate-900">
              {currentStep?.title ?? 'All steps'}
            </span>
          </span>
          <ChevronDownIcon className="size-4 shrink-0 text-slate-500 transition-transform group-open:rotate-180" />
        </summary>
        <nav aria-label="Steps of your return" className="border-t border-slate-100 bg-slate-50 p-2">
          <RailList
            onNavigate={() => {
              const details = document.activeElement?.closest('details');
              if (details) details.open = false;
            }}
          />
        </nav>
      </details>
    </>
  );
}
