import { controlClasses, Field } from '../../components';
import { cn } from '../../lib/cn';

/** A percentage (0–100) typed as text, with "%" shown after it. */
export function PercentField({
  label,
  hint,
  value,
  onChange,
  error,
}: {
  label: string;
  hint?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}) {
  return (
    <Field label={label} hint={hint} error={error}>
      {(control) => (
        <div className="relative w-32">
          <input
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={value}
            onChange={(event) => onChange(event.target.value)}
            className={cn(controlClasses(Boolean(error)), 'pr-8 tabular')}
            {...control}
          />
          <span
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 right-0 flex items-center pr-3 text-base text-slate-500 sm:text-sm"
          >
            %
          </span>
        </div>
      )}
    </Field>
  );
}
