import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import { cn } from '../lib/cn';
import { FieldError } from './Field';

interface ToggleBaseProps {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  id?: string;
  className?: string;
}

export interface CheckboxProps
  extends ToggleBaseProps, Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'className' | 'type'> {
  ref?: Ref<HTMLInputElement>;
}

/** A native checkbox with its label and hint beside it. */
export function Checkbox({ label, hint, error, id, className, ref, ...input }: CheckboxProps) {
  const generated = useId();
  const controlId = id ?? `checkbox${generated.replace(/:/g, '')}`;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <div className="flex h-6 items-center">
          <input
            ref={ref}
            id={controlId}
            type="checkbox"
            aria-describedby={describedBy || undefined}
            aria-invalid={error ? true : undefined}
            className="size-4 rounded border-slate-300 accent-teal-700"
            {...input}
          />
        </div>
        <div className="text-sm leading-6">
          <label htmlFor={controlId} className="font-medium text-slate-900">
            {label}
          </label>
          {hint ? (
            <p id={`${controlId}-hint`} className="text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
      </div>
      <FieldError id={`${controlId}-error`} message={error} />
    </div>
  );
}

export interface SwitchProps extends ToggleBaseProps {
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
  disabled?: boolean;
  name?: string;
  onBlur?: () => void;
  ref?: Ref<HTMLButtonElement>;
}

/** An on/off switch (`role="switch"`) for yes/no questions; the label sits on the left. */
export function Switch({
  label,
  hint,
  error,
  id,
  className,
  checked,
  onCheckedChange,
  disabled,
  name,
  onBlur,
  ref,
}: SwitchProps) {
  const generated = useId();
  const controlId = id ?? `switch${generated.replace(/:/g, '')}`;
  const describedBy = [hint ? `${controlId}-hint` : null, error ? `${controlId}-error` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={className}>
      <div className="flex items-start justify-between gap-4">
        <div className="text-sm leading-6">
          <label htmlFor={controlId} className="font-medium text-slate-900">
            {label}
          </label>
          {hint ? (
            <p id={`${controlId}-hint`} className="text-slate-600">
              {hint}
            </p>
          ) : null}
        </div>
        <button
          ref={ref}
          id={controlId}
          type="button"
          role="switch"
          name={name}
          aria-checked={checked}
          aria-describedby={describedBy || undefined}
          disabled={disabled}
          onClick={() => onCheckedChange(!checked)}
          onBlur={onBlur}
          className={cn(
            'relative mt-0.5 inline-flex h-6 w-11 shrink-0 cursor-pointer rounded-full p-0.5 transition-colors',
            'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-teal-700',
            'disabled:cursor-not-allowed disabled:opacity-60',
            checked ? 'bg-teal-700' : 'bg-slate-300 hover:bg-slate-400',
          )}
        >
          <span
            aria-hidden="true"
            className={cn(
              'size-5 rounded-full bg-white shadow-sm ring-1 ring-slate-900/5 transition-transform',
              checked ? 'translate-x-5' : 'translate-x-0',
            )}
          />
        </button>
      </div>
      <FieldError id={`${controlId}-error`} message={error} />
    </div>
  );
}
