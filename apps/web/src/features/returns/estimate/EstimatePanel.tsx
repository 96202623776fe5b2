import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { Button, CheckCircleIcon, Dialog, InfoIcon } from '../../../components';
import { cn } from '../../../lib/cn';
import { formatIncomeYear, formatMoney } from '../../../lib/format';
import { useWorkspace } from '../workspace-context';
import { Breakdown } from './Breakdown';
import { EstimateRows, OUTCOME_LABELS, outcomeOf } from './EstimateFigures';

/** Reads the estimate out once it settles (not on every keystroke). */
function useSettledAnnouncement(text: string, delayMs = 1200) {
  const [announced, setAnnounced] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => setAnnounced(text), delayMs);
    return () => clearTimeout(timer);
  }, [text, delayMs]);
  return announced;
}

function CompletenessNote({ count, year }: { count: number; year: string }) {
  if (count === 0)
    return (
      <p className="flex items-center gap-1.5 text-sm text-teal-800">
        <CheckCircleIcon className="size-4 shrink-0" />
        Nothing missing
      </p>
    );
  return (
    <p className="flex items-start gap-1.5 text-sm text-amber-900">
      <InfoIcon className="mt-0.5 size-4 shrink-0" />
      <span>
        {count === 1 ? '1 answer' : `${count} answers`} still needed — this may change.{' '}
        <Link to={`/returns/${year}/review`} className="font-medium underline underline-offset-2">
          See what
        </Link>
      </span>
    </p>
  );
}

/** The live estimate: a sticky card beside the interview on wide screens, a bar at the foot on phones. */
export function EstimatePanel() {
  const { estimate, live, year, snapshot } = useWorkspace();
  const [open, setOpen] = useState(false);
  const outcome = estimate ? outcomeOf(estimate.refund) : 'square';
  // Before any income or tax withheld there is nothing to estimate yet.
  const empty =
    !estimate || (estimate.taxableIncome === 0 && estimate.taxWithheld === 0 && estimate.refund === 0);
  const headline = empty ? 'Your estimate' : OUTCOME_LABELS[outcome];
  const amount = estimate ? formatMoney(Math.abs(estimate.refund)) : '—';
  const cannotAssess = live.estimate === null;
  const announcement = useSettledAnnouncement(estimate ? `${OUTCOME_LABELS[outcome]}: ${amount}` : '');
  const missing = live.missing.length;

  const breakdown = (
    <Dialog
      open={open}
      onOpenChange={setOpen}
      size="lg"
      title="How your estimate is worked out"
      description="Open any line to see the rule, the figures it used, its ATO source and the documents behind it."
    >
      {estimate ? (
        <div className="space-y-5">
          <div className="rounded-xl bg-slate-50 p-4">
            <EstimateRows estimate={estimate} />
          </div>
          <Breakdown estimate={estimate} items={snapshot.draft.items} />
        </div>
      ) : null}
    </Dialog>
  );

  return (
    <>
      <div aria-live="polite" aria-atomic="true" className="sr-only">
        {announcement}
      </div>

      {/* Wide screens: beside the questions. */}
      <aside aria-label="Your estimate" className="hidden lg:block">
        <div className="sticky top-20 space-y-4">
          <div
            className={cn(
              'rounded-2xl p-5 shadow-xs ring-1',
              outcome === 'refund' ? 'bg-teal-50/70 ring-teal-200' : 'bg-white ring-slate-200',
            )}
          >
            <p className="text-sm font-medium text-slate-700">
              {headline}
              <span className="text-slate-500"> · {formatIncomeYear(year)}</span>
            </p>
            <p
              data-testid="live-estimate"
              className={cn(
                'mt-1 text-3xl font-semibold tracking-tight tabular transition-opacity',
                outcome === 'refund' ? 'text-teal-800' : 'text-slate-900',
                cannotAssess && 'opacity-60',
              )}
            >
              {amount}
            </p>
            <div className="mt-3">
              {cannotAssess ? (
                <p className="text-sm text-amber-900">
                  Some answers can’t be worked out together yet: {live.issues[0]?.message}
                </p>
              ) : (
                <CompletenessNote count={missing} year={year} />
              )}
            </div>
            {empty ? (
              <p className="mt-3 text-sm text-slate-600">
                Add your income and the tax withheld from it to see your refund.
              </p>
            ) : null}
            {estimate && !empty ? (
              <div className="mt-4 border-t border-slate-200/80 pt-3">
                <EstimateRows estimate={estimate} compact />
              </div>
            ) : null}
            <Button
              variant="secondary"
              size="sm"
              className="mt-4 w-full"
              onClick={() => setOpen(true)}
              disabled={!estimate}
            >
              How it’s worked out
            </Button>
          </div>
          <p className="px-1 text-xs leading-5 text-slate-500">
            Worked out in your browser as you type, with the ATO’s rates for {formatIncomeYear(year)}. Numeri
            saves the return and keeps its own assessment as the record.
          </p>
        </div>
      </aside>

      {/* Phones and tablets: a bar at the foot of the screen. */}
      <div
        className="fixed inset-x-0 bottom-0 z-20 border-t border-slate-200 bg-white/95 px-4 pt-2.5 pb-[max(0.625rem,env(safe-area-inset-bottom))] shadow-[0_-4px_12px_rgba(15,23,42,0.06)] backdrop-blur lg:hidden"
        role="region"
        aria-label="Your estimate"
      >
        <div className="mx-auto flex max-w-3xl items-center justify-between gap-3">
          <div className="min-w-0">
            <p className="truncate text-xs font-medium text-slate-600">
              {headline}
              {missing > 0 ? ` · ${missing} needed` : ''}
            </p>
            <p
              className={cn(
                'text-xl font-semibold tabular',
                // Greyed, not faded, when out of date: faded text this size falls below WCAG contrast.
                cannotAssess ? 'text-slate-600' : outcome === 'refund' ? 'text-teal-800' : 'text-slate-900',
              )}
            >
              {amount}
            </p>
          </div>
          <Button variant="secondary" size="sm" onClick={() => setOpen(true)} disabled={!estimate}>
            Details
          </Button>
        </div>
      </div>
      {breakdown}
    </>
  );
}
