import type { Ref, SelectHTMLAttributes } from 'react';
import { cn } from '../lib/cn';
import { Field, controlClasses, type FieldBaseProps } from './Field';
import { ChevronDownIcon } from './Icons';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export interface SelectProps
  extends FieldBaseProps, Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id' | 'className'> {
  options: readonly SelectOption[];
  ref?: Ref<HTMLSelectElement>;
}

/** A native select (best on phones and with assistive technology), styled to match the inputs. */
export function Select({
  label,
  hint,
  error,
  optional,
  required,
  id,
  layout,
  className,
  options,
  ref,
  ...select
}: SelectProps) {
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
          <select
            ref={ref}
            required={required}
            className={cn(controlClasses(Boolean(error)), 'appearance-none pr-10')}
            {...control}
            {...select}
          >
            {options.map((option) => (
              <option key={option.value} value={option.value} disabled={option.disabled}>
                {option.label}
              </option>
            ))}
          </select>
          <ChevronDownIcon className="pointer-events-none absolute inset-y-0 right-3 my-auto size-4 text-slate-500" />
        </div>
      )}
    </Field>
  );
}
