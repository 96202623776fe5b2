import { returnItemSchema, type ReturnItem } from '@numeri/contracts';
import { compareWorkFromHome, isIncomeYear, type WorkFromHomeMethod } from '@numeri/tax-engine';
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, MoneyInput, TextField } from '../../../components';
import { roundHours } from '../money';
import { SOURCES } from '../sources';
import { checkMoney, SourceLink } from '../ui/controls';
import { useWorkspace } from '../workspace-context';
import type { EditorRenderProps } from './ItemsSection';
import { MethodComparison } from './MethodComparison';

type Wfh = Extract<ReturnItem, { kind: 'working-from-home' }>;

const METHOD_NAMES: Record<WorkFromHomeMethod, string> = {
  shortcut: 'Shortcut method',
  'fixed-rate': 'Fixed-rate method',
  'actual-cost': 'Actual-cost method',
};

const COSTS = [
  {
    key: 'energyCents',
    label: 'Electricity and gas',
    hint: 'The work share of your bills for the hours you worked at home.',
  },
  { key: 'phoneAndInternetCents', label: 'Phone and internet', hint: 'The work share, from your bills.' },
  {
    key: 'stationeryCents',
    label: 'Stationery and computer consumables',
    hint: 'Printer ink, paper and the like.',
  },
  {
    key: 'cleaningCents',
    label: 'Cleaning a room used only for work',
    hint: 'Only for a dedicated home office.',
  },
  {
    key: 'furnitureDeclineCents',
    label: 'Decline in value of office furniture',
    hint: 'A desk or chair, spread over its life.',
  },
  {
    key: 'equipmentDeclineCents',
    label: 'Decline in value of computers and equipment',
    hint: 'Or the full cost of items under $300.',
  },
] as const;

type CostKey = (typeof COSTS)[number]['key'];

/** Each method for this year compared, from the engine. */
export function WfhComparison({ year, item }: { year: string; item: Wfh }) {
  if (!isIncomeYear(year)) return null;
  const comparison = compareWorkFromHome(year, {
    hours: item.hours,
    energy: item.energyCents,
    phoneAndInternet: item.phoneAndInternetCents,
    stationeryAndConsumables: item.stationeryCents,
    cleaning: item.cleaningCents,
    furnitureDeclineInValue: item.furnitureDeclineCents,
    equipmentDeclineInValue: item.equipmentDeclineCents,
  });
  return (
    <MethodComparison
      title="Your working-from-home methods compared"
      bestId={comparison.best.method}
      reason={comparison.reason}
      methods={comparison.methods.map((method) => ({
        id: method.method,
        name:
          method.centsPerHour !== null
            ? `${METHOD_NAMES[method.method]} (${method.centsPerHour}c an hour)`
            : METHOD_NAMES[method.method],
        amountCents: method.amount,
        detail: method.covers.charAt(0).toUpperCase() + method.covers.slice(1) + '.',
      }))}
    />
  );
}

function HoursEstimator({ onUse }: { onUse: (hours: number) => void }) {
  const [days, setDays] = useState('3');
  const [perDay, setPerDay] = useState('7.6');
  const [weeks, setWeeks] = useState('48');
  const fmtHours = (value: number) => value.toLocaleString('en-AU', { maximumFractionDigits: 2 });
  const n = (text: string) => (/^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN);
  const d = n(days);
  const h = n(perDay);
  const w = n(weeks);
  const valid = d >= 0 && d <= 7 && h >= 0 && h <= 24 && w >= 0 && w <= 53;
  const total = valid ? roundHours(d * h * w) : null;
  return (
    <details className="rounded-xl bg-slate-50 ring-1 ring-slate-200">
      <summary className="cursor-pointer px-4 py-3 text-sm font-medium text-slate-800">
        Work it out from a typical week
      </summary>
      <div className="border-t border-slate-200 px-4 py-4">
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Days a week at home"
            inputMode="decimal"
            value={days}
            onChange={(event) => setDays(event.target.value)}
            error={Number.isNaN(d) || d > 7 ? 'Enter 0 to 7.' : undefined}
          />
          <TextField
            label="Hours each day"
            inputMode="decimal"
            value={perDay}
            onChange={(event) => setPerDay(event.target.value)}
            error={Number.isNaN(h) || h > 24 ? 'Enter 0 to 24.' : undefined}
          />
          <TextField
            label="Weeks worked"
            hint="52 less leave and holidays."
            inputMode="numeric"
            value={weeks}
            onChange={(event) => setWeeks(event.target.value)}
            error={Number.isNaN(w) || w > 53 ? 'Enter 0 to 53.' : undefined}
          />
        </div>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <p className="text-sm text-slate-700" aria-live="polite">
            {total !== null ? (
              <>
                {days} × {perDay} × {weeks} ={' '}
                <span className="font-semibold tabular">{fmtHours(total)} hours</span>
              </>
            ) : (
              'Fix the numbers above to see the total.'
            )}
          </p>
          <Button
            size="sm"
            variant="secondary"
            disabled={total === null}
            onClick={() => total !== null && onUse(total)}
          >
            Use {total !== null ? fmtHours(total) : ''} hours
          </Button>
        </div>
        <p className="mt-3 text-xs leading-5 text-slate-600">
          An estimate helps you check, but for the fixed-rate method the ATO needs a record of the actual
          hours you worked from home for the whole year — a timesheet, roster or diary.
        </p>
      </div>
    </details>
  );
}

/**
 * Working from home: hours (typed, or estimated from a typical week) and running costs; every
 * method for the year compared side by side, the better one used, with the engine's reason.
 */
export function WfhEditor({ item, isNew, onCommit, onDone, onRemove }: EditorRenderProps) {
  const { year } = useWorkspace();
  const initial = item as Partial<Wfh> & { id: string };
  const [hoursText, setHoursText] = useState(initial.hours !== undefined ? String(initial.hours) : '');
  const [costs, setCosts] = useState<Record<CostKey, number | undefined>>(
    () =>
      Object.fromEntries(
        COSTS.map((c) => [c.key, initial[c.key] ? (initial[c.key] as number) / 100 : undefined]),
      ) as Record<CostKey, number | undefined>,
  );
  const [showErrors, setShowErrors] = useState(false);
  const hoursInput = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isNew) hoursInput.current?.focus();
  }, [isNew]);

  const hoursValue =
    hoursText.trim() === ''
      ? undefined
      : /^\d+(\.\d{1,2})?$/.test(hoursText.replace(/,/g, '').trim())
        ? Number(hoursText.replace(/,/g, ''))
        : Number.NaN;
  const hoursError =
    hoursValue === undefined
      ? 'Enter the hours you worked from home (0 if none).'
      : Number.isNaN(hoursValue)
        ? 'Enter hours as a number, like 520 or 520.5.'
        : hoursValue > 8_784
          ? 'That is more hours than there are in a year.'
          : undefined;
  const costErrors: Partial<Record<CostKey, string>> = {};
  const cents: Partial<Record<CostKey, number>> = {};
  for (const cost of COSTS) {
    const checked = checkMoney(costs[cost.key]);
    if (checked.error) costErrors[cost.key] = checked.error;
    cents[cost.key] = checked.cents ?? 0;
  }
  const build = (hoursRaw: number | undefined, centsNow: Partial<Record<CostKey, number>>) => {
    if (hoursRaw === undefined || Number.isNaN(hoursRaw)) return null;
    const parsed = returnItemSchema.safeParse({
      id: initial.id,
      kind: 'working-from-home',
      source: initial.source ?? 'manual',
      evidence: initial.evidence ?? [],
      ...(initial.note ? { note: initial.note } : {}),
      hours: hoursRaw,
      ...centsNow,
    });
    return parsed.success ? parsed.data : null;
  };
  const current = hoursError || Object.keys(costErrors).length ? null : build(hoursValue, cents);

  const commit = (nextHours: string, nextCosts: Record<CostKey, number | undefined>) => {
    const h = nextHours.trim() === '' ? undefined : Number(nextHours.replace(/,/g, ''));
    if (h === undefined || Number.isNaN(h) || !/^\d+(\.\d{1,2})?$/.test(nextHours.replace(/,/g, '').trim()))
      return;
    const next: Partial<Record<CostKey, number>> = {};
    for (const cost of COSTS) {
      const checked = checkMoney(nextCosts[cost.key]);
      if (checked.error) return;
      next[cost.key] = checked.cents ?? 0;
    }
    const built = build(h, next);
    if (built) onCommit(built);
  };

  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-2 ring-teal-600/70 sm:p-6">
      <h3 className="text-base font-semibold text-slate-900">Working from home</h3>
      <div className="mt-4 flex flex-col gap-5">
        <div className="max-w-xs">
          <TextField
            ref={hoursInput}
            label="Hours you worked from home in the year"
            hint="From your timesheets, roster or diary."
            inputMode="decimal"
            autoComplete="off"
            value={hoursText}
            error={hoursText.trim() !== '' || showErrors ? hoursError : undefined}
            onChange={(event) => {
              setHoursText(event.target.value);
              commit(event.target.value, costs);
            }}
          />
        </div>
        <HoursEstimator
          onUse={(hours) => {
            setHoursText(String(hours));
            commit(String(hours), costs);
          }}
        />
        <fieldset>
          <legend className="text-sm font-semibold text-slate-900">Running costs you paid</legend>
          <p className="mt-1 text-sm text-slate-600">
            Only for the actual-cost method, or on top of the fixed rate where the ATO allows. Leave empty
            what you didn’t pay.
          </p>
          <div className="mt-4 grid gap-5 sm:grid-cols-2">
            {COSTS.map((cost) => (
              <MoneyInput
                key={cost.key}
                label={cost.label}
                hint={cost.hint}
                optional
                value={costs[cost.key]}
                error={costErrors[cost.key]}
                onChange={(value) => {
                  const next = { ...costs, [cost.key]: value };
                  setCosts(next);
                  commit(hoursText, next);
                }}
              />
            ))}
          </div>
        </fieldset>
        {current ? <WfhComparison year={year} item={current as Wfh} /> : null}
        {!current && showErrors ? (
          <Alert tone="warning" title="Enter your hours to compare the methods" />
        ) : null}
        <p className="text-xs text-slate-500">
          Source: <SourceLink source={SOURCES.workingFromHome} />
        </p>
      </div>
      <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button
          variant="ghost"
          onClick={onRemove}
          className="self-start text-red-800 hover:bg-red-50 hover:text-red-900"
        >
          {isNew ? 'Cancel' : 'Remove working from home'}
        </Button>
        <Button
          onClick={() => {
            if (current) onDone();
            else {
              setShowErrors(true);
              hoursInput.current?.focus();
            }
          }}
        >
          Done
        </Button>
      </div>
    </div>
  );
}
