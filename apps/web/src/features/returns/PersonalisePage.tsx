import { RETURN_SECTIONS, type ReturnSection } from '@numeri/contracts';
import { Link } from 'react-router';
import { ArrowRightIcon, buttonClasses, useDocumentTitle } from '../../components';
import { cn } from '../../lib/cn';
import { formatIncomeYear } from '../../lib/format';
import { PERSONALISE_GROUPS, visibleSteps } from './sections';
import { StepHeading } from './StepLayout';
import { CheckIcon } from './ui/icons';
import { useWorkspace } from './workspace-context';

/** "What applies to you": yes/no questions that pick the sections of the interview. */
export function PersonalisePage() {
  const { snapshot, saver, year, readOnly } = useWorkspace();
  useDocumentTitle(`What applies to you · ${formatIncomeYear(year)} return`);
  const chosen = new Set(snapshot.draft.sections);
  const toggle = (section: ReturnSection, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(section);
    else next.delete(section);
    saver.setSections(RETURN_SECTIONS.filter((s) => next.has(s)));
  };
  const first = visibleSteps(snapshot.draft.sections, snapshot.draft.items, [])[0];
  const itemsBySection = new Set(visibleSteps([], snapshot.draft.items, []).map((step) => step.id));
  return (
    <div className="flex flex-col gap-6">
      <StepHeading
        title="What applies to you?"
        intro={`Tick what happened in ${formatIncomeYear(year)}. We’ll ask only about those — you can change this any time.`}
      />
      {PERSONALISE_GROUPS.map((group) => (
        <section
          key={group.id}
          aria-labelledby={`group-${group.id}`}
          className="rounded-2xl bg-white p-5 shadow-xs ring-1 ring-slate-200 sm:p-6"
        >
          <h2 id={`group-${group.id}`} className="text-base font-semibold text-slate-900">
            {group.title}
          </h2>
          <ul className="mt-4 grid gap-2">
            {group.questions.map((q) => {
              const id = `personalise-${q.section}`;
              const checked = chosen.has(q.section);
              const hasItems = itemsBySection.has(q.section);
              return (
                <li key={q.section}>
                  <label
                    htmlFor={id}
                    className={cn(
                      'flex cursor-pointer items-start gap-3 rounded-xl px-4 py-3 ring-1 transition-colors',
                      'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-700',
                      checked ? 'bg-teal-50 ring-teal-300' : 'bg-white ring-slate-200 hover:bg-slate-50',
                    )}
                  >
                    <input
                      id={id}
                      type="checkbox"
                      checked={checked}
                      disabled={readOnly}
                      onChange={(event) => toggle(q.section, event.target.checked)}
                      aria-describedby={`${id}-hint`}
                      className="mt-1 size-4 shrink-0 accent-teal-700 focus:outline-none"
                    />
                    <span className="min-w-0 text-sm leading-6">
                      <span className="font-medium text-slate-900">{q.question}</span>
                      <span id={`${id}-hint`} className="block text-slate-600">
                        {q.hint}
                        {hasItems && !checked
                          ? ' You already have entries here, so this part stays in your return.'
                          : ''}
                      </span>
                    </span>
                  </label>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
      <div className="flex flex-col-reverse items-stretch gap-3 sm:flex-row sm:items-center sm:justify-between">
        <p className="flex items-center gap-2 text-sm text-slate-600">
          <CheckIcon className="size-4 text-teal-700" />
          {chosen.size === 0 ? 'Nothing ticked yet.' : `${chosen.size} ticked.`} Saved as you go.
        </p>
        {first ? (
          <Link to={`/returns/${year}/${first.id}`} className={cn(buttonClasses({ size: 'lg' }))}>
            Continue
            <ArrowRightIcon className="size-4" />
          </Link>
        ) : null}
      </div>
    </div>
  );
}
