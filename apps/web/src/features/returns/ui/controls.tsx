import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Badge, ExternalLinkIcon, FieldError, MoneyInput, TextField } from '../../../components';
import { cn } from '../../../lib/cn';
import { dollarsToCentsExact } from '../money';
import type { SourceLink as Source } from '../sources';

/** An ATO source, opened in a new tab. */
export function SourceLink({ source, className }: { source: Source; className?: string }) {
  return (
    <a
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      className={cn(
        'inline-flex items-center gap-1 font-medium text-teal-800 underline decoration-teal-800/30 underline-offset-2 hover:decoration-teal-800',
        className,
      )}
    >
      {source.title}
      <ExternalLinkIcon className="size-3.5 shrink-0" />
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}

export function NeededBadge() {
  return <Badge tone="warning">Needed</Badge>;
}

export interface QuestionProps {
  /** Anchor for "fix this" links (`#q-residency`). */
  id: string;
  title: ReactNode;
  hint?: ReactNode;
  /** The engine still needs this answer: highlighted with its reason. */
  needed?: { reason: string } | null;
  source?: Source;
  children: ReactNode;
  className?: string;
}

/**
 * One question of the interview, in its own card; highlighted when the estimate still needs it.
 * Its heading sits under the step's (h2), so screen-reader heading lists show the outline.
 */
export function Question({ id, title, hint, needed, source, children, className }: QuestionProps) {
  const headingId = `${id}-title`;
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn(
        'scroll-mt-24 rounded-2xl bg-white p-5 shadow-xs ring-1 sm:p-6',
        needed ? 'ring-2 ring-amber-300' : 'ring-slate-200',
        className,
      )}
    >
      <div className="flex items-start justify-between gap-4">
        <h3 id={headingId} className="min-w-0 text-base font-semibold text-slate-900">
          {title}
        </h3>
        {needed ? (
          <span className="mt-0.5 shrink-0">
            <NeededBadge />
          </span>
        ) : null}
      </div>
      {hint ? <div className="mt-1 text-sm leading-6 text-slate-600">{hint}</div> : null}
      {needed ? (
        <p className="mt-2 text-sm leading-6 text-amber-900">
          <span className="font-medium">Why we ask:</span> {needed.reason}
        </p>
      ) : null}
      <div className="mt-4">{children}</div>
      {source ? (
        <p className="mt-4 border-t border-slate-100 pt-3 text-xs text-slate-500">
          Source: <SourceLink source={source} />
        </p>
      ) : null}
    </section>
  );
}

export interface Choice<T extends string> {
  value: T;
  label: string;
  hint?: string;
}

/** Radio buttons as cards (a native radio group: arrow keys move between them). */
export function ChoiceGroup<T extends string>({
  legend,
  legendHidden,
  value,
  onChange,
  choices,
  disabled,
  columns = 1,
  error,
  name,
}: {
  legend: ReactNode;
  legendHidden?: boolean;
  value: T | undefined;
  onChange: (value: T) => void;
  choices: readonly Choice<T>[];
  disabled?: boolean;
  columns?: 1 | 2 | 3;
  error?: string;
  name?: string;
}) {
  const generated = useId().replace(/:/g, '');
  const group = name ?? `choice${generated}`;
  return (
    <fieldset disabled={disabled} aria-describedby={error ? `${group}-error` : undefined}>
      <legend className={cn(legendHidden ? 'sr-only' : 'mb-3 text-sm font-medium text-slate-900')}>
        {legend}
      </legend>
      <div className={cn('grid gap-2', columns === 2 && 'sm:grid-cols-2', columns === 3 && 'sm:grid-cols-3')}>
        {choices.map((choice) => {
          const id = `${group}-${choice.value}`;
          const checked = value === choice.value;
          return (
            <label
              key={choice.value}
              htmlFor={id}
              className={cn(
                'flex cursor-pointer items-start gap-3 rounded-xl px-4 py-3 ring-1 transition-colors',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-teal-700',
                checked ? 'bg-teal-50 ring-2 ring-teal-600' : 'bg-white ring-slate-300 hover:bg-slate-50',
                disabled && 'cursor-not-allowed opacity-70',
              )}
            >
              <input
                id={id}
                type="radio"
                name={group}
                value={choice.value}
                checked={checked}
                onChange={() => onChange(choice.value)}
                className="mt-1 size-4 shrink-0 accent-teal-700 focus:outline-none"
              />
              <span className="min-w-0 text-sm leading-6">
                <span className="font-medium text-slate-900">{choice.label}</span>
                {choice.hint ? <span className="block text-slate-600">{choice.hint}</span> : null}
              </span>
            </label>
          );
        })}
      </div>
      <FieldError id={`${group}-error`} message={error} />
    </fieldset>
  );
}

/** Yes / No, with "not answered" possible (undefined). */
export function YesNo({
  legend,
  value,
  onChange,
  disabled,
  yes = 'Yes',
  no = 'No',
}: {
  legend: ReactNode;
  value: boolean | undefined;
  onChange: (value: boolean) => void;
  disabled?: boolean;
  yes?: string;
  no?: string;
}) {
  return (
    <ChoiceGroup
      legend={legend}
      legendHidden
      columns={2}
      disabled={disabled}
      value={value === undefined ? undefined : value ? 'yes' : 'no'}
      onChange={(next) => onChange(next === 'yes')}
      choices={[
        { value: 'yes', label: yes },
        { value: 'no', label: no },
      ]}
    />
  );
}

const MAX_CENTS = 1_000_000_000_000;

/** Checks a dollar amount from a MoneyInput and converts it to cents exactly. */
export function checkMoney(
  value: number | undefined,
  options: { required?: boolean; signed?: boolean } = {},
): { cents: number | undefined; error?: string } {
  if (value === undefined)
    return options.required
      ? { cents: undefined, error: 'Enter an amount (0 if none).' }
      : { cents: undefined };
  if (Number.isNaN(value)) return { cents: undefined, error: 'Enter an amount in dollars, like 1,234.50.' };
  if (value < 0 && !options.signed) return { cents: undefined, error: 'The amount can’t be negative.' };
  const cents = dollarsToCentsExact(value);
  if (cents === null) return { cents: undefined, error: 'Use at most two decimal places (cents).' };
  if (Math.abs(cents) > MAX_CENTS) return { cents: undefined, error: 'That amount is too large.' };
  return { cents };
}

/** A money question whose value is integer cents; only a valid amount is passed on. */
export function CentsField({
  label,
  hint,
  cents,
  onCents,
  required,
  signed,
  optional,
  disabled,
  id,
  layout,
}: {
  label: ReactNode;
  hint?: ReactNode;
  cents: number | undefined;
  onCents: (cents: number | undefined) => void;
  required?: boolean;
  signed?: boolean;
  optional?: boolean;
  disabled?: boolean;
  id?: string;
  layout?: 'stacked' | 'inline';
}) {
  const [value, setValue] = useState<number | undefined>(cents === undefined ? undefined : cents / 100);
  const [error, setError] = useState<string | undefined>();
  const last = useRef(cents);
  // A new value from outside (another version loaded): show it.
  useEffect(() => {
    if (cents !== last.current) {
      last.current = cents;
      setValue(cents === undefined ? undefined : cents / 100);
      setError(undefined);
    }
  }, [cents]);
  return (
    <MoneyInput
      id={id}
      label={label}
      hint={hint}
      optional={optional}
      layout={layout}
      disabled={disabled}
      value={value}
      error={error}
      onChange={(next) => {
        setValue(next);
        const checked = checkMoney(next, { required, signed });
        setError(checked.error);
        if (!checked.error) {
          last.current = checked.cents;
          onCents(checked.cents);
        }
      }}
    />
  );
}

/** A whole number (days, children, kilometres), passed on only when valid. */
export function IntegerField({
  label,
  hint,
  value,
  onValue,
  min = 0,
  max,
  disabled,
  id,
  optional,
}: {
  label: ReactNode;
  hint?: ReactNode;
  value: number | undefined;
  onValue: (value: number | undefined) => void;
  min?: number;
  max?: number;
  disabled?: boolean;
  id?: string;
  optional?: boolean;
}) {
  const [text, setText] = useState(value === undefined ? '' : String(value));
  const [error, setError] = useState<string | undefined>();
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value === undefined ? '' : String(value));
      setError(undefined);
    }
  }, [value]);
  return (
    <TextField
      id={id}
      label={label}
      hint={hint}
      optional={optional}
      inputMode="numeric"
      autoComplete="off"
      disabled={disabled}
      value={text}
      error={error}
      inputClassName="tabular"
      onChange={(event) => {
        const next = event.target.value;
        setText(next);
        const cleaned = next.replace(/[\s,]/g, '');
        if (cleaned === '') {
          setError(undefined);
          last.current = undefined;
          onValue(undefined);
          return;
        }
        if (!/^\d+$/.test(cleaned)) {
          setError('Enter a whole number, like 3.');
          return;
        }
        const parsed = Number(cleaned);
        if (parsed < min || (max !== undefined && parsed > max)) {
          setError(max !== undefined ? `Enter a number from ${min} to ${max}.` : `Enter ${min} or more.`);
          return;
        }
        setError(undefined);
        last.current = parsed;
        onValue(parsed);
      }}
    />
  );
}
