import { useState, type InputHTMLAttributes, type Ref } from 'react';
import { formatAmount, parseMoney } from '../lib/format';
import { Field, controlClasses, type FieldBaseProps } from './Field';

export interface MoneyInputProps
  extends
    FieldBaseProps,
    Omit<
      InputHTMLAttributes<HTMLInputElement>,
      'id' | 'className' | 'value' | 'defaultValue' | 'onChange' | 'type'
    > {
  /** Dollars; `undefined`/`null` for an empty field, `NaN` while the text is not an amount. */
  value: number | null | undefined;
  /** Called on every keystroke with the parsed amount (`undefined` when empty, `NaN` when not an amount). */
  onChange: (value: number | undefined) => void;
  ref?: Ref<HTMLInputElement>;
}

function same(a: number | null | undefined, b: number | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return Object.is(a, b) || (Number.isNaN(a) && Number.isNaN(b));
}

function display(value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) return '';
  return formatAmount(value, { trimZeroCents: true });
}

/**
 * An Australian-dollar amount. Accepts what people type (`85000.5`, `85,000.50`, `$85 000`) and
 * shows it formatted (`85,000.50`) once they leave the field. Text that is not an amount is kept
 * as typed and reported as `NaN`, so the form's schema can say what is wrong.
 */
export function MoneyInput({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout,
  className,
  value,
  onChange,
  onFocus,
  onBlur,
  ref,
  placeholder = '0',
  ...input
}: MoneyInputProps) {
  // What the person typed. Shown only while it still means the current value; otherwise the
  // formatted value is shown (so a form reset or a formatted blur replaces it).
  const [draft, setDraft] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  const text =
    draft !== null && (focused || Number.isNaN(value ?? 0)) && same(parseMoney(draft), value)
      ? draft
      : display(value);

  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      optional={optional}
      required={required}
      id={id}
      layout={layout}
      className={className}
    >
      {(control) => (
        <div className="relative">
          <span
            aria-hidden="true"
            className="pointer-events-none absolute inset-y-0 left-0 flex items-center pl-3 text-base text-slate-500 sm:text-sm"
          >
            $
          </span>
          <input
            ref={ref}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            spellCheck={false}
            required={required}
            placeholder={placeholder}
            className={controlClasses(Boolean(error), 'pl-7 tabular')}
            {...control}
            {...input}
            value={text}
            onFocus={(event) => {
              setFocused(true);
              setDraft(text);
              onFocus?.(event);
            }}
            onChange={(event) => {
              setDraft(event.target.value);
              onChange(parseMoney(event.target.value));
            }}
            onBlur={(event) => {
              setFocused(false);
              onBlur?.(event);
            }}
          />
        </div>
      )}
    </Field>
  );
}
