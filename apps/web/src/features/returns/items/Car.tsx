import { returnItemSchema, type ReturnItem } from '@numeri/contracts';
import { compareCar, isIncomeYear } from '@numeri/tax-engine';
import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, MoneyInput, TextField } from '../../../components';
import { formatCents, formatInteger } from '../../../lib/format';
import { percentToBasisPoints } from '../money';
import { SOURCES } from '../sources';
import { checkMoney, SourceLink } from '../ui/controls';
import { useWorkspace } from '../workspace-context';
import type { EditorRenderProps } from './ItemsSection';
import { MethodComparison } from './MethodComparison';

type Car = Extract<ReturnItem, { kind: 'car' }>;

/** Cents per kilometre against the logbook for one car, from the engine. */
export function CarComparison({ year, item }: { year: string; item: Car }) {
  if (!isIncomeYear(year)) return null;
  const comparison = compareCar(year, {
    label: item.description,
    businessKilometres: item.businessKilometres,
    ...(item.logbook
      ? {
          logbook: {
            businessUseBasisPoints: item.logbook.businessUseBasisPoints,
            carExpenses: item.logbook.carExpensesCents,
            declineInValue: item.logbook.declineInValueCents,
          },
        }
      : {}),
  });
  const km = comparison.centsPerKm;
  const capped = km.kilometresClaimed < item.businessKilometres;
  return (
    <MethodComparison
      title="Your car methods compared"
      bestId={comparison.best.method}
      reason={comparison.reason}
      methods={[
        {
          id: 'cents-per-km',
          name: `Cents per kilometre (${km.centsPerKilometre}c a km)`,
          amountCents: km.amount,
          detail: `${formatInteger(km.kilometresClaimed)} km × ${km.centsPerKilometre}c${capped ? ' — at most 5,000 km per car' : ''}. Covers all running costs and the car’s decline in value.`,
        },
        {
          id: 'logbook',
          name: 'Logbook method',
          amountCents: comparison.logbook?.amount ?? null,
          detail: item.logbook
            ? `${item.logbook.businessUseBasisPoints / 100}% work use × ${formatCents(item.logbook.carExpensesCents + item.logbook.declineInValueCents)} of costs and decline in value.`
            : 'Needs a logbook kept for 12 continuous weeks. Tell us your work-use percentage and costs to compare.',
        },
      ]}
    />
  );
}

/** One car: work kilometres and, if kept, the logbook; both methods compared as you type. */
export function CarEditor({ item, isNew, onCommit, onDone, onRemove }: EditorRenderProps) {
  const { year } = useWorkspace();
  const initial = item as Partial<Car> & { id: string };
  const [description, setDescription] = useState(initial.description ?? '');
  const [kmText, setKmText] = useState(
    initial.businessKilometres !== undefined ? String(initial.businessKilometres) : '',
  );
  const [hasLogbook, setHasLogbook] = useState(Boolean(initial.logbook));
  const [percentText, setPercentText] = useState(
    initial.logbook ? String(initial.logbook.businessUseBasisPoints / 100) : '',
  );
  const [expenses, setExpenses] = useState<number | undefined>(
    initial.logbook ? initial.logbook.carExpensesCents / 100 : undefined,
  );
  const [decline, setDecline] = useState<number | undefined>(
    initial.logbook?.declineInValueCents ? initial.logbook.declineInValueCents / 100 : undefined,
  );
  const [showErrors, setShowErrors] = useState(false);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (isNew) first.current?.focus();
  }, [isNew]);

  type State = {
    description: string;
    kmText: string;
    hasLogbook: boolean;
    percentText: string;
    expenses?: number;
    decline?: number;
  };
  const validate = (s: State) => {
    const errors: Record<string, string> = {};
    if (s.description.trim() === '') errors.description = 'Give the car a name, like “Toyota Corolla”.';
    const kmClean = s.kmText.replace(/[\s,]/g, '');
    if (kmClean === '') errors.km = 'Enter your work kilometres (0 if none).';
    else if (!/^\d+$/.test(kmClean)) errors.km = 'Enter whole kilometres, like 3,200.';
    else if (Number(kmClean) > 1_000_000) errors.km = 'That is more than a car can travel in a year.';
    let logbook: Car['logbook'] = null;
    if (s.hasLogbook) {
      const pct = s.percentText.replace(/[%\s]/g, '');
      const bp = /^\d+(\.\d{1,2})?$/.test(pct) ? percentToBasisPoints(Number(pct)) : null;
      if (bp === null || bp > 10_000)
        errors.percent = 'Enter the work-use percentage from your logbook, 0 to 100.';
      const e = checkMoney(s.expenses, { required: true });
      if (e.error) errors.expenses = e.error;
      const d = checkMoney(s.decline);
      if (d.error) errors.decline = d.error;
      if (!errors.percent && !errors.expenses && !errors.decline)
        logbook = {
          businessUseBasisPoints: bp!,
          carExpensesCents: e.cents ?? 0,
          declineInValueCents: d.cents ?? 0,
        };
    }
    if (Object.keys(errors).length) return { errors, car: null };
    const parsed = returnItemSchema.safeParse({
      id: initial.id,
      kind: 'car',
      source: initial.source ?? 'manual',
      evidence: initial.evidence ?? [],
      ...(initial.note ? { note: initial.note } : {}),
      description: s.description.trim(),
      businessKilometres: Number(kmClean),
      logbook,
    });
    return parsed.success
      ? { errors, car: parsed.data as Car }
      : { errors: { description: parsed.error.issues[0]?.message ?? 'Check this car.' }, car: null };
  };
  const state: State = { description, kmText, hasLogbook, percentText, expenses, decline };
  const { errors, car } = validate(state);
  const update = (change: Partial<State>) => {
    const next = { ...state, ...change };
    if (change.description !== undefined) setDescription(change.description);
    if (change.kmText !== undefined) setKmText(change.kmText);
    if (change.hasLogbook !== undefined) setHasLogbook(change.hasLogbook);
    if (change.percentText !== undefined) setPercentText(change.percentText);
    if ('expenses' in change) setExpenses(change.expenses);
    if ('decline' in change) setDecline(change.decline);
    const result = validate(next);
    if (result.car) onCommit(result.car);
  };
  const show = (key: string, touchedValue: string | number | undefined) =>
    showErrors || (touchedValue !== undefined && touchedValue !== '') ? errors[key] : undefined;

  return (
    <div className="rounded-2xl bg-white p-5 shadow-sm ring-2 ring-teal-600/70 sm:p-6">
      <h3 className="text-base font-semibold text-slate-900">{isNew ? 'New car' : 'Edit car'}</h3>
      <div className="mt-4 flex flex-col gap-5">
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            ref={first}
            label="Car"
            hint="Make and model, so you can tell your cars apart."
            placeholder="Toyota Corolla"
            autoComplete="off"
            value={description}
            error={show('description', description)}
            onChange={(event) => update({ description: event.target.value })}
          />
          <TextField
            label="Work kilometres in the year"
            hint="Trips for work, not between home and your usual workplace."
            inputMode="numeric"
            autoComplete="off"
            value={kmText}
            error={show('km', kmText)}
            onChange={(event) => update({ kmText: event.target.value })}
          />
        </div>
        <Checkbox
          label="I kept a logbook for at least 12 continuous weeks"
          hint="Then your actual costs can be claimed at your work-use percentage."
          checked={hasLogbook}
          onChange={(event) => update({ hasLogbook: event.target.checked })}
        />
        {hasLogbook ? (
          <div className="grid gap-5 rounded-xl bg-slate-50 p-4 ring-1 ring-slate-200 sm:grid-cols-3">
            <TextField
              label="Work use (%)"
              hint="From your logbook."
              inputMode="decimal"
              autoComplete="off"
              value={percentText}
              error={show('percent', percentText)}
              onChange={(event) => update({ percentText: event.target.value })}
            />
            <MoneyInput
              label="Car running costs"
              hint="Fuel, servicing, registration, insurance, loan interest."
              value={expenses}
              error={show('expenses', expenses)}
              onChange={(value) => update({ expenses: value })}
            />
            <MoneyInput
              label="Decline in value"
              hint="The car’s depreciation for the year."
              optional
              value={decline}
              error={show('decline', decline)}
              onChange={(value) => update({ decline: value })}
            />
          </div>
        ) : null}
        {car ? <CarComparison year={year} item={car} /> : null}
        <p className="text-xs text-slate-500">
          Sources: <SourceLink source={SOURCES.carCentsPerKm} /> · <SourceLink source={SOURCES.carLogbook} />
        </p>
      </div>
      <div className="mt-6 flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Button
          variant="ghost"
          onClick={onRemove}
          className="self-start text-red-800 hover:bg-red-50 hover:text-red-900"
        >
          {isNew ? 'Cancel' : 'Remove this car'}
        </Button>
        <Button
          onClick={() => {
            if (car) onDone();
            else setShowErrors(true);
          }}
        >
          Done
        </Button>
      </div>
    </div>
  );
}
